"""Likely duplicates in a graph, ranked, with both sides' evidence and the reasons.

Nodes are compared only inside blocks (same class and same name once the article scope and
the automatic anchor are set aside; rounds by committee, scheme and ordinal), never all pairs.

Example
-------
>>> from rdflib import Graph
>>> candidates(Graph())
[]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV

from kg.terms import ACSN

__all__ = ["Candidate", "NodeInfo", "candidates", "node_info"]

_CLASSES = ("Person", "InspectionRound", "InspectionTeam", "PartyCommittee", "Organization")
_DERIVED = PROV.wasDerivedFrom


@dataclass
class NodeInfo:
    """What the graph says about one node, for judging it."""

    iri: str
    cls: str
    name: str
    articles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    """Posts (for a person), committee (for a round), region (for a body)."""


@dataclass
class Candidate:
    """A pair that may be one entity."""

    a: NodeInfo
    b: NodeInfo
    score: float
    reasons: list[str]


def _cls(g: Graph, node: URIRef) -> str | None:
    for t in g.objects(node, RDF.type):
        local = str(t).removeprefix(str(ACSN))
        if local in _CLASSES and str(t).startswith(str(ACSN)):
            return local
    return None


def node_info(g: Graph, node: URIRef) -> NodeInfo:
    """The name, articles, evidence sentences and context of ``node``."""
    cls = _cls(g, node) or ""
    info = NodeInfo(str(node), cls, str(g.value(node, RDFS.label) or ""))
    info.articles = sorted(str(g.value(a, ACSN.sourceId) or a) for a in g.objects(node, _DERIVED))
    info.evidence = sorted({str(g.value(e, ACSN.text)) for e in g.objects(node, ACSN.evidence)})
    if cls == "Person":
        for pos in g.objects(node, ACSN.holds):
            info.context.append(str(g.value(pos, RDFS.label) or pos))
    for p in (ACSN.conductedBy, ACSN.teamOf, ACSN.locatedIn, ACSN.jurisdiction, ACSN.subOrganizationOf):
        for o in g.objects(node, p):
            info.context.append(str(g.value(o, RDFS.label) or o))
    info.context.sort()
    return info


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _block(g: Graph, node: URIRef, cls: str) -> tuple[str, ...]:
    if cls == "InspectionRound":
        ordinal = g.value(node, ACSN.ordinal)
        scheme = g.value(node, ACSN.scheme)
        committee = g.value(node, ACSN.conductedBy)
        com = re.sub(r"@.*", "", _local(str(committee))) if committee else ""
        return (cls, com, str(scheme), str(ordinal))
    name = str(g.value(node, RDFS.label) or "")
    return (cls, name)


def _region_of(info: NodeInfo) -> str:
    m = re.search(r"@(\d{6}|中央)", info.iri)
    return m.group(1) if m else ""


def _pair(a: NodeInfo, b: NodeInfo) -> tuple[float, list[str]] | None:
    reasons: list[str] = []
    score = 0.5
    if a.cls == "InspectionRound":
        reasons.append("same committee, scheme and ordinal")
        score += 0.2
    else:
        reasons.append("same name")
    ra, rb = _region_of(a), _region_of(b)
    if ra and rb and ra != rb:
        reasons.append(f"placed apart ({ra} / {rb})")
        score -= 0.3
    elif not ra or not rb:
        reasons.append("one side's article says too little to place it")
        score += 0.2
    shared = sorted(set(a.context) & set(b.context))
    if shared:
        reasons.append("shared context: " + "、".join(shared[:3]))
        score += 0.3
    if set(a.articles) & set(b.articles):
        reasons.append("both in one article")
        score -= 0.2
    return round(max(0.0, min(1.0, score)), 2), reasons


def candidates(g: Graph, limit: int | None = None) -> list[Candidate]:
    """Candidate duplicate pairs, best first (ties by IRI, so the order is stable)."""
    blocks: dict[tuple[str, ...], list[URIRef]] = defaultdict(list)
    for node in set(g.subjects(RDF.type, None)):
        if not isinstance(node, URIRef):
            continue
        cls = _cls(g, node)
        if cls is None:
            continue
        blocks[_block(g, node, cls)].append(node)
    out: list[Candidate] = []
    for members in blocks.values():
        if len(members) < 2 or len(members) > 50:  # a block that big is a name too common to list
            continue
        infos = sorted((node_info(g, n) for n in members), key=lambda i: i.iri)
        for a, b in combinations(infos, 2):
            judged = _pair(a, b)
            if judged is not None:
                out.append(Candidate(a, b, judged[0], judged[1]))
    out.sort(key=lambda c: (-c.score, c.a.iri, c.b.iri))
    return out[:limit] if limit else out
