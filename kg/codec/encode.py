"""Property graph -> RDF: rows (read back from a database, or from :mod:`kg.codec.decode`) as triples.

:func:`node_row` turns one node read from a database (labels and property map) into a
:class:`~kg.codec.records.NodeRow`, with the values of its ``conflicts`` from their
``<key>_values``; :func:`rows_to_graph` turns rows into RDF, every value of a conflicting
property a triple of its own, so a graph loaded and read back keeps them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from rdflib import OWL, RDF, Graph, URIRef

from kg.codec.records import DEFAULT_BASE, NodeRow, RelRow, statement_iri
from kg.codec.schema import CONFLICTS, VALUES_SUFFIX, CodecTables, tables
from kg.codec.values import Scalar, literal_for
from kg.ontology import ACSN_IRI, Vocabulary

__all__ = ["node_row", "rows_to_graph"]

_URIS = ACSN_IRI + "uris"
_EVIDENCE = URIRef(ACSN_IRI + "evidence")
_IRI_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")

DatabaseValue = Scalar | Sequence[object] | Mapping[str, object] | None
"""A property value as the driver returns it."""


def _scalars(values: Sequence[object]) -> tuple[Scalar, ...]:
    return tuple(v for v in values if isinstance(v, str | int | float | bool))


def node_row(uri: str, cls: str, props: Mapping[str, DatabaseValue], t: CodecTables | None = None) -> NodeRow:
    """The row of a node read from a database: its ``uri``, class and property map (``uri`` left out).

    List-valued keys give ``lists``; ``<key>_values`` of a key named in ``conflicts``
    gives ``values``; other lists and maps are left out.
    """
    t = t or tables()
    conflicts = props.get(CONFLICTS)
    named = {str(k) for k in conflicts} if isinstance(conflicts, list | tuple) else set()
    lists: dict[str, tuple[str, ...]] = {}
    values: dict[str, tuple[Scalar, ...]] = {}
    scalars: dict[str, Scalar] = {}
    for key, value in props.items():
        if isinstance(value, str | int | float | bool):
            scalars[key] = value
        elif isinstance(value, list | tuple) and value:
            if key in t.list_keys:
                lists[key] = tuple(sorted(str(x) for x in value))
            elif key.endswith(VALUES_SUFFIX) and key[: -len(VALUES_SUFFIX)] in named:
                values[key[: -len(VALUES_SUFFIX)]] = _scalars(value)
    return NodeRow(
        uri=uri,
        cls=cls,
        props=dict(sorted(scalars.items())),
        lists=dict(sorted(lists.items())),
        values={k: v for k, v in sorted(values.items()) if len(v) > 1},
    )


def _base_of(uri: str, cls: str) -> str:
    marker = f"/{cls}/"
    at = uri.rfind(marker)
    return uri[: at + 1] if at >= 0 else DEFAULT_BASE


def _add_node(out: Graph, row: NodeRow, t: CodecTables) -> None:
    subject = URIRef(row.uri)
    out.add((subject, RDF.type, URIRef(t.vocab.classes[row.cls].iri)))
    singles: dict[str, Iterable[Scalar]] = {k: (v,) for k, v in row.props.items()}
    singles.update(row.values)
    for key, values in (*singles.items(), *row.lists.items()):
        prop = t.datatype.get(key)
        if prop is None:
            continue
        for value in values:
            if value is None:
                continue
            out.add((subject, URIRef(prop.iri), literal_for(prop, value, t.vocab)))
            if prop.iri == _URIS and _IRI_LIKE.fullmatch(str(value)):  # owl:sameAs it in RDF
                out.add((subject, OWL.sameAs, URIRef(str(value))))


def _add_rel(out: Graph, rel: RelRow, base: str | None, t: CodecTables) -> None:
    obj_prop = t.relation.get(rel.type)
    if obj_prop is None:
        return
    s, p, o = URIRef(rel.source), URIRef(obj_prop.iri), URIRef(rel.target)
    out.add((s, p, o))
    if rel.evidence:
        stmt_base = base or _base_of(rel.source, rel.source_cls)
        stmt = URIRef(statement_iri(rel.source, obj_prop.iri, rel.target, stmt_base))
        out.add((stmt, RDF.type, RDF.Statement))
        out.add((stmt, RDF.subject, s))
        out.add((stmt, RDF.predicate, p))
        out.add((stmt, RDF.object, o))
        for ev in rel.evidence:
            out.add((stmt, _EVIDENCE, URIRef(ev)))


def rows_to_graph(
    nodes: Iterable[NodeRow],
    rels: Iterable[RelRow],
    *,
    base: str | None = None,
    vocab: Vocabulary | None = None,
    graph: Graph | None = None,
) -> Graph:
    """RDF of node and relationship rows (the inverse of :func:`kg.store.mapping.graph_to_rows`).

    The rows may come from a database: a property key or relationship type the ontology
    does not define is left out. Reified statements get the IRIs of ``base``, by default
    the base of each statement's subject (``{base}<Class>/<key>``), else
    ``https://w3id.org/acsn/id/``. The triples go into ``graph`` (default: a new one).
    """
    t = tables(vocab)
    out = graph if graph is not None else Graph()
    for row in nodes:
        _add_node(out, row, t)
    for rel in rels:
        _add_rel(out, rel, base, t)
    return out
