"""From an RDF graph to the viewer page: what to draw, where, and how large."""

from __future__ import annotations

import math
import time
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict, Unpack

import networkx as nx
from rdflib import Graph

from kg.errors import KgError
from kg.export import write_text
from kg.netx import fast_layout, to_networkx
from kg.terms import STYLES
from kg.viz.labels import canvas_label, edge_tooltip, node_tooltip
from kg.viz.page import Payload, VisEdge, VisNode, viewer_page
from kg.viz.sidebar import Meta, evidence_index, side_data, unscoped_figures
from kg.viz.style import DEFAULT_STYLE, PHYSICS_LIMIT, node_color, node_font, vis_options

__all__ = [
    "DEFAULT_TITLE",
    "MAX_NODES",
    "GraphTooLargeError",
    "ViewerOptions",
    "ViewerPage",
    "html_page",
    "render_html",
]

MAX_NODES = 20_000
"""Largest graph the viewer draws; beyond it a browser tab is no longer useful."""
DEFAULT_TITLE = "巡视巡察知识图谱"
_SCALE = 120.0  # pixels per layout unit (about one edge length)
_EDGE_LABEL_LIMIT = 200  # edge captions help on small graphs and are noise on big ones


class ViewerOptions(TypedDict, total=False):
    """How :func:`render_html` and :func:`html_page` draw a graph (their keyword arguments)."""

    title: str | None
    articles: bool
    max_nodes: int
    physics: bool | None
    seed: int


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
    options: ViewerOptions = {
        "title": title,
        "articles": articles,
        "max_nodes": max_nodes,
        "physics": physics,
        "seed": seed,
    }
    drawn = _build(graph, options)
    data = drawn.page.encode("utf-8", "replace")  # a lone surrogate in the text must not lose the page
    write_text(path, data)
    return ViewerPage(Path(path), drawn.nodes, drawn.edges, drawn.physics, drawn.layout_seconds, len(data))


def html_page(graph: Graph, **options: Unpack[ViewerOptions]) -> str:
    """The viewer page of :func:`render_html` as a string (for notebooks and tests); the same options."""
    return _build(graph, options).page


@dataclass(frozen=True, slots=True)
class _Drawn:
    page: str
    nodes: int
    edges: int
    physics: bool
    layout_seconds: float


def _build(graph: Graph, options: ViewerOptions) -> _Drawn:
    articles = options.get("articles", False)
    max_nodes = options.get("max_nodes", MAX_NODES)
    physics = options.get("physics")
    G = to_networkx(graph, articles=articles)
    n = G.number_of_nodes()
    if n > max_nodes:
        raise GraphTooLargeError(
            f"the graph has {n:,} nodes, more than the viewer's {max_nodes:,}; "
            "export it with `kg export --format gexf` (or `--format graphml`) and open it in Gephi"
        )
    use_physics = n <= PHYSICS_LIMIT if physics is None else physics
    started = time.perf_counter()
    positions = fast_layout(G, seed=options.get("seed", 0))
    layout_seconds = time.perf_counter() - started

    order = sorted(G.nodes, key=lambda v: (G.nodes[v]["cls"], G.nodes[v]["label"], str(v)))
    unscoped = unscoped_figures(G, order)
    meta = side_data(G, order, unscoped=unscoped, physics=use_physics, articles_shown=articles)
    edge_labels = G.number_of_edges() <= _EDGE_LABEL_LIMIT
    payload: Payload = {
        "nodes": _vis_nodes(G, order, positions, unscoped, meta),
        "edges": _vis_edges(G, order, meta, edge_labels),
        "options": vis_options(n, use_physics, edge_labels),
        "meta": meta,
    }
    page = viewer_page(payload, options.get("title") or DEFAULT_TITLE)
    return _Drawn(page, n, G.number_of_edges(), use_physics, layout_seconds)


def _vis_nodes(
    G: nx.MultiDiGraph,
    order: Sequence[Hashable],
    positions: Mapping[Hashable, tuple[float, float]],
    unscoped: set[Hashable],
    meta: Meta,
) -> list[VisNode]:
    """The nodes in the drawing order: styled by class, sized by degree, placed by the layout."""
    degree = dict(G.degree())
    out: list[VisNode] = []
    for i, v in enumerate(order):
        color, shape = STYLES.get(G.nodes[v]["cls"], DEFAULT_STYLE)
        x, y = positions.get(v, (0.0, 0.0))
        out.append(
            {
                "color": node_color(color),
                "hidden": v in unscoped,
                "title": node_tooltip(G, v, meta["nodes"][i]["p"]),
                "size": round(min(48.0, 10.0 + 4.0 * math.sqrt(degree.get(v, 0))), 1),
                "x": round(x * _SCALE, 1),
                "y": round(y * _SCALE, 1),
                "font": node_font(color, shape),
                "id": i,
                "label": canvas_label(G, v) or i,  # a node without a label shows its number
                "shape": shape,
            }
        )
    return out


class _Caption(TypedDict, total=False):
    label: str


def _vis_edges(G: nx.MultiDiGraph, order: Sequence[Hashable], meta: Meta, labels: bool) -> list[VisEdge]:
    """The edges, with their relationship and evidence for the panel; captioned when ``labels``."""
    index = {v: i for i, v in enumerate(order)}
    evidence = evidence_index(G)
    rels = meta["rels"]
    out: list[VisEdge] = []
    for k, (u, v, key, attrs) in enumerate(G.edges(keys=True, data=True)):
        names = rels.get(key, (key, key))
        ev = list(attrs.get("evidence", ()))
        caption: _Caption = {"label": names[0]} if labels else {}
        edge: VisEdge = {
            "id": k,
            "rel": key,
            "ev": [evidence[e] for e in ev if e in evidence],
            "title": edge_tooltip(G, u, v, names, ev),
            **caption,
            "from": index[u],
            "to": index[v],
            "arrows": "to",
        }
        out.append(edge)
    return out
