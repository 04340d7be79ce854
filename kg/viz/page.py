"""The viewer page: the package's template, stylesheet and script, filled with one graph's data.

Three files of this package make the page: ``page.html`` and ``viewer.css`` are
:class:`string.Template` texts (``$name`` placeholders, the only template mechanism of the
viewer), ``viewer.js`` is inserted as it is. vis-network's script and stylesheet come from
the copy pyvis ships (:func:`vis_network_assets`). Everything is inlined, so the page needs
nothing else.

User text never reaches the template as markup: the heading is escaped, the data is
:func:`safe_json` inside a JSON script element (which does not run), and everything else is
ours. ``viewer.js`` only ever puts the data on screen with ``textContent``, as option text or
as vis-network strings: no ``innerHTML``, no links, no ``eval``. The Content-Security-Policy
runs the page's two scripts by their hashes and allows no network access at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template
from typing import NamedTuple, NotRequired, TypedDict

from kg.errors import KgError
from kg.viz.sidebar import Meta
from kg.viz.style import FONT_STACK, JSONValue, NodeColor, NodeFont

__all__ = [
    "VIS_NETWORK_VERSION",
    "Payload",
    "VisAssets",
    "VisEdge",
    "VisNode",
    "safe_json",
    "viewer_page",
    "vis_network_assets",
]

VIS_NETWORK_VERSION = "9.1.2"
"""The vis-network the viewer script is written and tested against."""
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", flags=re.DOTALL)


class VisNode(TypedDict):
    """A node as vis-network draws it."""

    color: NodeColor
    hidden: bool
    title: str
    """the tooltip (plain text)"""
    size: float
    x: float
    y: float
    font: NodeFont
    id: int
    label: str | int
    shape: str


VisEdge = TypedDict(
    "VisEdge",
    {
        "id": int,
        "rel": str,
        "ev": list[int],
        "title": str,
        "label": NotRequired[str],
        "from": int,
        "to": int,
        "arrows": str,
    },
)
"""An edge as vis-network draws it, with its relationship type and evidence for the panel."""


class Payload(TypedDict):
    """The page's data: what vis-network draws and what the side bar and panel show."""

    nodes: list[VisNode]
    edges: list[VisEdge]
    options: dict[str, JSONValue]
    meta: Meta


class VisAssets(NamedTuple):
    script: str
    stylesheet: str


def safe_json(value: object) -> str:
    """JSON that can sit inside an HTML ``<script>`` element without ending it or being parsed as markup.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and ``\\u0026`` (so no
    ``</script>`` or ``<!--`` can appear), and U+2028/U+2029 are escaped because older
    JavaScript parsers treat them as line ends.

    Examples
    --------
    >>> safe_json({"t": "</script>"})
    '{"t":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


@cache
def vis_network_assets(version: str = VIS_NETWORK_VERSION) -> VisAssets:
    """vis-network's script and stylesheet, from the copy the pyvis package ships.

    pyvis bundles vis-network for its own pages as
    ``pyvis/templates/lib/vis-9.1.2/vis-network.min.js`` and ``vis-network.css``. The viewer
    inlines these two files and uses nothing else of pyvis (which it does not even import);
    this is the one place that knows where they are.

    Raises
    ------
    KgError
        When pyvis is not installed or does not ship vis-network ``version`` there.
    """
    spec = importlib.util.find_spec("pyvis")
    package = Path(spec.origin).parent if spec and spec.origin else None
    folder = package / "templates" / "lib" / f"vis-{version}" if package else None
    files = [folder / name for name in ("vis-network.min.js", "vis-network.css")] if folder else []
    if not files or not all(f.is_file() for f in files):
        where = folder or "pyvis/templates/lib/"
        raise KgError(
            f"the viewer needs vis-network {version} as pyvis ships it, and {where} has no "
            "vis-network.min.js and vis-network.css: install pyvis 0.3.2 (pip install 'pyvis==0.3.2')"
        )
    script, stylesheet = (f.read_text(encoding="utf-8") for f in files)
    return VisAssets(script, stylesheet)


@cache
def package_file(name: str) -> str:
    """The text of one of this package's files (``page.html``, ``viewer.css``, ``viewer.js``)."""
    return resources.files("kg.viz").joinpath(name).read_text(encoding="utf-8")


def viewer_page(payload: Payload, heading: str) -> str:
    """The page showing ``payload``, titled ``heading`` (plain text)."""
    vis = vis_network_assets()
    values = {
        "title": _escape(heading),
        "vis_network_css": vis.stylesheet,
        "viewer_css": Template(package_file("viewer.css")).substitute(fonts=FONT_STACK),
        "vis_network_js": vis.script,
        "data": safe_json(payload),
        "viewer_js": package_file("viewer.js"),
    }
    template = Template(package_file("page.html"))
    # The policy lists the hashes of the page's scripts, which do not depend on the policy.
    scripts = _INLINE_SCRIPT.findall(template.substitute(values, csp=""))
    return template.substitute(values, csp=_csp(scripts))


def _escape(text: str) -> str:
    """Text as HTML text or attribute value: ``& < > " '`` as entities.

    Examples
    --------
    >>> _escape("<b>\\"'&")
    '&lt;b&gt;&#34;&#39;&amp;'
    """
    return html.escape(text, quote=False).replace('"', "&#34;").replace("'", "&#39;")


def _csp(scripts: Iterable[str]) -> str:
    """A policy that runs only ``scripts`` (inline) and lets nothing leave the machine."""
    hashes = []
    for body in scripts:
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return (
        "default-src 'none'; "
        f"script-src {' '.join(hashes)}; "
        "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
        "connect-src 'none'; frame-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'"
    )
