"""One article's triples split for the merge: its own lines, and the lines shared between articles.

Example
-------
>>> art = "<https://w3id.org/acsn/id/Article/a>"
>>> rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
>>> parts = split_article(art, f"{art} {rdf_type} <https://w3id.org/acsn#Article> .\\n")
>>> parts.classes, parts.shared
({'Article': 1}, [])
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import NamedTuple

from kg.build.ntriples import (
    LOCAL_TYPES,
    OBJECT,
    STATEMENT,
    STATEMENT_PARTS,
    SUBJECT,
    TYPE,
    nt_lines,
    split_triple,
)
from kg.ontology import ACSN_IRI, vocabulary

__all__ = ["ArticleParts", "object_properties", "split_article"]


class ArticleParts(NamedTuple):
    """One article's triples split for the merge (what a worker sends back with them)."""

    local: str
    """The lines that touch the article's own nodes, as N-Triples text."""
    shared: list[tuple[str, str]]
    """``(subject, rest of line)`` of the lines shared between articles."""
    statements: list[tuple[str, str]]
    """``(the relationship's subject, line)`` of the reified statements of shared relationships."""
    classes: dict[str, int]
    """The article's own nodes by class."""
    rels: dict[str, int]
    """The relationships that touch the article's own nodes, by type."""


@functools.cache
def object_properties() -> dict[str, str]:
    """N-Triples form of every object property -> its relationship type."""
    return {f"<{iri}>": p.pg_name for iri, p in vocabulary().properties.items() if p.kind == "object"}


def _statement_keys(triples: list[tuple[str, str, str]], own: set[str]) -> dict[str, str | None]:
    """Each reified statement -> the subject it is filed under (``None``: with the article's own
    lines, when the relationship touches an own node); adds the own nodes to ``own``."""
    statements: dict[str, dict[str, str]] = {}
    for s, p, o in triples:
        if p == TYPE:
            if o in LOCAL_TYPES:
                own.add(s)
            elif o == STATEMENT:
                statements.setdefault(s, {})
        elif p in STATEMENT_PARTS:
            statements.setdefault(s, {})[p] = o
    key_of: dict[str, str | None] = {}
    for stmt, spo in statements.items():
        subj, obj = spo.get(SUBJECT), spo.get(OBJECT)
        key_of[stmt] = None if subj is None or subj in own or obj in own else subj
    return key_of


def split_article(art: str, nt: str) -> ArticleParts:
    """Split one article's N-Triples (``art``: the article's IRI in N-Triples form) for the merge.

    Lines that touch the article's own nodes (the article and its evidence sentences) are
    its own; the others are shared between articles and merged by subject. A relationship's
    reified statement (which carries its evidence) goes with the relationship: with the
    article's own lines when the relationship touches an own node, else filed under the
    relationship's subject, so that the relationship is loaded once with the evidence of
    every article that states it.
    """
    rel_names = object_properties()
    lines = nt_lines(nt)
    triples = [split_triple(line) for line in lines]
    own = {art}
    key_of = _statement_keys(triples, own)
    local: list[str] = []
    shared: list[tuple[str, str]] = []
    stmts: list[tuple[str, str]] = []
    classes: Counter[str] = Counter()
    rels: Counter[str] = Counter()
    cut = len(ACSN_IRI) + 1
    for line, (s, p, o) in zip(lines, triples, strict=True):
        if s in key_of:
            key = key_of[s]
            if key is None:
                local.append(line)
            else:
                stmts.append((key, line))
        elif s in own or o in own:
            local.append(line)
            if p == TYPE:
                classes[o[cut:-1]] += 1
            elif p in rel_names and o.startswith("<"):
                rels[rel_names[p]] += 1
        else:
            shared.append((s, line[len(s) + 1 :]))
    text = "\n".join(local) + "\n" if local else ""
    return ArticleParts(text, shared, stmts, dict(classes), dict(rels))
