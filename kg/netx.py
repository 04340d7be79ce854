"""RDF graphs as networkx graphs: conversion, a fast layout, and GEXF/GraphML files for Gephi.

The conversion follows ``docs/graph-model.md`` and mirrors the Neo4j shape: one node per
typed acsn resource, keyed by its IRI, with ``cls`` (the class name), ``label`` (the
``rdfs:label``, or a name made from the node's properties), ``aliases`` and every datatype
property under its property-graph key; one edge per object-property triple, keyed by the
relationship type. Evidence sentences are not nodes: a node's or an edge's ``evidence``
attribute lists the IRIs of its :class:`EvidenceRecord` s, kept in ``G.graph["evidence"]``;
article metadata is in ``G.graph["articles"]``. Reified statements are not nodes either.
It is a view of the codec's rows (:mod:`kg.codec`), so a node has the class, the values
and the conflicting values (``<key>_values``, ``conflicts``) it has in Neo4j.

Example
-------
>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF
>>> from kg.terms import ACSN
>>> r = URIRef("https://w3id.org/acsn/id/InspectionRound/r")
>>> G = to_networkx(Graph().add((r, RDF.type, ACSN.InspectionRound)).add((r, ACSN.term, Literal(14))))
>>> G.nodes[str(r)]["cls"], G.nodes[str(r)]["term"], G.nodes[str(r)]["label"]
('InspectionRound', 14, '巡视轮次 r')
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from rdflib import Graph

from kg.codec import CONFLICTS, VALUES_SUFFIX, Decoded, NodeRow, Scalar, decode_graph, tables
from kg.codec.view import GraphView
from kg.export import write_text

__all__ = [
    "EvidenceRecord",
    "fast_layout",
    "flatten_for_export",
    "node_years",
    "to_networkx",
    "write_gexf",
    "write_graphml",
]

_NOT_EDGES = frozenset({"EVIDENCE", "IN_ARTICLE"})
"""Relationships that are attributes here: a node's evidence, an evidence sentence's article."""
_DATE_PROPS = ("date", "startDate", "feedbackDate", "published", "period")
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# Characters XML 1.0 forbids; hostile or damaged text may carry them and GEXF/GraphML
# readers reject the whole file when one slips through.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    """One sentence of one article that states a node or a relationship."""

    iri: str
    text: str
    char_start: int | None
    char_end: int | None
    article: str | None
    """IRI of the article; its metadata is in ``G.graph["articles"]``."""


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def _first(attrs: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        if attrs.get(key) not in (None, ""):
            return attrs[key]
    return None


def to_networkx(graph: Graph, *, articles: bool = True) -> nx.MultiDiGraph:
    """Convert an acsn RDF graph to a directed multigraph (a view of :func:`kg.codec.decode_graph`).

    Parameters
    ----------
    graph
        A graph shaped as ``docs/graph-model.md`` describes.
    articles
        Keep ``Article`` nodes and the ``DERIVED_FROM`` edges to them. Either way the
        articles' metadata is in ``G.graph["articles"]`` and every node lists its source
        articles in ``sources``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by IRI with ``cls``, ``label``, ``name`` (when the RDF has one),
        ``aliases``, ``evidence`` (evidence IRIs), ``sources`` (article IRIs), the datatype
        properties under their property-graph keys, and for conflicting values
        ``<key>_values`` and ``conflicts`` (as in Neo4j); edges keyed by relationship type
        with ``type``, ``predicate`` and ``evidence``, in the order of the graph's triples.
        ``G.graph["evidence"]`` maps evidence IRIs to :class:`EvidenceRecord`;
        ``G.graph["articles"]`` maps article IRIs to their properties (``title``,
        ``publisher``, ``published``, ...).
    """
    decoded = decode_graph(graph)
    view = GraphView(decoded)
    evidence = _evidence_records(decoded, view)
    G = nx.MultiDiGraph()
    for row in decoded.nodes:
        if row.cls == "Evidence" or (row.cls == "Article" and not articles):
            continue
        G.add_node(row.uri, **_node_attrs(row, view, evidence))
    predicates = {key: prop.iri for key, prop in tables().relation.items()}
    for rel in decoded.rels:
        if rel.type in _NOT_EDGES or rel.source not in G or rel.target not in G:
            continue
        G.add_edge(
            rel.source,
            rel.target,
            key=rel.type,
            type=rel.type,
            predicate=predicates[rel.type],
            evidence=[e for e in rel.evidence if e in evidence],
        )
    for node, attrs in G.nodes(data=True):
        attrs["label"] = _display_label(G, node, attrs)
    G.graph["evidence"] = evidence
    G.graph["articles"] = {row.uri: dict(row.props) for row in decoded.nodes if row.cls == "Article"}
    return G


def _evidence_records(decoded: Decoded, view: GraphView) -> dict[str, EvidenceRecord]:
    out: dict[str, EvidenceRecord] = {}
    for row in decoded.nodes:
        if row.cls == "Evidence":
            start, end = row.props.get("charStart"), row.props.get("charEnd")
            out[row.uri] = EvidenceRecord(
                iri=row.uri,
                text=str(row.props.get("text", "")),
                char_start=start if isinstance(start, int) and not isinstance(start, bool) else None,
                char_end=end if isinstance(end, int) and not isinstance(end, bool) else None,
                article=view.target(row.uri, "IN_ARTICLE"),
            )
    return out


NodeAttrs = dict[str, Scalar | Sequence[Scalar]]
"""The attributes of a node of :func:`to_networkx` before ``label`` is added."""


def _node_attrs(row: NodeRow, view: GraphView, evidence: Mapping[str, EvidenceRecord]) -> NodeAttrs:
    """A node's attributes: its properties as the property graph has them, and its evidence and sources."""
    attrs: NodeAttrs = dict(row.props)
    name = row.props.get("name")
    attrs.update({key: list(values) for key, values in row.lists.items() if key != "aliases"})
    attrs["aliases"] = [a for a in row.lists.get("aliases", ()) if a != name]
    for key, values in row.values.items():
        attrs[key + VALUES_SUFFIX] = list(values)
    if row.values:
        attrs[CONFLICTS] = list(row.conflicts)
    attrs["evidence"] = [e for e in view.targets(row.uri, "EVIDENCE") if e in evidence]
    sources = set(view.targets(row.uri, "DERIVED_FROM"))
    sources |= {a for e in view.targets(row.uri, "EVIDENCE") if e in evidence and (a := evidence[e].article)}
    attrs["sources"] = sorted(sources)
    attrs["cls"] = row.cls
    return attrs


