"""RDF <-> property-graph rows: the pure mapping behind loading and read-back.

``graph_to_rows`` turns an rdflib graph written under the acsn ontology into node rows
and relationship rows in the shape of ``docs/graph-model.md``; ``rows_to_graph`` turns
rows (read back from a database, or straight from ``graph_to_rows``) into RDF again.
Neither touches a database, so ``kg build`` and the tests can use them directly.

Conventions (``docs/graph-model.md``):

- one node per resource typed with an acsn class; its row carries the most specific
  class, its labels are that class and its acsn superclasses;
- ``uri`` is the IRI, ``name`` the ``rdfs:label``, ``aliases`` the ``skos:altLabel`` s,
  every other datatype property its property-graph key;
- values: integers stay integers, ``xsd:decimal`` becomes a float, booleans stay
  booleans, dates (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``) become ISO strings;
- an object property becomes a relationship; the evidence of a relationship (the
  ``acsn:evidence`` of its reified ``rdf:Statement``) becomes the relationship's
  ``evidence`` list; reified statements are not nodes.

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

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import OWL, RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.plugins.parsers.ntriples import r_literal, unquote

from kg.ontology import ACSN_IRI, PropertyDef, Vocabulary, vocabulary

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
    "ntriples_to_rows",
    "python_value",
    "rows_to_graph",
    "statement_iri",
]

DEFAULT_BASE = "https://w3id.org/acsn/id/"

Scalar = str | int | float | bool
"""A node or relationship property value as stored in the property graph."""

_LANG = "zh"
_LANG_STRING = str(RDF.langString)
_DATE_FORMS = (
    (re.compile(r"-?\d{4,}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"-?\d{4,}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"-?\d{4,}"), XSD.gYear),
)
_INTEGER_TYPES = {
    str(XSD[t])
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_FLOAT_TYPES = {str(XSD.decimal), str(XSD.double), str(XSD.float)}


@dataclass(frozen=True, slots=True)
class NodeRow:
    """One node: its IRI, its most specific acsn class and its properties."""

    uri: str
    cls: str
    props: Mapping[str, Scalar] = field(default_factory=dict)
    """Single-valued properties by property-graph key (``name``, ``term``...)."""
    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """List-valued properties (``aliases``), sorted, never empty."""

    def __reduce__(self) -> tuple[Any, ...]:
        # pickles (to and from worker processes) as a plain constructor call: faster than the dataclass state
        return (NodeRow, (self.uri, self.cls, self.props, self.lists))

    def param(self) -> dict[str, Any]:
        """The row as a Cypher parameter map: ``{uri, props, lists}``."""
        return {
            "uri": self.uri,
            "props": dict(self.props),
            "lists": {k: list(v) for k, v in self.lists.items()},
        }


@dataclass(frozen=True, slots=True)
class RelRow:
    """One relationship: type, end points (with their classes, for indexed lookups) and evidence."""

    type: str
    source: str
    source_cls: str
    target: str
    target_cls: str
    evidence: tuple[str, ...] = ()
    """IRIs of the ``Evidence`` nodes that state it, sorted."""

    def __reduce__(self) -> tuple[Any, ...]:
        fields = (self.type, self.source, self.source_cls, self.target, self.target_cls, self.evidence)
        return (RelRow, fields)

    def param(self) -> dict[str, Any]:
        """The row as a Cypher parameter map: ``{s, o, ev}`` (``ev`` null when there is no evidence)."""
        return {"s": self.source, "o": self.target, "ev": list(self.evidence) or None}


@dataclass(frozen=True, slots=True)
class GraphRows:
    """The rows of one graph, nodes sorted by IRI and relationships by (type, source, target)."""

    nodes: tuple[NodeRow, ...]
    rels: tuple[RelRow, ...]
    skipped: tuple[str, ...] = ()
    """One line per triple that has no place in the property graph (untyped end, blank node...)."""


def statement_iri(subject: str, predicate: str, obj: str, base: str = DEFAULT_BASE) -> str:
    """The deterministic IRI of the reified statement of one triple, as :mod:`kg.graph` writes it.

    Examples
    --------
    >>> iri = statement_iri("https://w3id.org/acsn/id/A/a", "https://w3id.org/acsn#partOf", "https://w3id.org/acsn/id/A/b")
    >>> iri.startswith("https://w3id.org/acsn/id/Statement/")
    True
    """
    from kg.graph import statement_iri as graph_statement_iri

    return str(graph_statement_iri(URIRef(subject), URIRef(predicate), URIRef(obj), base))


def decimal_lexical(value: float | int | Decimal) -> str:
    """The lexical form of an ``xsd:decimal`` read back from a float, as :mod:`kg.graph` writes it.

    Examples
    --------
    >>> decimal_lexical(83.98), decimal_lexical(100.0), decimal_lexical(1e-7)
    ('83.98', '100.0', '0.0000001')
    """
    from kg.graph import decimal_literal

    dec = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return str(decimal_literal(dec))


def python_value(literal: Literal) -> Scalar:
    """The property-graph value of an RDF literal (see the module docstring)."""
    dt = str(literal.datatype) if literal.datatype is not None else None
    if dt in _INTEGER_TYPES:
        return int(literal)
    if dt in _FLOAT_TYPES:
        return float(literal)
    if dt == str(XSD.boolean):
        return bool(literal.toPython())
    return str(literal)


def literal_for(prop: PropertyDef, value: Any, vocab: Vocabulary | None = None) -> Literal:
    """The RDF literal of a property-graph value, typed by the property's range in the ontology.

    ``rdf:langString`` gives ``@zh``; ``xsd:string`` a plain literal; ``acsn:PartialDate``
    picks ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` from the lexical form.
    """
    vocab = vocab or vocabulary()
    value = _plain(value)
    try:
        return _typed_literal(prop, value, vocab)
    except (ValueError, TypeError, ArithmeticError):
        # a value that does not fit its range (written by hand, or by a loader without the
        # shapes check): read back as it is, for `kg validate` to report, not a crash
        return Literal(str(value))


def _typed_literal(prop: PropertyDef, value: Any, vocab: Vocabulary) -> Literal:
    rng = prop.range[0] if prop.range else str(XSD.string)
    if rng == _LANG_STRING:
        return Literal(str(value), lang=_LANG)
    if rng in vocab.datatypes:
        text = str(value)
        members = vocab.datatypes[rng]
        for pattern, dt in _DATE_FORMS:
            if str(dt) in members and pattern.fullmatch(text):
                return Literal(text, datatype=dt)
        return Literal(text)
    if rng == str(XSD.string):
        return Literal(str(value))
    if rng in _INTEGER_TYPES:
        return Literal(int(value), datatype=URIRef(rng))
    if rng == str(XSD.decimal):
        return Literal(decimal_lexical(value), datatype=XSD.decimal)
    if rng == str(XSD.boolean):
        return Literal(bool(value), datatype=XSD.boolean)
    if rng in _FLOAT_TYPES:
        return Literal(float(value), datatype=URIRef(rng))
    return Literal(str(value), datatype=URIRef(rng))


def _plain(value: Any) -> Any:
    """Driver temporal values (a ``neo4j.time.Date`` someone stored natively) as ISO strings."""
    iso = getattr(value, "iso_format", None)
    return iso() if callable(iso) else value


def class_of_labels(labels: Iterable[str], vocab: Vocabulary | None = None) -> str | None:
    """The most specific acsn class among node labels (``None`` when no label is an acsn class)."""
    vocab = vocab or vocabulary()
    known = [label for label in labels if label in vocab.classes]
    if not known:
        return None
    return max(sorted(known), key=lambda c: len(vocab.classes[c].superclasses))


def _most_specific(classes: set[str], vocab: Vocabulary) -> str:
    return max(sorted(classes), key=lambda c: len(vocab.classes[c].superclasses))


def _keep_value(prop: PropertyDef, value: Any, props: dict[str, Any], lists: dict[str, set[str]]) -> None:
    """Add one datatype value to a node's properties: lists collect, a second single value keeps the least."""
    if prop.list_valued:
        lists[prop.pg_name].add(str(value))
    elif prop.pg_name in props and props[prop.pg_name] != value:
        props[prop.pg_name] = min(props[prop.pg_name], value, key=str)
    else:
        props[prop.pg_name] = value


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
        Deterministic rows. A single-valued property met twice keeps its smallest value;
        a triple that has no place in the property graph is listed in ``skipped``.
    """
    vocab = vocab or vocabulary()
    type_iri = RDF.type
    classes: dict[URIRef, set[str]] = defaultdict(set)
    statements: set[Any] = set()
    for s, o in graph.subject_objects(type_iri):
        if o == RDF.Statement:
            statements.add(s)
        elif isinstance(s, URIRef) and isinstance(o, URIRef) and str(o).startswith(ACSN_IRI):
            name = str(o)[len(ACSN_IRI) :]
            if name in vocab.classes:
                classes[s].add(name)
    cls_of = {node: _most_specific(names, vocab) for node, names in classes.items()}

    evidence_of: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    evidence_iri = URIRef(ACSN_IRI + "evidence")
    for stmt in statements:
        s, p, o = (
            graph.value(stmt, RDF.subject),
            graph.value(stmt, RDF.predicate),
            graph.value(stmt, RDF.object),
        )
        if s is None or p is None or o is None:
            continue
        for ev in graph.objects(stmt, evidence_iri):
            evidence_of[(str(s), str(p), str(o))].add(str(ev))

    skipped: list[str] = []
    nodes: list[NodeRow] = []
    rels: list[RelRow] = []
    for node in sorted(cls_of, key=str):
        props: dict[str, Scalar] = {}
        lists: dict[str, set[str]] = defaultdict(set)
        for p, o in graph.predicate_objects(node):
            if p in (type_iri, OWL.sameAs):  # a merged IRI is in the node's uris already
                continue
            prop = vocab.properties.get(str(p))
            if prop is None:
                skipped.append(f"<{node}> <{p}>: not an ontology property")
                continue
            if prop.kind == "datatype":
                if not isinstance(o, Literal):
                    skipped.append(f"<{node}> <{p}>: expected a literal")
                    continue
                _keep_value(prop, python_value(o), props, lists)
            elif isinstance(o, URIRef) and o in cls_of:
                key = (str(node), str(p), str(o))
                rels.append(
                    RelRow(
                        type=prop.pg_name,
                        source=str(node),
                        source_cls=cls_of[node],
                        target=str(o),
                        target_cls=cls_of[o],
                        evidence=tuple(sorted(evidence_of.get(key, ()))),
                    )
                )
            else:
                why = "blank node" if isinstance(o, BNode) else "object has no acsn type"
                skipped.append(f"<{node}> <{p}> {o.n3()}: {why}")
        nodes.append(
            NodeRow(
                uri=str(node),
                cls=cls_of[node],
                props=dict(sorted(props.items())),
                lists={k: tuple(sorted(v)) for k, v in sorted(lists.items()) if v},
            )
        )
    rels.sort(key=lambda r: (r.type, r.source, r.target))
    return GraphRows(nodes=tuple(nodes), rels=tuple(rels), skipped=tuple(skipped))


# ---------------------------------------------------------------- the same rows from N-Triples lines
_NT_TYPE = f"<{RDF.type}>"
_NT_STATEMENT = f"<{RDF.Statement}>"
_NT_SUBJECT = f"<{RDF.subject}>"
_NT_PREDICATE = f"<{RDF.predicate}>"
_NT_OBJECT = f"<{RDF.object}>"
_NT_EVIDENCE = f"<{ACSN_IRI}evidence>"
_NT_ACSN = f"<{ACSN_IRI}"


def _nt_iri(token: str) -> str:
    """An IRI token's canonical form (``\\u`` escapes undone, as rdflib's parser does)."""
    return "<" + unquote(token[1:-1]) + ">" if "\\" in token else token


@lru_cache(maxsize=1 << 16)
def _nt_literal(token: str) -> Literal:
    """The rdflib literal of an N-Triples literal token (parsed as rdflib's N-Triples parser does)."""
    match = r_literal.fullmatch(token)
    if match is None:
        raise ValueError(f"not an N-Triples literal: {token!r}")
    lex, lang, dtype = match.groups()
    datatype = URIRef(unquote(dtype)) if dtype else None
    return Literal(unquote(lex), lang or None, datatype)


@lru_cache(maxsize=1 << 16)
def _nt_typed_value(token: str) -> Scalar:
    return python_value(_nt_literal(token))


def _nt_value(token: str) -> Scalar:
    """:func:`python_value` of a literal token; plain and language-tagged strings without a parse."""
    last = token[-1]
    if last == ">":
        return _nt_typed_value(token)
    # a plain or language-tagged string: the lexical form is the value
    lex = token[1:-1] if last == '"' else token[1 : token.rindex('"')]
    return unquote(lex) if "\\" in lex else lex


def _nt_str(token: str) -> str:
    """``str()`` of the rdflib term of a token: the IRI, the lexical form or the blank node id."""
    if token[0] == "<":
        return _nt_iri(token)[1:-1]
    if token[0] == '"':
        return str(_nt_literal(token))
    return token[2:]


def _nt_n3(token: str) -> str:
    if token[0] == '"':
        return _nt_literal(token).n3()
    return _nt_iri(token) if token[0] == "<" else token


def _nt_split(line: str) -> tuple[str, str, str] | None:
    """``<s> <p> o .`` -> the three tokens (IRIs canonical); ``None`` for a blank or comment line."""
    line = line.strip()
    if not line or line[0] == "#":
        return None
    s, p, rest = line.split(None, 2)
    rest = rest.rstrip()
    if not rest.endswith("."):
        raise ValueError(f"not an N-Triples line: {line!r}")
    o = rest[:-1].rstrip()
    if s[0] == "<":
        s = _nt_iri(s)
    if o[0] == "<":
        o = _nt_iri(o)
    return s, _nt_iri(p), o


def ntriples_to_rows(lines: Iterable[str], vocab: Vocabulary | None = None) -> GraphRows:
    """The rows :func:`graph_to_rows` gives for the graph of these N-Triples lines, without building it.

    For the N-Triples that rdflib writes (what ``kg build`` keeps and merges): one triple
    per line, single spaces between terms. Literals get exactly the values of
    :func:`python_value` (typed ones go through rdflib's :class:`~rdflib.Literal`), IRIs
    are unescaped as rdflib's parser does, and repeated lines count once, as in a graph.
    The ``skipped`` lines are those of :func:`graph_to_rows` (blank node ids excepted).
    """
    vocab = vocab or vocabulary()
    by_subject: dict[str, dict[tuple[str, str], None]] = defaultdict(dict)
    classes: dict[str, set[str]] = defaultdict(set)
    statements: set[str] = set()
    for line in lines:
        spo = _nt_split(line)
        if spo is None:
            continue
        s, p, o = spo
        by_subject[s][(p, o)] = None
        if p == _NT_TYPE:
            if o == _NT_STATEMENT:
                statements.add(s)
            elif s[0] == "<" and o.startswith(_NT_ACSN) and o[-1] == ">":
                name = o[len(_NT_ACSN) : -1]
                if name in vocab.classes:
                    classes[s].add(name)
    cls_of = {node: _most_specific(names, vocab) for node, names in classes.items()}

    evidence_of: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for stmt in statements:
        first: dict[str, str] = {}
        evs: list[str] = []
        for p, o in by_subject[stmt]:
            if p in (_NT_SUBJECT, _NT_PREDICATE, _NT_OBJECT):
                first.setdefault(p, o)
            elif p == _NT_EVIDENCE:
                evs.append(o)
        if len(first) < 3:
            continue
        key = (_nt_str(first[_NT_SUBJECT]), _nt_str(first[_NT_PREDICATE]), _nt_str(first[_NT_OBJECT]))
        evidence_of[key].update(_nt_str(ev) for ev in evs)

    skipped: list[str] = []
    nodes: list[NodeRow] = []
    rels: list[RelRow] = []
    properties = {f"<{iri}>": prop for iri, prop in vocab.properties.items()}
    for node in sorted(cls_of, key=lambda n: n[1:-1]):
        uri = node[1:-1]
        node_cls = cls_of[node]
        props: dict[str, Scalar] = {}
        lists: dict[str, set[str]] = defaultdict(set)
        for p, o in by_subject[node]:
            if p in (_NT_TYPE, _NT_SAME_AS):  # a merged IRI is in the node's uris already
                continue
            prop = properties.get(p)
            if prop is None:
                skipped.append(f"<{uri}> {p}: not an ontology property")
                continue
            if prop.kind == "datatype":
                if o[0] != '"':
                    skipped.append(f"<{uri}> {p}: expected a literal")
                    continue
                _keep_value(prop, _nt_value(o), props, lists)
            elif o in cls_of:
                target = o[1:-1]
                rels.append(
                    RelRow(
                        type=prop.pg_name,
                        source=uri,
                        source_cls=node_cls,
                        target=target,
                        target_cls=cls_of[o],
                        evidence=tuple(sorted(evidence_of.get((uri, p[1:-1], target), ()))),
                    )
                )
            else:
                why = "blank node" if o[0] == "_" else "object has no acsn type"
                skipped.append(f"<{uri}> {p} {_nt_n3(o)}: {why}")
        nodes.append(
            NodeRow(
                uri=uri,
                cls=node_cls,
                props=dict(sorted(props.items())),
                lists={k: tuple(sorted(v)) for k, v in sorted(lists.items()) if v},
            )
        )
    rels.sort(key=lambda r: (r.type, r.source, r.target))
    return GraphRows(nodes=tuple(nodes), rels=tuple(rels), skipped=tuple(skipped))


def _base_of(uri: str, cls: str) -> str:
    marker = f"/{cls}/"
    at = uri.rfind(marker)
    return uri[: at + 1] if at >= 0 else DEFAULT_BASE


_URIS = ACSN_IRI + "uris"
_NT_SAME_AS = f"<{OWL.sameAs}>"
_IRI_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")


def rows_to_graph(
    nodes: Iterable[NodeRow],
    rels: Iterable[RelRow],
    *,
    base: str | None = None,
    vocab: Vocabulary | None = None,
    graph: Graph | None = None,
) -> Graph:
    """RDF of node and relationship rows (the inverse of :func:`graph_to_rows`).

    Parameters
    ----------
    nodes, rels
        Rows, e.g. read back from a database. A property key or relationship type the
        ontology does not define is left out.
    base
        Base IRI of reified statements; by default the base of each statement's subject
        (``{base}<Class>/<key>``), else ``https://w3id.org/acsn/id/``.
    graph
        Graph to add to (default: a new one).
    """
    vocab = vocab or vocabulary()
    out = graph if graph is not None else Graph()
    datatype_props = {p.pg_name: p for p in vocab.properties.values() if p.kind == "datatype"}
    object_props = {p.pg_name: p for p in vocab.properties.values() if p.kind == "object"}
    for row in nodes:
        subject = URIRef(row.uri)
        out.add((subject, RDF.type, URIRef(vocab.classes[row.cls].iri)))
        for key, value in row.props.items():
            prop = datatype_props.get(key)
            if prop is not None and value is not None:
                out.add((subject, URIRef(prop.iri), literal_for(prop, value, vocab)))
        for key, values in row.lists.items():
            prop = datatype_props.get(key)
            if prop is not None:
                for value in values:
                    out.add((subject, URIRef(prop.iri), literal_for(prop, value, vocab)))
                    if prop.iri == _URIS and _IRI_LIKE.fullmatch(str(value)):  # owl:sameAs it in RDF
                        out.add((subject, OWL.sameAs, URIRef(str(value))))
    evidence_iri = URIRef(ACSN_IRI + "evidence")
    for rel in rels:
        obj_prop = object_props.get(rel.type)
        if obj_prop is None:
            continue
        s, p, o = URIRef(rel.source), URIRef(obj_prop.iri), URIRef(rel.target)
        out.add((s, p, o))
        if rel.evidence:
            stmt = URIRef(
                statement_iri(
                    rel.source, obj_prop.iri, rel.target, base or _base_of(rel.source, rel.source_cls)
                )
            )
            out.add((stmt, RDF.type, RDF.Statement))
            out.add((stmt, RDF.subject, s))
            out.add((stmt, RDF.predicate, p))
            out.add((stmt, RDF.object, o))
            for ev in rel.evidence:
                out.add((stmt, evidence_iri, URIRef(ev)))
    return out


def group_nodes(rows: Iterable[NodeRow]) -> dict[str, list[NodeRow]]:
    """Node rows by class, classes in name order."""
    out: dict[str, list[NodeRow]] = defaultdict(list)
    for row in rows:
        out[row.cls].append(row)
    return dict(sorted(out.items()))


def group_rels(rows: Iterable[RelRow]) -> dict[tuple[str, str, str], list[RelRow]]:
    """Relationship rows by (type, source class, target class), in that order."""
    out: dict[tuple[str, str, str], list[RelRow]] = defaultdict(list)
    for row in rows:
        out[(row.type, row.source_cls, row.target_cls)].append(row)
    return dict(sorted(out.items()))
