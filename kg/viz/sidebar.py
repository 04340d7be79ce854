"""The viewer's side data: what the legend, the filters and the details panel show.

Nodes are referred to by their index in the drawing order. Every record here ends up as JSON
in the page (``meta`` of the page's data), so the short keys are the ones ``viewer.js`` reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from typing import Any, NamedTuple, NotRequired, TypedDict

import networkx as nx

from kg.netx import EvidenceRecord, node_years
from kg.ontology import vocabulary
from kg.terms import STYLES
from kg.viz.labels import property_lines
from kg.viz.style import DEFAULT_STYLE, PHYSICS_LIMIT

__all__ = [
    "ArticleInfo",
    "ClassInfo",
    "EvidenceInfo",
    "Meta",
    "NodeInfo",
    "evidence_index",
    "relationship_names",
    "side_data",
    "unscoped_figures",
]

_HUBS = 12
"""How many of the most connected nodes keep a readable label at every zoom."""
_REGION_LEVEL = {"province": 0, "prefecture": 1, "county": 2, "township": 3}

Scalar = str | int | float | bool | None


class ClassInfo(TypedDict):
    """A class in the legend: its names, style and how many nodes it has."""

    name: str
    zh: str
    en: str
    color: str
    shape: str
    count: int


class NodeInfo(TypedDict):
    """A node in the panel, the search and the filters (indexes into the other lists)."""

    n: str
    """name"""
    c: int
    """class (index into ``classes``)"""
    a: list[str]
    """aliases"""
    p: list[tuple[str, str]]
    """properties, as (name, value)"""
    ev: list[int]
    """evidence"""
    s: list[int]
    """source articles"""
    r: list[int]
    """rounds it belongs to"""
    g: list[int]
    """regions it belongs to"""
    y: list[int]
    """years"""
    u: str
    """IRI"""
    f: NotRequired[tuple[str, Scalar, str, str]]
    """a figure's row: measure, value, unit, period"""


class EvidenceInfo(TypedDict):
    """A sentence stating something: text, article (index, -1 for none) and character span."""

    t: str
    a: int
    s: int | None
    e: int | None


class ArticleInfo(TypedDict):
    title: str
    publisher: str
    published: str
    url: str
    u: str


class Meta(TypedDict):
    """All the side data of one page."""

    classes: list[ClassInfo]
    rels: dict[str, tuple[str, str]]
    nodes: list[NodeInfo]
    evidence: list[EvidenceInfo]
    articles: list[ArticleInfo]
    rounds: list[int]
    roundGroups: list[str]
    regions: list[int]
    years: list[int]
    unscoped: list[int]
    figures: dict[str, list[int]]
    hubs: list[int]
    physics: bool
    physicsLimit: int
    articlesShown: bool


class _Indexes(NamedTuple):
    """Where a node's references point: positions in the page's lists."""

    nodes: Mapping[Hashable, int]
    classes: Mapping[str, int]
    evidence: Mapping[str, int]
    articles: Mapping[str, int]


def relationship_names() -> dict[str, tuple[str, str]]:
    """Chinese and English names of each relationship type."""
    props = vocabulary().properties.values()
    return {p.pg_name: (p.label_zh, p.label_en) for p in props if p.kind == "object"}


def evidence_index(G: nx.MultiDiGraph) -> dict[str, int]:
    """The position of each evidence sentence in the page's list (in the order of their IRIs)."""
    return {e: i for i, e in enumerate(sorted(G.graph.get("evidence", {})))}


def unscoped_figures(G: nx.MultiDiGraph, order: Sequence[Hashable]) -> set[Hashable]:
    """Figures that count over nothing named: listed in the side bar, not strewn on the canvas."""
    return {
        v
        for v in order
        if G.nodes[v]["cls"] == "Statistic" and not any(k == "SCOPE" for _, _, k in G.out_edges(v, keys=True))
    }


def side_data(
    G: nx.MultiDiGraph,
    order: Sequence[Hashable],
    *,
    unscoped: set[Hashable],
    physics: bool,
    articles_shown: bool,
) -> Meta:
    """The side data of the nodes ``order`` of ``G``, drawn in that order.

    ``unscoped`` are the figures not drawn (:func:`unscoped_figures`); ``physics`` and
    ``articles_shown`` say how the page was drawn, for its note.
    """
    index = {v: i for i, v in enumerate(order)}
    articles: Mapping[str, Mapping[str, Any]] = G.graph.get("articles", {})
    article_ids = sorted(articles)
    classes = _classes(G, order)
    refs = _Indexes(
        index,
        {c["name"]: i for i, c in enumerate(classes)},
        evidence_index(G),
        {a: i for i, a in enumerate(article_ids)},
    )
    nodes = _nodes(G, order, refs)
    rounds, round_groups = _rounds(G, order, nodes)
    return {
        "classes": classes,
        "rels": relationship_names(),
        "nodes": nodes,
        "evidence": _evidence(G, refs),
        "articles": [_article(a, articles[a]) for a in article_ids],
        "rounds": rounds,
        "roundGroups": round_groups,
        "regions": _regions(G, order, nodes),
        "years": sorted({y for node in nodes for y in node["y"]}),
        "unscoped": sorted(index[v] for v in unscoped),
        "figures": _figures_by_scope(G, index),
        "hubs": _hubs(G, order),
        "physics": physics,
        "physicsLimit": PHYSICS_LIMIT,
        "articlesShown": articles_shown,
    }


