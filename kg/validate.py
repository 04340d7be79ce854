"""SHACL validation of RDF against the ontology's shapes.

Example
-------
>>> from rdflib import Graph
>>> validate_graph(Graph()).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.export import parse_rdf
from kg.ontology import ontology_dir

__all__ = ["Report", "conflicts", "validate_file", "validate_graph"]


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of a validation: whether the data conforms, and a readable report."""

    conforms: bool
    text: str
    violations: int
    results: tuple[tuple[str, str, str], ...] = ()
    """``(focus node, path, constraint component)`` of each violation, sorted."""


def validate_graph(data: Graph) -> Report:
    """Validate a graph against ``ontology/shapes.ttl`` as an independent SHACL engine would.

    No inference: ``rdfs:range`` would type every object as the expected class, so a
    wrong or untyped target could never fail ``sh:class``. The shapes list each class's
    subclasses themselves, so they need neither the ontology nor inference.
    """
    import pyshacl

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, results_graph, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        allow_warnings=True,
    )
    from rdflib import RDF
    from rdflib.namespace import SH

    found = sorted(
        (
            str(results_graph.value(r, SH.focusNode)),
            str(results_graph.value(r, SH.resultPath)),
            str(results_graph.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
        )
        for r in results_graph.subjects(RDF.type, SH.ValidationResult)
    )
    violations = len(found)
    summary = (
        "conforms: the data satisfies every shape"
        if conforms
        else f"does not conform: {violations} violation(s)"
    )
    return Report(
        conforms=bool(conforms),
        text=summary if conforms else f"{summary}\n{text}",
        violations=violations,
        results=tuple(found),
    )


def conflicts(data: Graph, report: Report) -> list[dict[str, Any]]:
    """The single-valued properties that hold several values, each value with its evidence.

    The policy for a conflict (two articles giving an inspection two values of ``startDate``):
    the RDF keeps every value, each stated by the articles whose triples carry it, and
    the build report names the node, the property and the values; nothing is dropped.
    """
    from rdflib import URIRef
    from rdflib.namespace import PROV

    from kg.terms import ACSN

    out: list[dict[str, Any]] = []
    for node, path, component in report.results:
        if component != "MaxCountConstraintComponent":
            continue
        subject, predicate = URIRef(node), URIRef(path)
        sources = sorted(str(a) for a in data.objects(subject, PROV.wasDerivedFrom))
        evidence = sorted(
            str(t) for e in data.objects(subject, ACSN.evidence) for t in data.objects(e, ACSN.text)
        )
        out.append(
            {
                "node": node,
                "property": path.rsplit("#", 1)[-1].rsplit("/", 1)[-1],
                "values": sorted(str(v) for v in data.objects(subject, predicate)),
                "articles": sources,
                "evidence": evidence,
            }
        )
    return out


def validate_file(path: str | Path) -> Report:
    """Validate an RDF file (format from its suffix)."""
    return validate_graph(parse_rdf(path))


from kg.verbs import make_verb  # noqa: E402

make_verb(__name__)
