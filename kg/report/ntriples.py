"""The report's reading of ``graph.trig``: its N-Triples lines, one at a time.

``kg build`` writes each article's block of ``graph.trig`` as N-Triples lines, so the
report reads the file line by line and keeps only what the charts use (:class:`ReportData`),
whatever the size of the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.report.data import ReportData

__all__ = ["collect"]

_LINE = re.compile(
    r'^(<[^>]*>|_:\S+)\s+<([^>]*)>\s+(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?)\s*\.\s*$'
)
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if code[0] in "uU" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _SIMPLE.get(code, code)

    return _ESCAPE.sub(one, text)


def _object(token: str) -> str:
    if token.startswith("<"):
        return token[1:-1]
    if token.startswith('"'):
        end = token.rindex('"')
        return _unescape(token[1:end])
    return token


def collect(lines: Iterable[str]) -> ReportData:
    """The chart data of N-Triples lines (other lines, as TriG's braces and prefixes, are passed over)."""
    data = ReportData()
    for line in lines:
        if not line.startswith(("<", "_:")) or line.rstrip().endswith("{"):
            continue
        m = _LINE.match(line.strip())
        if m:
            data.add(_object(m.group(1)), m.group(2), _object(m.group(3)))
    return data
