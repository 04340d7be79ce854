"""The interactive HTML viewer: one self-contained page per graph, built with pyvis.

The page works offline (vis-network, its stylesheet and the viewer's own script are
inlined; nothing is fetched), and treats every piece of text from the graph as hostile:
names, aliases, evidence sentences and article metadata travel as JSON that escapes
``<``, ``>``, ``&`` and U+2028/2029, and the page puts them on screen only with
``textContent`` or as vis-network tooltip strings (which vis-network shows with
``innerText``). A Content-Security-Policy allows only the page's own scripts (by hash) and
no network access at all, so even a mistake elsewhere cannot load or run anything.

What is shown: every typed node except evidence sentences, whose text, article title,
publisher and date appear in tooltips and in the side panel instead; articles are left out
by default (every node would otherwise hang off its article and the picture would be about
articles) and can be kept with ``articles=True``. Colours and shapes come from the
ontology; node size grows with degree. Up to :data:`PHYSICS_LIMIT` nodes, vis-network's
physics refines a precomputed layout and then stops; above it, the layout is computed
beforehand (:func:`kg.netx.fast_layout`) and physics stays off. Beyond
:data:`MAX_NODES` nodes the viewer refuses (:class:`GraphTooLargeError`) and points to the
GEXF/GraphML export for Gephi.

Example
-------
>>> from rdflib import Graph
>>> page = html_page(Graph(), title="空图")
>>> "<script src=" in page
False
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import time
from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network
from rdflib import Graph

from kg.errors import KgError
from kg.export import write_text
from kg.netx import EvidenceRecord, fast_layout, node_years, to_networkx
from kg.ontology import vocabulary
from kg.terms import STYLES

__all__ = [
    "DEFAULT_TITLE",
    "FONT_STACK",
    "MAX_NODES",
    "PHYSICS_LIMIT",
    "GraphTooLargeError",
    "ViewerPage",
    "html_page",
    "render_html",
    "safe_json",
]

MAX_NODES = 20_000
"""Largest graph the viewer draws; beyond it a browser tab is no longer useful."""
PHYSICS_LIMIT = 1_000
"""Up to this many nodes vis-network's physics refines the layout in the browser."""
DEFAULT_TITLE = "巡视巡察知识图谱"
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", '
    '"PingFang SC", "Hiragino Sans GB", "Heiti SC", "SimHei", sans-serif'
)
_SCALE = 120.0  # pixels per layout unit (about one edge length)
_EDGE_LABEL_LIMIT = 200  # edge captions help on small graphs and are noise on big ones
_LABEL_MAX = 16
_HUBS = 12
"""How many of the most connected nodes keep a readable label at every zoom."""
_TIP_EVIDENCE = 2
_TIP_SENTENCE = 160
_VIS_ASSETS = ("lib/vis-9.1.2/vis-network.min.js", "lib/vis-9.1.2/vis-network.css")


class GraphTooLargeError(KgError):
    """The graph has more nodes than the viewer can usefully draw."""


@dataclass(frozen=True, slots=True)
class ViewerPage:
    """What :func:`render_html` wrote."""

    path: Path | None
    nodes: int
    edges: int
    physics: bool
    """Whether the browser refines the layout (small graphs) or uses it as is."""
    layout_seconds: float
    size_bytes: int


