"""report.html: the overview page kg build writes, its figures, and the page in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Literal
from viz_graphs import HOSTILE

from kg.build import build
from kg.model import Article
from kg.pipeline import extract_articles
from kg.report import (
    collect,
    collect_graph,
    inspections_per_committee_year,
    measures_over_time,
    render_report,
    rounds_timeline,
    write_report,
)
from kg.terms import ACSN

ROOT = Path(__file__).parents[2]
ARTICLES = [
    Article(
        id="r1",
        date="2021-04-20",
        text="2021年3月,十三届江苏省委第三轮巡视启动。江苏省委第五巡视组进驻南京市鼓楼区开展常规巡视。"
        "2021年,江苏全省巡视发现问题1200个。",
    ),
    Article(
        id="r2",
        date="2022-05-10",
        text="2022年4月,十三届江苏省委第四轮巡视启动。江苏省委第二巡视组进驻无锡市开展常规巡视。"
        "江苏省委第三巡视组进驻常州市开展常规巡视。2022年,江苏全省巡视发现问题900个。",
    ),
]


@pytest.fixture(scope="module")
def graph():
    return extract_articles(ARTICLES).graph


def test_figures_read_from_the_graph(graph):
    data = collect_graph(graph)
    per_year, undated = inspections_per_committee_year(data)
    assert per_year == {"中共江苏省委": {2021: 1, 2022: 2}} and undated == 0
    assert measures_over_time(data)["problemsFound"] == {"江苏省": {2021: 1200.0, 2022: 900.0}}
    rounds = rounds_timeline(data)["中共江苏省委"]
    assert [mark for _, mark, _ in rounds] == ["13-3", "13-4"]
    assert 2021 <= rounds[0][0] < 2022 <= rounds[1][0] < 2023


def test_the_trig_lines_give_what_the_graph_gives(graph, tmp_path):
    from kg.export import write_rdf

    path = tmp_path / "g.nt"
    write_rdf(graph, path)
    from_lines = collect(path.read_text(encoding="utf-8").splitlines())
    from_graph = collect_graph(graph)
    assert dict(from_lines.types) == dict(from_graph.types)
    assert from_lines.labels == from_graph.labels
    assert measures_over_time(from_lines) == measures_over_time(from_graph)


def test_kg_build_writes_report_html_with_the_skipped_inputs(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(
        "\n".join(
            json.dumps({"id": a.id, "date": a.date, "text": a.text}, ensure_ascii=False) for a in ARTICLES
        )
        + "\n",
        encoding="utf-8",
    )
    (corpus / "empty.txt").write_bytes(b"")
    report = build([str(corpus)], tmp_path / "out", load=False, validate="none", html=False, workers=1)
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert str(tmp_path / "out" / "report.html") in report.outputs
    assert page.count("<svg") >= 3 and "发现问题数 problems found" in page and "13-4" in page
    assert "empty.txt" in page and "<script" not in page


@pytest.mark.browser
def test_report_in_the_browser_is_offline_and_safe_with_hostile_text(graph, open_page, artifacts, tmp_path):
    hostile = graph + collect_graph_source()
    data = collect_graph(hostile)
    skipped = [{"source": HOSTILE[1], "reason": HOSTILE[0]}]
    path = write_report(data, tmp_path / "report.html", summary={"articles": 3}, skipped=skipped)
    loaded = open_page(path, viewer=False)
    page = loaded.page
    assert page.evaluate("() => window.__pwned === undefined")
    assert not loaded.dialogs and not loaded.errors
    assert [u for u in loaded.requests if not u.startswith(("file:", "data:"))] == []
    assert page.locator("svg").count() >= 3
    text = page.inner_text("body")
    assert HOSTILE[0] in text and HOSTILE[1] in text  # shown as text
    assert page.locator("img, iframe, script").count() == 0
    bars = page.locator("figure.bars rect")
    assert bars.count() >= 2
    box = page.locator("figure.bars svg").bounding_box()
    assert box is not None and box["width"] > 400  # drawn, not collapsed
    page.screenshot(path=str(artifacts / "report-hostile.png"), full_page=True)


def collect_graph_source():
    """A committee and a round whose names are markup, with an inspection and a figure."""
    from rdflib import RDF, RDFS, Graph, URIRef

    g = Graph()
    base = "https://w3id.org/acsn/id/"
    committee, round_, insp, stat = (
        URIRef(base + k) for k in ("PartyCommittee/evil", "R/evil", "I/evil", "S/evil")
    )
    g.add((committee, RDF.type, ACSN.PartyCommittee))
    g.add((committee, RDFS.label, Literal(HOSTILE[0], lang="zh")))
    g.add((round_, RDF.type, ACSN.InspectionRound))
    g.add((round_, RDFS.label, Literal(HOSTILE[4], lang="zh")))
    g.add((round_, ACSN.conductedBy, committee))
    g.add((round_, ACSN.term, Literal(1)))
    g.add((round_, ACSN.ordinal, Literal(2)))
    g.add((round_, ACSN.year, Literal(2020)))
    g.add((insp, RDF.type, ACSN.Inspection))
    g.add((insp, ACSN.inRound, round_))
    g.add((insp, ACSN.startDate, Literal("2020-05")))
    g.add((stat, RDF.type, ACSN.Statistic))
    g.add((stat, ACSN.measure, Literal("problemsFound")))
    g.add((stat, ACSN.value, Literal(5.0)))
    g.add((stat, ACSN.unit, Literal(HOSTILE[1])))
    g.add((stat, ACSN.period, Literal("2020")))
    g.add((stat, ACSN.scope, committee))
    return g


@pytest.mark.browser
def test_screenshots_of_the_example_and_a_generated_corpus_report(open_page, artifacts, tmp_path, corpus_300):
    from kg.pipeline import extract_inputs

    example = collect_graph(extract_inputs([str(ROOT / "examples")]).graph)
    generated = collect_graph(extract_inputs([str(corpus_300)]).graph)
    for name, data in (("report-example", example), ("report-300", generated)):
        path = write_report(data, tmp_path / f"{name}.html")
        loaded = open_page(path, viewer=False)
        assert not loaded.errors and loaded.page.locator("figure").count() >= 3
        loaded.page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    assert len(inspections_per_committee_year(generated)[0]) > 5
    assert "<svg" in render_report(generated)