def _classes(G: nx.MultiDiGraph, order: Sequence[Hashable]) -> list[ClassInfo]:
    """The classes present, by name, with their node counts."""
    vocab = vocabulary()
    counts: dict[str, int] = defaultdict(int)
    for v in order:
        counts[G.nodes[v]["cls"]] += 1
    out: list[ClassInfo] = []
    for c in sorted(counts):
        cdef = vocab.classes.get(c)
        color, shape = STYLES.get(c, DEFAULT_STYLE)
        out.append(
            {
                "name": c,
                "zh": cdef.label_zh if cdef else c,
                "en": cdef.label_en if cdef else c,
                "color": color,
                "shape": shape,
                "count": counts[c],
            }
        )
    return out


def _nodes(G: nx.MultiDiGraph, order: Sequence[Hashable], refs: _Indexes) -> list[NodeInfo]:
    vocab = vocabulary()
    prop_labels = {p.pg_name: p.label_zh for p in vocab.properties.values() if p.kind == "datatype"}
    measures = {m.name: m.label_zh for m in vocab.measures.values()}
    rounds_of = _round_membership(G)
    regions_of = _region_membership(G)
    nodes: list[NodeInfo] = []
    for v in order:
        attrs = G.nodes[v]
        info: NodeInfo = {
            "n": attrs["label"],
            "c": refs.classes[attrs["cls"]],
            "a": list(attrs.get("aliases", ())),
            "p": property_lines(attrs, prop_labels, measures),
            "ev": [refs.evidence[e] for e in attrs.get("evidence", ()) if e in refs.evidence],
            "s": [refs.articles[a] for a in attrs.get("sources", ()) if a in refs.articles],
            "r": sorted(refs.nodes[r] for r in rounds_of.get(v, ())),
            "g": sorted(refs.nodes[g] for g in regions_of.get(v, ())),
            "y": node_years(G, v),
            "u": str(v),
        }
        if attrs["cls"] == "Statistic":
            measure = str(attrs.get("measure", ""))
            unit, period = (str(attrs.get(key, "") or "") for key in ("unit", "period"))
            info["f"] = (measures.get(measure, measure), attrs.get("value"), unit, period)
        nodes.append(info)
    return nodes


def _evidence(G: nx.MultiDiGraph, refs: _Indexes) -> list[EvidenceInfo]:
    evidence: Mapping[str, EvidenceRecord] = G.graph.get("evidence", {})
    return [
        {
            "t": evidence[e].text,
            "a": refs.articles.get(evidence[e].article or "", -1),
            "s": evidence[e].char_start,
            "e": evidence[e].char_end,
        }
        for e in refs.evidence
    ]


def _article(iri: str, attrs: Mapping[str, Any]) -> ArticleInfo:
    return {
        "title": str(attrs.get("title", "")),
        "publisher": str(attrs.get("publisher", "")),
        "published": str(attrs.get("published", "")),
        "url": str(attrs.get("url", "")),
        "u": iri,
    }


def _regions(G: nx.MultiDiGraph, order: Sequence[Hashable], nodes: Sequence[NodeInfo]) -> list[int]:
    """The regions of the filter: provinces first, then prefectures, counties and townships."""
    return sorted(
        (i for i, v in enumerate(order) if G.nodes[v]["cls"] == "Region"),
        key=lambda i: (_REGION_LEVEL.get(str(G.nodes[order[i]].get("adminLevel")), 9), nodes[i]["n"]),
    )


def _rounds(
    G: nx.MultiDiGraph, order: Sequence[Hashable], nodes: Sequence[NodeInfo]
) -> tuple[list[int], list[str]]:
    """The rounds of the filter, by committee, term and ordinal; and the committee of each."""

    def number(i: int, key: str) -> int:
        value = G.nodes[order[i]].get(key)
        return value if isinstance(value, int) else 0

    committee = {
        i: next((G.nodes[t]["label"] for _, t, k in G.out_edges(v, keys=True) if k == "CONDUCTED_BY"), "")
        for i, v in enumerate(order)
        if G.nodes[v]["cls"] == "InspectionRound"
    }
    rounds = sorted(
        committee,
        key=lambda i: (committee[i] or "~", number(i, "term"), number(i, "ordinal"), nodes[i]["n"]),
    )
    return rounds, [committee[i] or "未注明党委 No committee" for i in rounds]


def _figures_by_scope(G: nx.MultiDiGraph, index: Mapping[Hashable, int]) -> dict[str, list[int]]:
    """For each node that figures count over, the figures (node indexes)."""
    out: dict[str, list[int]] = defaultdict(list)
    for u, t, k in G.edges(keys=True):
        if k == "SCOPE" and G.nodes[u]["cls"] == "Statistic":
            out[str(index[t])].append(index[u])
    return {key: sorted(v) for key, v in out.items()}


def _hubs(G: nx.MultiDiGraph, order: Sequence[Hashable]) -> list[int]:
    """The most connected nodes (indexes), most connected first."""
    degree = dict(G.degree())
    by_degree = sorted(range(len(order)), key=lambda i: (-degree.get(order[i], 0), i))
    return [i for i in by_degree[:_HUBS] if degree.get(order[i], 0) > 1]


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