def safe_json(value: Any) -> str:
    """JSON that can sit inside an HTML ``<script>`` element without ending it or being parsed as markup.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and ``\\u0026`` (so no
    ``</script>`` or ``<!--`` can appear), and U+2028/U+2029 are escaped because older
    JavaScript parsers treat them as line ends.

    Examples
    --------
    >>> safe_json({"t": "</script>"})
    '{"t":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def render_html(
    graph: Graph,
    path: str | Path,
    *,
    title: str | None = None,
    articles: bool = False,
    max_nodes: int = MAX_NODES,
    physics: bool | None = None,
    seed: int = 0,
) -> ViewerPage:
    """Write an interactive, self-contained HTML viewer of an acsn graph.

    Parameters
    ----------
    graph
        An RDF graph shaped as ``docs/graph-model.md`` describes (from articles, RDF files
        or the database).
    path
        The HTML file to write (atomically).
    title
        Page title and heading (plain text; it is escaped). Default :data:`DEFAULT_TITLE`.
    articles
        Draw articles as nodes, linked to what was read from them. Either way their
        metadata is shown with the evidence.
    max_nodes
        Refuse graphs with more nodes than this.
    physics
        Let the browser refine the layout; default: only up to :data:`PHYSICS_LIMIT` nodes.
    seed
        Seed of the layout, so the same graph gets the same picture.

    Returns
    -------
    ViewerPage
        Counts, whether physics is on, layout time and page size.

    Raises
    ------
    GraphTooLargeError
        When the graph has more than ``max_nodes`` nodes.
    """
    page, info = _build(
        graph, title=title, articles=articles, max_nodes=max_nodes, physics=physics, seed=seed
    )
    data = page.encode("utf-8", "replace")  # a lone surrogate in the text must not lose the page
    write_text(path, data)
    return ViewerPage(Path(path), info["nodes"], info["edges"], info["physics"], info["layout"], len(data))


def html_page(
    graph: Graph,
    *,
    title: str | None = None,
    articles: bool = False,
    max_nodes: int = MAX_NODES,
    physics: bool | None = None,
    seed: int = 0,
) -> str:
    """The viewer page of :func:`render_html` as a string (for notebooks and tests)."""
    return _build(graph, title=title, articles=articles, max_nodes=max_nodes, physics=physics, seed=seed)[0]


# ------------------------------------------------------------------ building the data


def _build(
    graph: Graph,
    *,
    title: str | None,
    articles: bool,
    max_nodes: int,
    physics: bool | None,
    seed: int,
) -> tuple[str, dict[str, Any]]:
    G = to_networkx(graph, articles=articles)
    n = G.number_of_nodes()
    if n > max_nodes:
        raise GraphTooLargeError(
            f"the graph has {n:,} nodes, more than the viewer's {max_nodes:,}; "
            "export it with `kg export --format gexf` (or `--format graphml`) and open it in Gephi"
        )
    use_physics = n <= PHYSICS_LIMIT if physics is None else physics
    started = time.perf_counter()
    positions = fast_layout(G, seed=seed)
    layout_seconds = time.perf_counter() - started

    order = sorted(G.nodes, key=lambda v: (G.nodes[v]["cls"], G.nodes[v]["label"], str(v)))
    index = {v: i for i, v in enumerate(order)}
    meta = _meta(G, order, index)

    net = Network(
        height="100%", width="100%", directed=True, cdn_resources="in_line", heading=title or DEFAULT_TITLE
    )
    degree = dict(G.degree())
    # figures that count over nothing named are listed in the side bar, not strewn on the canvas
    unscoped = {
        v
        for v in order
        if G.nodes[v]["cls"] == "Statistic" and not any(k == "SCOPE" for _, _, k in G.out_edges(v, keys=True))
    }
    meta["unscoped"] = sorted(index[v] for v in unscoped)
    meta["figures"] = _figures_by_scope(G, index)
    meta["hubs"] = [
        index[v]
        for v in sorted(order, key=lambda v: (-degree.get(v, 0), index[v]))[:_HUBS]
        if degree.get(v, 0) > 1
    ]
    for v in order:
        attrs = G.nodes[v]
        cls = attrs["cls"]
        color, shape = STYLES.get(cls, ("#777777", "dot"))
        x, y = positions.get(v, (0.0, 0.0))
        net.add_node(
            index[v],
            label=canvas_label(G, v),
            hidden=v in unscoped,
            shape=shape,
            color=_node_color(color),
            title=_node_tooltip(G, v, meta["nodes"][index[v]]["p"], meta),
            size=round(min(48.0, 10.0 + 4.0 * math.sqrt(degree.get(v, 0))), 1),
            x=round(x * _SCALE, 1),
            y=round(y * _SCALE, 1),
            font=_node_font(color, shape),
        )
    rel_labels = meta["rels"]
    evidence_index = meta["_evidence_index"]
    show_edge_labels = G.number_of_edges() <= _EDGE_LABEL_LIMIT
    for k, (u, v, key, attrs) in enumerate(G.edges(keys=True, data=True)):
        options: dict[str, Any] = {
            "id": k,
            "rel": key,
            "ev": [evidence_index[e] for e in attrs.get("evidence", ()) if e in evidence_index],
            "title": _edge_tooltip(G, u, v, key, attrs, meta),
        }
        if show_edge_labels:
            options["label"] = rel_labels.get(key, [key])[0]
        # pyvis' add_edge scans the whole node list twice per edge (quadratic at 10k edges);
        # the ends are known to exist, so its Edge record is made directly.
        net.edges.append(Edge(index[u], index[v], True, **options).options)

    net.set_options(json.dumps(_vis_options(n, use_physics, show_edge_labels)))
    for key in ("_evidence_index", "_article_index"):
        meta.pop(key)
    meta["physics"] = use_physics
    meta["physicsLimit"] = PHYSICS_LIMIT
    meta["articlesShown"] = articles
    page = _render(net, meta)
    return page, {"nodes": n, "edges": G.number_of_edges(), "physics": use_physics, "layout": layout_seconds}


def _short(text: str, limit: int = _LABEL_MAX) -> str:
    """``text`` in at most ``limit`` characters, shortened in the middle (both ends tell nodes apart)."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def canvas_label(G: nx.MultiDiGraph, v: Hashable) -> str:
    """The label drawn on the canvas.

    An inspection reads "round · target", each side shortened in the middle so the target
    is never cut off; a figure reads "measure: value unit (scope, period)".

    Examples
    --------
    >>> _short("十四届浙江省委第七轮巡视", 9)
    '十四届浙…七轮巡视'
    """
    attrs = G.nodes[v]
    label = str(attrs["label"])
    if attrs["cls"] == "Inspection" and "·" in label:
        agent, _, target = label.partition("·")
        return f"{_short(agent, 10)}·{_short(target, 12)}"
    if attrs["cls"] == "Statistic":
        measure = vocabulary().measures.get(str(attrs.get("measure", "")))
        what = measure.label_zh if measure else str(attrs.get("measure", ""))
        scope = next((G.nodes[t]["label"] for _, t, k in G.out_edges(v, keys=True) if k == "SCOPE"), None)
        where = ", ".join(str(x) for x in (_short(scope, 10) if scope else None, attrs.get("period")) if x)
        value = f"{_number(attrs.get('value'))}{attrs.get('unit', '') or ''}"
        return f"{what}: {value}" + (f" ({where})" if where else "")
    return _short(label)


def _figures_by_scope(G: nx.MultiDiGraph, index: Mapping[Hashable, int]) -> dict[str, list[int]]:
    """For each node that figures count over, the figures (node indexes)."""
    out: dict[str, list[int]] = defaultdict(list)
    for u, t, k in G.edges(keys=True):
        if k == "SCOPE" and G.nodes[u]["cls"] == "Statistic":
            out[str(index[t])].append(index[u])
    return {key: sorted(v) for key, v in out.items()}


