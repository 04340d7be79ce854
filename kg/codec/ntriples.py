"""N-Triples lines and terms, read as rdflib's N-Triples parser reads them, without building a graph.

For the N-Triples that rdflib writes (what ``kg build`` keeps and merges): one triple per
line, terms separated by white space, ``.`` at the end. A *token* is one term as written:
``<iri>``, ``_:id`` or a literal ``"lexical"``, ``"lexical"@lang``, ``"lexical"^^<datatype>``.

- :func:`lines` cuts N-Triples text into lines (at ``\\n`` only), :func:`split` a line into
  its three tokens (IRI tokens canonical: ``\\u`` escapes undone), ``None`` for a blank or
  comment line;
- :func:`iri` canonicalises one IRI token, :func:`literal` gives the rdflib literal of a
  literal token, :func:`term` the rdflib term of any token;
- :func:`text` is ``str()`` of that term (the IRI, the lexical form, the blank node id),
  :func:`n3` its N3 form, :func:`value` the property-graph value of a literal
  (:func:`kg.codec.values.python_value`), :func:`unescape` undoes N-Triples escapes.

Example
-------
>>> line = '<https://w3id.org/acsn/id/p> <http://www.w3.org/2000/01/rdf-schema#label> "\\\\u949F"@zh .'
>>> s, p, o = split(line)
>>> p, text(o), value(o)
('<http://www.w3.org/2000/01/rdf-schema#label>', '钟', '钟')
>>> value('"14"^^<http://www.w3.org/2001/XMLSchema#integer>')
14
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import BNode, Literal, URIRef
from rdflib.plugins.parsers.ntriples import r_literal, unquote
from rdflib.term import Node

from kg.codec.values import Scalar, python_value

__all__ = ["iri", "lines", "literal", "n3", "split", "term", "text", "unescape", "value"]


def lines(nt: str) -> list[str]:
    """The non-blank lines of N-Triples text, split at ``\\n`` only.

    A literal may hold U+2028, U+2029, ``\\x0b``, ``\\x0c``, ``\\x1c``-``\\x1e`` or ``\\x85``,
    which :meth:`str.splitlines` would also split at; N-Triples escapes only ``\\n`` and ``\\r``.
    """
    return [line for line in nt.split("\n") if line.strip()]


def unescape(text: str) -> str:
    """An N-Triples string or IRI with its escapes (``\\n``, ``\\"``, ``\\uXXXX``...) undone."""
    return unquote(text) if "\\" in text else text


def iri(token: str) -> str:
    """An IRI token's canonical form (``\\u`` escapes undone, as rdflib's parser does)."""
    return "<" + unquote(token[1:-1]) + ">" if "\\" in token else token


@lru_cache(maxsize=1 << 16)
def literal(token: str) -> Literal:
    """The rdflib literal of a literal token (parsed as rdflib's N-Triples parser does).

    Raises
    ------
    ValueError
        The token is not a literal.
    """
    match = r_literal.fullmatch(token)
    if match is None:
        raise ValueError(f"not an N-Triples literal: {token!r}")
    lex, lang, dtype = match.groups()
    datatype = URIRef(unquote(dtype)) if dtype else None
    return Literal(unquote(lex), lang or None, datatype)


@lru_cache(maxsize=1 << 16)
def _typed_value(token: str) -> Scalar:
    return python_value(literal(token))


def value(token: str) -> Scalar:
    """:func:`~kg.codec.values.python_value` of a literal token; plain and tagged strings without a parse."""
    last = token[-1]
    if last == ">":
        return _typed_value(token)
    # a plain or language-tagged string: the lexical form is the value
    lex = token[1:-1] if last == '"' else token[1 : token.rindex('"')]
    return unquote(lex) if "\\" in lex else lex


def term(token: str) -> Node:
    """The rdflib term of a token."""
    if token[0] == "<":
        return URIRef(iri(token)[1:-1])
    if token[0] == '"':
        return literal(token)
    return BNode(token[2:])


def text(token: str) -> str:
    """``str()`` of the rdflib term of a token: the IRI, the lexical form or the blank node id."""
    if token[0] == "<":
        return iri(token)[1:-1]
    if token[0] == '"':
        return str(literal(token))
    return token[2:]


def n3(token: str) -> str:
    """The N3 form of a token, as rdflib writes the term (``<iri>``, ``"text"@zh``, ``_:id``)."""
    if token[0] == '"':
        return literal(token).n3()
    return iri(token) if token[0] == "<" else token


def split(line: str) -> tuple[str, str, str] | None:
    """``<s> <p> o .`` -> the three tokens (IRIs canonical); ``None`` for a blank or comment line.

    Raises
    ------
    ValueError
        The line does not end with ``.``.
    """
    line = line.strip()
    if not line or line[0] == "#":
        return None
    s, p, rest = line.split(None, 2)
    rest = rest.rstrip()
    if not rest.endswith("."):
        raise ValueError(f"not an N-Triples line: {line!r}")
    o = rest[:-1].rstrip()
    if s[0] == "<":
        s = iri(s)
    if o[0] == "<":
        o = iri(o)
    return s, iri(p), o