def _display_label(G: nx.MultiDiGraph, node: Hashable, attrs: Mapping[str, Any]) -> str:
    """A short human name for a node that may have no ``rdfs:label`` (statistics, positions, events)."""
    from kg.ontology import vocabulary

    name = _first(attrs, "name", "title")
    if name is not None:
        return str(name)
    cls = attrs.get("cls", "")
    vocab = vocabulary()
    if cls == "Statistic":
        measure = vocab.measures.get(str(attrs.get("measure", "")))
        what = measure.label_zh if measure else str(attrs.get("measure", ""))
        value = attrs.get("value")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return f"{what} {'' if value is None else value}{attrs.get('unit', '')}".strip()
    cls_zh = re.sub(r"（.*?）|\(.*?\)", "", vocab.classes[cls].label_zh) if cls in vocab.classes else cls
    # Inspections and events have no name of their own: name them after what they are about.
    about = [
        G.nodes[v].get("name") or G.nodes[v].get("title")
        for _, v, k in G.out_edges(node, keys=True)
        if k in ("TARGET", "INVOLVES")
    ]
    about = sorted(str(a) for a in about if a)
    if about:
        return f"{cls_zh}: {'、'.join(about[:3])}{'…' if len(about) > 3 else ''}"
    return f"{cls_zh} {_local(str(node))[:12]}"


def node_years(G: nx.MultiDiGraph, node: Hashable) -> list[int]:
    """Years a node belongs to: from its own dates, else from its articles' publication dates."""
    attrs = G.nodes[node]
    years: set[int] = set()
    if isinstance(attrs.get("year"), int):
        years.add(attrs["year"])
    for key in _DATE_PROPS:
        if key in attrs:
            years.update(int(y) for y in _YEAR_RE.findall(str(attrs[key])))
    if not years:
        articles = G.graph.get("articles", {})
        for src in attrs.get("sources", ()):
            published = articles.get(src, {}).get("published")
            if published:
                years.update(int(y) for y in _YEAR_RE.findall(str(published))[:1])
    return sorted(years)


# ------------------------------------------------------------------ layout


