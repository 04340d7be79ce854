"""RDF -> networkx conversion, the fast layout, and the GEXF/GraphML files."""

from __future__ import annotations

import math
import time
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, Graph
from viz_graphs import ID, Builder, build_big

from kg.netx import fast_layout, flatten_for_export, node_years, to_networkx, write_gexf, write_graphml
from kg.terms import ACSN


def test_nodes_are_typed_resources_without_evidence_or_statements(sample_graph: Graph) -> None:
    G = to_networkx(sample_graph)
    typed = {s for s in sample_graph.subjects(RDF.type, None) if str(s).startswith(str(ID))}
    evidence = set(sample_graph.subjects(RDF.type, ACSN.Evidence))
    statements = set(sample_graph.subjects(RDF.type, RDF.Statement))
    assert set(G.nodes) == {str(s) for s in typed - evidence - statements}
    assert {G.nodes[n]["cls"] for n in G} >= {"Article", "Person", "InspectionRound", "Region", "Statistic"}


def test_articles_can_be_left_out_but_their_metadata_stays(sample_graph: Graph) -> None:
    with_articles = to_networkx(sample_graph, articles=True)
    without = to_networkx(sample_graph, articles=False)
    assert without.number_of_nodes() == with_articles.number_of_nodes() - 2
    assert not any(k == "DERIVED_FROM" for *_, k in without.edges(keys=True))
    assert any(k == "DERIVED_FROM" for *_, k in with_articles.edges(keys=True))
    seed = str(ID["Article/seed"])
    assert without.graph["articles"][seed]["publisher"] == "浙江日报"
    assert without.graph["articles"][seed]["published"] == "2020-01-10"
    assert without.nodes[str(ID["Person/钟昌明"])]["sources"] == [seed]


def test_names_aliases_properties_and_evidence(sample_graph: Graph) -> None:
    G = to_networkx(sample_graph, articles=False)
    cw = G.nodes[str(ID["PartyCommittee/中共浙江省委"])]
    assert cw["label"] == cw["name"] == "中共浙江省委"
    assert cw["aliases"] == ["浙江省委", "省委"]
    assert cw["level"] == "provincial"
    r8 = G.nodes[str(ID["InspectionRound/中共浙江省委-巡视-14-8"])]
    assert (r8["term"], r8["ordinal"], r8["year"]) == (14, 8, 2019)
    (ev,) = r8["evidence"]
    record = G.graph["evidence"][ev]
    assert "钟昌明主动投案" in record.text
    assert record.article == str(ID["Article/seed"])
    assert record.char_start == 0 and record.char_end == len(record.text)


def test_nodes_without_a_name_get_one_from_their_properties(sample_graph: Graph) -> None:
    G = to_networkx(sample_graph, articles=False)
    assert G.nodes[str(ID["Statistic/s390"])]["label"] == "主动投案人数 390人"
    assert G.nodes[str(ID["Position/钟昌明-副厅长级干部"])]["label"] == "副厅长级干部"
    assert G.nodes[str(ID["Inspection/r8-mz"])]["label"] == "巡视: 省民族宗教事务委员会党组"
    assert G.nodes[str(ID["Surrender/钟昌明-投案"])]["label"] == "主动投案: 钟昌明"
    assert G.nodes[str(ID["Statistic/s540"])]["value"] == 540.0


def test_edges_are_typed_and_carry_statement_evidence(sample_graph: Graph) -> None:
    G = to_networkx(sample_graph, articles=False)
    i8, r8 = str(ID["Inspection/r8-mz"]), str(ID["InspectionRound/中共浙江省委-巡视-14-8"])
    data = G.get_edge_data(i8, r8, key="IN_ROUND")
    assert data["predicate"] == str(ACSN.inRound)
    assert len(data["evidence"]) == 1
    assert "第八轮巡视" in G.graph["evidence"][data["evidence"][0]].text
    wz, zj = str(ID["Region/330300"]), str(ID["Region/330000"])
    assert G.get_edge_data(wz, zj, key="PART_OF")["evidence"] == []
    assert not any(k in ("EVIDENCE", "IN_ARTICLE") for *_, k in G.edges(keys=True))


