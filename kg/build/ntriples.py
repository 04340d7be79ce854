"""The N-Triples handling of the build: lines, the three terms of a line, the IRIs it looks for.

The build keeps every article's triples as the sorted N-Triples lines rdflib writes: one
triple per line, its terms separated by single spaces, ``\\n`` and ``\\r`` escaped in
literals. This module is all it needs to read them.

Example
-------
>>> split_triple('<urn:s> <urn:p> "a b" .')
('<urn:s>', '<urn:p>', '"a b"')
"""

from __future__ import annotations

from kg.ontology import ACSN_IRI

__all__ = [
    "ACSN_PREFIX",
    "LOCAL_TYPES",
    "MEASURE",
    "OBJECT",
    "STATEMENT",
    "STATEMENT_PARTS",
    "SUBJECT",
    "TYPE",
    "nt_lines",
    "split_triple",
]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
TYPE = f"<{_RDF}type>"
LOCAL_TYPES = (f"<{ACSN_IRI}Article>", f"<{ACSN_IRI}Evidence>")
"""The classes of an article's own nodes (their IRIs hold the article's id)."""
STATEMENT = f"<{_RDF}Statement>"
SUBJECT, OBJECT = f"<{_RDF}subject>", f"<{_RDF}object>"
STATEMENT_PARTS = (SUBJECT, f"<{_RDF}predicate>", OBJECT)
MEASURE = f"<{ACSN_IRI}measure>"
ACSN_PREFIX = f"<{ACSN_IRI}"


def nt_lines(nt: str) -> list[str]:
    """The lines of N-Triples text, split at ``\\n`` only.

    A literal may hold U+2028, U+2029, ``\\x0b``, ``\\x0c``, ``\\x1c``-``\\x1e`` or ``\\x85``,
    which :meth:`str.splitlines` would also split at; the serializer escapes only ``\\n`` and ``\\r``.

    Examples
    --------
    >>> nt_lines('<urn:s> <urn:p> "a\\u2028b" .\\n\\n')
    ['<urn:s> <urn:p> "a\\u2028b" .']
    """
    return [line for line in nt.split("\n") if line.strip()]


def split_triple(line: str) -> tuple[str, str, str]:
    """``<s> <p> o .`` -> ``(<s>, <p>, o)``; IRIs never hold a space in N-Triples."""
    s, p, rest = line.split(" ", 2)
    return s, p, rest[:-2] if rest.endswith(" .") else rest
