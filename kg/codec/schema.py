"""The codec's tables: the ontology's classes and properties by IRI and by property-graph name.

Both directions of the codec use these tables, so a term maps the same way into the
property graph and back. :func:`most_specific_class` is the one answer to "which class
is this node" for the loader, the networkx graph, GEXF, GraphML, neo4j-admin and tables.

Example
-------
>>> most_specific_class({"Organization", "PartyCommittee"})
'PartyCommittee'
>>> most_specific_class({"PartyCommittee", "InspectionTeam"})  # equally specific: the first name
'InspectionTeam'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.ontology import ACSN_IRI, PropertyDef, Vocabulary, vocabulary

__all__ = ["CONFLICTS", "VALUES_SUFFIX", "CodecTables", "class_of_labels", "most_specific_class", "tables"]

VALUES_SUFFIX = "_values"
"""``startDate_values``: every value of a single-valued property whose values disagree."""
CONFLICTS = "conflicts"
"""The node property listing the single-valued properties whose values disagree."""


@dataclass(frozen=True, slots=True)
class CodecTables:
    """The vocabulary as the codec looks terms up (built once per vocabulary by :func:`tables`)."""

    vocab: Vocabulary
    by_iri: Mapping[str, PropertyDef]
    """Every ontology property by IRI."""
    datatype: Mapping[str, PropertyDef]
    """Datatype properties by property key (``name``, ``startDate``)."""
    relation: Mapping[str, PropertyDef]
    """Object properties by relationship type (``PART_OF``)."""
    list_keys: frozenset[str]
    """Keys of list-valued properties (``aliases``, ``uris``)."""
    class_iris: Mapping[str, str]
    """Class names by class IRI."""
    _specific: dict[frozenset[str], str | None] = field(default_factory=dict)

    def single_keys(self, cls: str) -> tuple[str, ...]:
        """Keys of the single-valued properties a node of ``cls`` may have, in name order."""
        labels = set(self.vocab.labels_of(cls))
        return tuple(
            sorted(
                key
                for key, prop in self.datatype.items()
                if key not in self.list_keys and (not prop.domain or labels & set(prop.domain))
            )
        )

    def most_specific(self, classes: Iterable[str]) -> str | None:
        """:func:`most_specific_class` with these tables, remembered per set of classes."""
        key = frozenset(classes)
        if key not in self._specific:
            self._specific[key] = most_specific_class(key, self.vocab)
        return self._specific[key]


_BUILT: dict[int, CodecTables] = {}


def _tables(vocab: Vocabulary) -> CodecTables:
    props = vocab.properties
    return CodecTables(
        vocab=vocab,
        by_iri=dict(props),
        datatype={p.pg_name: p for p in props.values() if p.kind == "datatype"},
        relation={p.pg_name: p for p in props.values() if p.kind == "object"},
        list_keys=frozenset(p.pg_name for p in props.values() if p.kind == "datatype" and p.list_valued),
        class_iris={c.iri: name for name, c in vocab.classes.items() if c.iri.startswith(ACSN_IRI)},
    )


def tables(vocab: Vocabulary | None = None) -> CodecTables:
    """The codec's tables of a vocabulary (default: the installed ontology's), built once per vocabulary."""
    vocab = vocab or vocabulary()
    built = _BUILT.get(id(vocab))
    if built is None or built.vocab is not vocab:
        built = _BUILT[id(vocab)] = _tables(vocab)
    return built


def most_specific_class(classes: Iterable[str], vocab: Vocabulary | None = None) -> str | None:
    """The one class of a node typed with ``classes`` (names); ``None`` when none is an acsn class.

    A class that is a superclass of another of them is left out (``Organization`` beside
    ``PartyCommittee``); of the rest, the one with the most acsn superclasses wins
    (``Surrender``, under ``Event``, before ``Person``); between equally specific ones
    (``InspectionTeam`` and ``PartyCommittee``, both directly under ``Organization``) the
    first in code-point order of their names. Names that are not classes are ignored.
    """
    vocab = vocab or vocabulary()
    known = {c for c in classes if c in vocab.classes}
    kept = [c for c in known if not any(c in vocab.classes[o].superclasses for o in known)]
    if not kept:
        return None
    return min(kept, key=lambda c: (-len(vocab.classes[c].superclasses), c))


def class_of_labels(labels: Iterable[str], vocab: Vocabulary | None = None) -> str | None:
    """The class of a node read back by its labels (see :func:`most_specific_class`)."""
    return most_specific_class(labels, vocab)
