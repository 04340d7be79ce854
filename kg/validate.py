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

from rdflib import Graph

from kg.export import parse_rdf
from kg.ontology import ontology_dir, ontology_graph

__all__ = ["Report", "validate_file", "validate_graph"]


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of a validation: whether the data conforms, and a readable report."""

    conforms: bool
    text: str
    violations: int


def validate_graph(data: Graph) -> Report:
    """Validate a graph against ``ontology/shapes.ttl`` (with the ontology's subclass axioms)."""
    import pyshacl

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, results_graph, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology_graph(),
        inference="rdfs",
        allow_warnings=True,
    )
    from rdflib import RDF
    from rdflib.namespace import SH

    violations = len(list(results_graph.subjects(RDF.type, SH.ValidationResult)))
    summary = (
        "conforms: the data satisfies every shape"
        if conforms
        else f"does not conform: {violations} violation(s)"
    )
    return Report(
        conforms=bool(conforms), text=summary if conforms else f"{summary}\n{text}", violations=violations
    )


def validate_file(path: str | Path) -> Report:
    """Validate an RDF file (format from its suffix)."""
    return validate_graph(parse_rdf(path))