def _dark(color: str) -> bool:
    match = re.fullmatch(r"#([0-9a-fA-F]{6})", color)
    if not match:
        return False
    r, g, b = (int(match.group(1)[i : i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b < 150


def _shade(color: str, factor: float) -> str:
    match = re.fullmatch(r"#([0-9a-fA-F]{6})", color)
    if not match:
        return color
    r, g, b = (int(int(match.group(1)[i : i + 2], 16) * factor) for i in (0, 2, 4))
    return f"#{min(r, 255):02x}{min(g, 255):02x}{min(b, 255):02x}"


def _node_color(color: str) -> dict[str, Any]:
    border = _shade(color, 0.7)
    return {
        "background": color,
        "border": border,
        "highlight": {"background": color, "border": "#212121"},
        "hover": {"background": color, "border": "#212121"},
    }


def _node_font(color: str, shape: str) -> dict[str, Any]:
    inside = shape in ("box", "ellipse", "circle", "database", "text")
    dark_inside = inside and shape != "text" and _dark(color)
    # Labels inside a shape need no white halo; on a dark fill the halo would swallow white text.
    if inside and shape != "text":
        return {"color": "#ffffff" if dark_inside else "#263238", "strokeWidth": 0}
    return {"color": "#263238"}


_VALUE_ZH = {
    "province": "省级",
    "prefecture": "地级",
    "county": "县级",
    "township": "乡级",
    "central": "中央",
    "provincial": "省级",
    "municipal": "市级",
    "party": "党组织",
    "state": "国家机关",
    "enterprise": "企业",
    "institution": "事业单位",
}
"""Chinese beside the English values of adminLevel, level and category."""


def _props_of(
    attrs: Mapping[str, Any], labels: Mapping[str, str], measures: Mapping[str, str]
) -> list[list[str]]:
    skip = {"cls", "label", "name", "aliases", "evidence", "sources"}
    out = []
    for key in sorted(attrs):
        if key in skip or attrs[key] in (None, "", []):
            continue
        value = attrs[key]
        if key == "measure":
            value = f"{measures.get(str(value), value)} ({value})"
        elif str(value) in _VALUE_ZH:
            value = f"{_VALUE_ZH[str(value)]} {value}"
        elif isinstance(value, bool):
            value = "是" if value else "否"
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        out.append([labels.get(key, key), str(value)])
    return out


def _meta(G: nx.MultiDiGraph, order: list[Hashable], index: Mapping[Hashable, int]) -> dict[str, Any]:
    """The viewer's side data: node details, evidence, articles and filter memberships."""
    vocab = vocabulary()
    prop_labels = {p.pg_name: p.label_zh for p in vocab.properties.values() if p.kind == "datatype"}
    measures = {m.name: m.label_zh for m in vocab.measures.values()}
    rels = {p.pg_name: [p.label_zh, p.label_en] for p in vocab.properties.values() if p.kind == "object"}

    evidence: Mapping[str, EvidenceRecord] = G.graph.get("evidence", {})
    articles: Mapping[str, Mapping[str, Any]] = G.graph.get("articles", {})
    article_ids = sorted(articles)
    article_index = {a: i for i, a in enumerate(article_ids)}
    evidence_ids = sorted(evidence)
    evidence_index = {e: i for i, e in enumerate(evidence_ids)}

    present = sorted({G.nodes[v]["cls"] for v in order})
    class_index = {c: i for i, c in enumerate(present)}
    counts: dict[str, int] = defaultdict(int)
    for v in order:
        counts[G.nodes[v]["cls"]] += 1
    classes = []
    for c in present:
        cdef = vocab.classes.get(c)
        color, shape = STYLES.get(c, ("#777777", "dot"))
        classes.append(
            {
                "name": c,
                "zh": cdef.label_zh if cdef else c,
                "en": cdef.label_en if cdef else c,
                "color": color,
                "shape": shape,
                "count": counts[c],
            }
        )

    rounds_of = _round_membership(G)
    regions_of = _region_membership(G)
    nodes = []
    for v in order:
        attrs = G.nodes[v]
        nodes.append(
            {
                "n": attrs["label"],
                "c": class_index[attrs["cls"]],
                "a": list(attrs.get("aliases", ())),
                "p": _props_of(attrs, prop_labels, measures),
                "ev": [evidence_index[e] for e in attrs.get("evidence", ()) if e in evidence_index],
                "s": [article_index[a] for a in attrs.get("sources", ()) if a in article_index],
                "r": sorted(index[r] for r in rounds_of.get(v, ())),
                "g": sorted(index[g] for g in regions_of.get(v, ())),
                "y": node_years(G, v),
                "u": str(v),
            }
            | (
                {
                    "f": [
                        measures.get(str(attrs.get("measure", "")), str(attrs.get("measure", ""))),
                        attrs.get("value"),
                        str(attrs.get("unit", "") or ""),
                        str(attrs.get("period", "") or ""),
                    ]
                }
                if attrs["cls"] == "Statistic"
                else {}
            )
        )
    region_level = {"province": 0, "prefecture": 1, "county": 2, "township": 3}
    regions = sorted(
        (index[v] for v in order if G.nodes[v]["cls"] == "Region"),
        key=lambda i: (region_level.get(str(G.nodes[order[i]].get("adminLevel")), 9), nodes[i]["n"]),
    )

    def _int(v: Hashable, key: str) -> int:
        value = G.nodes[v].get(key)
        return value if isinstance(value, int) else 0

    committee = {
        v: next((G.nodes[t]["label"] for _, t, k in G.out_edges(v, keys=True) if k == "CONDUCTED_BY"), "")
        for v in order
        if G.nodes[v]["cls"] == "InspectionRound"
    }
    rounds = sorted(
        (index[v] for v in committee),
        key=lambda i: (
            committee[order[i]] or "~",
            _int(order[i], "term"),
            _int(order[i], "ordinal"),
            nodes[i]["n"],
        ),
    )
    round_groups = [committee[order[i]] or "未注明党委 No committee" for i in rounds]
    return {
        "classes": classes,
        "rels": rels,
        "nodes": nodes,
        "evidence": [
            {
                "t": evidence[e].text,
                "a": article_index.get(evidence[e].article or "", -1),
                "s": evidence[e].char_start,
                "e": evidence[e].char_end,
            }
            for e in evidence_ids
        ],
        "articles": [
            {
                "title": str(articles[a].get("title", "")),
                "publisher": str(articles[a].get("publisher", "")),
                "published": str(articles[a].get("published", "")),
                "url": str(articles[a].get("url", "")),
                "u": a,
            }
            for a in article_ids
        ],
        "rounds": rounds,
        "roundGroups": round_groups,
        "regions": regions,
        "years": sorted({y for node in nodes for y in node["y"]}),
        "_evidence_index": evidence_index,
        "_article_index": article_index,
    }


def _neighbours(G: nx.MultiDiGraph, nodes: set[Hashable]) -> set[Hashable]:
    out: set[Hashable] = set()
    for v in nodes:
        out.update(G.successors(v))
        out.update(G.predecessors(v))
    return out


def _in_via(G: nx.MultiDiGraph, targets: set[Hashable], rels: tuple[str, ...]) -> set[Hashable]:
    """Nodes with an edge of one of ``rels`` into ``targets``."""
    return {u for t in targets for u, _, k in G.in_edges(t, keys=True) if k in rels}


def _round_membership(G: nx.MultiDiGraph) -> dict[Hashable, set[Hashable]]:
    """For each node, the rounds it belongs to.

    A round's core is the round, its inspections, the events during it or during its
    inspections and the figures scoped to it; members are the core and everything one edge
    away from it (teams, targets, the committee, the people involved).
    """
    out: dict[Hashable, set[Hashable]] = defaultdict(set)
    for r in (v for v, c in G.nodes(data="cls") if c == "InspectionRound"):
        core = {r} | _in_via(G, {r}, ("IN_ROUND", "DURING", "SCOPE"))
        core |= _in_via(G, core, ("DURING",))
        for v in core | _neighbours(G, core):
            out[v].add(r)
    return out


def _region_membership(G: nx.MultiDiGraph) -> dict[Hashable, set[Hashable]]:
    """For each node, the regions it belongs to.

    A region's core is the region and the regions within it, the organisations located
    there, the committees governing it and their sub-organisations, the inspections that
    target any of these and the events during those inspections; members are the core
    and everything one edge away from a non-region member of it.
    """
    out: dict[Hashable, set[Hashable]] = defaultdict(set)
    for g in (v for v, c in G.nodes(data="cls") if c == "Region"):
        regions = {g}
        frontier = {g}
        while frontier:
            frontier = _in_via(G, frontier, ("PART_OF",)) - regions
            regions |= frontier
        bodies = _in_via(G, regions, ("LOCATED_IN", "JURISDICTION"))
        bodies |= _in_via(G, bodies, ("SUB_ORGANIZATION_OF",))
        core = regions | bodies
        core |= _in_via(G, core, ("TARGET", "SCOPE"))
        core |= _in_via(G, core, ("DURING",))
        for v in core | _neighbours(G, core - regions):
            out[v].add(g)
    return out


def _cite(article: Mapping[str, Any] | None) -> str:
    if not article:
        return ""
    title = f"《{article.get('title')}》" if article.get("title") else ""
    parts = [title, article.get("publisher"), article.get("published")]
    return " · ".join(str(p) for p in parts if p)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _evidence_lines(G: nx.MultiDiGraph, ids: list[str], meta: Mapping[str, Any]) -> list[str]:
    evidence: Mapping[str, EvidenceRecord] = G.graph.get("evidence", {})
    articles: Mapping[str, Mapping[str, Any]] = G.graph.get("articles", {})
    ids = [e for e in ids if e in evidence]
    if not ids:
        return []
    lines = ["", f"证据 Evidence ({len(ids)}):"]
    for e in ids[:_TIP_EVIDENCE]:
        record = evidence[e]
        lines.append(f"“{_clip(record.text, _TIP_SENTENCE)}”")
        cite = _cite(articles.get(record.article or ""))
        if cite:
            lines.append(f"  —— {cite}")
    if len(ids) > _TIP_EVIDENCE:
        lines.append(f"… {len(ids) - _TIP_EVIDENCE} more: click for all 点击查看全部")
    return lines


def _node_tooltip(G: nx.MultiDiGraph, v: Hashable, props: list[list[str]], meta: Mapping[str, Any]) -> str:
    """Plain text (vis-network shows string titles with innerText); never markup."""
    attrs = G.nodes[v]
    cls = attrs["cls"]
    cls_def = vocabulary().classes.get(cls)
    lines = [f"{cls_def.label_zh} {cls_def.label_en}" if cls_def else cls, _clip(str(attrs["label"]), 80)]
    aliases = list(attrs.get("aliases", ()))
    if aliases:
        more = f" …(+{len(aliases) - 6})" if len(aliases) > 6 else ""
        lines.append("别名 aliases: " + "、".join(_clip(a, 40) for a in aliases[:6]) + more)
    for label, value in props[:8]:
        lines.append(f"{label}: {_clip(value, 60)}")
    lines += _evidence_lines(G, list(attrs.get("evidence", ())), meta)
    return "\n".join(lines)


def _edge_tooltip(
    G: nx.MultiDiGraph, u: Hashable, v: Hashable, key: str, attrs: Mapping[str, Any], meta: Mapping[str, Any]
) -> str:
    zh, en = meta["rels"].get(key, [key, key])
    lines = [
        f"{zh} {en}",
        f"{_clip(str(G.nodes[u]['label']), 40)} → {_clip(str(G.nodes[v]['label']), 40)}",
    ]
    lines += _evidence_lines(G, list(attrs.get("evidence", ())), meta)
    return "\n".join(lines)


def _vis_options(n: int, physics: bool, edge_labels: bool) -> dict[str, Any]:
    big = n > PHYSICS_LIMIT
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {
            "font": {"face": FONT_STACK, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "shapeProperties": {"interpolation": False},
            # small graphs keep their labels when zoomed out to fit; big ones hide them for speed
            "scaling": {"label": {"drawThreshold": 7 if n > 300 else 3}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "color": {"color": "#b0bec5", "highlight": "#37474f", "hover": "#546e7a", "inherit": False},
            "width": 1,
            "selectionWidth": 1.5,
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.2},
            "font": {
                "face": FONT_STACK,
                "size": 11,
                "color": "#607d8b",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70,
                "centralGravity": 0.005,
                "springLength": 110,
                "springConstant": 0.06,
                "avoidOverlap": 0.4,
            },
            "minVelocity": 1.5,
            "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True},
        }
    else:
        options["physics"] = {"enabled": False}
    if not edge_labels:
        options["edges"]["font"]["size"] = 0
    return options


# ------------------------------------------------------------------ the page


def _render(net: Network, meta: Mapping[str, Any]) -> str:
    """Fill the page template through pyvis, with the vis-network assets it bundles inlined."""
    nodes, edges, heading, _height, _width, options = net.get_network_data()
    payload = {"nodes": nodes, "edges": edges, "options": json.loads(options), "meta": meta}
    env = net.templateEnv
    for asset in _VIS_ASSETS:
        env.get_template(asset)  # fail early and clearly if pyvis stops bundling vis-network
    net.template = env.from_string(
        _TEMPLATE,
        globals={
            "kg_data": safe_json(payload),
            "kg_css": _CSS.replace("__FONTS__", FONT_STACK),
            "kg_js": _JS,
            "kg_heading": heading,
        },
    )
    # pyvis decides here whether tooltips become innerHTML ("href" in a title); the
    # template below has no such branch, so every tooltip stays text.
    page = net.generate_html(notebook=True)
    return page.replace("__CSP__", _csp(page))


def _csp(page: str) -> str:
    """A policy that runs only this page's own inline scripts and lets nothing leave the machine."""
    hashes = []
    for body in re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL):
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return (
        "default-src 'none'; "
        f"script-src {' '.join(hashes)}; "
        "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
        "connect-src 'none'; frame-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'"
    )


# User text never reaches this template as markup: the heading is escaped, the data is
# safe_json inside a non-executed JSON script element, and everything else is ours.
_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="__CSP__">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ kg_heading|e }}</title>
<style>{% include 'lib/vis-9.1.2/vis-network.css' %}</style>
<style>{{ kg_css }}</style>
<script>{% include 'lib/vis-9.1.2/vis-network.min.js' %}</script>
</head>
<body>
<header id="kg-header">
  <h1 id="kg-title">{{ kg_heading|e }}</h1>
  <span id="kg-counts"></span>
  <div id="kg-search-box">
    <input id="kg-search" type="search" placeholder="搜索名称或别名 Search name or alias"
      autocomplete="off" spellcheck="false">
    <ol id="kg-results" hidden></ol>
  </div>
  <button id="kg-reset" type="button" title="Clear search, filters and highlight">重置 Reset</button>
</header>
<main id="kg-main">
  <aside id="kg-side">
    <section>
      <h2>类别 Classes</h2>
      <ul id="kg-legend"></ul>
    </section>
    <section id="kg-filters">
      <h2>筛选 Filter</h2>
      <label>轮次 Round<select id="kg-round"></select></label>
      <label>地区 Region<select id="kg-region"></select></label>
      <label>年份 Year<select id="kg-year"></select></label>
      <label class="kg-check"><input id="kg-physics" type="checkbox"> 物理布局 Physics</label>
    </section>
    <section id="kg-unscoped" hidden></section>
    <p id="kg-note"></p>
  </aside>
  <div id="mynetwork"></div>
  <aside id="kg-panel" hidden>
    <button id="kg-panel-close" type="button" title="Close">×</button>
    <div id="kg-panel-body"></div>
  </aside>
</main>
<script id="kg-data" type="application/json">{{ kg_data }}</script>
<script>{{ kg_js }}</script>
</body>
</html>
"""

_CSS = """
html, body { margin: 0; height: 100%; font-family: __FONTS__; color: #263238; background: #fafafa; }
* { box-sizing: border-box; }
#kg-header { display: flex; align-items: center; gap: 12px; height: 52px; padding: 0 14px;
  background: #37474f; color: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); position: relative; z-index: 5; }
#kg-title { font-size: 18px; font-weight: 600; margin: 0; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; max-width: 40vw; }
#kg-counts { font-size: 13px; opacity: .8; white-space: nowrap; }
#kg-search-box { position: relative; margin-left: auto; }
#kg-search { width: 320px; padding: 6px 10px; border-radius: 4px; border: 0; font: inherit; font-size: 14px; }
#kg-results { position: absolute; right: 0; top: 36px; width: 420px; max-height: 60vh; overflow: auto;
  margin: 0; padding: 4px 0; list-style: none; background: #fff; color: #263238; border-radius: 4px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); }
#kg-results li { padding: 5px 10px; cursor: pointer; display: flex; gap: 8px; align-items: baseline; }
#kg-results li:hover, #kg-results li.active { background: #eceff1; }
#kg-results .kg-cls { font-size: 12px; color: #78909c; margin-left: auto; white-space: nowrap; }
#kg-results .kg-alias { font-size: 12px; color: #90a4ae; }
#kg-reset { padding: 6px 12px; border: 1px solid #90a4ae; border-radius: 4px; background: transparent;
  color: #fff; font: inherit; font-size: 13px; cursor: pointer; }
#kg-reset:hover { background: #455a64; }
#kg-main { display: flex; height: calc(100% - 52px); }
#kg-side { width: 260px; flex: none; overflow: auto; padding: 10px 12px; background: #fff;
  border-right: 1px solid #e0e0e0; font-size: 13px; }
#kg-side h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: #607d8b;
  margin: 8px 0 6px; }
#kg-legend { list-style: none; margin: 0; padding: 0; }
#kg-legend li label { display: flex; align-items: center; gap: 7px; padding: 3px 0; cursor: pointer; }
#kg-legend .kg-count { margin-left: auto; color: #90a4ae; font-variant-numeric: tabular-nums; }
#kg-legend .kg-zh { white-space: nowrap; }
#kg-legend .kg-en { color: #90a4ae; font-size: 12px; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.kg-swatch { display: inline-block; width: 13px; height: 13px; flex: none; border: 1px solid rgba(0,0,0,.25);
  border-radius: 50%; }
