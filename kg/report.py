"""``report.html``: the offline overview page ``kg build`` writes beside the graph.

Charts, drawn as inline SVG by this module (no script, no network, a content security
policy that allows neither): inspections per committee per year, each measure over time
(one series per committee or province), the rounds of each committee on a timeline, and
the table of inputs that were skipped. Every text of the graph is escaped, so hostile
article text shows as text.

The figures are read from ``graph.trig`` line by line (its N-Triples, one article's
block after another), keeping only the few properties the charts use, so the page is
written for corpora of any size.

Example
-------
>>> data = collect(open("out/graph.trig", encoding="utf-8"))  # doctest: +SKIP
>>> write_report(data, "out/report.html", summary={"articles": 25})  # doctest: +SKIP
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.ontology import ACSN_IRI

__all__ = ["ReportData", "collect", "collect_graph", "render_report", "write_report"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_KEPT_TYPES = {
    "Inspection",
    "InspectionRound",
    "Statistic",
    "PartyCommittee",
    "Region",
    "Organization",
    "Article",
}
_KEPT_PROPS = {
    "inRound",
    "byTeam",
    "conductedBy",
    "teamOf",
    "startDate",
    "feedbackDate",
    "term",
    "ordinal",
    "year",
    "measure",
    "value",
    "unit",
    "period",
    "scope",
    "jurisdiction",
    "locatedIn",
    "adminCode",
    "adminLevel",
    "partOf",
    "published",
}
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


@dataclass
class ReportData:
    """The part of the graph the charts use: a few properties of a few kinds of node."""

    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    labels: dict[str, str] = field(default_factory=dict)
    props: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, s: str, p: str, o: str) -> None:
        """Keep one triple when the charts use it."""
        if p == _RDF_TYPE:
            if o.startswith(ACSN_IRI) and o[len(ACSN_IRI) :] in _KEPT_TYPES:
                self.types[s].add(o[len(ACSN_IRI) :])
        elif p == _LABEL:
            self.labels.setdefault(s, o)
        elif p == _DERIVED:
            self.props[s].setdefault("article", o)
        elif p.startswith(ACSN_IRI) and p[len(ACSN_IRI) :] in _KEPT_PROPS:
            self.props[s].setdefault(p[len(ACSN_IRI) :], o)

    def of(self, kind: str) -> list[str]:
        return sorted(s for s, t in self.types.items() if kind in t)

    def get(self, node: str | None, prop: str) -> str | None:
        return self.props.get(node, {}).get(prop) if node else None

    def label(self, node: str | None) -> str:
        return self.labels.get(node or "", "") or (node or "").rsplit("/", 1)[-1]


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


def collect_graph(graph: Any) -> ReportData:
    """The chart data of an rdflib graph."""
    data = ReportData()
    for s, p, o in graph:
        data.add(str(s), str(p), str(o))
    return data


# ---------------------------------------------------------------- what the charts show
def _year(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def _committee(data: ReportData, inspection: str) -> str | None:
    round_ = data.get(inspection, "inRound")
    return data.get(round_, "conductedBy") or data.get(data.get(inspection, "byTeam"), "teamOf")


def inspections_per_committee_year(data: ReportData) -> tuple[dict[str, Counter[int]], int]:
    """Inspections by committee and year (stationed, else the round's year, else the article's);
    and how many have no year."""
    out: dict[str, Counter[int]] = defaultdict(Counter)
    undated = 0
    for n in data.of("Inspection"):
        round_ = data.get(n, "inRound")
        year = (
            _year(data.get(n, "startDate"))
            or _year(data.get(round_, "year"))
            or _year(data.get(n, "feedbackDate"))
            or _year(data.get(data.get(n, "article"), "published"))
        )
        if year is None:
            undated += 1
            continue
        out[data.label(_committee(data, n)) or "?"][year] += 1
    return dict(out), undated


def _province(data: ReportData, region: str | None) -> str | None:
    for _ in range(5):
        if region is None:
            return None
        code = data.get(region, "adminCode")
        if data.get(region, "adminLevel") == "province" or (code and code.endswith("0000")):
            return data.label(region)
        region = data.get(region, "partOf")
    return data.label(region) if region else None


def _series(data: ReportData, scope: str | None) -> str:
    """A figure's series: the committee it counts over, else its province."""
    if scope is None:
        return "未注明范围 no scope"
    kinds = data.types.get(scope, set())
    if "InspectionRound" in kinds:
        return data.label(data.get(scope, "conductedBy"))
    if "PartyCommittee" in kinds:
        return data.label(scope)
    if "Region" in kinds:
        return _province(data, scope) or data.label(scope)
    return _province(data, data.get(scope, "locatedIn")) or data.label(scope)


