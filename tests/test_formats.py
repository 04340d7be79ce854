"""`kg export --format` beyond RDF: Neo4j Browser style sheet, GEXF and GraphML from the database."""

from __future__ import annotations

import warnings
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.formats import export
from kg.netx import to_networkx
from kg.pipeline import extract_inputs
from kg.store.load import load_graph
from kg.terms import STYLES

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module")
def loaded(kg_store):
    graph = extract_inputs([str(EXAMPLES)]).graph
    load_graph(kg_store, graph)
    return kg_store, graph


@pytest.mark.db
@pytest.mark.parametrize(("fmt", "reader"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_network_exports_have_the_graphs_counts(loaded, tmp_path, fmt, reader):
    store, graph = loaded
    path = tmp_path / f"g.{fmt}"
    export(store, str(path), fmt=fmt)
    expected = to_networkx(graph)
    opened = reader(path)
    assert opened.number_of_nodes() == expected.number_of_nodes()
    assert opened.number_of_edges() == expected.number_of_edges()


def test_grass_style_sheet_follows_the_ontology_without_a_database(tmp_path, monkeypatch):
    # nothing listens on port 9: the style sheet comes from the ontology alone
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    path = tmp_path / "style.grass"
    result = CliRunner().invoke(app, ["export", "-o", str(path)])  # format from the suffix
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    for label, (colour, _shape) in STYLES.items():
        assert f"node.{label}" in text and colour in text
    assert "{name}" in text


def test_every_grass_caption_names_a_property_its_nodes_have():
    import re

    from kg.grass import grass_stylesheet
    from kg.store.mapping import graph_to_rows, group_nodes

    rules = dict(re.findall(r"node\.(\w+) \{[^}]*caption: '\{(\w+)\}'", grass_stylesheet()))
    rows = graph_to_rows(extract_inputs([str(EXAMPLES)]).graph)
    for cls, nodes in group_nodes(rows.nodes).items():
        caption = rules[cls]
        assert all(caption in n.props for n in nodes), (cls, caption)


@pytest.mark.db
def test_trig_export_keeps_one_named_graph_per_article(kg_fresh_store, tmp_path):
    from rdflib import Dataset
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    corpus = extract_inputs([str(Path(__file__).parent / "queries" / "articles.jsonl")])
    load_graph(kg_fresh_store, corpus.graph)
    path = tmp_path / "db.trig"
    export(kg_fresh_store, str(path))
    ds = Dataset()
    with warnings.catch_warnings():  # rdflib's Dataset.parse warns about its own default_context
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(str(path), format="trig")
    named = {g.identifier: g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID}
    assert set(named) == set(corpus.per_article)
    for article, part in corpus.per_article.items():
        got = set(named[article])
        # what the article says about its own nodes is in its graph, read back from the database
        own = {t for t in part if str(article).split("/")[-1] in str(t[0])}
        assert own and own <= got, (article, len(own - got))
        assert (article, None, None) in named[article]
    assert len(ds.graph(DATASET_DEFAULT_GRAPH_ID)) == 0
