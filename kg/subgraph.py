"""Cutting a subgraph out of an RDF graph: the nodes a query names, and their neighbourhood.

Used by ``kg viz --from-db --query NAME``: the rows of a query hold names, uris or
whole nodes; the viewer shows those nodes, the relationships among them and their
neighbours ``hops`` steps away, with every node's evidence and articles.

Example
-------
>>> from rdflib import Graph
>>> len(select(Graph(), {"x"}))
0
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.term import Node

from kg.terms import ACSN

__all__ = ["keys_in", "select"]

_KEEP_WITH_NODE = (ACSN.evidence, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))


def keys_in(rows: Iterable[dict[str, Any]]) -> set[str]:
    """Every string in query rows (names, uris), looking into lists and node dicts."""
    out: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            out.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)

    for row in rows:
        walk(row)
    return out


def _is_node(graph: Graph, node: object) -> bool:
    return isinstance(node, URIRef) and any(
        str(t).startswith(str(ACSN._NS)) and t not in (ACSN.Evidence, ACSN.Article)
        for t in graph.objects(node, RDF.type)
    )


def select(graph: Graph, keys: set[str], hops: int = 1) -> Graph:
    """The part of ``graph`` around the nodes whose uri or name is in ``keys``.

    The result holds the chosen nodes and their neighbours up to ``hops`` relationships
    away, all their triples among each other, and the evidence and articles of each.
    """
    chosen: set[Node] = {s for s in graph.subjects(RDF.type, None) if _is_node(graph, s) and str(s) in keys}
    chosen |= {s for s, o in graph.subject_objects(RDFS.label) if str(o) in keys and _is_node(graph, s)}
    frontier = set(chosen)
    for _ in range(hops):
        nxt: set[Node] = set()
        for node in frontier:
            for o in graph.objects(node, None):
                if _is_node(graph, o):
                    nxt.add(o)
            for s in graph.subjects(None, node):
                if _is_node(graph, s):
                    nxt.add(s)
        frontier = nxt - chosen
        chosen |= nxt
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns)
    extra: set[Node] = set()
    for node in chosen:
        for p, o in graph.predicate_objects(node):
            if not isinstance(o, URIRef) or o in chosen or p == RDF.type or p in _KEEP_WITH_NODE:
                out.add((node, p, o))
                if p in _KEEP_WITH_NODE:
                    extra.add(o)
    for st in graph.subjects(RDF.type, RDF.Statement):
        if graph.value(st, RDF.subject) in chosen and graph.value(st, RDF.object) in chosen:
            for p, o in graph.predicate_objects(st):
                out.add((st, p, o))
                extra.add(o)
    for more in extra:
        if isinstance(more, URIRef) and not _is_node(graph, more):
            for p, o in graph.predicate_objects(more):
                out.add((more, p, o))
                if p == ACSN.inArticle:
                    for q, v in graph.predicate_objects(o):
                        out.add((o, q, v))
    return out
