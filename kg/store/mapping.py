"""RDF -> property-graph rows for loading: views of the codec (:mod:`kg.codec`).

``graph_to_rows`` (an rdflib graph) and ``ntriples_to_rows`` (N-Triples lines) give the
same :class:`GraphRows`: node rows sorted by IRI, relationship rows by (type, source,
target), in the shape of ``docs/graph-model.md``; ``rows_to_graph`` turns rows (read back
from a database, or straight from ``graph_to_rows``) into RDF again. Neither touches a
database, so ``kg build`` and the tests can use them directly.

Example
-------
>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF, RDFS
>>> from kg.terms import ACSN
>>> g = Graph()
>>> p = URIRef("https://w3id.org/acsn/id/Person/p1")
>>> _ = g.add((p, RDF.type, ACSN.Person)).add((p, RDFS.label, Literal("钟昌明", lang="zh")))
>>> rows = graph_to_rows(g)
>>> rows.nodes[0].cls, dict(rows.nodes[0].props)
('Person', {'name': '钟昌明'})
>>> len(rows_to_graph(rows.nodes, rows.rels)) == len(g)
True
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph

from kg.codec import (
    DEFAULT_BASE,
    GraphRows,
    NodeRow,
    RelRow,
    Scalar,
    class_of_labels,
    decimal_lexical,
    decode_graph,
    decode_ntriples,
    group_nodes,
    group_rels,
    literal_for,
    most_specific_class,
    python_value,
    rows_to_graph,
    statement_iri,
)
from kg.ontology import Vocabulary

__all__ = [
    "DEFAULT_BASE",
    "GraphRows",
    "NodeRow",
    "RelRow",
    "Scalar",
    "class_of_labels",
    "decimal_lexical",
    "graph_to_rows",
    "group_nodes",
    "group_rels",
    "literal_for",
    "most_specific_class",
    "ntriples_to_rows",
    "python_value",
    "rows_to_graph",
    "statement_iri",
]


def graph_to_rows(graph: Graph, vocab: Vocabulary | None = None) -> GraphRows:
    """Node and relationship rows of an RDF graph under the acsn ontology.

    Parameters
    ----------
    graph
        Triples as written by ``kg extract``: typed acsn resources, their datatype and
        object properties, and reified ``rdf:Statement`` s carrying relationship evidence.
    vocab
        The vocabulary (default: the installed ontology's).

    Returns
    -------
    GraphRows
        Deterministic rows. A single-valued property met with different values keeps
        them all (:attr:`NodeRow.values`, the smallest in ``props``); a triple that has
        no place in the property graph is listed in ``skipped``.
    """
    return decode_graph(graph, vocab).rows()


def ntriples_to_rows(lines: Iterable[str], vocab: Vocabulary | None = None) -> GraphRows:
    """The rows :func:`graph_to_rows` gives for the graph of these N-Triples lines, without building it.

    For the N-Triples that rdflib writes (what ``kg build`` keeps and merges), read by
    :mod:`kg.codec.ntriples`: repeated lines count once, as in a graph.
    """
    return decode_ntriples(lines, vocab).rows()
