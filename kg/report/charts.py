"""The report's charts, drawn as inline SVG (no script): bars, lines and a timeline.

Every text of the graph is escaped, so hostile article text shows as text.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = ["bar_chart", "escape", "line_chart", "timeline"]

_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")
_MAX_SERIES = 8


def escape(text: object) -> str:
    """Text as HTML text or attribute value."""
    return html.escape(str(text), quote=True)


def _top(keys: Iterable[str], weight: Callable[[str], float], n: int = _MAX_SERIES) -> list[str]:
    return sorted(keys, key=lambda k: (-weight(k), k))[:n]


def _legend(names: Sequence[str]) -> str:
    items = "".join(
        f'<li><span class="sw" style="background:{_COLOURS[i % len(_COLOURS)]}"></span>{escape(n)}</li>'
        for i, n in enumerate(names)
    )
    return f'<ul class="legend">{items}</ul>'


def _nice(top: float) -> float:
    """The axis maximum: four steps of 1, 2, 2.5 or 5 times a power of ten, at least ``top``."""
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


def _figure(kind: str, title: str, w: int, h: int, parts: Sequence[str], legend: str = "") -> str:
    """A captioned chart: an SVG of ``w`` by ``h`` made of ``parts``, and its legend."""
    svg = f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="{escape(title)}">{"".join(parts)}</svg>'
    return f'<figure class="chart {kind}"><figcaption>{escape(title)}</figcaption>{svg}{legend}</figure>'


def bar_chart(per: Mapping[str, Counter[int]], title: str) -> str:
    """Stacked bars: one per year, one colour per committee (the largest, the rest as 其他 other)."""
    if not per:
        return f'<p class="empty">{escape(title)}: no dated inspections.</p>'
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
                f'fill="{_COLOURS[j % len(_COLOURS)]}"><title>{escape(name)} {year}: {count}</title></rect>'
            )
        mid = x + slot * 0.35
        parts.append(
            f'<text x="{mid:.1f}" y="{h - pad + 16}" class="tick" text-anchor="middle">{year}</text>'
        )
        parts.append(
            f'<text x="{mid:.1f}" y="{y - 4:.1f}" class="tick" text-anchor="middle">{totals[year]}</text>'
        )
    return _figure("bars", title, w, h, parts, _legend(list(groups)))


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
                f"<title>{escape(name)} {year}: {_fmt(value)}{escape(unit)}</title></circle>"
            )
    return _figure("line", title, w, h, parts, _legend(names))


def timeline(rounds: Mapping[str, Sequence[tuple[float, str, str]]], title: str) -> str:
    """One row per committee, a mark per round at the time its teams were stationed (else its year)."""
    if not rounds:
        return f'<p class="empty">{escape(title)}: no dated rounds.</p>'
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
            f'<text x="{left - 8}" y="{y + 4}" class="name" text-anchor="end">'
            f"{escape(_short(name, 14))}</text>"
        )
        parts.append(f'<line x1="{left}" y1="{y}" x2="{w - 20}" y2="{y}" class="axis"/>')
        for j, (when, mark, full) in enumerate(rounds[name]):
            x = left + (when - lo) * scale
            dy = -9 if j % 2 == 0 else 17
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="{_COLOURS[i % len(_COLOURS)]}">'
                f"<title>{escape(full)}</title></circle>"
                f'<text x="{x:.1f}" y="{y + dy}" class="mark" text-anchor="middle">{escape(mark)}</text>'
            )
    return _figure("timeline", title, w, h, parts)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n // 2] + "…" + text[-(n - n // 2 - 1) :]
