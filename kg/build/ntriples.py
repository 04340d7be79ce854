"""The N-Triples the build reads: the IRIs it looks for, over :mod:`kg.codec.ntriples`.

The build keeps every article's triples as the sorted N-Triples lines rdflib writes; the
codec's reader cuts them into lines (:func:`nt_lines`) and a line into its terms.

Example
-------
>>> split_triple('<urn:s> <urn:p> "a b" .')
('<urn:s>', '<urn:p>', '"a b"')
"""

from __future__ import annotations

from kg.codec.ntriples import lines as nt_lines
from kg.codec.ntriples import split
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


def split_triple(line: str) -> tuple[str, str, str]:
    """``<s> <p> o .`` -> ``(<s>, <p>, o)`` (:func:`kg.codec.ntriples.split`; no blank lines here)."""
    triple = split(line)
    if triple is None:
        raise ValueError(f"not an N-Triples line: {line!r}")
    return triple
