"""The records of the property graph: node rows, relationship rows and the rows of one graph.

A :class:`NodeRow` is one node: IRI, class, single values, lists and the values of the
single-valued properties that disagree; a :class:`RelRow` one relationship with its
evidence. Both pickle as plain constructor calls (they travel from worker processes) and
give their Cypher parameter maps (:meth:`NodeRow.param`, :meth:`RelRow.param`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypedDict

from rdflib import URIRef

from kg.codec.schema import CONFLICTS, VALUES_SUFFIX
from kg.codec.values import Scalar

__all__ = [
    "DEFAULT_BASE",
    "GraphRows",
    "NodeParam",
    "NodeRow",
    "RelParam",
    "RelRow",
    "group_nodes",
    "group_rels",
    "statement_iri",
]

DEFAULT_BASE = "https://w3id.org/acsn/id/"

_NodeFields = tuple[
    str, str, Mapping[str, Scalar], Mapping[str, tuple[str, ...]], Mapping[str, tuple[Scalar, ...]]
]
_RelFields = tuple[str, str, str, str, str, tuple[str, ...]]
_NodeClass = type["NodeRow"]
_RelClass = type["RelRow"]


class NodeParam(TypedDict):
    """A node row as a Cypher parameter map."""

    uri: str
    props: dict[str, Scalar | list[Scalar] | list[str]]
    """Single values, ``<key>_values`` lists and ``conflicts``."""
    lists: dict[str, list[str]]


class RelParam(TypedDict):
    """A relationship row as a Cypher parameter map (``ev`` null when there is no evidence)."""

    s: str
    o: str
    ev: list[str] | None


@dataclass(frozen=True, slots=True)
class NodeRow:
    """One node: its IRI, its most specific acsn class and its properties."""

    uri: str
    cls: str
    props: Mapping[str, Scalar] = field(default_factory=dict)
    """Single-valued properties by property-graph key (``name``, ``term``...), one value each."""
    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """List-valued properties (``aliases``), sorted, never empty."""
    values: Mapping[str, tuple[Scalar, ...]] = field(default_factory=dict)
    """Single-valued properties given with different values: every value, in value order
    (:func:`kg.codec.values.single_value`); the one in ``props`` is the first."""

    def __reduce__(self) -> tuple[_NodeClass, _NodeFields]:
        # pickles (to and from worker processes) as a plain constructor call: faster than the dataclass state
        return (NodeRow, (self.uri, self.cls, self.props, self.lists, self.values))

    @property
    def conflicts(self) -> tuple[str, ...]:
        """Keys of the single-valued properties whose values disagree, in name order."""
        return tuple(sorted(self.values))

    def param(self) -> NodeParam:
        """The row as a Cypher parameter map: ``{uri, props, lists}``.

        ``props`` holds the single values and, for a property whose values disagree,
        ``<key>_values`` (every value) and ``conflicts`` (the keys).
        """
        props: dict[str, Scalar | list[Scalar] | list[str]] = dict(self.props)
        if self.values:
            for key, values in self.values.items():
                props[key + VALUES_SUFFIX] = list(values)
            props[CONFLICTS] = list(self.conflicts)
        return {"uri": self.uri, "props": props, "lists": {k: list(v) for k, v in self.lists.items()}}


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

    def __reduce__(self) -> tuple[_RelClass, _RelFields]:
        fields = (self.type, self.source, self.source_cls, self.target, self.target_cls, self.evidence)
        return (RelRow, fields)

    def param(self) -> RelParam:
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