.kg-swatch.box, .kg-swatch.square, .kg-swatch.text { border-radius: 2px; }
.kg-swatch.ellipse { border-radius: 50%; width: 17px; height: 11px; }
.kg-swatch.diamond { border-radius: 1px; transform: rotate(45deg) scale(.85); }
.kg-swatch.triangle { border-radius: 0; clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.kg-swatch.star { border-radius: 0;
  clip-path: polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%); }
.kg-swatch.hexagon { border-radius: 0; clip-path: polygon(25% 5%,75% 5%,100% 50%,75% 95%,25% 95%,0 50%); }
#kg-filters label { display: block; margin: 6px 0 10px; color: #455a64; }
#kg-filters select { display: block; width: 100%; margin-top: 3px; padding: 4px; font: inherit; }
#kg-filters .kg-check { display: flex; gap: 6px; align-items: center; }
#kg-note { color: #78909c; font-size: 12px; line-height: 1.5; }
#kg-unscoped { max-height: 40vh; overflow: auto; }
table.kg-figures { border-collapse: collapse; width: 100%; font-size: 12px; margin-top: 4px; }
table.kg-figures th { text-align: left; cursor: pointer; color: #607d8b; border-bottom: 1px solid #cfd8dc;
  padding: 2px 4px; white-space: nowrap; user-select: none; }
