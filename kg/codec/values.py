"""Values: RDF literals <-> property-graph scalars, and the one rule for a property given twice.

- integers stay integers, ``xsd:decimal`` (``double``, ``float``) becomes a float, booleans
  stay booleans, everything else (text, dates ``xsd:date``/``xsd:gYearMonth``/``xsd:gYear``,
  IRIs ``xsd:anyURI``) is its lexical form; a literal that does not fit its datatype
  (``"十四"^^xsd:integer``) is its lexical form too;
- back to RDF, a value is typed by its property's range in the ontology (:func:`literal_for`).

Conflicting single values
-------------------------
A single-valued property stated with several different values (two articles give a node
two ``startDate`` s) keeps them all. :func:`single_value` gives the one value a property
graph stores for Cypher comparisons: the *smallest* in :func:`value_order` (numbers by
number, text and ISO dates by code point, so the earliest date and a partial date before
the dates it contains), and every value in that order, as one type (all text when they
mix types, as Neo4j lists must have one type).

Example
-------
>>> single_value(["2019-07", "2019-06"])
('2019-06', ('2019-06', '2019-07'))
>>> single_value([9, 10])
(9, (9, 10))
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, XSD, Literal, URIRef

from kg.ontology import PropertyDef, Vocabulary, vocabulary

__all__ = [
    "FLOAT_TYPES",
    "INTEGER_TYPES",
    "Scalar",
    "decimal_lexical",
    "literal_for",
    "python_value",
    "single_value",
    "value_order",
]

Scalar = str | int | float | bool
"""A node or relationship property value as stored in the property graph."""

INTEGER_TYPES = frozenset(
    str(XSD[t])
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
)
"""Datatype IRIs whose values are integers."""
FLOAT_TYPES = frozenset({str(XSD.decimal), str(XSD.double), str(XSD.float)})
"""Datatype IRIs whose values are floats."""

_LANG = "zh"
_LANG_STRING = str(RDF.langString)
_BOOLEAN = str(XSD.boolean)
_DATE_FORMS = (
    (re.compile(r"-?\d{4,}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"-?\d{4,}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"-?\d{4,}"), XSD.gYear),
)


def python_value(literal: Literal) -> Scalar:
    """The property-graph value of an RDF literal (see the module docstring)."""
    dt = str(literal.datatype) if literal.datatype is not None else None
    try:
        if dt in INTEGER_TYPES:
            return int(literal)
        if dt in FLOAT_TYPES:
            return float(literal)
    except (ValueError, TypeError, ArithmeticError):
        return str(literal)
    if dt == _BOOLEAN:
        return str(literal).strip().lower() in ("true", "1")
    return str(literal)


def value_order(value: Scalar) -> tuple[int, float, str]:
    """The sort key of a value: numbers (booleans as 0 and 1) by number, before text by code point."""
    if isinstance(value, bool | int | float):
        return (0, float(value), "")
    return (1, 0.0, value)


def single_value(values: Iterable[Scalar]) -> tuple[Scalar, tuple[Scalar, ...]]:
    """The stored value of a single-valued property and all its different values (see the module docstring).

    Raises
    ------
    ValueError
        ``values`` is empty.
    """
    distinct: dict[tuple[type, Scalar], Scalar] = {}
    for value in values:
        distinct.setdefault((type(value), value), value)
    ordered = sorted(distinct.values(), key=value_order)
    if not ordered:
        raise ValueError("no value")
    if len({type(v) for v in ordered}) > 1:
        ordered = sorted(dict.fromkeys(_text(v) for v in ordered))
    return ordered[0], tuple(ordered)


def _text(value: Scalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def decimal_lexical(value: float | int | Decimal) -> str:
    """The lexical form of an ``xsd:decimal`` read back from a float, as :mod:`kg.graph` writes it.

    Examples
    --------
    >>> decimal_lexical(83.98), decimal_lexical(100.0), decimal_lexical(1e-7)
    ('83.98', '100.0', '0.0000001')
    """
    from kg.graph import decimal_literal

    dec = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return str(decimal_literal(dec))


def literal_for(prop: PropertyDef, value: object, vocab: Vocabulary | None = None) -> Literal:
    """The RDF literal of a property-graph value, typed by the property's range in the ontology.

    ``rdf:langString`` gives ``@zh``; ``xsd:string`` a plain literal; ``acsn:PartialDate``
    picks ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` from the lexical form.
    """
    vocab = vocab or vocabulary()
    value = _plain(value)
    try:
        return _typed_literal(prop, value, vocab)
    except (ValueError, TypeError, ArithmeticError):
        # a value that does not fit its range (written by hand, or by a loader without the
        # shapes check): read back as it is, for `kg validate` to report, not a crash
        return Literal(str(value))


def _typed_literal(prop: PropertyDef, value: object, vocab: Vocabulary) -> Literal:
    rng = prop.range[0] if prop.range else str(XSD.string)
    if rng == _LANG_STRING:
        return Literal(str(value), lang=_LANG)
    if rng in vocab.datatypes:
        text = str(value)
        members = vocab.datatypes[rng]
        for pattern, dt in _DATE_FORMS:
            if str(dt) in members and pattern.fullmatch(text):
                return Literal(text, datatype=dt)
        return Literal(text)
    if rng == str(XSD.string):
        return Literal(str(value))
    if rng in INTEGER_TYPES:
        return Literal(int(value), datatype=URIRef(rng))  # type: ignore[call-overload]
    if rng == str(XSD.decimal):
        return Literal(decimal_lexical(value), datatype=XSD.decimal)  # type: ignore[arg-type]
    if rng == _BOOLEAN:
        return Literal(bool(value), datatype=XSD.boolean)
    if rng in FLOAT_TYPES:
        return Literal(float(value), datatype=URIRef(rng))  # type: ignore[arg-type]
    return Literal(str(value), datatype=URIRef(rng))


def _plain(value: object) -> object:
    """Driver temporal values (a ``neo4j.time.Date`` someone stored natively) as ISO strings."""
    iso = getattr(value, "iso_format", None)
    return iso() if callable(iso) else value
