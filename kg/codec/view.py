"""Navigating a decoded graph by node: values, classes, and the relationships in and out.

:class:`GraphView` answers the questions the tables ask of a graph ("the round of this
inspection", "the posts of this person") with the codec's rows, so every answer is the
one the property graph gives: one class per node (:func:`~kg.codec.schema.most_specific_class`),
one value per single-valued property (:func:`~kg.codec.values.single_value`), and of
several targets of a relationship the first by IRI.
"""

from __future__ import annotations

from collections import defaultdict

from kg.codec.decode import Decoded
from kg.codec.records import NodeRow
from kg.codec.values import Scalar
from kg.ontology import Vocabulary, vocabulary

__all__ = ["GraphView"]


class GraphView:
    """Read access to a decoded graph by node IRI; every method takes ``None`` for "no node"."""

    def __init__(self, decoded: Decoded, vocab: Vocabulary | None = None) -> None:
        self.vocab = vocab or vocabulary()
        self.rows: dict[str, NodeRow] = {row.uri: row for row in decoded.nodes}
        self._out: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._in: dict[tuple[str, str], list[str]] = defaultdict(list)
        for rel in decoded.rels:
            self._out[(rel.source, rel.type)].append(rel.target)
            self._in[(rel.target, rel.type)].append(rel.source)
        for ends in (*self._out.values(), *self._in.values()):
            ends.sort()

    def cls(self, node: str | None) -> str | None:
        """The node's class (Surrender, not Event; PartyCommittee, not Organization)."""
        row = self.rows.get(node) if node is not None else None
        return row.cls if row is not None else None

    def value(self, node: str | None, key: str) -> Scalar | None:
        """The single value of a property (by property-graph key) of a node."""
        row = self.rows.get(node) if node is not None else None
        return row.props.get(key) if row is not None else None

    def name(self, node: str | None) -> str | None:
        """The node's ``name`` (its ``rdfs:label``)."""
        name = self.value(node, "name")
        return None if name is None else str(name)

    def targets(self, node: str | None, rel_type: str) -> list[str]:
        """The nodes a node points at with relationships of a type, by IRI."""
        return list(self._out.get((node, rel_type), ())) if node is not None else []

    def target(self, node: str | None, rel_type: str) -> str | None:
        """The first of :meth:`targets`."""
        found = self._out.get((node, rel_type)) if node is not None else None
        return found[0] if found else None

    def sources(self, node: str | None, rel_type: str) -> list[str]:
        """The nodes that point at a node with relationships of a type, by IRI."""
        return list(self._in.get((node, rel_type), ())) if node is not None else []

    def nodes_of(self, cls: str) -> list[str]:
        """The nodes of a class or of any of its subclasses (a Surrender is an Event), by IRI."""
        return sorted(uri for uri, row in self.rows.items() if self.vocab.is_a(row.cls, cls))
