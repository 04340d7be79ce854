"""Reading the database back: rows and RDF under the ontology.

Nodes are read with their labels and properties, relationships with their type, end
points and ``evidence``; :func:`kg.store.mapping.rows_to_graph` turns them into RDF.
Loading a graph into an empty database and reading it back gives an isomorphic graph.
The export formats that use this live in :mod:`kg.formats`.
"""

from __future__ import annotations

from rdflib import Graph

from kg.ontology import Vocabulary, vocabulary
from kg.store.connect import Store
from kg.store.mapping import GraphRows, NodeRow, RelRow, class_of_labels, rows_to_graph

__all__ = ["read_graph", "read_rows"]

_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
_RELS = (
    "MATCH (a)-[e]->(b) RETURN type(e) AS type, a.uri AS s, labels(a) AS sl, "
    "b.uri AS o, labels(b) AS ol, e.evidence AS ev"
)


def read_rows(store: Store, vocab: Vocabulary | None = None) -> GraphRows:
    """Every node with an acsn label and a ``uri``, and every relationship between two of them."""
    vocab = vocab or vocabulary()
    list_keys = {p.pg_name for p in vocab.properties.values() if p.kind == "datatype" and p.list_valued}
    nodes: list[NodeRow] = []
    skipped: list[str] = []
    for record in store.read(_NODES):
        props = dict(record["props"] or {})
        uri = props.pop("uri", None)
        cls = class_of_labels(record["labels"], vocab)
        if cls is None or not isinstance(uri, str):
            skipped.append(f"node with labels {record['labels']} and uri {uri!r}: not an acsn resource")
            continue
        lists = {
            k: tuple(sorted(str(x) for x in props.pop(k)))
            for k in list_keys
            if isinstance(props.get(k), list)
        }
        scalars = {k: v for k, v in props.items() if v is not None and not isinstance(v, list | dict)}
        nodes.append(
            NodeRow(
                uri=uri,
                cls=cls,
                props=dict(sorted(scalars.items())),
                lists={k: v for k, v in lists.items() if v},
            )
        )
    rels: list[RelRow] = []
    for record in store.read(_RELS):
        scls, tcls = class_of_labels(record["sl"], vocab), class_of_labels(record["ol"], vocab)
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
    """The database as RDF under the ontology (see :func:`kg.store.mapping.rows_to_graph`)."""
    rows = read_rows(store)
    return rows_to_graph(rows.nodes, rows.rels, base=base)
