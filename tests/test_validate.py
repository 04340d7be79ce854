"""`kg validate` finds each deliberate fault in a graph, and only that fault, as Jena SHACL would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import extract_inputs
from kg.terms import ACSN
from kg.validate import validate_graph

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module")
def base_graph() -> Graph:
    return extract_inputs([str(EXAMPLES)]).graph


def results(data: Graph) -> list[tuple[str, str, str]]:
    """(focus, path, constraint component) of every violation ``kg validate`` finds."""
    return list(validate_graph(data).results)


def one(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef))[0]


def wrong_class(g: Graph) -> URIRef:
    rnd = next(s for s, _ in g.subject_objects(ACSN.conductedBy))
    g.remove((rnd, ACSN.conductedBy, None))
    g.add((rnd, ACSN.conductedBy, one(g, ACSN.Region)))  # a Region conducts no round
    return rnd


def untyped_target(g: Graph) -> URIRef:
    rnd = next(s for s, _ in g.subject_objects(ACSN.conductedBy))
    g.remove((rnd, ACSN.conductedBy, None))
    g.add((rnd, ACSN.conductedBy, URIRef("https://w3id.org/acsn/id/PartyCommittee/nowhere")))
    return rnd


def wrong_datatype(g: Graph) -> URIRef:
    rnd = next(s for s, _ in g.subject_objects(ACSN.term))
    g.set((rnd, ACSN.term, Literal("十四")))
    return rnd


def missing_label(g: Graph) -> URIRef:
    person = one(g, ACSN.Person)
    g.remove((person, RDFS.label, None))
    return person


def second_functional_value(g: Graph) -> URIRef:
    ins = next(s for s, _ in g.subject_objects(ACSN.startDate))
    g.add((ins, ACSN.startDate, Literal("1999-01-01", datatype=XSD.date)))
    return ins


def measure_outside_list(g: Graph) -> URIRef:
    stat = next(s for s, _ in g.subject_objects(ACSN.measure))
    g.set((stat, ACSN.measure, Literal("notAMeasure")))
    return stat


def ill_typed_literal(g: Graph) -> URIRef:
    rnd = next(s for s, _ in g.subject_objects(ACSN.term))
    g.set((rnd, ACSN.term, Literal("fourteen", datatype=XSD.integer)))
    return rnd


def impossible_date(g: Graph) -> URIRef:
    ins = next(s for s, _ in g.subject_objects(ACSN.startDate))
    g.set((ins, ACSN.startDate, Literal("2021-02-30", datatype=XSD.date)))
    return ins


MUTATIONS: list[tuple[Callable[[Graph], URIRef], str, str]] = [
    (wrong_class, str(ACSN.conductedBy), "ClassConstraintComponent"),
    (untyped_target, str(ACSN.conductedBy), "ClassConstraintComponent"),
    (wrong_datatype, str(ACSN.term), "DatatypeConstraintComponent"),
    (missing_label, str(RDFS.label), "MinCountConstraintComponent"),
    (second_functional_value, str(ACSN.startDate), "MaxCountConstraintComponent"),
    (measure_outside_list, str(ACSN.measure), "InConstraintComponent"),
    (ill_typed_literal, str(ACSN.term), "DatatypeConstraintComponent"),
    (impossible_date, str(ACSN.startDate), "OrConstraintComponent"),
]


def test_the_example_graph_conforms_without_the_ontology(base_graph: Graph) -> None:
    assert results(base_graph) == []


@pytest.mark.parametrize(("mutate", "path", "component"), MUTATIONS, ids=[m[0].__name__ for m in MUTATIONS])
def test_each_mutation_gives_exactly_its_violation(
    base_graph: Graph, mutate: Callable[[Graph], URIRef], path: str, component: str
) -> None:
    g = Graph()
    g += base_graph
    focus = mutate(g)
    assert results(g) == [(str(focus), path, component)]


def test_kg_validate_reports_a_malformed_literal_in_a_file_as_a_violation(
    base_graph: Graph, tmp_path: Path
) -> None:
    g = Graph()
    g += base_graph
    impossible_date(g)
    path = tmp_path / "bad.ttl"
    g.serialize(path, format="turtle")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "1 violation" in result.output and "Traceback" not in result.output
    assert "startDate" in result.output


def test_build_report_names_the_node_property_and_values_of_a_conflict(tmp_path: Path) -> None:
    import json

    from kg.build import build

    line = "2021年3月{day}日,浙江省委第一巡视组进驻浙江省交通运输厅党组开展常规巡视。"
    corpus = tmp_path / "two.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"title": t, "text": line.format(day=d), "publisher": "浙江日报"}, ensure_ascii=False)
            + "\n"
            for t, d in (("甲", 1), ("乙", 5))
        ),
        encoding="utf-8",
    )
    report = build([str(corpus)], tmp_path / "out", load=False, html=False, workers=1)
    (conflict,) = report.validation["conflicts"]
    assert conflict["property"] == "startDate"
    assert conflict["values"] == ["2021-03-01", "2021-03-05"]  # both kept, in the RDF too
    assert len(conflict["articles"]) == 2 and len(conflict["evidence"]) == 2
    assert "/Inspection/" in conflict["node"] and "2 startDate" in report.validation["text"]
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"2021-03-01"^^xsd:date' in ttl and '"2021-03-05"^^xsd:date' in ttl
