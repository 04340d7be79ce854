"""The viewer page as text: self-contained, escaped, refusing graphs too large to draw."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from rdflib import Graph
from typer.testing import CliRunner
from viz_graphs import HOSTILE

from kg.cli.viz import register
from kg.errors import KgError
from kg.viz import GraphTooLargeError, html_page, render_html, safe_json


def test_safe_json_cannot_end_a_script_element() -> None:
    text = safe_json({"x": "</script><!-- & \u2028\u2029 '\""})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"x": "</script><!-- & \u2028\u2029 '\""}


def test_page_loads_nothing_from_elsewhere(sample_graph: Graph) -> None:
    page = html_page(sample_graph)
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)\s*=", page, flags=re.I)
    assert "cdn." not in page and "bootstrap" not in page.lower()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "default-src 'none'" in csp.group(1) and "connect-src 'none'" in csp.group(1)
    assert "unsafe-inline" not in csp.group(1).split("style-src")[0]  # scripts run by hash only
    # Two executable scripts (vis-network and the viewer), each allowed by its hash.
    assert len(re.findall(r"^<script>", page, flags=re.M)) == len(re.findall(r"'sha256-", csp.group(1))) == 2


def test_hostile_text_never_appears_as_markup(hostile_graph: Graph) -> None:
    page = html_page(hostile_graph, title="<script>alert(1)</script>\"'")
    for payload in HOSTILE:
        if "<" in payload:
            assert payload not in page
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;" in page
    blob = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, flags=re.S)
    assert blob and "<" not in blob.group(1) and ">" not in blob.group(1)
    assert "\u2028" not in page and "\u2029" not in page


def test_data_round_trips_through_the_page(sample_graph: Graph) -> None:
    page = html_page(sample_graph)
    blob = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, flags=re.S)
    assert blob
    data = json.loads(blob.group(1))
    names = {n["n"] for n in data["meta"]["nodes"]}
    assert {"钟昌明", "十四届浙江省委第八轮巡视", "中共浙江省委"} <= names
    assert len(data["nodes"]) == len(data["meta"]["nodes"]) == 26
    assert all(not n.get("title", "").startswith("<") for n in data["nodes"])
    published = {a["published"] for a in data["meta"]["articles"]}
    assert published == {"2020-01-10", "2019-07-02"}


def test_too_large_graphs_point_to_gephi(sample_graph: Graph, tmp_path: Path) -> None:
    with pytest.raises(GraphTooLargeError) as info:
        render_html(sample_graph, tmp_path / "g.html", max_nodes=10)
    message = str(info.value)
    assert isinstance(info.value, KgError)
    assert "\n" not in message and "gexf" in message and "graphml" in message and "Gephi" in message
    assert not (tmp_path / "g.html").exists()


def test_render_reports_what_it_wrote(sample_graph: Graph, tmp_path: Path) -> None:
    result = render_html(sample_graph, tmp_path / "out" / "g.html", title="示例")
    assert (result.nodes, result.edges, result.physics) == (26, 31, True)
    assert result.size_bytes == (tmp_path / "out" / "g.html").stat().st_size
    with_articles = render_html(sample_graph, tmp_path / "a.html", articles=True)
    assert with_articles.nodes == 28


def test_empty_graph_renders(tmp_path: Path) -> None:
    assert render_html(Graph(), tmp_path / "empty.html").nodes == 0


def test_cli_command_writes_the_page(sample_graph: Graph, tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)

    @app.command()
    def other() -> None:  # a second command keeps Typer from collapsing the app into `viz`
        """Placeholder."""

    ttl = tmp_path / "g.ttl"
    sample_graph.serialize(ttl, format="turtle")
    out = tmp_path / "g.html"
    result = CliRunner().invoke(app, ["viz", str(ttl), "-o", str(out), "--title", "图"])
    assert result.exit_code == 0, result.output
    assert out.exists()
    from kg.store.mapping import graph_to_rows

    total = len(graph_to_rows(sample_graph).nodes)  # what `kg db status` would count
    assert total > 26 and f"26 of {total} node(s) drawn, 31 edge(s)" in result.output


def test_the_canvas_is_given_the_pages_font_stack() -> None:
    from kg.viz import FONT_STACK
    from kg.viz.style import vis_options

    options = vis_options(10, physics=True, edge_labels=True)
    faces = {options["nodes"]["font"]["face"], options["edges"]["font"]["face"]}  # type: ignore[index]
    assert faces == {FONT_STACK}
    assert '"Noto Sans CJK SC"' in FONT_STACK  # a family name keeps its spaces


def test_list_values_read_as_text_in_the_panel() -> None:
    from kg.viz.labels import property_lines

    attrs = {"name_values": ["浙江省纪委监委", "浙江省纪委省监委"], "conflicts": ["name"]}
    lines = dict(property_lines(attrs, {"name": "名称"}, {}))
    assert lines["名称(各来源的值)"] == "浙江省纪委监委、浙江省纪委省监委"
    assert lines["取值不一的属性 conflicts"] == "name"
