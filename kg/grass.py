"""A Neo4j Browser style sheet (GraSS) derived from the ontology's viewer styles.

Every class of :data:`kg.terms.STYLES` gets its viewer colour, a darker border, a text
colour that reads on it and a caption from a property its nodes have (``{name}``; articles
``{title}``, evidence sentences ``{text}``: :data:`CAPTIONS`); relationships are captioned with their
type. Load the file in Neo4j Browser with ``:style`` (drag it onto the style panel), or
write it with ``kg export --format grass``.

Example
-------
>>> sheet = grass_stylesheet()
>>> "node.Person {" in sheet and "caption: '{name}';" in sheet
True
"""

from __future__ import annotations

from kg.terms import STYLES

__all__ = ["CAPTIONS", "grass_stylesheet", "node_style"]

CAPTIONS = {"Article": "{title}", "Evidence": "{text}"}
"""Captions of the labels whose nodes have no ``name`` (the others show ``{name}``)."""

_DIAMETERS = {"PartyCommittee": 65, "InspectionRound": 60, "InspectionTeam": 55, "Evidence": 30}
"""Larger circles for the nodes an analyst navigates by; evidence sentences smaller."""


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def _text_colour(colour: str) -> str:
    r, g, b = _rgb(colour)
    luminance = 0.299 * r + 0.587 * g + 0.114 * b
    return "#000000" if luminance > 150 else "#ffffff"


def node_style(label: str, colour: str) -> str:
    """The GraSS rule of one node label.

    Examples
    --------
    >>> print(node_style("Region", "#2e7d32"))
    node.Region {
      diameter: 50px;
      color: #2e7d32;
      border-color: #225e26;
      border-width: 2px;
      text-color-internal: #ffffff;
      font-size: 10px;
      caption: '{name}';
    }
    """
    border = _hex(tuple(c * 0.75 for c in _rgb(colour)))  # type: ignore[arg-type]
    caption = CAPTIONS.get(label, "{name}")
    return (
        f"node.{label} {{\n"
        f"  diameter: {_DIAMETERS.get(label, 50)}px;\n"
        f"  color: {colour};\n"
        f"  border-color: {border};\n"
        "  border-width: 2px;\n"
        f"  text-color-internal: {_text_colour(colour)};\n"
        "  font-size: 10px;\n"
        f"  caption: '{caption}';\n"
        "}"
    )


def grass_stylesheet() -> str:
    """The style sheet for Neo4j Browser: defaults, then one rule per node label, then relationships.

    Rules of subclasses come after their superclasses' (by the ontology: ``Organization``
    before ``PartyCommittee``, ``Event`` before ``Surrender``), so that a node with several
    labels shows the colour of its most specific class in Neo4j Browser.
    """
    rules = [
        "node {\n  diameter: 50px;\n  color: #a5abb6;\n  border-color: #9aa1ac;\n  border-width: 2px;\n"
        "  text-color-internal: #ffffff;\n  font-size: 10px;\n  caption: '{name}';\n}",
    ]
    from kg.ontology import vocabulary

    classes = vocabulary().classes
    ordered = sorted(STYLES, key=lambda label: (len(getattr(classes.get(label), "superclasses", ())), label))
    rules += [node_style(label, STYLES[label][0]) for label in ordered]
    rules.append(
        "relationship {\n  color: #a5abb6;\n  shaft-width: 1px;\n  font-size: 8px;\n  padding: 3px;\n"
        "  text-color-external: #000000;\n  text-color-internal: #ffffff;\n  caption: '<type>';\n}"
    )
    return "\n\n".join(rules) + "\n"