table.kg-figures td { padding: 2px 4px; border-bottom: 1px solid #eceff1; vertical-align: top;
  word-break: break-all; }
table.kg-figures td.kg-num { text-align: right; font-variant-numeric: tabular-nums; }
#mynetwork { flex: 1; height: 100%; position: relative; background: #ffffff; min-width: 0; }
#kg-panel { width: 360px; flex: none; overflow: auto; padding: 12px 16px 24px; background: #fff;
  border-left: 1px solid #e0e0e0; font-size: 13px; line-height: 1.55; position: relative; }
#kg-panel[hidden] { display: none; }
#kg-panel-close { position: absolute; right: 8px; top: 6px; border: 0; background: none; font-size: 20px;
  cursor: pointer; color: #78909c; }
#kg-panel h2 { font-size: 18px; margin: 4px 24px 4px 0; word-break: break-all; }
#kg-panel h3 { font-size: 13px; color: #607d8b; margin: 14px 0 4px; text-transform: uppercase;
  letter-spacing: .04em; }
#kg-panel .kg-class { display: flex; gap: 6px; align-items: center; color: #546e7a; }
#kg-panel dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0; }
#kg-panel dt { color: #78909c; }
#kg-panel dd { margin: 0; word-break: break-all; }
#kg-panel ul { list-style: none; padding: 0; margin: 0; }
#kg-panel li.kg-link { padding: 2px 0; }
#kg-panel button.kg-node { border: 0; background: none; padding: 0; color: #1565c0; cursor: pointer;
  font: inherit; text-align: left; }
