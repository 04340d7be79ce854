"""The interactive HTML viewer: one self-contained page per graph, drawn by vis-network.

The page works offline (vis-network, its stylesheet and the viewer's own script are
inlined; nothing is fetched), and treats every piece of text from the graph as hostile:
names, aliases, evidence sentences and article metadata travel as JSON that escapes
``<``, ``>``, ``&`` and U+2028/2029, and the page puts them on screen only with
``textContent`` or as vis-network tooltip strings (which vis-network shows with
``innerText``). A Content-Security-Policy allows only the page's own scripts (by hash) and
no network access at all, so even a mistake elsewhere cannot load or run anything.

What is shown: every typed node except evidence sentences, whose text, article title,
publisher and date appear in tooltips and in the side panel instead; articles are left out
by default (every node would otherwise hang off its article and the picture would be about
articles) and can be kept with ``articles=True``. Colours and shapes come from the
ontology; node size grows with degree. Up to :data:`PHYSICS_LIMIT` nodes, vis-network's
physics refines a precomputed layout and then stops; above it, the layout is computed
beforehand (:func:`kg.netx.fast_layout`) and physics stays off. Beyond
:data:`MAX_NODES` nodes the viewer refuses (:class:`GraphTooLargeError`) and points to the
GEXF/GraphML export for Gephi.

The package: :mod:`~kg.viz.render` turns the graph into the page's data, with the words of
:mod:`~kg.viz.labels`, the side data of :mod:`~kg.viz.sidebar` and the styles and options
of :mod:`~kg.viz.style`; :mod:`~kg.viz.page` fills the package files ``page.html``,
``viewer.css`` and ``viewer.js`` with it.

Example
-------
>>> from rdflib import Graph
>>> page = html_page(Graph(), title="空图")
>>> "<script src=" in page
False
"""

from __future__ import annotations

from kg.viz.labels import canvas_label
from kg.viz.page import safe_json
from kg.viz.render import (
    DEFAULT_TITLE,
    MAX_NODES,
    GraphTooLargeError,
    ViewerOptions,
    ViewerPage,
    html_page,
    render_html,
)
from kg.viz.style import FONT_STACK, PHYSICS_LIMIT

__all__ = [
    "DEFAULT_TITLE",
    "FONT_STACK",
    "MAX_NODES",
    "PHYSICS_LIMIT",
    "GraphTooLargeError",
    "ViewerOptions",
    "ViewerPage",
    "canvas_label",
    "html_page",
    "render_html",
    "safe_json",
]


from kg.verbs import make_verb

make_verb(__name__)
