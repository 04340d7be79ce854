"""``report.html``: the offline overview page ``kg build`` writes beside the graph.

Charts, drawn as inline SVG (:mod:`kg.report.charts`; no script, no network, a content
security policy that allows neither): inspections per committee per year, each measure over
time (one series per committee or province), the rounds of each committee on a timeline,
and the table of inputs that were skipped. Every text of the graph is escaped, so hostile
article text shows as text. The page is the package files ``report.html`` and
``report.css``, filled by :mod:`kg.report.page`.

The figures are read from ``graph.trig`` line by line (its N-Triples, one article's
block after another; :mod:`kg.report.ntriples`), keeping only the few properties the
charts use (:mod:`kg.report.data`), so the page is written for corpora of any size.

Example
-------
>>> data = collect(open("out/graph.trig", encoding="utf-8"))  # doctest: +SKIP
>>> write_report(data, "out/report.html", summary={"articles": 25})  # doctest: +SKIP
"""

from __future__ import annotations

from kg.report.charts import bar_chart, line_chart, timeline
from kg.report.data import (
    ReportData,
    collect_graph,
    inspections_per_committee_year,
    measures_over_time,
    rounds_timeline,
)
from kg.report.ntriples import collect
from kg.report.page import render_report, write_report

__all__ = [
    "ReportData",
    "bar_chart",
    "collect",
    "collect_graph",
    "inspections_per_committee_year",
    "line_chart",
    "measures_over_time",
    "render_report",
    "rounds_timeline",
    "timeline",
    "write_report",
]