#kg-panel button.kg-node:hover { text-decoration: underline; }
#kg-panel .kg-rel { color: #90a4ae; font-size: 12px; margin-right: 4px; }
#kg-panel blockquote { margin: 8px 0 2px; padding: 4px 10px; border-left: 3px solid #b0bec5;
  background: #f5f7f8; white-space: pre-wrap; word-break: break-all; }
#kg-panel .kg-cite { color: #78909c; font-size: 12px; margin: 0 0 6px 13px; word-break: break-all; }
#kg-panel .kg-iri { color: #b0bec5; font-size: 11px; word-break: break-all; }
div.vis-tooltip { white-space: pre-wrap; max-width: 460px; font-family: __FONTS__; font-size: 12.5px;
  line-height: 1.5; padding: 8px 10px; color: #263238; background: #fffffb; border: 1px solid #cfd8dc;
  border-radius: 4px; box-shadow: 0 3px 10px rgba(0,0,0,.18); }
"""

# The viewer script. Data from the graph is only ever assigned with textContent, option
# text, or given to vis-network as strings; no innerHTML, no links, no eval.
_JS = r"""
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = DATA.meta, info = meta.nodes, classes = meta.classes;
  var N = DATA.nodes.length;
  var DIM = { background: "rgba(207,216,220,0.45)", border: "rgba(176,190,197,0.45)",
              highlight: { background: "rgba(207,216,220,0.45)", border: "#212121" } };
  var DIM_FONT = { color: "rgba(96,125,139,0.25)" };
  var baseColor = [], baseFont = [];
  DATA.nodes.forEach(function (n) { baseColor[n.id] = n.color; baseFont[n.id] = n.font; });
  var edgeEnds = DATA.edges.map(function (e) { return [e.from, e.to]; });
  var adjacency = [];
  for (var i = 0; i < N; i++) adjacency.push([]);
  DATA.edges.forEach(function (e, k) {
    adjacency[e.from].push([k, e.to, 1]);
    adjacency[e.to].push([k, e.from, -1]);
  });

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  window.network = network;

  var state = { hidden: new Set(), round: -1, region: -1, year: -1, highlighted: -1 };
  var visible = new Array(N).fill(true);
  var edgeVisible = new Array(DATA.edges.length).fill(true);
  var viewer = window.kgViewer = { ready: false, network: network, nodes: nodes, edges: edges, state: state };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function swatch(c) {
    var s = el("span", "kg-swatch " + c.shape);
    s.style.backgroundColor = c.color;
    return s;
  }
  function fold(s) { return String(s).normalize("NFKC").toLowerCase(); }

  // ---------------------------------------------------------------- counts and notes
  var counts = document.getElementById("kg-counts");
  function updateCounts() {
    var shownNodes = visible.filter(Boolean).length, shownEdges = edgeVisible.filter(Boolean).length;
    var text = N + " nodes · " + DATA.edges.length + " edges";
    if (shownNodes !== N) {
      text = shownNodes + "/" + N + " nodes · " + shownEdges + "/" + DATA.edges.length + " edges";
    }
    counts.textContent = text;
  }
  var note = document.getElementById("kg-note");
  note.textContent = (meta.physics
      ? "Layout refined in the browser, then physics stops; tick Physics to let it move again. "
      : "Layout computed beforehand; physics is off (graph larger than " + meta.physicsLimit + " nodes). ")
    + "Evidence sentences" + (meta.articlesShown ? "" : " and articles")
    + " are shown in tooltips and in the panel. 证据原文见提示框与详情面板。";

  // ---------------------------------------------------------------- legend and class filter
  var legend = document.getElementById("kg-legend");
  classes.forEach(function (c, ci) {
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.cls = String(ci);
    box.addEventListener("change", function () {
      if (box.checked) state.hidden.delete(ci); else state.hidden.add(ci);
      applyFilters();
    });
    label.append(box, swatch(c), el("span", "kg-zh", c.zh), el("span", "kg-en", c.en),
                 el("span", "kg-count", c.count));
    li.append(label);
    legend.append(li);
  });

  // ---------------------------------------------------------------- round / region / year filters
  function fillSelect(id, all, items, text) {
    var select = document.getElementById(id);
    var first = el("option", null, all); first.value = "-1"; select.append(first);
    items.forEach(function (v) {
      var o = el("option", null, text(v)); o.value = String(v); select.append(o);
    });
    select.disabled = items.length === 0;
    return select;
  }
  var roundSel = fillSelect("kg-round", "全部 All", [], null);
  (function () {
    var group = null, label = null;
    meta.rounds.forEach(function (r, k) {
      if (meta.roundGroups[k] !== label) {
        label = meta.roundGroups[k];
        group = document.createElement("optgroup");
        group.label = label;  // an attribute set from script: text, never markup
        roundSel.append(group);
      }
      var o = el("option", null, info[r].n); o.value = String(r); group.append(o);
    });
    roundSel.disabled = meta.rounds.length === 0;
  })();
  var regionSel = fillSelect("kg-region", "全部 All", meta.regions, function (i) { return info[i].n; });
  var yearSel = fillSelect("kg-year", "全部 All", meta.years, function (y) { return y; });
  roundSel.addEventListener("change", function () { state.round = +roundSel.value; applyFilters(); });
  regionSel.addEventListener("change", function () { state.region = +regionSel.value; applyFilters(); });
  yearSel.addEventListener("change", function () { state.year = +yearSel.value; applyFilters(); });

  function passes(i) {
    var d = info[i];
    return !state.hidden.has(d.c)
      && (state.round < 0 || d.r.indexOf(state.round) >= 0)
      && (state.region < 0 || d.g.indexOf(state.region) >= 0)
      && (state.year < 0 || d.y.indexOf(state.year) >= 0);
  }
  function applyFilters() {
    var nodeUpdates = [], edgeUpdates = [];
    for (var i = 0; i < N; i++) {
      var show = passes(i);
      if (show !== visible[i]) { visible[i] = show; nodeUpdates.push({ id: i, hidden: !show }); }
    }
    for (var k = 0; k < edgeEnds.length; k++) {
      var showEdge = visible[edgeEnds[k][0]] && visible[edgeEnds[k][1]];
      if (showEdge !== edgeVisible[k]) {
        edgeVisible[k] = showEdge; edgeUpdates.push({ id: k, hidden: !showEdge });
      }
    }
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    if (state.highlighted >= 0 && !visible[state.highlighted]) clearHighlight();
    updateCounts();
    return visible.filter(Boolean).length;
  }
  function resetFilters() {
    state.hidden.clear(); state.round = state.region = state.year = -1;
    roundSel.value = regionSel.value = yearSel.value = "-1";
    legend.querySelectorAll("input").forEach(function (b) { b.checked = true; });
    applyFilters();
  }

  // ---------------------------------------------------------------- neighbourhood highlight
  var dimmed = new Set();
  function dimFont(i) {
    return Object.assign({}, DIM_FONT, baseFont[i] && baseFont[i].size ? { size: baseFont[i].size } : {});
  }
  function highlight(id) {
    var keep = new Set([id]);
    adjacency[id].forEach(function (a) { keep.add(a[1]); });
    var updates = [];
    dimmed = new Set();
    for (var i = 0; i < N; i++) {
      var on = keep.has(i);
      if (!on) dimmed.add(i);
      updates.push({ id: i, color: on ? baseColor[i] : DIM, font: on ? baseFont[i] : dimFont(i) });
    }
    nodes.update(updates);
    network.setOptions({ edges: { color: { color: "rgba(176,190,197,0.25)" },
                                  font: { color: "rgba(96,125,139,0.3)" } } });
    state.highlighted = id;
  }
  function clearHighlight() {
    if (state.highlighted < 0) return;
    var updates = [];
    for (var i = 0; i < N; i++) updates.push({ id: i, color: baseColor[i], font: baseFont[i] });
    dimmed = new Set();
    nodes.update(updates);
    network.setOptions({ edges: { color: { color: DATA.options.edges.color.color },
                                  font: { color: DATA.options.edges.font.color } } });
    state.highlighted = -1;
  }

  // The most connected nodes keep labels of about HUB_PX screen pixels at every zoom.
  var HUB_PX = 13, hubBase = {};
  meta.hubs.forEach(function (i) { hubBase[i] = baseFont[i]; });
  function sizeHubLabels() {
    var scale = network.getScale(), size = Math.max(14, Math.ceil(HUB_PX / Math.max(scale, 0.01)));
    var updates = [];
    meta.hubs.forEach(function (i) {
      baseFont[i] = Object.assign({}, hubBase[i], { size: size });
      updates.push({ id: i, font: dimmed.has(i) ? dimFont(i) : baseFont[i] });
    });
    if (updates.length) nodes.update(updates);
  }
  // focus() and fit() change the zoom without a zoom event: look after every drawing
  var sizedAt = null;
  network.on("afterDrawing", function () {
    var scale = network.getScale();
    if (sizedAt === null || Math.abs(scale - sizedAt) / sizedAt > 0.05) { sizedAt = scale; sizeHubLabels(); }
  });

  // ---------------------------------------------------------------- figures tables
  function figureTable(ids) {
    var table = el("table", "kg-figures"), head = el("tr"), body = el("tbody");
    var cols = [["指标 Measure", 0], ["数值 Value", 1], ["期间 Period", 3]];
    var order = { col: 3, dir: 1 };
    function fill() {
      var rows = ids.slice().sort(function (a, b) {
        var x = info[a].f[order.col], y = info[b].f[order.col];
        var c = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
        return order.dir * (c || a - b);
      });
      body.replaceChildren();
      rows.forEach(function (j) {
        var tr = el("tr"), f = info[j].f;
        tr.append(el("td", null, f[0]), el("td", "kg-num", (f[1] === null ? "" : f[1]) + f[2]),
                  el("td", null, f[3]));
        tr.title = info[j].n;
        body.append(tr);
      });
    }
    cols.forEach(function (c) {
      var th = el("th", null, c[0]);
      th.addEventListener("click", function () {
        order.dir = order.col === c[1] ? -order.dir : 1; order.col = c[1]; fill();
      });
      head.append(th);
    });
    var thead = el("thead"); thead.append(head);
    table.append(thead, body);
    fill();
    return table;
  }
  var unscopedBox = document.getElementById("kg-unscoped");
  if (meta.unscoped.length) {
    unscopedBox.append(el("h2", null, "未注明范围的数据 Unscoped figures (" + meta.unscoped.length + ")"),
                       figureTable(meta.unscoped));
    unscopedBox.hidden = false;
  }

  // ---------------------------------------------------------------- details panel
  var panel = document.getElementById("kg-panel"), panelBody = document.getElementById("kg-panel-body");
  document.getElementById("kg-panel-close").addEventListener("click", function () {
    panel.hidden = true; network.unselectAll(); clearHighlight();
  });
  function nodeButton(i) {
    var b = el("button", "kg-node", info[i].n);
    b.type = "button";
    b.addEventListener("click", function () { focus(i); });
    return b;
  }
  function relName(type, dir) {
    var r = meta.rels[type] || [type, type];
    return dir > 0 ? r[0] : "←" + r[0];
  }
  function evidenceList(ids) {
    var frag = document.createDocumentFragment();
    if (!ids.length) return frag;
    frag.append(el("h3", null, "证据 Evidence (" + ids.length + ")"));
    ids.forEach(function (k) {
      var ev = meta.evidence[k];
      frag.append(el("blockquote", null, ev.t));
      var art = ev.a >= 0 ? meta.articles[ev.a] : null;
      if (art) {
        var parts = [];
        if (art.title) parts.push("《" + art.title + "》");
        if (art.publisher) parts.push(art.publisher);
        if (art.published) parts.push(art.published);
        var cite = "—— " + parts.join(" · ");
        if (ev.s !== null && ev.e !== null) cite += "  [" + ev.s + "–" + ev.e + "]";
        frag.append(el("div", "kg-cite", cite));
        // The address is shown as text only: a link would let an article choose where a click goes.
        if (art.url) frag.append(el("div", "kg-cite", art.url));
      }
    });
    return frag;
  }
  function showNode(i) {
    var d = info[i], c = classes[d.c];
    panelBody.replaceChildren();
    panelBody.append(el("h2", null, d.n));
    var line = el("div", "kg-class");
    line.append(swatch(c), el("span", null, c.zh + " " + c.en));
    panelBody.append(line);
    if (d.a.length || d.p.length) {
      var dl = el("dl");
      if (d.a.length) { dl.append(el("dt", null, "别名"), el("dd", null, d.a.join("、"))); }
      d.p.forEach(function (p) { dl.append(el("dt", null, p[0]), el("dd", null, p[1])); });
      panelBody.append(dl);
    }
    if (adjacency[i].length) {
      panelBody.append(el("h3", null, "关系 Relationships (" + adjacency[i].length + ")"));
      var ul = el("ul");
      adjacency[i].slice(0, 200).forEach(function (a) {
        var li = el("li", "kg-link");
        li.append(el("span", "kg-rel", relName(DATA.edges[a[0]].rel, a[2])), nodeButton(a[1]));
        ul.append(li);
      });
      if (adjacency[i].length > 200) ul.append(el("li", null, "… " + (adjacency[i].length - 200) + " more"));
      panelBody.append(ul);
    }
    var figs = meta.figures[String(i)] || [];
    if (figs.length) {
      panelBody.append(el("h3", null, "数据 Figures (" + figs.length + ")"), figureTable(figs));
    }
    panelBody.append(evidenceList(d.ev));
    if (d.s.length) {
      panelBody.append(el("h3", null, "来源 Sources (" + d.s.length + ")"));
      var src = el("ul");
      d.s.forEach(function (a) {
        var art = meta.articles[a];
        src.append(el("li", null, [art.title ? "《" + art.title + "》" : art.u, art.publisher, art.published]
          .filter(Boolean).join(" · ")));
      });
      panelBody.append(src);
    }
    panelBody.append(el("div", "kg-iri", d.u));
    panel.hidden = false;
  }
  function showEdge(k) {
    var e = DATA.edges[k], r = meta.rels[e.rel] || [e.rel, e.rel];
    panelBody.replaceChildren();
    panelBody.append(el("h2", null, r[0] + " " + r[1]));
    var ul = el("ul"), from = el("li", "kg-link"), to = el("li", "kg-link");
    from.append(el("span", "kg-rel", "from"), nodeButton(e.from));
    to.append(el("span", "kg-rel", "to"), nodeButton(e.to));
    ul.append(from, to);
    panelBody.append(ul, evidenceList(e.ev || []));
    panel.hidden = false;
  }

  // ---------------------------------------------------------------- search
  var haystack = info.map(function (d) { return fold([d.n].concat(d.a).join("\u0001")); });
  var names = info.map(function (d) { return fold(d.n); });
  function search(query) {
    var q = fold(query).trim();
    if (!q) return [];
    var hits = [];
    for (var i = 0; i < N; i++) if (haystack[i].indexOf(q) >= 0) hits.push(i);
    function rank(i) {
      return names[i] === q ? 0 : names[i].indexOf(q) === 0 ? 1 : names[i].indexOf(q) >= 0 ? 2 : 3;
    }
    hits.sort(function (a, b) { return rank(a) - rank(b) || names[a].length - names[b].length || a - b; });
    return hits;
  }
  var input = document.getElementById("kg-search"), results = document.getElementById("kg-results");
  var current = [];
  function showResults() {
    current = search(input.value).slice(0, 50);
    results.replaceChildren();
    current.forEach(function (i, pos) {
      var d = info[i], li = el("li", pos === 0 ? "active" : "");
      li.append(swatch(classes[d.c]), el("span", null, d.n));
      var q = fold(input.value).trim();
      var alias = d.a.filter(function (a) { return fold(a).indexOf(q) >= 0; })[0];
      if (alias && fold(d.n).indexOf(q) < 0) li.append(el("span", "kg-alias", "(" + alias + ")"));
      li.append(el("span", "kg-cls", classes[d.c].zh));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      results.append(li);
    });
    if (input.value.trim() && !current.length) results.append(el("li", null, "无结果 No match"));
    results.hidden = !input.value.trim();
  }
  function choose(i) { results.hidden = true; focus(i); }
  input.addEventListener("input", showResults);
  input.addEventListener("focus", showResults);
  input.addEventListener("blur", function () { results.hidden = true; });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && current.length) { ev.preventDefault(); choose(current[0]); }
    if (ev.key === "Escape") { results.hidden = true; input.blur(); }
  });

  function centre(i, scale) {
    // the panel takes its place beside the canvas first, so the node lands in what stays visible
    network.setSize("100%", "100%");
    network.redraw();
    network.focus(i, { scale: scale, animation: { duration: 350, easingFunction: "easeInOutQuad" } });
  }
  function focus(i) {
    if (!visible[i]) resetFilters();
    network.selectNodes([i]);
    highlight(i);
    showNode(i);
    centre(i, Math.max(network.getScale(), N > 500 ? 0.9 : 1.1));
    return i;
  }

  document.getElementById("kg-reset").addEventListener("click", function () {
    input.value = ""; results.hidden = true; panel.hidden = true;
    network.unselectAll(); clearHighlight(); resetFilters(); network.fit();
  });

  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight(params.nodes[0]); showNode(params.nodes[0]); centre(params.nodes[0], network.getScale());
    }
    else if (params.edges.length) { clearHighlight(); showEdge(params.edges[0]); }
    else { clearHighlight(); panel.hidden = true; }
  });

  var physicsBox = document.getElementById("kg-physics");
  physicsBox.checked = meta.physics;
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked } });
  });

  function ready() {
    if (viewer.ready) return;
    sizeHubLabels();
    viewer.ready = true;
    document.body.dataset.ready = "true";
  }
  if (meta.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      physicsBox.checked = false;
      network.fit();
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
  }
  if (N === 0) ready();

  viewer.search = search;
  viewer.hubs = meta.hubs;
  viewer.focus = focus;
  viewer.highlight = highlight;
  viewer.applyFilters = function (f) {
    f = f || {};
    if (f.classes) {
      state.hidden = new Set();
      classes.forEach(function (c, ci) { if (f.classes.indexOf(c.name) < 0) state.hidden.add(ci); });
      legend.querySelectorAll("input").forEach(function (b) {
        b.checked = !state.hidden.has(+b.dataset.cls);
      });
    }
    if ("round" in f) { state.round = f.round; roundSel.value = String(f.round); }
    if ("region" in f) { state.region = f.region; regionSel.value = String(f.region); }
    if ("year" in f) { state.year = f.year; yearSel.value = String(f.year); }
    return applyFilters();
  };
  viewer.reset = resetFilters;
  viewer.visibleCount = function () { return visible.filter(Boolean).length; };
  updateCounts();
})();
"""


from kg.verbs import make_verb  # noqa: E402

make_verb(__name__)
