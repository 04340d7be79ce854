"""The ontology, read once: classes, properties, measures and their property-graph mapping.

``ontology/acsn.ttl`` is the single source of truth. This module turns it into
plain frozen records that the rest of the package (and the generator in
:mod:`kg.codegen`) uses; nothing else reads the ontology file.

Example
-------
>>> from kg.ontology import vocabulary
>>> v = vocabulary()
>>> v.classes["InspectionTeam"].superclasses
('Organization',)
>>> v.properties["https://w3id.org/acsn#partOf"].pg_name
'PART_OF'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

__all__ = [
    "ACSN",
    "ACSN_IRI",
    "ClassDef",
    "ClassNames",
    "IRIs",
    "PropertyDef",
    "Vocabulary",
    "ontology_dir",
    "ontology_graph",
    "vocabulary",
]

ACSN_IRI = "https://w3id.org/acsn#"
ACSN = Namespace(ACSN_IRI)
PROV = Namespace("http://www.w3.org/ns/prov#")

ClassNames = tuple[str, ...]
"""Names of acsn classes, as :attr:`ClassDef.name` gives them (``InspectionTeam``)."""
IRIs = tuple[str, ...]
"""Full IRIs (``https://w3id.org/acsn#partOf``)."""


@dataclass(frozen=True, slots=True)
class ClassDef:
    """A class of the ontology: a node label in Neo4j."""

    iri: str
    name: str
    label_zh: str
    label_en: str
    definition: str
    superclasses: ClassNames
    """Names of the acsn superclasses, nearest first."""
    required: IRIs
    """IRIs of the properties a node of this class must have (inherited ones included)."""
    color: str
    shape: str


@dataclass(frozen=True, slots=True)
class PropertyDef:
    """A property of the ontology: a relationship type or a node property in Neo4j."""

    iri: str
    curie: str
    pg_name: str
    kind: str
    """``"object"`` (a relationship) or ``"datatype"`` (a node property)."""
    label_zh: str
    label_en: str
    definition: str
    domain: ClassNames
    """Names of the classes it may start from (empty: any class)."""
    range: tuple[str, ...]
    """Class names for object properties; datatype IRIs for datatype properties."""
    functional: bool
    list_valued: bool


@dataclass(frozen=True, slots=True)
class Measure:
    """A controlled value of ``acsn:measure``."""

    name: str
    label_zh: str
    label_en: str
    example: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Everything the code derives from the ontology."""

    classes: dict[str, ClassDef]
    properties: dict[str, PropertyDef]
    measures: dict[str, Measure]
    datatypes: dict[str, tuple[str, ...]]
    """acsn datatypes that are unions, by IRI, to the IRIs of their members."""

    def pg_name(self, iri: str) -> str:
        """Neo4j name (relationship type or property key) of a property IRI."""
        return self.properties[iri].pg_name

    def by_pg_name(self, pg_name: str, kind: str) -> PropertyDef:
        """The property whose Neo4j name is ``pg_name`` (kind ``object`` or ``datatype``)."""
        for prop in self.properties.values():
            if prop.pg_name == pg_name and prop.kind == kind:
                return prop
        raise KeyError(pg_name)

    def labels_of(self, class_name: str) -> tuple[str, ...]:
        """The node labels of a class: its own name, then its acsn superclasses."""
        return (class_name, *self.classes[class_name].superclasses)

    def is_a(self, class_name: str, ancestor: str) -> bool:
        """Whether ``class_name`` is ``ancestor`` or one of its subclasses."""
        return ancestor in self.labels_of(class_name)


def ontology_dir() -> Path:
    """Folder holding ``acsn.ttl`` and ``shapes.ttl``: packaged copy first, then the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_ontology", here.parent / "ontology"):
        if (candidate / "acsn.ttl").is_file():
            return candidate
    raise FileNotFoundError("the acsn ontology (ontology/acsn.ttl) is not installed with the kg package")


@cache
def ontology_graph() -> Graph:
    """The ontology as an rdflib graph (parsed once)."""
    g = Graph()
    g.parse(ontology_dir() / "acsn.ttl", format="turtle")
    return g


def _text(g: Graph, node: URIRef, prop: URIRef, lang: str | None = None) -> str:
    for value in g.objects(node, prop):
        if isinstance(value, Literal) and (lang is None or value.language == lang):
            return str(value)
    return ""


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _upper_snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def _class_names(g: Graph, node: object) -> tuple[str, ...]:
    """Names of the acsn classes a domain/range node stands for (a class or an owl:unionOf)."""
    if isinstance(node, URIRef):
        return (_local(node),) if str(node).startswith(ACSN_IRI) else (str(node),)
    members = g.value(node, OWL.unionOf)  # type: ignore[call-overload]
    if members is None:
        return ()
    return tuple(name for m in Collection(g, members) for name in _class_names(g, m))


def _superclasses(g: Graph, cls: URIRef) -> tuple[str, ...]:
    out: list[str] = []
    todo = [cls]
    while todo:
        current = todo.pop(0)
        for sup in g.objects(current, RDFS.subClassOf):
            if isinstance(sup, URIRef) and str(sup).startswith(ACSN_IRI) and _local(sup) not in out:
                out.append(_local(sup))
                todo.append(sup)
    return tuple(out)


def _restrictions(g: Graph, cls: URIRef) -> list[str]:
    out = [str(p) for p in g.objects(cls, ACSN.requires)]
    for sup in g.objects(cls, RDFS.subClassOf):
        if (sup, RDF.type, OWL.Restriction) in g and g.value(sup, OWL.minCardinality) is not None:
            prop = g.value(sup, OWL.onProperty)
            if int(str(g.value(sup, OWL.minCardinality))) >= 1:
                out.append(str(prop))
    return out


def _curie(iri: str) -> str:
    for prefix, ns in (
        ("acsn", ACSN_IRI),
        ("rdfs", str(RDFS)),
        ("skos", str(SKOS)),
        ("prov", str(PROV)),
    ):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


@cache
def vocabulary() -> Vocabulary:
    """Classes, properties and measures of the ontology, with their Neo4j names."""
    g = ontology_graph()
    classes: dict[str, ClassDef] = {}
    for cls in sorted(g.subjects(RDF.type, OWL.Class), key=str):
        if not isinstance(cls, URIRef) or not str(cls).startswith(ACSN_IRI):
            continue
        supers = _superclasses(g, cls)
        required = _restrictions(g, cls)
        for sup in supers:
            required += [r for r in _restrictions(g, ACSN[sup]) if r not in required]
        classes[_local(cls)] = ClassDef(
            iri=str(cls),
            name=_local(cls),
            label_zh=_text(g, cls, RDFS.label, "zh"),
            label_en=_text(g, cls, RDFS.label, "en"),
            definition=_text(g, cls, SKOS.definition),
            superclasses=supers,
            required=tuple(required),
            color=_text(g, cls, ACSN.displayColor)
            or next((_text(g, ACSN[s], ACSN.displayColor) for s in supers), "#777777"),
            shape=_text(g, cls, ACSN.displayShape) or "dot",
        )
    properties: dict[str, PropertyDef] = {}
    declared = {
        p
        for p in set(g.subjects(RDF.type, OWL.ObjectProperty))
        | set(g.subjects(RDF.type, OWL.DatatypeProperty))
        if str(p).startswith(ACSN_IRI)
    }
    declared |= set(g.subjects(ACSN.propertyGraphName, None))
    for prop in sorted(declared, key=str):
        if not isinstance(prop, URIRef):
            continue
        kind = "object" if (prop, RDF.type, OWL.ObjectProperty) in g else "datatype"
        pg = _text(g, prop, ACSN.propertyGraphName) or (
            _upper_snake(_local(prop)) if kind == "object" else _local(prop)
        )
        domain = tuple(n for d in g.objects(prop, RDFS.domain) for n in _class_names(g, d))
        rng: tuple[str, ...] = ()
        ranges = list(g.objects(prop, ACSN.graphRange)) or list(g.objects(prop, RDFS.range))
        for r in ranges:
            rng += _class_names(g, r) if kind == "object" else (str(r),)
        properties[str(prop)] = PropertyDef(
            iri=str(prop),
            curie=_curie(str(prop)),
            pg_name=pg,
            kind=kind,
            label_zh=_text(g, prop, RDFS.label, "zh"),
            label_en=_text(g, prop, RDFS.label, "en"),
            definition=_text(g, prop, SKOS.definition),
            domain=domain,
            range=rng,
            functional=(prop, RDF.type, OWL.FunctionalProperty) in g,
            list_valued=bool(g.value(prop, ACSN.listValued)),
        )
    measures = {
        _local(m): Measure(
            name=_local(m),
            label_zh=_text(g, m, SKOS.prefLabel, "zh"),
            label_en=_text(g, m, SKOS.prefLabel, "en"),
            example=_text(g, m, SKOS.example),
        )
        for m in g.subjects(SKOS.inScheme, ACSN.Measures)
        if isinstance(m, URIRef)
    }
    datatypes: dict[str, tuple[str, ...]] = {}
    order = {str(XSD.date): 0, str(XSD.gYearMonth): 1, str(XSD.gYear): 2}
    for dt in g.subjects(RDF.type, RDFS.Datatype):
        members = sorted((str(m) for m in g.objects(dt, ACSN.member)), key=lambda m: (order.get(m, 9), m))
        if isinstance(dt, URIRef) and members:
            datatypes[str(dt)] = tuple(members)
    return Vocabulary(
        classes=classes,
        properties=properties,
        measures=dict(sorted(measures.items())),
        datatypes=datatypes,
    )
