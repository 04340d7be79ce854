"""Every library query against the local server loaded with the test articles, with asserted answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Run, article_texts

from kg.queries import load_library, run_query
from kg.store.connect import Store
from kg.store.load import load_graph

pytestmark = pytest.mark.db

R1 = "十四届浙江省委第一轮巡视"
R2 = "十四届浙江省委第二轮巡视"
DANGZU = "浙江省交通运输厅党组"


def _tested(name: str) -> str:
    """Marks the query a test below asserts on (read from this file's text, so test order is irrelevant)."""
    return name


def test_round_targets(run: Run) -> None:
    rows = run(_tested("round-targets"), round="十四届省委第一轮巡视")  # an alias of R1
    assert {(r["team"], r["target"], r["targetType"]) for r in rows} == {
        ("浙江省委第一巡视组", DANGZU, "Organization"),
        ("浙江省委第二巡视组", "宁波市海曙区", "Region"),
    }
    assert {r["round"] for r in rows} == {R1}
    assert {r["inspectionType"] for r in rows} == {"常规"}
    assert run("round-targets", round="no such round") == []


def test_team_targets(run: Run) -> None:
    rows = run(_tested("team-targets"), team="浙江省委第一巡视组")
    assert [(r["ordinal"], r["target"]) for r in rows] == [(1, DANGZU), (2, "宁波市镇海区")]
    assert [r["round"] for r in rows] == [R1, R2]
    assert {r["term"] for r in rows} == {14}


def test_region_history_includes_subregions_and_their_organizations(run: Run) -> None:
    rows = run(_tested("region-history"), region="宁波市")
    assert sorted((r["target"], r["round"]) for r in rows) == [("宁波市海曙区", R1), ("宁波市镇海区", R2)]
    assert [r["target"] for r in run("region-history", region="330200")] == [r["target"] for r in rows]
    province = run("region-history", region="浙江省")
    assert sorted((r["target"], r["targetType"], r["round"]) for r in province) == [
        ("宁波市海曙区", "Region", R1),
        ("宁波市镇海区", "Region", R2),
        (DANGZU, "Organization", R1),
        (DANGZU, "Organization", R2),
    ]
    assert {r["region"] for r in province if r["targetType"] == "Organization"} == {"浙江省"}


def test_events_during_inspections(run: Run) -> None:
    rows = run(_tested("events-during-inspections"))
    by_person = {r["person"]: r for r in rows}
    assert set(by_person) == {"张建国", "李卫东"}
    zhang, li = by_person["张建国"], by_person["李卫东"]
    assert (zhang["eventType"], zhang["target"], zhang["team"], zhang["round"]) == (
        "Surrender",
        DANGZU,
        "浙江省委第一巡视组",
        R1,
    )
    assert zhang["posts"] == ["浙江省交通运输厅副厅长"]
    assert (li["eventType"], li["target"], li["round"]) == ("Investigation", "宁波市镇海区", R2)
    assert [r["person"] for r in run("events-during-inspections", eventType="Surrender")] == ["张建国"]
    assert run("events-during-inspections", eventType="Sanction") == []


def test_person_posts(run: Run) -> None:
    (li,) = run(_tested("person-posts"), person="李卫东")
    assert li["post"] == "宁波市镇海区发展和改革局局长"
    assert (li["title"], li["organization"], li["former"]) == ("局长", "宁波市镇海区发展和改革局", False)
    assert li["events"] == ["李卫东接受审查调查"]
    (zhang,) = run("person-posts", person="张建国")
    assert (zhang["organization"], zhang["former"]) == ("浙江省交通运输厅", True)


def test_measure_timeline_over_two_years_and_provinces(run: Run) -> None:
    rows = run(_tested("measure-timeline"), measure="problemsFound")
    assert [(r["year"], r["province"], r["value"]) for r in rows] == [
        (2021, "江苏省", 1200.0),
        (2021, "浙江省", 800.0),
        (2022, "江苏省", 1500.0),
        (2022, "浙江省", 950.0),
    ]
    assert {r["scopeType"] for r in rows} == {"PartyCommittee", "Region"}
    assert {r["unit"] for r in rows} == {"个"}
    zhejiang = run("measure-timeline", measure="problemsFound", province="浙江")
    assert [(r["period"], r["value"], r["article"]) for r in zhejiang] == [
        ("2021", 800.0, "浙江省委第一轮巡视完成进驻"),
        ("2022", 950.0, "浙江省委第二轮巡视完成进驻"),
    ]
    assert run("measure-timeline", measure="coverageRate") == []


def test_measure_by_province(run: Run) -> None:
    rows = run(_tested("measure-by-province"), measure="problemsFound")
    assert [(r["province"], r["year"], r["figures"], r["largest"]) for r in rows] == [
        ("江苏省", 2021, 1, 1200.0),
        ("江苏省", 2022, 1, 1500.0),
        ("浙江省", 2021, 1, 800.0),
        ("浙江省", 2022, 1, 950.0),
    ]
    rounds = run("measure-by-province", measure="roundsConducted")
    assert [(r["province"], r["year"], r["values"]) for r in rounds] == [
        ("江苏省", 2021, [3.0]),
        ("江苏省", 2022, [4.0]),
    ]


def test_repeat_inspections_and_gap(run: Run) -> None:
    (row,) = run(_tested("repeat-inspections"))
    assert (row["target"], row["targetType"], row["visits"]) == (DANGZU, "Organization", 2)
    assert row["rounds"] == [R1, R2]
    first, second = row["dates"]
    assert first.startswith("2021") and second.startswith("2022")
    (gap,) = row["gapsMonths"]
    assert 12 <= gap <= 15  # 2021-03/04 to 2022-04/06
    assert len(run("repeat-inspections", minVisits=1)) == 3  # every target


def test_team_round_matrix(run: Run) -> None:
    rows = run(_tested("team-round-matrix"), committee="浙江省委")
    assert [(r["teamNumber"], r["ordinal"], r["targets"]) for r in rows] == [
        (1, 1, [DANGZU]),
        (1, 2, ["宁波市镇海区"]),
        (2, 1, ["宁波市海曙区"]),
        (3, 2, [DANGZU]),
    ]
    assert run("team-round-matrix", committee="中共江苏省委") == []


def test_term_coverage(run: Run) -> None:
    rows = run(_tested("term-coverage"), committee="中共浙江省委", term=14)
    assert [(r["ordinal"], r["targets"], r["newTargets"], r["cumulativeTargets"]) for r in rows] == [
        (1, 2, 2, 2),
        (2, 2, 1, 3),  # 浙江省交通运输厅党组 again
    ]
    assert run("term-coverage", term=13) == []


def test_node_evidence_points_into_the_article_text(run: Run) -> None:
    rows = run(_tested("node-evidence"), node="张建国")
    assert len(rows) == 1
    (row,) = rows
    assert row["label"] == "Person"
    assert row["article"] == "浙江省委第一轮巡视完成进驻" and row["published"] == "2021-04-20"
    assert "张建国主动投案" in row["sentence"]
    text = article_texts()[row["article"]]
    assert text[row["charStart"] : row["charEnd"]] == row["sentence"]
    articles = {r["article"] for r in run("node-evidence", node=DANGZU)}
    assert articles == {"浙江省委第一轮巡视完成进驻", "浙江省委第二轮巡视完成进驻"}


def test_relationship_evidence(run: Run) -> None:
    (row,) = run(_tested("relationship-evidence"), node="张建国", type="HOLDS")
    assert (row["source"], row["type"], row["target"]) == ("张建国", "HOLDS", "浙江省交通运输厅副厅长")
    assert "原副厅长张建国" in row["sentence"]
    rows = run("relationship-evidence", node="浙江省委第三巡视组", type="BY_TEAM")
    assert [(r["source"], r["target"]) for r in rows] == [
        ("浙江省委第三巡视组·" + DANGZU, "浙江省委第三巡视组")
    ]
    assert "浙江省委第三巡视组进驻省交通运输厅党组" in rows[0]["sentence"]
    types = {r["type"] for r in run("relationship-evidence", node="张建国")}
    assert types == {"HOLDS", "INVOLVES"}


def test_shortest_path(run: Run) -> None:
    rows = run(_tested("shortest-path"), **{"from": "张建国", "to": "李卫东"})
    assert rows
    best = rows[0]
    assert best["hops"] == 6
    assert best["names"][0] == "张建国" and best["names"][-1] == "李卫东"
    assert best["labels"][0] == best["labels"][-1] == "Person"
    assert best["path"].startswith("张建国 <-[INVOLVES]- 张建国主动投案 -[DURING]-> ")
    assert best["path"].endswith(" <-[DURING]- 李卫东接受审查调查 -[INVOLVES]-> 李卫东")
    assert "DERIVED_FROM" not in best["types"]
    assert run("shortest-path", **{"from": "张建国", "to": "张建国"}) == []


def test_single_article_entities(run: Run) -> None:
    rows = run(_tested("single-article-entities"), label="Person")
    assert {(r["entity"], r["article"]) for r in rows} == {
        ("张建国", "浙江省委第一轮巡视完成进驻"),
        ("李卫东", "浙江省委第二轮巡视完成进驻"),
        ("王立新", "巡视动员会召开"),
    }
    everything = {r["entity"] for r in run("single-article-entities")}
    assert "江苏省" in everything and "省委第二巡视组" in everything
    assert DANGZU not in everything and "中共浙江省委" not in everything  # both rounds' articles


def test_possible_duplicates(run: Run) -> None:
    rows = run(_tested("possible-duplicates"))
    (row,) = [r for r in rows if r["name"] == "省委第二巡视组"]
    assert row["count"] == 2
    assert sorted(row["entities"]) == sorted(["浙江省委第二巡视组", "省委第二巡视组"])
    assert row["labels"] == ["InspectionTeam", "InspectionTeam"]
    assert len(set(row["uris"])) == 2
    assert run("possible-duplicates", label="Person") == []


def test_neighbourhood(run: Run) -> None:
    near = run(_tested("neighbourhood"), entity="张建国", depth=1)
    assert {(r["neighbour"], r["label"], r["via"]) for r in near} == {
        ("浙江省交通运输厅副厅长", "Position", "HOLDS"),
        ("张建国主动投案", "Surrender", "INVOLVES"),
    }
    two = {r["neighbour"]: r["distance"] for r in run("neighbourhood", entity="张建国", depth=2)}
    assert two["张建国主动投案"] == 1
    assert two[R1] == 2 and two["浙江省交通运输厅"] == 2 and two["浙江省委第一巡视组·" + DANGZU] == 2
    assert "张建国" not in two and "李卫东" not in two
    assert max(two.values()) == 2


def test_rounds(run: Run) -> None:
    rows = run(_tested("rounds"), committee="中共浙江省委")
    assert [(r["round"], r["inspections"], r["teams"], r["events"]) for r in rows] == [
        (R1, 2, 2, 1),
        (R2, 2, 2, 1),
    ]
    assert len(run("rounds")) == 2


def test_candidates_and_judgements(run: Run, corpus_store: Store, tmp_path: Path) -> None:
    from kg.model import Article
    from kg.pipeline import extract_articles
    from kg.resolve.judgements import Judgements, append

    assert run(_tested("judgements")) == []  # nothing judged yet
    texts = [
        "浙江省民政厅厅长王勇接受审查。",
        "河南省民政厅厅长王勇接受审查。",
        "王勇主动投案。",
        "王勇被开除党籍。",
    ]
    arts = [Article(id=f"w{i}", text=t, date="2020-01-01") for i, t in enumerate(texts)]
    base = "https://w3id.org/acsn/id/Person/"
    pairs = {(r["aUri"], r["bUri"]): r for r in run(_tested("candidates"), label="Person")}
    assert pairs == {}  # no namesakes in the corpus
    load_graph(corpus_store, extract_articles(arts[:3]).graph)
    rows = run("candidates", label="Person")
    pairs = {(r["aUri"], r["bUri"]): r for r in rows}
    assert set(pairs) == {
        (base + "王勇", base + "王勇@330000"),
        (base + "王勇", base + "王勇@410000"),
        (base + "王勇@330000", base + "王勇@410000"),
    }
    one = pairs[(base + "王勇", base + "王勇@330000")]
    assert (one["reason"], one["aEvidence"], one["bEvidence"]) == (
        "same name",
        ["王勇主动投案。"],
        ["浙江省民政厅厅长王勇接受审查。"],
    )
    f = tmp_path / "j.jsonl"
    append(f, "merge", a=base + "王勇@330000", b=base + "王勇")
    append(f, "split", a=base + "王勇@410000")
    load_graph(corpus_store, extract_articles(arts, judgements=Judgements.read(f)).graph)
    done = {(r["uri"], r["judgement"], tuple(r["mergedUris"])) for r in run("judgements", label="Person")}
    assert (base + "王勇@330000", "merged", (base + "王勇",)) in done
    assert (base + "王勇@410000~w1", "split", ()) in done


def test_every_query_runs_with_its_defaults_and_returns_its_columns(corpus_store: Store) -> None:
    for query in load_library().values():
        result = run_query(corpus_store, query)
        assert result.columns == [c.name for c in query.columns], query.name


def test_every_library_query_has_a_test_above() -> None:
    # Read from the source, not from which tests ran, so it holds when run alone or in any order.
    tested = set(re.findall(r'_tested\("([^"]+)"\)', Path(__file__).read_text(encoding="utf-8")))
    assert set(load_library()) == tested
