"""The RDF graph: stable IRIs, provenance and evidence, SHACL conformance, serialisation round trips."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.compare import isomorphic

from kg.export import parse_rdf, write_rdf
from kg.graph import PROV
from kg.model import Article
from kg.pipeline import extract_articles, extract_inputs
from kg.terms import ACSN
from kg.validate import validate_graph

EXAMPLES = Path(__file__).parents[1] / "examples"
ARTICLES = [
    Article(
        id="one",
        text="近日,十三届省委第五轮巡视进驻省交通运输厅党组。省交通运输厅原副厅长王海涛主动投案。",
        publisher="湖北日报",
        date="2021-06-15",
        title="巡视进驻",
    ),
    Article(
        id="two",
        text="省委第三巡视组向省交通运输厅党组反馈巡视情况,发现问题120余个。",
        publisher="湖北日报",
        date="2021-09-01",
    ),
]


@pytest.fixture(scope="module")
def example_graph() -> Graph:
    return extract_inputs([str(EXAMPLES)]).graph


def test_the_same_entity_gets_the_same_iri_in_every_run_and_article():
    first = extract_articles(ARTICLES).graph
    second = extract_articles(list(reversed(ARTICLES))).graph
    assert isomorphic(first, second)
    assert set(first.all_nodes()) == set(second.all_nodes())  # no blank nodes: equal IRIs, not just shapes
    orgs = set(first.subjects(RDF.type, ACSN.Organization))
    body = URIRef("https://w3id.org/acsn/id/Organization/湖北省交通运输厅党组")
    assert body in orgs
    assert {str(a) for a in first.objects(body, PROV.wasDerivedFrom)} == {
        "https://w3id.org/acsn/id/Article/one",
        "https://w3id.org/acsn/id/Article/two",
    }


def test_base_iri_is_configurable():
    g = extract_articles(ARTICLES[:1], base="http://example.org/kg/").graph
    assert all(
        str(s).startswith("http://example.org/kg/")
        for s in g.subjects(RDF.type, None)
        if str(s).startswith("http")
    )


def test_every_node_traces_to_its_article_and_sentences(example_graph):
    for node, cls in example_graph.subject_objects(RDF.type):
        if cls in (ACSN.Article, ACSN.Evidence, RDF.Statement):
            continue
        articles = list(example_graph.objects(node, PROV.wasDerivedFrom))
        assert articles and all((a, RDF.type, ACSN.Article) in example_graph for a in articles), node
        evidence = list(example_graph.objects(node, ACSN.evidence))
        assert evidence, node
        for ev in evidence:
            text = str(example_graph.value(ev, ACSN.text))
            start, end = (
                int(example_graph.value(ev, ACSN.charStart)),
                int(example_graph.value(ev, ACSN.charEnd)),
            )
            assert end - start == len(text)


def test_evidence_offsets_quote_the_article_exactly():
    result = extract_articles(ARTICLES[:1])
    g, article = result.graph, ARTICLES[0]
    for ev in g.subjects(RDF.type, ACSN.Evidence):
        start, end = int(g.value(ev, ACSN.charStart)), int(g.value(ev, ACSN.charEnd))
        assert article.text[start:end] == str(g.value(ev, ACSN.text))


def test_relationships_carry_evidence_on_reified_statements():
    g = extract_articles(ARTICLES[:1]).graph
    statements = list(g.subjects(RDF.type, RDF.Statement))
    assert statements
    for st in statements:
        s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
        assert (s, p, o) in g
        assert list(g.objects(st, ACSN.evidence))


def test_output_conforms_to_the_shapes(example_graph):
    report = validate_graph(example_graph)
    assert report.conforms, report.text


def test_shapes_catch_a_bad_graph():
    g = extract_articles(ARTICLES[:1]).graph
    team = next(g.subjects(RDF.type, ACSN.InspectionRound))
    g.add((team, ACSN.ordinal, __import__("rdflib").Literal("eight")))
    report = validate_graph(g)
    assert not report.conforms and report.violations >= 1


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".trig"])
def test_serialisations_round_trip(tmp_path, example_graph, suffix):
    result = extract_inputs([str(EXAMPLES)])
    path = tmp_path / f"out{suffix}"
    write_rdf(result.graph, path, named_graphs=result.named_graphs())
    assert isomorphic(parse_rdf(path), result.graph)


def test_trig_has_one_named_graph_per_article(tmp_path):
    result = extract_articles(ARTICLES)
    path = tmp_path / "out.trig"
    write_rdf(result.graph, path, named_graphs=result.named_graphs())
    from rdflib import Dataset

    ds = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's TriG parser uses its deprecated API
        ds.parse(path, format="trig")
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert names == {"https://w3id.org/acsn/id/Article/one", "https://w3id.org/acsn/id/Article/two"}