def fast_layout(G: nx.Graph, *, seed: int = 0, iterations: int = 120) -> dict[Hashable, tuple[float, float]]:
    """Positions for every node, fast enough for tens of thousands of nodes.

    Each connected component is laid out on its own (small ones with
    :func:`networkx.spring_layout`, large ones with a Fruchterman-Reingold variant that
    estimates repulsion from a random sample of nodes, so one iteration costs
    ``O(n * sample + edges)`` instead of ``O(n^2)``), then the components are packed in
    rows, largest first. Units: about one per edge length.

    Parameters
    ----------
    G
        Any networkx graph; direction and parallel edges are ignored.
    seed
        Seed of the random start and samples, so the same graph gets the same picture.
    iterations
        Force iterations for large components.

    Returns
    -------
    dict
        Node -> ``(x, y)``.
    """
    H = nx.Graph(G.to_undirected(as_view=True)) if G.is_directed() or G.is_multigraph() else G
    rng = np.random.default_rng(seed)
    boxes: list[tuple[list[Hashable], np.ndarray]] = []
    for comp in sorted(nx.connected_components(H), key=lambda c: (-len(c), min(map(str, c)))):
        nodes = sorted(comp, key=str)
        n = len(nodes)
        if n == 1:
            pos = np.zeros((1, 2))
        elif n <= 250:
            sub = H.subgraph(nodes)
            layout = nx.spring_layout(sub, seed=int(rng.integers(1 << 30)), k=1.0, iterations=100)
            pos = np.array([layout[v] for v in nodes], dtype=float)
        else:
            index = {v: i for i, v in enumerate(nodes)}
            edges = np.array([(index[u], index[v]) for u, v in H.subgraph(nodes).edges()], dtype=np.int64)
            pos = _sampled_fr(n, edges.reshape(-1, 2), rng, iterations)
        boxes.append((nodes, _normalise(pos)))
    return _pack(boxes)


def _normalise(pos: np.ndarray) -> np.ndarray:
    """Centre a component and scale it so its median edge-free spacing is about one unit."""
    pos = pos - pos.mean(axis=0)
    n = len(pos)
    if n < 2:
        return pos
    radius = float(np.sqrt((pos**2).sum(axis=1)).max()) or 1.0
    # A disc holding n nodes one unit apart has a radius of about sqrt(n)/1.9.
    return pos * (max(1.0, math.sqrt(n) / 1.9) / radius)


