"""How the viewer draws: node colours and label fonts, and vis-network's options.

Colours and shapes of the classes come from the ontology (:data:`kg.terms.STYLES`); this
module turns them into vis-network's node records and chooses the options of the network
(physics for small graphs, cheaper drawing for big ones).
"""

from __future__ import annotations

import re
from typing import NotRequired, TypeAlias, TypedDict

__all__ = [
    "DEFAULT_STYLE",
    "FONT_STACK",
    "PHYSICS_LIMIT",
    "JSONValue",
    "NodeColor",
    "NodeFont",
    "node_color",
    "node_font",
    "vis_options",
]

JSONValue: TypeAlias = str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"] | None
"""A value JSON can hold: what the page's data is made of."""

PHYSICS_LIMIT = 1_000
"""Up to this many nodes vis-network's physics refines the layout in the browser."""
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", '
    '"PingFang SC", "Hiragino Sans GB", "Heiti SC", "SimHei", sans-serif'
)
DEFAULT_STYLE = ("#777777", "dot")
"""Colour and shape of a class the ontology gives no style."""
# the canvas takes the same stack as the page's text (a CSS font shorthand's family list)
_CANVAS_FONT = FONT_STACK
_HEX = re.compile(r"#([0-9a-fA-F]{6})")


class _Colors(TypedDict):
    background: str
    border: str


class NodeColor(TypedDict):
    """vis-network's colours of one node: its own, when highlighted and when hovered."""

    background: str
    border: str
    highlight: _Colors
    hover: _Colors


class NodeFont(TypedDict):
    """The font of a node's label (the rest comes from the options' ``nodes.font``)."""

    color: str
    strokeWidth: NotRequired[int]


def _rgb(color: str) -> tuple[int, int, int] | None:
    match = _HEX.fullmatch(color)
    if not match:
        return None
    r, g, b = (int(match.group(1)[i : i + 2], 16) for i in (0, 2, 4))
    return r, g, b


def _dark(color: str) -> bool:
    rgb = _rgb(color)
    return rgb is not None and 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 150


def _shade(color: str, factor: float) -> str:
    """``color`` darker (``factor`` below 1) or lighter.

    Examples
    --------
    >>> _shade("#1f77b4", 0.7), _shade("red", 0.7)
    ('#15537d', 'red')
    """
    rgb = _rgb(color)
    if rgb is None:
        return color
    r, g, b = (int(c * factor) for c in rgb)
    return f"#{min(r, 255):02x}{min(g, 255):02x}{min(b, 255):02x}"


def node_color(color: str) -> NodeColor:
    """A node filled with ``color``, its border a shade darker, black-bordered when selected."""
    return {
        "background": color,
        "border": _shade(color, 0.7),
        "highlight": {"background": color, "border": "#212121"},
        "hover": {"background": color, "border": "#212121"},
    }


def node_font(color: str, shape: str) -> NodeFont:
    """The label font of a node of ``shape`` filled with ``color``."""
    inside = shape in ("box", "ellipse", "circle", "database", "text")
    # Labels inside a shape need no white halo; on a dark fill the halo would swallow white text.
    if inside and shape != "text":
        return {"color": "#ffffff" if _dark(color) else "#263238", "strokeWidth": 0}
    return {"color": "#263238"}


def vis_options(n: int, physics: bool, edge_labels: bool) -> dict[str, JSONValue]:
    """vis-network's options for a graph of ``n`` nodes.

    Above :data:`PHYSICS_LIMIT` nodes edges are straight, hover is off and edges hide while
    the view moves; ``physics`` lets the browser refine the layout (then it stops), and
    without ``edge_labels`` edge captions are not drawn.
    """
    big = n > PHYSICS_LIMIT
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {
            "font": {"face": _CANVAS_FONT, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "shapeProperties": {"interpolation": False},
            # small graphs keep their labels when zoomed out to fit; big ones hide them for speed
            "scaling": {"label": {"drawThreshold": 7 if n > 300 else 3}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "color": {"color": "#b0bec5", "highlight": "#37474f", "hover": "#546e7a", "inherit": False},
            "width": 1,
            "selectionWidth": 1.5,
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.2},
            "font": {
                "face": _CANVAS_FONT,
                "size": 11 if edge_labels else 0,
                "color": "#607d8b",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
        "physics": _physics() if physics else {"enabled": False},
    }


def _physics() -> dict[str, JSONValue]:
    return {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -70,
            "centralGravity": 0.005,
            "springLength": 110,
            "springConstant": 0.06,
            "avoidOverlap": 0.4,
        },
        "minVelocity": 1.5,
        "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True},
    }
