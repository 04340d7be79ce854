"""The viewer as an analyst reads it: hub labels at first view, focus in the visible canvas,
labels that tell nodes apart, figures with what they count, the round filter, bilingual values."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph
from viz_graphs import Loaded

from kg.model import Article
from kg.netx import to_networkx
from kg.pipeline import extract_articles, extract_inputs
from kg.viz import canvas_label, render_html

Opener = Callable[[Path], Loaded]

TEXT = (
    "2021年3月,十三届江苏省委第三轮巡视启动。江苏省委第五巡视组进驻南京市鼓楼区开展常规巡视。"
    "2021年,江苏全省巡视发现问题1200个。2021年,南京市巡察发现问题300个,移交问题线索20件。"
    "2022年4月,十三届江苏省委第四轮巡视启动。江苏省委第二巡视组进驻无锡市开展常规巡视。"
    "2020年6月,十三届江苏省委第一轮巡视启动。江苏省委第一巡视组进驻江苏省水利厅党组开展常规巡视。"
    "十三届浙江省委第二轮巡视启动。浙江省委第三巡视组进驻杭州市开展常规巡视。"
    "巡视发现问题80个。"
)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return extract_articles([Article(id="v1", text=TEXT, date="2022-05-01", title="巡视")]).graph


def _node(G, cls, contains):  # type: ignore[no-untyped-def]
    return next(v for v, d in G.nodes(data=True) if d["cls"] == cls and contains in d["label"])


def test_labels_tell_nodes_apart(graph: Graph) -> None:
    G = to_networkx(graph, articles=False)
    inspection = _node(G, "Inspection", "鼓楼区")
    label = canvas_label(G, inspection)
    agent, target = label.split("·")
    assert target.endswith("鼓楼区") and len(target) <= 12  # the target is never cut where it begins
    assert agent.startswith("江苏省委") or agent.startswith("十三届")
    figure = _node(G, "Statistic", "1200")
    assert canvas_label(G, figure) == "发现问题数: 1200个 (江苏省, 2021)"
    unscoped = next(
        v
        for v, d in G.nodes(data=True)
        if d["cls"] == "Statistic" and not any(k == "SCOPE" for _, _, k in G.out_edges(v, keys=True))
    )
    assert canvas_label(G, unscoped).startswith("发现问题数: 80个")


@pytest.mark.browser
def test_hubs_are_readable_at_first_view_and_focus_lands_in_view(
    graph: Graph, tmp_path: Path, open_page: Opener
) -> None:
    path = tmp_path / "v.html"
    render_html(graph, path)
    loaded = open_page(path)
    page = loaded.page
    G = to_networkx(graph, articles=False)
    hubs = page.evaluate("kgViewer.hubs")
    assert hubs
    top_degree = max(d for _, d in G.degree())
    names = page.evaluate("kgViewer.hubs.map(i => kgViewer.nodes.get(i).label)")
    assert any(G.degree(v) == top_degree and canvas_label(G, v) in names for v in G.nodes)
    pixels = page.evaluate(
        "kgViewer.hubs.map(i => network.body.nodes[i].options.font.size * network.getScale())"
    )
    assert min(pixels) >= 12, pixels  # readable at the initial fit, not 5 px

    def in_view(i: int) -> bool:
        return page.evaluate(
            """i => { const p = network.canvasToDOM(network.getPosition(i));
                      const c = document.getElementById('mynetwork').getBoundingClientRect();
                      const panel = document.getElementById('kg-panel').getBoundingClientRect();
                      return p.x > 20 && p.x < c.width - 20 && p.y > 20 && p.y < c.height - 20
                             && c.right <= panel.left + 1; }""",
            i,
        )

    page.fill("#kg-search", "无锡")
    page.wait_for_selector("#kg-results li")
    page.press("#kg-search", "Enter")
    page.wait_for_timeout(600)
    found = page.evaluate("network.getSelectedNodes()[0]")
    assert page.inner_text("#kg-panel h2") == "无锡市" and in_view(found)

    page.evaluate("kgViewer.reset(); network.fit()")
    page.wait_for_timeout(300)
    target = page.evaluate("kgViewer.search('江苏省委第五巡视组')[0]")
    box = page.locator("#mynetwork").bounding_box()
    pos = page.evaluate("i => network.canvasToDOM(network.getPosition(i))", target)
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_timeout(600)
    assert page.inner_text("#kg-panel h2") == "江苏省委第五巡视组"
    assert "江苏省委第五巡视组进驻南京市鼓楼区" in page.inner_text("#kg-panel blockquote")  # its evidence
    assert in_view(target)
    assert not loaded.errors and not loaded.dialogs


@pytest.mark.browser
def test_figures_sit_with_their_scope_and_unscoped_ones_are_listed(
    graph: Graph, tmp_path: Path, open_page: Opener
) -> None:
    path = tmp_path / "f.html"
    render_html(graph, path)
    loaded = open_page(path)
    page = loaded.page
    unscoped = page.evaluate("kgViewer.nodes.get().filter(n => n.hidden).map(n => n.label)")
    assert unscoped and all(label.startswith("发现问题数: 80个") for label in unscoped)
    assert "发现问题数" in page.inner_text("#kg-unscoped") and "80个" in page.inner_text("#kg-unscoped")
    page.evaluate("kgViewer.focus(kgViewer.search('南京市')[0])")
    page.wait_for_selector("#kg-panel table.kg-figures")
    rows = page.locator("#kg-panel table.kg-figures tbody tr")
    assert rows.count() == 2
    page.click("#kg-panel table.kg-figures th:nth-child(2)")  # value, ascending
    values = [rows.nth(k).locator("td").nth(1).inner_text() for k in range(2)]
    assert values == ["20件", "300个"]
    page.click("#kg-panel table.kg-figures th:nth-child(2)")  # and descending
    assert rows.nth(0).locator("td").nth(1).inner_text() == "300个"
    assert not loaded.errors


@pytest.mark.browser
def test_round_filter_grouped_by_committee_and_values_in_both_languages(
    graph: Graph, tmp_path: Path, open_page: Opener
) -> None:
    path = tmp_path / "r.html"
    render_html(graph, path)
    page = open_page(path).page
    groups = page.evaluate(
        "Array.from(document.querySelectorAll('#kg-round optgroup')).map(g => "
        "[g.label, Array.from(g.querySelectorAll('option')).map(o => o.textContent)])"
    )
    assert [g[0] for g in groups] == ["中共江苏省委", "中共浙江省委"]
    assert groups[0][1] == [
        "十三届江苏省委第一轮巡视",
        "十三届江苏省委第三轮巡视",
        "十三届江苏省委第四轮巡视",
    ]
    page.evaluate("kgViewer.focus(kgViewer.search('无锡市')[0])")
    page.wait_for_selector("#kg-panel:not([hidden])")
    assert "地级 prefecture" in page.inner_text("#kg-panel")


@pytest.mark.browser
@pytest.mark.slow
def test_screenshot_of_a_generated_300_article_graph(
    artifacts: Path, open_page: Opener, tmp_path: Path, corpus_300: Path
) -> None:
    path = tmp_path / "generated-300.html"
    render_html(extract_inputs([str(corpus_300)]).graph, path, title="generated, 300 articles")
    loaded = open_page(path)
    page = loaded.page
    page.screenshot(path=str(artifacts / "generated-300.png"))
    pixels = page.evaluate(
        "kgViewer.hubs.map(i => network.body.nodes[i].options.font.size * network.getScale())"
    )
    assert min(pixels) >= 12
    page.evaluate("kgViewer.focus(kgViewer.hubs[0])")
    page.wait_for_timeout(800)
    zoomed = page.evaluate("network.body.nodes[kgViewer.hubs[0]].options.font.size * network.getScale()")
    assert 12 <= zoomed <= 30, zoomed  # hub labels follow the zoom of a focus, not only the wheel
    page.screenshot(path=str(artifacts / "generated-300-selected.png"))
    assert not loaded.errors