def test_node_years_prefer_own_dates_then_articles(sample_graph: Graph) -> None:
    G = to_networkx(sample_graph, articles=False)
    assert node_years(G, str(ID["InspectionRound/中共浙江省委-巡视-14-6"])) == [2019]
    assert node_years(G, str(ID["Inspection/t11-rf"])) == [2019]
    assert node_years(G, str(ID["Person/钟昌明"])) == [2020]  # from the article's date
    assert node_years(G, str(ID["InspectionTeam/中共温州市委-3"])) == [2019]


def test_fast_layout_places_every_node_and_separates_components() -> None:
    G = nx.disjoint_union_all([nx.path_graph(5), nx.cycle_graph(400), nx.empty_graph(3)])
    pos = fast_layout(G, seed=1)
    assert set(pos) == set(G)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert pos == fast_layout(G, seed=1)  # deterministic
    path_box = [pos[v] for v in range(5)]
    cycle_xs = [pos[v][0] for v in range(5, 405)]
    cycle_ys = [pos[v][1] for v in range(5, 405)]
    for x, y in path_box:  # small components are packed beside the big one, not on top
        assert not (min(cycle_xs) < x < max(cycle_xs) and min(cycle_ys) < y < max(cycle_ys))


@pytest.mark.slow
def test_fast_layout_is_fast_on_5000_nodes() -> None:
    G = to_networkx(build_big(), articles=False)
    started = time.perf_counter()
    pos = fast_layout(G)
    elapsed = time.perf_counter() - started
    assert len(pos) == G.number_of_nodes()
    assert elapsed < 20, f"layout of 5,000 nodes took {elapsed:.1f} s"


@pytest.mark.parametrize("writer, reader", [(write_gexf, nx.read_gexf), (write_graphml, nx.read_graphml)])
def test_gephi_files_open_in_networkx_with_the_same_counts(
    sample_graph: Graph, tmp_path: Path, writer: object, reader: object
) -> None:
    path = tmp_path / "graph.out"
    writer(sample_graph, path)  # type: ignore[operator]
    G = to_networkx(sample_graph)
    back = reader(path)  # type: ignore[operator]
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    by_iri = {attrs.get("uri", node): attrs for node, attrs in back.nodes(data=True)}
    person = by_iri[str(ID["Person/钟昌明"])]
    assert "钟昌明主动投案" in person["evidence"]
    assert person["label"] == "钟昌明"
    cw = by_iri[str(ID["PartyCommittee/中共浙江省委"])]
    assert cw["aliases"] == "浙江省委; 省委"


def test_gephi_files_survive_hostile_text(hostile_graph: Graph, tmp_path: Path) -> None:
    b = Builder()
    art = b.article("ctl", "控制\x00字符\x1b标题", "报\x07社", "2020-01-01")
    ev = b.evidence(art, "含控制字符\x0b的句子\ufffe。")
    b.node("Person", "ctl", "人名\x01", article=art, evidence=ev, aliases=("别\x02名",))
    # An integer property holding text on one node must not make the file unreadable.
    b.node("InspectionRound", "r1", "轮次一", article=art, term=14)
    b.node("InspectionRound", "r2", "轮次二", article=art, term="十四")
    g = hostile_graph + b.g
    for writer, reader in ((write_gexf, nx.read_gexf), (write_graphml, nx.read_graphml)):
        path = tmp_path / f"h.{writer.__name__}"
        writer(g, path)
        back = reader(path)
        assert back.number_of_nodes() == to_networkx(g).number_of_nodes()
        by_iri = {attrs.get("uri", node): attrs for node, attrs in back.nodes(data=True)}
        assert by_iri[str(ID["Person/ctl"])]["label"] == "人名"


def test_flatten_leaves_only_strings_and_numbers(sample_graph: Graph) -> None:
    flat = flatten_for_export(to_networkx(sample_graph))
    assert flat.graph == {}
    for _, attrs in flat.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in attrs.values())
    for *_, attrs in flat.edges(keys=True, data=True):
        assert all(isinstance(v, str | int | float | bool) for v in attrs.values())
