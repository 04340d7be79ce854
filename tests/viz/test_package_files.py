"""The page templates, stylesheets and script of the viewer and the report: they parse and fit together."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from string import Template

import pytest
from rdflib import Graph

from kg import report
from kg.errors import KgError
from kg.viz import FONT_STACK, html_page
from kg.viz.page import package_file, vis_network_assets

VIZ = Path(__file__).parents[2] / "kg" / "viz"
_VOID = {"meta", "link", "input", "br", "img", "hr", "source", "wbr", "area", "base", "col", "embed"}


class _Tags(HTMLParser):
    """Open and close tags of a page, and its ids; complains about a tag closed out of turn."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.ids: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value or "" for name, value in attrs if name == "id"]
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def css_problems(css: str) -> list[str]:
    """What keeps ``css`` from being a list of ``selector { property: value; ... }`` rules."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    problems = []
    rest = css
    while rest.strip():
        match = re.match(r"\s*([^{}]+?)\s*\{([^{}]*)\}", rest)
        if not match:
            return [*problems, f"not a rule: {rest.strip()[:60]!r}"]
        selector, body = match.groups()
        if not re.fullmatch(r"[\w\s.#:,>*\[\]=\"'()-]+", selector):
            problems.append(f"odd selector {selector!r}")
        for declaration in filter(str.strip, re.split(r";(?![^(]*\))", body)):
            if not re.fullmatch(r"\s*-?[a-z][a-z-]*\s*:\s*[^:;]*\S(\s*:[^:;]*)*\s*", declaration):
                problems.append(f"{selector}: not a declaration {declaration.strip()!r}")
        rest = rest[match.end() :]
    return problems


def test_the_script_is_valid_javascript() -> None:
    run = subprocess.run(
        ["node", "--check", str(VIZ / "viewer.js")], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert "innerHTML" not in package_file("viewer.js") and "eval(" not in package_file("viewer.js")


def _tags(text: str) -> _Tags:
    tags = _Tags()
    tags.feed(text)
    tags.close()
    assert tags.problems == [] and tags.open == []
    assert len(tags.ids) == len(set(tags.ids))
    return tags


def test_the_template_is_well_formed_and_has_what_the_script_looks_for() -> None:
    tags = _tags(package_file("page.html"))
    wanted = set(re.findall(r'getElementById\("([^"]+)"\)', package_file("viewer.js")))
    assert wanted and wanted <= set(tags.ids), wanted - set(tags.ids)


def test_every_placeholder_is_filled() -> None:
    page = Template(package_file("page.html"))
    assert page.is_valid()
    assert set(page.get_identifiers()) == {
        "csp",
        "title",
        "vis_network_css",
        "viewer_css",
        "vis_network_js",
        "data",
        "viewer_js",
    }
    assert Template(package_file("viewer.css")).get_identifiers() == ["fonts"]
    text = html_page(Graph(), title="$title ${data}")
    vis = vis_network_assets()
    ours = text.replace(vis.script, "").replace(vis.stylesheet, "")
    assert re.findall(r"\$\{?[A-Za-z_]", ours) == ["$t", "${d", "$t", "${d"]  # the title, twice
    assert FONT_STACK in ours and package_file("viewer.js") in ours


def test_the_stylesheet_parses() -> None:
    css = Template(package_file("viewer.css")).substitute(fonts=FONT_STACK)
    assert css.count("{") == css.count("}") > 50
    assert css_problems(css) == []
    assert css_problems("a { color: red; } b { color }") == ["b: not a declaration 'color'"]
    assert css_problems("a { color: red; ") == ["not a rule: 'a { color: red;'"]


def test_missing_vis_network_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    assert vis_network_assets().script.startswith("/**") and "vis-network" in vis_network_assets().stylesheet
    with pytest.raises(KgError, match=r"vis-network 0\.0\.0 .*pyvis"):
        vis_network_assets("0.0.0")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(KgError, match="pip install 'pyvis"):
        vis_network_assets("9.1.1")


def test_the_report_template_and_stylesheet_parse() -> None:
    text = report.page.package_file("report.html")
    _tags(text)
    page = Template(text)
    assert page.is_valid()
    assert set(page.get_identifiers()) == {
        "title",
        "css",
        "cards",
        "inspections",
        "undated",
        "measures",
        "rounds",
        "skipped",
    }
    css = report.page.package_file("report.css")
    assert css.count("{") == css.count("}") > 15
    assert css_problems(css) == []
    written = report.render_report(report.ReportData(), title="$title")
    assert written.count("$") == 2 and css in written  # the title, twice
    _tags(written)