def measures_over_time(data: ReportData) -> dict[str, dict[str, dict[int, float]]]:
    """Per measure, per series, per year of the period: the largest figure reported."""
    out: dict[str, dict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(dict))
    for n in data.of("Statistic"):
        measure, value = data.get(n, "measure"), data.get(n, "value")
        year = _year(data.get(n, "period")) or _year(data.get(data.get(n, "article"), "published"))
        if not measure or value is None or year is None:
            continue
        try:
            number = float(value)
        except ValueError:
            continue
        points = out[measure][_series(data, data.get(n, "scope"))]
        points[year] = max(points.get(year, number), number)
    return {m: dict(s) for m, s in out.items()}


def _when(value: str | None) -> float | None:
    """A partial ISO date as a year with the month as a fraction (2019-07 -> 2019.5)."""
    year = _year(value)
    if year is None or value is None:
        return None
    month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else 1
    return year + (month - 1) / 12


def rounds_timeline(data: ReportData) -> dict[str, list[tuple[float, str, str]]]:
    """Per committee, its rounds as (time in years, short mark ``14-8``, name), earliest first.

    The time is the earliest stationing of its teams, else the round's year, else the earliest
    date of an article about it.
    """
    starts: dict[str, list[float]] = defaultdict(list)
    published: dict[str, list[float]] = defaultdict(list)
    for n in data.of("Inspection"):
        round_ = data.get(n, "inRound")
        if not round_:
            continue
        start = _when(data.get(n, "startDate"))
        if start is not None:
            starts[round_].append(start)
        seen = _when(data.get(data.get(n, "article"), "published"))
        if seen is not None:
            published[round_].append(seen)
    out: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    for r in data.of("InspectionRound"):
        own = _when(data.get(data.get(r, "article"), "published"))
        when = (
            min(starts[r])
            if starts.get(r)
            else _year(data.get(r, "year"))
            or min([*published.get(r, []), *([own] if own else [])], default=None)
        )
        if when is None:
            continue
        mark = f"{data.get(r, 'term') or '?'}-{data.get(r, 'ordinal') or '?'}"
        out[data.label(data.get(r, "conductedBy"))].append((float(when), mark, data.label(r)))
    return {c: sorted(v) for c, v in out.items()}


# ---------------------------------------------------------------- drawing
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")
_MAX_SERIES = 8


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _top(keys: Mapping[str, Any], weight: Any, n: int = _MAX_SERIES) -> list[str]:
    return sorted(keys, key=lambda k: (-weight(k), k))[:n]


def _legend(names: Sequence[str]) -> str:
    items = "".join(
        f'<li><span class="sw" style="background:{_COLOURS[i % len(_COLOURS)]}"></span>{_e(n)}</li>'
        for i, n in enumerate(names)
    )
    return f'<ul class="legend">{items}</ul>'


def _nice(top: float) -> float:
    """The axis maximum: four steps of 1, 2, 2.5 or 5 times a power of ten, at least ``top``."""
    import math

    if top <= 0:
        return 1.0
    raw = top / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return 4 * step


def _axes(w: int, h: int, pad: int, top: float, xs: Sequence[int]) -> list[str]:
    parts = [f'<line x1="{pad}" y1="{h - pad}" x2="{w - 10}" y2="{h - pad}" class="axis"/>']
    parts.append(f'<line x1="{pad}" y1="10" x2="{pad}" y2="{h - pad}" class="axis"/>')
    for i in range(5):
        v = top * i / 4
        y = h - pad - (h - pad - 10) * i / 4
        parts.append(f'<text x="{pad - 4}" y="{y + 4:.0f}" class="tick" text-anchor="end">{_fmt(v)}</text>')
        parts.append(f'<line x1="{pad}" y1="{y:.0f}" x2="{w - 10}" y2="{y:.0f}" class="grid"/>')
    return parts


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 10 or v == int(v) else f"{v:.2f}"


