"""Two articles that disagree: a node typed with two equally specific classes, and conflicting values."""

from __future__ import annotations

from rdflib import XSD, Graph, Literal
from store_graphs import Builder, iri

TEAM = iri("InspectionTeam", "省委第一巡视组")
"""Typed InspectionTeam in one article and PartyCommittee in the other."""
INSPECTION = iri("Inspection", "x1")
"""``startDate`` 2019-06 in one article, 2019-07 in the other; ``inspectionType`` agrees."""
ROUND = iri("InspectionRound", "r1")
"""``term`` 9 in one article, 10 in the other."""


def _article(key: str, cls: str, start: str, term: int) -> Graph:
    b = Builder(key)
    ev = b.evidence(f"{key}: 省委第一巡视组于{start}进驻。")
    team = b.node(cls, "省委第一巡视组", "省委第一巡视组", evidence=ev)
    g = b.graph
    for _, p, o in list(g.triples((team, None, None))):  # one IRI, whatever the class of the article
        g.remove((team, p, o))
        g.add((TEAM, p, o))
    insp = b.node(
        "Inspection",
        "x1",
        evidence=ev,
        startDate=Literal(start, datatype=XSD.gYearMonth),
        inspectionType=Literal("常规"),
    )
    rnd = b.node("InspectionRound", "r1", "第一轮巡视", evidence=ev, term=Literal(term))
    b.rel(insp, "byTeam", TEAM, ev)
    b.rel(insp, "target", TEAM)
    b.rel(insp, "inRound", rnd, ev)
    return g


def disagreeing() -> Graph:
    """Both articles in one graph."""
    return _article("a1", "InspectionTeam", "2019-07", 10) + _article("a2", "PartyCommittee", "2019-06", 9)


def agreeing() -> Graph:
    """A later article alone, with one start date."""
    return _article("a3", "InspectionTeam", "2019-08", 10)
