"""Reading the database back: rows and RDF under the ontology.

Nodes are read with their labels and properties, relationships with their type, end
points and ``evidence``, into the codec's rows (:mod:`kg.codec`), whose
:func:`kg.codec.rows_to_graph` turns them into RDF. Loading a graph into an empty database
and reading it back gives an isomorphic graph (conflicting values included). The export
formats that use this live in :mod:`kg.formats`.
"""

from __future__ import annotations

from rdflib import Graph

from kg.codec import GraphRows, NodeRow, RelRow, node_row, rows_to_graph, tables
from kg.ontology import Vocabulary
from kg.store.connect import Store

__all__ = ["read_graph", "read_rows"]

_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
_RELS = (
    "MATCH (a)-[e]->(b) RETURN type(e) AS type, a.uri AS s, labels(a) AS sl, "
    "b.uri AS o, labels(b) AS ol, e.evidence AS ev"
)


def read_rows(store: Store, vocab: Vocabulary | None = None) -> GraphRows:
    """Every node with an acsn label and a ``uri``, and every relationship between two of them.

    A node's class is :func:`kg.codec.most_specific_class` of its labels; its properties
    become a row as :func:`kg.codec.node_row` reads them (conflicting values included).
    """
    t = tables(vocab)
    nodes: list[NodeRow] = []
    skipped: list[str] = []
    for record in store.read(_NODES):
        props = dict(record["props"] or {})
        uri = props.pop("uri", None)
        cls = t.most_specific(record["labels"])
        if cls is None or not isinstance(uri, str):
            skipped.append(f"node with labels {record['labels']} and uri {uri!r}: not an acsn resource")
            continue
        nodes.append(node_row(uri, cls, props, t))
    rels: list[RelRow] = []
    for record in store.read(_RELS):
        scls, tcls = t.most_specific(record["sl"]), t.most_specific(record["ol"])
        if scls is None or tcls is None or record["s"] is None or record["o"] is None:
            continue
        rels.append(
            RelRow(
                type=record["type"],
                source=record["s"],
                source_cls=scls,
                target=record["o"],
                target_cls=tcls,
                evidence=tuple(sorted(set(record["ev"] or ()))),
            )
        )
    nodes.sort(key=lambda n: n.uri)
    rels.sort(key=lambda r: (r.type, r.source, r.target))
    return GraphRows(nodes=tuple(nodes), rels=tuple(rels), skipped=tuple(skipped))


def read_graph(store: Store, *, base: str | None = None) -> Graph:
    """The database as RDF under the ontology (see :func:`kg.codec.rows_to_graph`)."""
    rows = read_rows(store)
    return rows_to_graph(rows.nodes, rows.rels, base=base)