def bar_chart(per: Mapping[str, Counter[int]], title: str) -> str:
    """Stacked bars: one per year, one colour per committee (the largest, the rest as 其他 other)."""
    if not per:
        return f'<p class="empty">{_e(title)}: no dated inspections.</p>'
    names = _top(per, lambda k: sum(per[k].values()))
    rest = [k for k in per if k not in names]
    groups = {n: per[n] for n in names}
    if rest:
        groups["其他 other"] = sum((per[k] for k in rest), Counter())
    years = sorted({y for c in per.values() for y in c})
    totals = {y: sum(c.get(y, 0) for c in groups.values()) for y in years}
    w, h, pad = 760, 300, 48
    top = max(_nice(max(totals.values())), 4.0)  # whole numbers on the axis of counts
    slot = (w - pad - 10) / len(years)
    parts = _axes(w, h, pad, top, years)
    for i, year in enumerate(years):
        x = pad + i * slot + slot * 0.15
        y: float = h - pad
        for j, (name, counts) in enumerate(groups.items()):
            count = counts.get(year, 0)
            if not count:
                continue
            bh = (h - pad - 10) * count / top
            y -= bh
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{bh:.1f}" '
                f'fill="{_COLOURS[j % len(_COLOURS)]}"><title>{_e(name)} {year}: {count}</title></rect>'
            )
        mid = x + slot * 0.35
        parts.append(
            f'<text x="{mid:.1f}" y="{h - pad + 16}" class="tick" text-anchor="middle">{year}</text>'
        )
        parts.append(
            f'<text x="{mid:.1f}" y="{y - 4:.1f}" class="tick" text-anchor="middle">{totals[year]}</text>'
        )
    svg = f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="{_e(title)}">{"".join(parts)}</svg>'
    legend = _legend(list(groups))
    return f'<figure class="chart bars"><figcaption>{_e(title)}</figcaption>{svg}{legend}</figure>'


def line_chart(series: Mapping[str, Mapping[int, float]], title: str, unit: str = "") -> str:
    """One line per series over the years; a single year draws points."""
    names = _top(series, lambda k: len(series[k]))
    years = sorted({y for n in names for y in series[n]})
    w, h, pad = 360, 220, 52
    top = _nice(max(v for n in names for v in series[n].values()))
    span = max(years[-1] - years[0], 1)
    lo = years[0] - (0.5 if len(years) == 1 else 0)
    span = span if len(years) > 1 else 1

    def xy(year: int, value: float) -> tuple[float, float]:
        x = pad + (w - pad - 20) * ((year - lo) / span if len(years) > 1 else 0.5)
        return x, h - pad - (h - pad - 10) * value / top

    parts = _axes(w, h, pad, top, years)
    for year in years:
        x, _ = xy(year, 0)
        parts.append(f'<text x="{x:.1f}" y="{h - pad + 16}" class="tick" text-anchor="middle">{year}</text>')
    for i, name in enumerate(names):
        colour = _COLOURS[i % len(_COLOURS)]
        points = [xy(y, v) for y, v in sorted(series[name].items())]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for (year, value), (x, y) in zip(sorted(series[name].items()), points, strict=True):
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}">'
                f"<title>{_e(name)} {year}: {_fmt(value)}{_e(unit)}</title></circle>"
            )
    svg = f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="{_e(title)}">{"".join(parts)}</svg>'
    return f'<figure class="chart line"><figcaption>{_e(title)}</figcaption>{svg}{_legend(names)}</figure>'


def timeline(rounds: Mapping[str, Sequence[tuple[float, str, str]]], title: str) -> str:
    """One row per committee, a mark per round at the time its teams were stationed (else its year)."""
    if not rounds:
        return f'<p class="empty">{_e(title)}: no dated rounds.</p>'
    names = _top(rounds, lambda k: len(rounds[k]), 15)
    times = [t for n in names for t, _, _ in rounds[n]]
    lo, hi = int(min(times)), int(max(times)) + 1
    row, left, w = 34, 190, 760
    h = row * len(names) + 40
    scale = (w - left - 20) / max(hi - lo, 1)
    parts = []
    for year in range(lo, hi + 1):
        x = left + (year - lo) * scale
        parts.append(f'<line x1="{x:.1f}" y1="6" x2="{x:.1f}" y2="{h - 28}" class="grid"/>')
        parts.append(f'<text x="{x:.1f}" y="{h - 10}" class="tick" text-anchor="middle">{year}</text>')
    for i, name in enumerate(names):
        y = 22 + i * row
        parts.append(
            f'<text x="{left - 8}" y="{y + 4}" class="name" text-anchor="end">{_e(_short(name, 14))}</text>'
        )
        parts.append(f'<line x1="{left}" y1="{y}" x2="{w - 20}" y2="{y}" class="axis"/>')
        for j, (when, mark, full) in enumerate(rounds[name]):
            x = left + (when - lo) * scale
            dy = -9 if j % 2 == 0 else 17
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="{_COLOURS[i % len(_COLOURS)]}">'
                f"<title>{_e(full)}</title></circle>"
                f'<text x="{x:.1f}" y="{y + dy}" class="mark" text-anchor="middle">{_e(mark)}</text>'
            )
    svg = f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="{_e(title)}">{"".join(parts)}</svg>'
    return f'<figure class="chart timeline"><figcaption>{_e(title)}</figcaption>{svg}</figure>'


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n // 2] + "…" + text[-(n - n // 2 - 1) :]


