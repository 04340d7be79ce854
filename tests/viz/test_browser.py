"""The viewer in headless Chromium: counts, search, filters, offline, hostile text, 5,000 nodes."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph
from viz_graphs import HOSTILE, Loaded, build_big

from kg.netx import to_networkx
from kg.viz import render_html

pytestmark = pytest.mark.browser

Opener = Callable[[Path], Loaded]


def _only_local(loaded: Loaded) -> None:
    leaving = [u for u in loaded.requests if not u.startswith(("file:", "data:"))]
    assert leaving == [], f"requests left the machine: {leaving}"


def test_counts_search_and_panel(sample_graph: Graph, tmp_path: Path, open_page: Opener) -> None:
    path = tmp_path / "sample.html"
    render_html(sample_graph, path)
    G = to_networkx(sample_graph, articles=False)
    loaded = open_page(path)
    page = loaded.page
    assert page.evaluate("network.body.data.nodes.length") == G.number_of_nodes()
    assert page.evaluate("network.body.data.edges.length") == G.number_of_edges()

    page.fill("#kg-search", "民宗委")  # an alias, not the name
    page.wait_for_selector("#kg-results li")
    assert "省民族宗教事务委员会" in page.inner_text("#kg-results li")
    page.press("#kg-search", "Enter")
    page.wait_for_selector("#kg-panel:not([hidden])")
    assert page.inner_text("#kg-panel h2") == "省民族宗教事务委员会"
    assert page.evaluate("network.getSelectedNodes().length") == 1

    hits = page.evaluate("kgViewer.search('钟昌明').map(i => kgViewer.nodes.get(i).label)")
    assert hits[0] == "钟昌明"
    page.evaluate("kgViewer.focus(kgViewer.search('钟昌明')[0])")
    panel = page.inner_text("#kg-panel")
    assert (
        "钟昌明主动投案" in panel
        and "利剑高悬 震慑常在" in panel
        and "浙江日报" in panel
        and "2020-01-10" in panel
    )
    # the neighbourhood stays in colour, the rest is dimmed
    dimmed = page.evaluate(
        "kgViewer.nodes.get().filter(n => String(n.color.background).startsWith('rgba')).length"
    )
    assert 0 < dimmed < G.number_of_nodes()
    assert not loaded.dialogs and not loaded.errors
    _only_local(loaded)


def test_filters_by_class_round_region_and_year(
    sample_graph: Graph, tmp_path: Path, open_page: Opener
) -> None:
    path = tmp_path / "sample.html"
    render_html(sample_graph, path)
    page = open_page(path).page
    total = page.evaluate("kgViewer.visibleCount()")
    persons = page.evaluate("kgViewer.applyFilters({classes: ['Person']})")
    assert persons == 1
    page.evaluate("kgViewer.reset()")
    round8 = page.evaluate("kgViewer.applyFilters({round: kgViewer.search('十四届浙江省委第八轮巡视')[0]})")
    assert 0 < round8 < total
    names = page.evaluate("kgViewer.nodes.get({filter: n => !n.hidden}).map(n => n.label)")
    assert "钟昌明" in names and "平阳县" not in names
    page.evaluate("kgViewer.reset()")
    wenzhou = page.evaluate("kgViewer.applyFilters({region: kgViewer.search('温州市')[0]})")
    names = page.evaluate("kgViewer.nodes.get({filter: n => !n.hidden}).map(n => n.label)")
    assert 0 < wenzhou < total and "平阳县" in names and "钟昌明" not in names
    page.evaluate("kgViewer.reset()")
    assert 0 < page.evaluate("kgViewer.applyFilters({year: 2019})") < total
    page.select_option("#kg-year", "-1")
    assert page.evaluate("kgViewer.visibleCount()") == total


def test_hostile_article_runs_nothing(hostile_graph: Graph, tmp_path: Path, open_page: Opener) -> None:
    path = tmp_path / "hostile.html"
    render_html(hostile_graph, path, title=HOSTILE[0] + HOSTILE[1])
    loaded = open_page(path)
    page = loaded.page
    baseline = page.evaluate("document.querySelectorAll('*').length")
    # Hover every node (tooltips), click every node (panel), search the payloads (result list).
    positions = page.evaluate(
        "Object.entries(network.getPositions()).map(([id, p]) => [id, network.canvasToDOM(p)])"
    )
    box = page.locator("#mynetwork").bounding_box()
    assert box
    for _, p in positions:
        x, y = box["x"] + p["x"], box["y"] + p["y"]
        if box["x"] < x < box["x"] + box["width"] and box["y"] < y < box["y"] + box["height"]:
            page.mouse.move(x, y)
            page.wait_for_timeout(260)
            page.mouse.click(x, y)
    for i in range(page.evaluate("network.body.data.nodes.length")):
        page.evaluate(f"kgViewer.focus({i})")
    for payload in ("onerror", "script", "javascript", "href", "svg"):
        page.fill("#kg-search", payload)
        page.wait_for_timeout(50)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert loaded.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, iframe, svg, a, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("document.querySelectorAll('*').length") >= baseline  # sanity: the page is alive
    assert page.title() == HOSTILE[0] + HOSTILE[1]
    assert page.inner_text("#kg-title") == HOSTILE[0] + HOSTILE[1]
    # the payloads are visible as text
    page.evaluate("kgViewer.focus(kgViewer.search('人1')[0])")
    assert HOSTILE[1] in page.inner_text("#kg-panel")
    assert not loaded.errors
    _only_local(loaded)


def test_screenshot_of_the_example(artifacts: Path, open_page: Opener) -> None:
    from kg.pipeline import extract_inputs

    graph = extract_inputs([str(Path(__file__).parents[2] / "examples")]).graph
    path = artifacts / "example.html"
    render_html(graph, path, title="利剑高悬 震慑常在 — examples/")
    loaded = open_page(path)
    page = loaded.page
    page.screenshot(path=str(artifacts / "example.png"))
    page.evaluate("kgViewer.focus(kgViewer.search('钟昌明')[0])")
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts / "example-selected.png"))
    assert (artifacts / "example.png").stat().st_size > 20_000
    _only_local(loaded)


@pytest.mark.slow
def test_5000_nodes_open_and_respond_within_seconds(tmp_path: Path, open_page: Opener) -> None:
    graph = build_big(5000, 10000)
    path = tmp_path / "big.html"
    started = time.perf_counter()
    result = render_html(graph, path)
    built = time.perf_counter() - started
    assert not result.physics
    started = time.perf_counter()
    loaded = open_page(path)
    opened = time.perf_counter() - started
    page = loaded.page
    assert page.evaluate("network.body.data.nodes.length") == result.nodes
    assert page.evaluate("network.body.data.edges.length") == result.edges == 10000
    started = time.perf_counter()
    page.fill("#kg-search", "王")
    page.wait_for_selector("#kg-results li")
    page.press("#kg-search", "Enter")
    page.wait_for_selector("#kg-panel:not([hidden])")
    page.evaluate("kgViewer.applyFilters({classes: ['Person', 'Organization']})")
    page.evaluate("kgViewer.reset()")
    responded = time.perf_counter() - started
    print(
        f"\n5k graph: layout {result.layout_seconds:.1f} s, page built {built:.1f} s, "
        f"opened {opened:.1f} s, search+filter {responded:.1f} s, {result.size_bytes / 1e6:.1f} MB"
    )
    assert built < 60 and opened < 20 and responded < 20
    _only_local(loaded)
