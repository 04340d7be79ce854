"""RDF -> property graph, once: the core every view of a graph as nodes and relationships uses.

:func:`decode_graph` (an rdflib graph) and :func:`decode_ntriples` (N-Triples lines) turn
triples into the same :class:`Decoded`: node rows sorted by IRI, relationship rows in the
order the triples came (what a layout that depends on edge order needs), and the triples
the property graph has no place for. Both feed one loop, :func:`_decode`, over triples in
one form: a subject or IRI object is its IRI (``str``), a blank node ``_:id``, a literal a
:class:`_Lit` with its value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import OWL, RDF, BNode, Graph, Literal

from kg.codec import ntriples
from kg.codec.records import GraphRows, NodeRow, RelRow
from kg.codec.schema import CodecTables, tables
from kg.codec.values import Scalar, python_value, single_value
from kg.ontology import ACSN_IRI, Vocabulary

__all__ = ["Decoded", "decode_graph", "decode_ntriples"]

_TYPE = str(RDF.type)
_STATEMENT = str(RDF.Statement)
_SAME_AS = str(OWL.sameAs)
_PARTS = {str(RDF.subject): 0, str(RDF.predicate): 1, str(RDF.object): 2}
_EVIDENCE = ACSN_IRI + "evidence"


@dataclass(frozen=True, slots=True)
class _Lit:
    """A literal object: its property-graph value and the term it came from (for messages)."""

    value: Scalar
    source: Literal | str
    """The rdflib literal, or the N-Triples token."""

    def lexical(self) -> str:
        return str(self.source) if isinstance(self.source, Literal) else ntriples.text(self.source)

    def n3(self) -> str:
        return self.source.n3() if isinstance(self.source, Literal) else ntriples.n3(self.source)


_Object = str | _Lit
_Triple = tuple[str, str, _Object]


@dataclass(frozen=True, slots=True)
class Decoded:
    """A graph as property-graph rows, relationships in the order their triples came."""

    nodes: tuple[NodeRow, ...]
    rels: tuple[RelRow, ...]
    skipped: tuple[str, ...] = ()

    def rows(self) -> GraphRows:
        """The rows, relationships sorted by (type, source, target)."""
        rels = tuple(sorted(self.rels, key=lambda r: (r.type, r.source, r.target)))
        return GraphRows(nodes=self.nodes, rels=rels, skipped=self.skipped)


@dataclass(slots=True)
class _Node:
    """What one node collects while the triples go by."""

    cls: str
    single: dict[str, list[Scalar]] = field(default_factory=lambda: defaultdict(list))
    lists: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def row(self, uri: str) -> NodeRow:
        props: dict[str, Scalar] = {}
        values: dict[str, tuple[Scalar, ...]] = {}
        for key in sorted(self.single):
            props[key], every = single_value(self.single[key])
            if len(every) > 1:
                values[key] = every
        lists = {k: tuple(sorted(v)) for k, v in sorted(self.lists.items()) if v}
        return NodeRow(uri=uri, cls=self.cls, props=props, lists=lists, values=values)


def _text(obj: _Object) -> str:
    """``str()`` of the term: the IRI, the blank node id or the lexical form."""
    if isinstance(obj, _Lit):
        return obj.lexical()
    return obj[2:] if obj.startswith("_:") else obj


def _n3(obj: _Object) -> str:
    if isinstance(obj, _Lit):
        return obj.n3()
    return obj if obj.startswith("_:") else f"<{obj}>"


def _classes(
    triples: list[_Triple], t: CodecTables
) -> tuple[dict[str, str], dict[tuple[str, str, str], set[str]]]:
    """The class of every typed IRI, and the evidence of every reified statement by its triple."""
    names: dict[str, set[str]] = defaultdict(set)
    statements: set[str] = set()
    parts: dict[str, list[_Object | None]] = defaultdict(lambda: [None, None, None])
    evidence: dict[str, list[str]] = defaultdict(list)
    for s, p, o in triples:
        if p == _TYPE:
            if o == _STATEMENT:
                statements.add(s)
            elif isinstance(o, str) and o in t.class_iris and not s.startswith("_:"):
                names[s].add(t.class_iris[o])
        elif p in _PARTS:
            slot = parts[s]
            if slot[_PARTS[p]] is None:  # the first one counts
                slot[_PARTS[p]] = o
        elif p == _EVIDENCE:
            evidence[s].append(_text(o))
    cls_of = {node: t.most_specific(found) for node, found in names.items()}
    evidence_of: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for stmt in statements:
        subject, predicate, obj = parts.get(stmt, (None, None, None))
        if subject is not None and predicate is not None and obj is not None:
            evidence_of[(_text(subject), _text(predicate), _text(obj))].update(evidence.get(stmt, ()))
    return {n: c for n, c in cls_of.items() if c is not None}, evidence_of


def _decode(triples: Iterable[_Triple], t: CodecTables) -> Decoded:
    ordered = list(dict.fromkeys(triples))  # a repeated triple counts once, as in a graph
    cls_of, evidence_of = _classes(ordered, t)
    nodes = {uri: _Node(cls) for uri, cls in cls_of.items()}
    rels: list[RelRow] = []
    skipped: list[tuple[str, str]] = []
    for s, p, o in ordered:
        node = nodes.get(s)
        if node is None or p in (_TYPE, _SAME_AS):  # a merged IRI is in the node's uris already
            continue
        prop = t.by_iri.get(p)
        if prop is None:
            skipped.append((s, f"<{s}> <{p}>: not an ontology property"))
        elif prop.kind == "datatype":
            if not isinstance(o, _Lit):
                skipped.append((s, f"<{s}> <{p}>: expected a literal"))
            elif prop.list_valued:
                node.lists[prop.pg_name].add(str(o.value))
            else:
                node.single[prop.pg_name].append(o.value)
        elif isinstance(o, str) and o in cls_of:
            evidence = tuple(sorted(evidence_of.get((s, p, o), ())))
            rels.append(RelRow(prop.pg_name, s, node.cls, o, cls_of[o], evidence))
        else:
            why = "blank node" if isinstance(o, str) and o.startswith("_:") else "object has no acsn type"
            skipped.append((s, f"<{s}> <{p}> {_n3(o)}: {why}"))
    rows = tuple(nodes[uri].row(uri) for uri in sorted(nodes))
    return Decoded(nodes=rows, rels=tuple(rels), skipped=tuple(line for _, line in sorted(skipped)))


def _graph_triples(graph: Graph) -> Iterator[_Triple]:
    for s, p, o in graph:
        subject = "_:" + s if isinstance(s, BNode) else str(s)
        if isinstance(o, Literal):
            yield subject, str(p), _Lit(python_value(o), o)
        else:
            yield subject, str(p), ("_:" + o if isinstance(o, BNode) else str(o))


def _nt_triples(lines: Iterable[str]) -> Iterator[_Triple]:
    split, value = ntriples.split, ntriples.value
    for line in lines:
        spo = split(line)
        if spo is None:
            continue
        s, p, o = spo
        subject = s[1:-1] if s[0] == "<" else s
        first = o[0]
        if first == "<":
            yield subject, p[1:-1], o[1:-1]
        elif first == '"':
            yield subject, p[1:-1], _Lit(value(o), o)
        else:
            yield subject, p[1:-1], o


def decode_graph(graph: Graph, vocab: Vocabulary | None = None) -> Decoded:
    """The property graph of an rdflib graph under the acsn ontology (see :mod:`kg.codec`)."""
    return _decode(_graph_triples(graph), tables(vocab))


def decode_ntriples(lines: Iterable[str], vocab: Vocabulary | None = None) -> Decoded:
    """:func:`decode_graph` of the graph of these N-Triples lines, without building it."""
    return _decode(_nt_triples(lines), tables(vocab))
