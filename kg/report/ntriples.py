"""The report's reading of ``graph.trig``: its N-Triples lines, one at a time.

``kg build`` writes each article's block of ``graph.trig`` as N-Triples lines, so the
report reads the file line by line and keeps only what the charts use (:class:`ReportData`),
whatever the size of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.codec.ntriples import split, text
from kg.report.data import ReportData

__all__ = ["collect"]


def collect(lines: Iterable[str]) -> ReportData:
    """The chart data of N-Triples lines (other lines, as TriG's braces and prefixes, are passed over)."""
    data = ReportData()
    for line in lines:
        if not line.startswith(("<", "_:")) or line.rstrip().endswith("{"):
            continue
        try:
            triple = split(line)
        except ValueError:
            continue
        if triple is not None:
            s, p, o = triple
            data.add(text(s), text(p), text(o))
    return data
