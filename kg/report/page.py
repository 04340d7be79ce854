"""The report page: the package's ``report.html`` and ``report.css`` filled with the charts.

``report.html`` is a :class:`string.Template` (``$name`` placeholders); its values are
markup made here and in :mod:`kg.report.charts`, where every text of the graph is escaped.
The page has no script, and its content security policy allows none and no network access.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

from kg.ontology import vocabulary
from kg.report.charts import bar_chart, escape, line_chart, timeline
from kg.report.data import ReportData, inspections_per_committee_year, measures_over_time, rounds_timeline

__all__ = ["package_file", "render_report", "write_report"]


@cache
def package_file(name: str) -> str:
    """The text of one of this package's files (``report.html``, ``report.css``)."""
    return resources.files("kg.report").joinpath(name).read_text(encoding="utf-8")


def render_report(
    data: ReportData,
    *,
    summary: Mapping[str, object] | None = None,
    skipped: Sequence[Mapping[str, str]] = (),
    title: str = "巡视巡察知识图谱报告",
) -> str:
    """The page, as text.

    ``summary`` may give the counts of ``articles``, ``nodes`` and ``relationships``;
    ``skipped`` lists the inputs left out, each with its ``source`` and ``reason``.
    """
    per_year, undated = inspections_per_committee_year(data)
    charts = _measure_charts(data)
    return Template(package_file("report.html")).substitute(
        title=escape(title),
        css=package_file("report.css"),
        cards=_cards(data, summary or {}, len(skipped)),
        inspections=bar_chart(per_year, "巡视（一次）数 inspections"),
        undated=undated,
        measures=f"<div class='grid-charts'>{charts}</div>"
        if charts
        else "<p class='empty'>No dated figures.</p>",
        rounds=timeline(rounds_timeline(data), "轮次 rounds (届-轮 term-round)"),
        skipped=_skipped_table(skipped),
    )


def write_report(
    data: ReportData,
    path: str | Path,
    *,
    summary: Mapping[str, object] | None = None,
    skipped: Sequence[Mapping[str, str]] = (),
) -> Path:
    """Write the page to ``path``; returns it."""
    out = Path(path)
    out.write_text(render_report(data, summary=summary, skipped=skipped), encoding="utf-8")
    return out


def _cards(data: ReportData, summary: Mapping[str, object], skipped: int) -> str:
    """The counts at the top of the page (those the summary does not give are left out)."""
    counts = (
        ("篇报道 articles", summary.get("articles", len(data.of("Article")))),
        ("次巡视 inspections", len(data.of("Inspection"))),
        ("个轮次 rounds", len(data.of("InspectionRound"))),
        ("项数据 figures", len(data.of("Statistic"))),
        ("个节点 nodes", summary.get("nodes", "")),
        ("条关系 relationships", summary.get("relationships", "")),
        ("跳过 skipped", skipped),
    )
    return "".join(f"<div><b>{escape(v)}</b>{escape(k)}</div>" for k, v in counts if v != "")


def _measure_charts(data: ReportData) -> str:
    """One line chart per measure, the most reported first."""
    measures = {m.name: m for m in vocabulary().measures.values()}
    over_time = measures_over_time(data)
    units: dict[str, str] = {}
    for n in data.of("Statistic"):
        units.setdefault(data.get(n, "measure") or "", data.get(n, "unit") or "")
    charts = []
    for name in sorted(over_time, key=lambda m: (-sum(len(s) for s in over_time[m].values()), m)):
        m = measures.get(name)
        label = f"{m.label_zh} {m.label_en}" if m else name
        charts.append(line_chart(over_time[name], label, units.get(name, "")))
    return "".join(charts)


def _skipped_table(skipped: Sequence[Mapping[str, str]]) -> str:
    if not skipped:
        return '<p class="empty">没有跳过的输入 — no input was skipped.</p>'
    rows = "".join(
        f"<tr><td>{escape(s.get('source', ''))}</td><td>{escape(s.get('reason', ''))}</td></tr>"
        for s in skipped
    )
    head = "<thead><tr><th>输入 input</th><th>原因 reason</th></tr></thead>"
    return f'<table class="skipped">{head}<tbody>{rows}</tbody></table>'
