"""The pure RDF <-> rows mapping, without a database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from store_graphs import BASE, first_article, iri, second_article

from kg.codec import single_value
from kg.errors import InputError, StoreError
from kg.formats import format_for
from kg.ontology import vocabulary
from kg.store.connect import detect_dialect
from kg.store.load import node_queries, rel_query, schema_statements
from kg.store.mapping import (
    NodeRow,
    RelRow,
    decimal_lexical,
    graph_to_rows,
    literal_for,
    rows_to_graph,
    statement_iri,
)
from kg.terms import ACSN

VOCAB = vocabulary()
DATATYPE = {p.pg_name: p for p in VOCAB.properties.values() if p.kind == "datatype"}
OBJECT = sorted(p.pg_name for p in VOCAB.properties.values() if p.kind == "object")


def test_rows_follow_the_graph_model() -> None:
    rows = graph_to_rows(first_article())
    by_uri = {n.uri: n for n in rows.nodes}
    pc = by_uri[str(iri("PartyCommittee", "中共浙江省委"))]
    assert pc.cls == "PartyCommittee"
    assert pc.props == {"level": "provincial", "name": "中共浙江省委"}
    assert pc.lists == {"aliases": ("浙江省委",)}
    stat = by_uri[str(iri("Statistic", "a1-rate"))]
    assert stat.props["value"] == pytest.approx(83.98) and isinstance(stat.props["value"], float)
    assert stat.props["approximate"] is False
    insp = by_uri[str(iri("Inspection", "x1"))]
    assert (insp.props["startDate"], insp.props["feedbackDate"]) == ("2019-06", "2019")
    types = {r.type for r in rows.rels}
    assert {"CONDUCTED_BY", "DERIVED_FROM", "EVIDENCE", "IN_ARTICLE", "HOLDS"} <= types
    conducted = next(r for r in rows.rels if r.type == "CONDUCTED_BY")
    assert conducted.evidence == (str(iri("Evidence", "a1-0")),)
    assert (conducted.source_cls, conducted.target_cls) == ("InspectionRound", "PartyCommittee")
    assert not any(n.cls == "Statement" for n in rows.nodes)
    assert rows.skipped == ()


@pytest.mark.parametrize("graph", [first_article(), second_article(), first_article() + second_article()])
def test_graph_rows_graph_is_isomorphic(graph: Graph) -> None:
    rows = graph_to_rows(graph)
    assert isomorphic(rows_to_graph(rows.nodes, rows.rels), graph)


def test_most_specific_type_wins_and_untyped_objects_are_skipped() -> None:
    g = Graph()
    node, other = iri("PartyCommittee", "x"), URIRef("https://example.org/untyped")
    g.add((node, RDF.type, ACSN.Organization))
    g.add((node, RDF.type, ACSN.PartyCommittee))
    g.add((node, ACSN.locatedIn, other))
    g.add((node, ACSN.jurisdiction, BNode()))
    g.add((node, URIRef("https://example.org/unknown"), Literal("x")))
    rows = graph_to_rows(g)
    assert [n.cls for n in rows.nodes] == ["PartyCommittee"]
    assert rows.rels == ()
    assert len(rows.skipped) == 3


def test_a_repeated_single_value_keeps_the_smallest() -> None:
    g = Graph()
    node = iri("Person", "x")
    g.add((node, RDF.type, ACSN.Person))
    g.add((node, RDFS.label, Literal("钟乙", lang="zh")))
    g.add((node, RDFS.label, Literal("钟一", lang="zh")))
    assert graph_to_rows(g).nodes[0].props == {"name": min("钟乙", "钟一")}


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("name", "钟昌明", Literal("钟昌明", lang="zh")),
        ("aliases", "省委", Literal("省委", lang="zh")),
        ("title", "组长", Literal("组长")),
        ("term", 14, Literal("14", datatype=XSD.integer)),
        ("value", 83.98, Literal("83.98", datatype=XSD.decimal)),
        ("value", 100.0, Literal("100.0", datatype=XSD.decimal)),
        ("approximate", True, Literal("true", datatype=XSD.boolean)),
        ("published", "2020-01-10", Literal("2020-01-10", datatype=XSD.date)),
        ("date", "2020-01-10", Literal("2020-01-10", datatype=XSD.date)),
        ("date", "2019-06", Literal("2019-06", datatype=XSD.gYearMonth)),
        ("startDate", "2019", Literal("2019", datatype=XSD.gYear)),
        ("url", "https://zjrb.zjol.com.cn/x", Literal("https://zjrb.zjol.com.cn/x", datatype=XSD.anyURI)),
    ],
)
def test_values_get_the_ontology_datatypes_back(key: str, value: object, expected: Literal) -> None:
    got = literal_for(DATATYPE[key], value)
    assert (str(got), got.datatype, got.language) == (str(expected), expected.datatype, expected.language)


def test_decimal_lexical_matches_kg_graph() -> None:
    assert [decimal_lexical(x) for x in (83.98, 100.0, 0.5, Decimal("12.30"))] == [
        "83.98",
        "100.0",
        "0.5",
        "12.3",
    ]


def test_statement_iri_is_deterministic_and_uses_the_base() -> None:
    a = statement_iri("s", "p", "o", BASE)
    assert a == statement_iri("s", "p", "o", BASE) != statement_iri("s", "p", "o2", BASE)
    assert a.startswith(f"{BASE}Statement/")
    rel = RelRow(
        "PART_OF", "https://ex.org/id/Region/a", "Region", "https://ex.org/id/Region/b", "Region", ("e",)
    )
    g = rows_to_graph([], [rel])
    assert any(str(s).startswith("https://ex.org/id/Statement/") for s in g.subjects(RDF.type, RDF.Statement))


def test_schema_covers_every_class() -> None:
    statements = schema_statements(detect_dialect("Neo4j/5.20.0"))
    for cls in VOCAB.classes:
        assert (
            f"CREATE CONSTRAINT acsn_{cls}_uri IF NOT EXISTS FOR (n:`{cls}`) REQUIRE n.uri IS UNIQUE"
            in statements
        )
        assert f"CREATE INDEX acsn_{cls}_name IF NOT EXISTS FOR (n:`{cls}`) ON (n.name)" in statements


def test_queries_take_names_only_from_the_ontology() -> None:
    arcade = detect_dialect("Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)")
    neo = detect_dialect("Neo4j/5.20.0")
    create, upsert = node_queries("PartyCommittee", arcade)
    assert create is not None and "CREATE (n:`PartyCommittee`:`Organization`)" in create
    assert "MATCH (n:`PartyCommittee` {uri: r.uri})" in upsert
    create, upsert = node_queries("PartyCommittee", neo)
    assert create is None and "MERGE (n:`PartyCommittee`:`Organization` {uri: r.uri})" in upsert
    assert "$rows" in rel_query("HOLDS", "Person", "Position")
    with pytest.raises(StoreError):
        node_queries("Person`) DETACH DELETE (m", neo)
    with pytest.raises(StoreError):
        rel_query("HOLDS]->() DETACH DELETE a //", "Person", "Position")
    with pytest.raises(StoreError):
        rel_query("HOLDS", "Person", "NotAClass")


def test_export_format_follows_suffix_or_name() -> None:
    assert format_for("out.ttl").name == "turtle"
    assert format_for("out.jsonld").name == "jsonld"
    assert format_for("-").name == "turtle"
    assert format_for("out.data", "nt").name == "nt"
    with pytest.raises(InputError):
        format_for("out.xyz")
    with pytest.raises(InputError):
        format_for("out.ttl", "nope")


# ---------------------------------------------------------------- property test of the round trip

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)
_DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


def _value(key: str) -> st.SearchStrategy[object]:
    rng = DATATYPE[key].range[0] if DATATYPE[key].range else str(XSD.string)
    if rng == str(XSD.integer):
        return st.integers(-(2**62), 2**62)
    if rng == str(XSD.decimal):
        return st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False).map(lambda f: round(f, 4))
    if rng == str(XSD.boolean):
        return st.booleans()
    if rng == str(XSD.date):
        return _DATES.map(dt.date.isoformat)
    if rng in VOCAB.datatypes:
        return st.one_of(
            _DATES.map(dt.date.isoformat),
            _DATES.map(lambda d: d.isoformat()[:7]),
            _DATES.map(lambda d: d.isoformat()[:4]),
        )
    return _TEXT


_SINGLE = sorted(k for k, p in DATATYPE.items() if not p.list_valued)
_LISTED = sorted(k for k, p in DATATYPE.items() if p.list_valued)


@st.composite
def _rows(draw: st.DrawFn) -> tuple[list[NodeRow], list[RelRow]]:
    count = draw(st.integers(1, 6))
    nodes = []
    for i in range(count):
        cls = draw(st.sampled_from(sorted(VOCAB.classes)))
        keys = draw(st.lists(st.sampled_from(_SINGLE), unique=True, max_size=5))
        props = {k: draw(_value(k)) for k in sorted(keys)}
        values = {}
        for key in sorted(keys):
            other = draw(_value(key))
            if other != props[key] and draw(st.booleans()):  # two articles that disagree
                props[key], values[key] = single_value([props[key], other])
        lists = {
            k: tuple(sorted(draw(st.lists(_TEXT, min_size=1, max_size=3, unique=True))))
            for k in _LISTED
            if draw(st.booleans())
        }
        nodes.append(NodeRow(uri=f"{BASE}{cls}/k{i}", cls=cls, props=props, lists=lists, values=values))
    triples = draw(
        st.lists(
            st.tuples(st.integers(0, count - 1), st.sampled_from(OBJECT), st.integers(0, count - 1)),
            unique=True,
            max_size=8,
        )
    )
    rels = []
    for s, typ, o in triples:
        evidence = draw(
            st.lists(st.integers(0, 3).map(lambda n: f"{BASE}Evidence/e{n}"), unique=True, max_size=2)
        )
        a, b = nodes[s], nodes[o]
        rels.append(RelRow(typ, a.uri, a.cls, b.uri, b.cls, tuple(sorted(evidence))))
    rels.sort(key=lambda r: (r.type, r.source, r.target))
    return nodes, rels


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rows())
def test_rows_graph_rows_round_trip(data: tuple[list[NodeRow], list[RelRow]]) -> None:
    nodes, rels = data
    graph = rows_to_graph(nodes, rels)
    back = graph_to_rows(graph)
    assert back.skipped == ()
    assert list(back.nodes) == sorted(nodes, key=lambda n: n.uri)
    assert list(back.rels) == rels
    assert isomorphic(rows_to_graph(back.nodes, back.rels), graph)
