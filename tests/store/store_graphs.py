"""Small RDF graphs written for the store tests, in the shape ``kg extract`` writes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg.cli import run
from kg.graph import decimal_literal
from kg.store import server
from kg.store.connect import Store
from kg.store.mapping import statement_iri
from kg.terms import ACSN

BASE = "https://w3id.org/acsn/id/"
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")


def iri(cls: str, key: str) -> URIRef:
    """The instance IRI of a class and key."""
    return URIRef(f"{BASE}{cls}/{key}")


class Builder:
    """Adds articles, evidence, entities and relationships to one graph."""

    def __init__(self, article: str) -> None:
        self.graph = Graph()
        self.article = iri("Article", article)
        self.graph.add((self.article, RDF.type, ACSN.Article))
        self.graph.add((self.article, ACSN.sourceId, Literal(article)))
        self.sentences = 0

    def evidence(self, text: str) -> URIRef:
        """A sentence of the article."""
        ev = iri("Evidence", f"{self.article.split('/')[-1]}-{self.sentences}")
        start = self.sentences * 100
        self.sentences += 1
        g = self.graph
        g.add((ev, RDF.type, ACSN.Evidence))
        g.add((ev, ACSN.text, Literal(text)))
        g.add((ev, ACSN.charStart, Literal(start)))
        g.add((ev, ACSN.charEnd, Literal(start + len(text))))
        g.add((ev, ACSN.inArticle, self.article))
        return ev

    def node(
        self,
        cls: str,
        key: str,
        name: str | None = None,
        *,
        aliases: tuple[str, ...] = (),
        evidence: URIRef | None = None,
        **props: Literal,
    ) -> URIRef:
        """An extracted entity, derived from the article."""
        node = iri(cls, key)
        g = self.graph
        g.add((node, RDF.type, ACSN[cls]))
        if name:
            g.add((node, RDFS.label, Literal(name, lang="zh")))
        for alias in aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        for prop, value in props.items():
            g.add((node, ACSN[prop], value))
        g.add((node, PROV_DERIVED, self.article))
        if evidence is not None:
            g.add((node, ACSN.evidence, evidence))
        return node

    def rel(self, s: URIRef, prop: str, o: URIRef, *evidence: URIRef) -> None:
        """A relationship, reified with its evidence."""
        p = ACSN[prop]
        g = self.graph
        g.add((s, p, o))
        if evidence:
            stmt = URIRef(statement_iri(str(s), str(p), str(o), BASE))
            g.add((stmt, RDF.type, RDF.Statement))
            g.add((stmt, RDF.subject, s))
            g.add((stmt, RDF.predicate, p))
            g.add((stmt, RDF.object, o))
            for ev in evidence:
                g.add((stmt, ACSN.evidence, ev))


def first_article() -> Graph:
    """An article about a round, a team, an inspection, a surrender and a figure."""
    b = Builder("a1")
    e0 = b.evidence("近日，十四届省委第八轮巡视进驻期间，省人防办原副主任钟昌明主动投案。")
    e1 = b.evidence("本轮巡视整改率达83.98%。")
    pc = b.node(
        "PartyCommittee",
        "中共浙江省委",
        "中共浙江省委",
        aliases=("浙江省委",),
        evidence=e0,
        level=Literal("provincial"),
    )
    zj = b.node("Region", "330000", "浙江省", adminCode=Literal("330000"), adminLevel=Literal("province"))
    rnd = b.node(
        "InspectionRound",
        "中共浙江省委-巡视-14-8",
        "十四届浙江省委第八轮巡视",
        evidence=e0,
        term=Literal(14),
        ordinal=Literal(8),
        scheme=Literal("巡视"),
        year=Literal(2019),
    )
    team = b.node("InspectionTeam", "中共浙江省委-1", "省委第一巡视组", number=Literal(1))
    org = b.node(
        "Organization",
        "省人防办",
        "浙江省人民防空办公室",
        aliases=("省人防办",),
        evidence=e0,
        category=Literal("state"),
    )
    insp = b.node(
        "Inspection",
        "x1",
        startDate=Literal("2019-06", datatype=XSD.gYearMonth),
        feedbackDate=Literal("2019", datatype=XSD.gYear),
        inspectionType=Literal("常规"),
    )
    person = b.node("Person", "钟昌明", "钟昌明", evidence=e0)
    post = b.node(
        "Position", "钟昌明-副主任", title=Literal("副主任"), rank=Literal("副厅长级"), former=Literal(True)
    )
    event = b.node("Surrender", "钟昌明-1", date=Literal("2020-01-10", datatype=XSD.date), evidence=e0)
    stat = b.node(
        "Statistic",
        "a1-rate",
        "整改率",
        evidence=e1,
        measure=Literal("rectificationRate"),
        value=decimal_literal(Decimal("83.98")),
        unit=Literal("%"),
        approximate=Literal(False),
    )
    b.graph.add((b.article, ACSN.published, Literal("2020-01-10", datatype=XSD.date)))
    b.graph.add((b.article, ACSN.title, Literal("浙江巡视")))
    b.rel(rnd, "conductedBy", pc, e0)
    b.rel(team, "teamOf", pc)
    b.rel(pc, "jurisdiction", zj)
    b.rel(insp, "inRound", rnd, e0)
    b.rel(insp, "byTeam", team)
    b.rel(insp, "target", org, e0)
    b.rel(org, "locatedIn", zj)
    b.rel(person, "holds", post, e0)
    b.rel(post, "inOrganization", org, e0)
    b.rel(event, "involves", person, e0)
    b.rel(event, "during", rnd, e0)
    b.rel(stat, "scope", rnd, e1)
    return b.graph


def second_article() -> Graph:
    """A later article: the same committee and round under another alias, and a new person."""
    b = Builder("a2")
    e0 = b.evidence("省委第八轮巡视反馈，王某某被立案审查调查。")
    pc = b.node(
        "PartyCommittee",
        "中共浙江省委",
        "中共浙江省委",
        aliases=("省委",),
        evidence=e0,
        level=Literal("provincial"),
    )
    rnd = b.node(
        "InspectionRound",
        "中共浙江省委-巡视-14-8",
        "十四届浙江省委第八轮巡视",
        evidence=e0,
        term=Literal(14),
        ordinal=Literal(8),
        scheme=Literal("巡视"),
        year=Literal(2019),
    )
    person = b.node("Person", "王某某", "王某某", evidence=e0)
    event = b.node("Investigation", "王某某-1", date=Literal("2020-03", datatype=XSD.gYearMonth), evidence=e0)
    b.rel(rnd, "conductedBy", pc, e0)
    b.rel(event, "involves", person, e0)
    b.rel(event, "during", rnd, e0)
    return b.graph


def synthetic(n_people: int, prefix: str = "p") -> Graph:
    """``n_people`` persons, each holding a post in one of a few organizations, from one article."""
    b = Builder(f"{prefix}-article")
    orgs = [b.node("Organization", f"{prefix}-org{i}", f"单位{i}") for i in range(10)]
    for i in range(n_people):
        person = b.node("Person", f"{prefix}{i}", f"人{i}", aliases=(f"别名{i}",))
        post = b.node("Position", f"{prefix}{i}-post", title=Literal("主任"))
        b.rel(person, "holds", post)
        b.rel(post, "inOrganization", orgs[i % 10])
    return b.graph


def run_kg(monkeypatch: pytest.MonkeyPatch, store: Store, *args: str) -> int:
    """Run ``kg *args`` in this process against the test server of ``store``; its exit code."""
    settings = store.settings
    assert settings.local is not None
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", server.read_password(settings.local.home))
    monkeypatch.setenv("NEO4J_DATABASE", str(settings.database))
    return run(list(args))