def _sampled_fr(n: int, edges: np.ndarray, rng: np.random.Generator, iterations: int) -> np.ndarray:
    k = 1.0
    pos = rng.uniform(-1, 1, size=(n, 2)) * math.sqrt(n)
    sample = min(n, 96)
    scale = n / sample
    t0 = math.sqrt(n) * 0.5
    u, v = (edges[:, 0], edges[:, 1]) if len(edges) else (np.zeros(0, int), np.zeros(0, int))
    for step in range(iterations):
        temp = t0 * (1 - step / iterations) + 0.02
        pivots = pos[rng.choice(n, size=sample, replace=False)]
        delta = pos[:, None, :] - pivots[None, :, :]
        dist2 = (delta**2).sum(axis=2) + 1e-3
        disp = (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * scale
        if len(edges):
            d = pos[u] - pos[v]
            dist = np.sqrt((d**2).sum(axis=1)) + 1e-6
            f = d * (dist / k)[:, None]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(u, weights=f[:, axis], minlength=n)
                disp[:, axis] += np.bincount(v, weights=f[:, axis], minlength=n)
        disp -= pos * 0.05  # weak gravity keeps loosely tied parts from drifting away
        length = np.sqrt((disp**2).sum(axis=1)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
    return pos


def _pack(boxes: list[tuple[list[Hashable], np.ndarray]]) -> dict[Hashable, tuple[float, float]]:
    """Shelf-pack component boxes, largest first, into a roughly square area."""
    gap = 2.0
    sizes = [(p.max(axis=0) - p.min(axis=0)) + gap if len(p) else np.array([gap, gap]) for _, p in boxes]
    area = sum(float(s[0] * s[1]) for s in sizes)
    width = max(math.sqrt(area) * 1.2, float(max(s[0] for s in sizes)) if sizes else 0.0)
    out: dict[Hashable, tuple[float, float]] = {}
    x = y = shelf = 0.0
    for (nodes, pos), size in zip(boxes, sizes, strict=True):
        if x > 0 and x + size[0] > width:
            x, y, shelf = 0.0, y + shelf, 0.0
        origin = np.array([x, y]) - pos.min(axis=0) + gap / 2
        for v, p in zip(nodes, pos + origin, strict=True):
            out[v] = (float(p[0]), float(p[1]))
        x += float(size[0])
        shelf = max(shelf, float(size[1]))
    return out


# ------------------------------------------------------------------ files for Gephi


def _clean(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return _XML_INVALID.sub("", "; ".join(str(v) for v in value))
    return _XML_INVALID.sub("", str(value))


def flatten_for_export(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values are strings, numbers or booleans only.

    Edges are keyed ``e0``, ``e1``... with the relationship type as ``relationship`` and
    ``label``. Lists are joined with ``"; "``; evidence IRIs are replaced by the evidence sentences,
    and ``sources`` by the article titles; characters XML cannot hold are dropped; graph
    attributes are left out. Attributes missing on a node stay missing.
    """
    evidence: Mapping[str, EvidenceRecord] = G.graph.get("evidence", {})
    articles: Mapping[str, Mapping[str, Any]] = G.graph.get("articles", {})

    def texts(ids: Iterable[str]) -> list[str]:
        return [evidence[i].text for i in ids if i in evidence]

    out = nx.MultiDiGraph()
    for node, attrs in G.nodes(data=True):
        flat = {k: v for k, v in attrs.items() if v is not None and k not in ("evidence", "sources")}
        if attrs.get("evidence"):
            flat["evidence"] = texts(attrs["evidence"])
        if attrs.get("sources"):
            flat["sources"] = [str(articles.get(s, {}).get("title", s)) for s in attrs["sources"]]
        out.add_node(str(node), **{k: _clean(v) for k, v in flat.items() if v != []})
    for number, (u, v, key, attrs) in enumerate(G.edges(keys=True, data=True)):
        flat = {k: val for k, val in attrs.items() if val is not None and k not in ("evidence", "type")}
        # GEXF's edge ``type`` is directed/undirected/mutual and GraphML edge ids must be
        # unique: the relationship type is an attribute (and the label), the id a number.
        flat["relationship"] = flat["label"] = attrs.get("type", key)
        if attrs.get("evidence"):
            flat["evidence"] = texts(attrs["evidence"])
        out.add_edge(
            str(u), str(v), key=f"e{number}", **{k: _clean(val) for k, val in flat.items() if val != []}
        )
    _unify_types(out.nodes(data=True))
    _unify_types((e[2] for e in out.edges(data=True)), index=None)
    return out


def _unify_types(items: Iterable[Any], index: int | None = 1) -> None:
    """Turn an attribute into text everywhere when its values differ in type.

    GEXF and GraphML declare one type per attribute; a file where ``term`` is an integer
    on one node and text on another cannot be read back.
    """
    dicts = [item[index] if index is not None else item for item in items]
    kinds: dict[str, set[type]] = defaultdict(set)
    for attrs in dicts:
        for k, v in attrs.items():
            kinds[k].add(type(v))
    mixed = {k for k, ts in kinds.items() if len(ts) > 1}
    for attrs in dicts:
        for k in mixed & attrs.keys():
            attrs[k] = str(attrs[k])


def _flat(graph: Graph | nx.MultiDiGraph, articles: bool) -> nx.MultiDiGraph:
    """The graph as networkx, with attribute values the export formats can hold."""
    G = to_networkx(graph, articles=articles) if isinstance(graph, Graph) else graph
    return flatten_for_export(G)


def write_gexf(graph: Graph | nx.MultiDiGraph, path: str | Path, *, articles: bool = True) -> None:
    """Write a graph as GEXF 1.2 for Gephi (written atomically); opens in Gephi, graphology and networkx.

    GEXF 1.2 is the version whose official schema the file is checked against (Gephi
    reads 1.2 and 1.3 alike). Node ids are the IRIs; each edge has a unique id,
    ``type="directed"`` (the graph's default) and the relationship type as its label and
    its ``relationship`` attribute.

    Parameters
    ----------
    graph
        An RDF graph (converted with :func:`to_networkx`) or an already converted graph.
    path
        The output file.
    articles
        Keep article nodes (only used when ``graph`` is RDF).
    """
    G = _flat(graph, articles)
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(G)
    writer.graph_element.attrib.pop("name", None)  # not an attribute of <graph> in the schema
    write_text(path, str(writer).rstrip("\n") + "\n")


def write_graphml(graph: Graph | nx.MultiDiGraph, path: str | Path, *, articles: bool = True) -> None:
    """Write a graph as GraphML for Gephi, yEd, Cytoscape or graphology (written atomically).

    Node ids are ``n0``, ``n1``... (GraphML ids are XML name tokens, which IRIs are not),
    with the IRI in the ``uri`` attribute; edge ids are unique, the relationship type is
    the ``relationship`` attribute. The parameters are those of :func:`write_gexf`.
    """
    G = _flat(graph, articles)
    ids = {node: f"n{i}" for i, node in enumerate(G.nodes)}
    for node, attrs in G.nodes(data=True):
        attrs["uri"] = node
    G = nx.relabel_nodes(G, ids)
    write_text(path, "\n".join(nx.generate_graphml(G, encoding="utf-8")) + "\n")
