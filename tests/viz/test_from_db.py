"""`kg viz --from-db`: the whole database, or the part around what a query returns."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Literal

from kg.cli.viz import _graph_from_db
from kg.pipeline import extract_inputs
from kg.store.load import load_graph
from kg.subgraph import keys_in, select
from kg.terms import ACSN

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_select_keeps_the_named_nodes_their_neighbours_and_evidence():
    graph = extract_inputs([str(EXAMPLES)]).graph
    part = select(graph, {"钟昌明"}, hops=1)
    person = next(part.subjects(RDFS.label, Literal("钟昌明", lang="zh")))
    assert (person, RDF.type, ACSN.Person) in part
    classes = {str(o).rsplit("#", 1)[-1] for o in part.objects(None, RDF.type)}
    assert {"Person", "Position", "Surrender", "Evidence", "Article"} <= classes
    assert "Statistic" not in classes  # far from the person
    assert len(part) < len(graph) / 3


def test_keys_in_walks_rows():
    rows = [{"a": "x", "b": ["y", {"uri": "z", "n": 1}]}, {"c": None}]
    assert keys_in(rows) == {"x", "y", "z"}


@pytest.mark.db
def test_from_db_whole_and_by_query(kg_store, kg_settings, monkeypatch):
    load_graph(kg_store, extract_inputs([str(EXAMPLES)]).graph)
    monkeypatch.setenv("NEO4J_URI", kg_settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", kg_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", kg_settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", kg_settings.database)
    whole = _graph_from_db(None, None, {}, 1)
    assert len(set(whole.subjects(RDF.type, ACSN.Region))) >= 10
    part = _graph_from_db("events-during-inspections", None, {}, 1)
    assert {str(o) for o in part.objects(None, RDFS.label)} >= {"钟昌明"}
    assert len(part) < len(whole)