def _skipped_table(skipped: Sequence[Mapping[str, str]]) -> str:
    if not skipped:
        return '<p class="empty">没有跳过的输入 — no input was skipped.</p>'
    rows = "".join(
        f"<tr><td>{_e(s.get('source', ''))}</td><td>{_e(s.get('reason', ''))}</td></tr>" for s in skipped
    )
    head = "<thead><tr><th>输入 input</th><th>原因 reason</th></tr></thead>"
    return f'<table class="skipped">{head}<tbody>{rows}</tbody></table>'


_CSS = """
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:24px auto;max-width:1180px;color:#222;background:#fff;padding:0 16px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.en{color:#666;font-weight:normal}.summary{display:flex;gap:18px;flex-wrap:wrap;margin:12px 0}
.summary div{background:#f4f6f8;border-radius:6px;padding:8px 14px}.summary b{font-size:20px;display:block}
.grid-charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:12px}
figure{margin:0;background:#fafbfc;border:1px solid #e3e6ea;border-radius:6px;padding:8px}
figcaption{font-size:14px;font-weight:bold;margin-bottom:4px}svg{width:100%;height:auto;display:block}
.axis{stroke:#888;stroke-width:1}.grid{stroke:#e6e6e6;stroke-width:1}.tick{font-size:11px;fill:#555}
.name{font-size:12px;fill:#222}.mark{font-size:10px;fill:#333}
.legend{list-style:none;padding:0;margin:4px 0 0;display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12px}
.sw{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}
.empty{color:#666}.note{color:#666;font-size:12px}
"""


def render_report(
    data: ReportData,
    *,
    summary: Mapping[str, Any] | None = None,
    skipped: Sequence[Mapping[str, str]] = (),
    title: str = "巡视巡察知识图谱报告",
) -> str:
    """The page, as text."""
    from kg.ontology import vocabulary

    measures = {m.name: m for m in vocabulary().measures.values()}
    per_year, undated = inspections_per_committee_year(data)
    over_time = measures_over_time(data)
    units: dict[str, str] = {}
    for n in data.of("Statistic"):
        units.setdefault(data.get(n, "measure") or "", data.get(n, "unit") or "")
    charts = []
    for name in sorted(over_time, key=lambda m: (-sum(len(s) for s in over_time[m].values()), m)):
        m = measures.get(name)
        label = f"{m.label_zh} {m.label_en}" if m else name
        charts.append(line_chart(over_time[name], label, units.get(name, "")))
    info = dict(summary or {})
    cards = "".join(
        f"<div><b>{_e(v)}</b>{_e(k)}</div>"
        for k, v in (
            ("篇报道 articles", info.get("articles", len(data.of("Article")))),
            ("次巡视 inspections", len(data.of("Inspection"))),
            ("个轮次 rounds", len(data.of("InspectionRound"))),
            ("项数据 figures", len(data.of("Statistic"))),
            ("个节点 nodes", info.get("nodes", "")),
            ("条关系 relationships", info.get("relationships", "")),
            ("跳过 skipped", len(skipped)),
        )
        if v != ""
    )
    body = [
        f"<h1>{_e(title)} <span class='en'>Knowledge graph report</span></h1>",
        f"<div class='summary'>{cards}</div>",
        "<h2>各党委每年巡视次数 <span class='en'>Inspections per committee per year</span></h2>",
        bar_chart(per_year, "巡视（一次）数 inspections"),
        f"<p class='note'>Year the team was stationed (进驻), else the round's year, else the article's; "
        f"{undated} inspection(s) without any year are not drawn.</p>",
        "<h2>各项指标随时间变化 <span class='en'>Each measure over time, by committee or province</span>"
        "</h2>",
        f"<div class='grid-charts'>{''.join(charts)}</div>"
        if charts
        else "<p class='empty'>No dated figures.</p>",
        "<p class='note'>Year of the period a figure covers (else of its article); where several figures "
        "of one series fall in one year, the largest.</p>",
        "<h2>各党委巡视轮次时间线 <span class='en'>The rounds of each committee</span></h2>",
        timeline(rounds_timeline(data), "轮次 rounds (届-轮 term-round)"),
        "<h2>跳过的输入 <span class='en'>Skipped inputs</span></h2>",
        _skipped_table(skipped),
    ]
    return (
        "<!DOCTYPE html>\n<html lang='zh'><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<meta name='viewport' content='width=device-width'><title>{_e(title)}</title>"
        f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )


def write_report(
    data: ReportData,
    path: str | Path,
    *,
    summary: Mapping[str, Any] | None = None,
    skipped: Sequence[Mapping[str, str]] = (),
) -> Path:
    """Write the page to ``path``; returns it."""
    out = Path(path)
    out.write_text(render_report(data, summary=summary, skipped=skipped), encoding="utf-8")
    return out
