"""Graphs for the viewer tests, built after docs/graph-model.md, and the headless browser settings."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from kg.terms import ACSN

ID = Namespace("https://w3id.org/acsn/id/")
PROV = Namespace("http://www.w3.org/ns/prov#")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).parent / "_artifacts"


class Builder:
    """Writes nodes, evidence and reified relationships the way `kg extract` does."""

    def __init__(self) -> None:
        self.g = Graph()
        self._evidence = 0

    def article(self, key: str, title: str, publisher: str, published: str) -> URIRef:
        art = ID[f"Article/{key}"]
        self.g.add((art, RDF.type, ACSN.Article))
        self.g.add((art, ACSN.sourceId, Literal(key)))
        self.g.add((art, ACSN.title, Literal(title)))
        self.g.add((art, ACSN.publisher, Literal(publisher)))
        self.g.add((art, ACSN.published, Literal(published, datatype=XSD.date)))
        return art

    def evidence(self, article: URIRef, text: str) -> URIRef:
        ev = ID[f"Evidence/{article.split('/')[-1]}-{self._evidence}"]
        self._evidence += 1
        self.g.add((ev, RDF.type, ACSN.Evidence))
        self.g.add((ev, ACSN.text, Literal(text)))
        self.g.add((ev, ACSN.charStart, Literal(0)))
        self.g.add((ev, ACSN.charEnd, Literal(len(text))))
        self.g.add((ev, ACSN.inArticle, article))
        return ev

    def node(
        self,
        cls: str,
        key: str,
        name: str | None = None,
        *,
        article: URIRef,
        evidence: URIRef | None = None,
        aliases: tuple[str, ...] = (),
        **props: Any,
    ) -> URIRef:
        node = ID[f"{cls}/{key}"]
        self.g.add((node, RDF.type, ACSN[cls]))
        if name is not None:
            self.g.add((node, RDFS.label, Literal(name, lang="zh")))
        for alias in aliases:
            self.g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        for prop, value in props.items():
            if isinstance(value, tuple):  # (lexical form, datatype)
                self.g.add((node, ACSN[prop], Literal(value[0], datatype=value[1])))
            else:
                self.g.add((node, ACSN[prop], Literal(value)))
        self.g.add((node, PROV.wasDerivedFrom, article))
        if evidence is not None:
            self.g.add((node, ACSN.evidence, evidence))
        return node

    def rel(self, s: URIRef, prop: str, o: URIRef, evidence: URIRef | None = None) -> None:
        p = ACSN[prop]
        self.g.add((s, p, o))
        if evidence is not None:
            stmt = ID[f"Statement/{hashlib.sha1(f'{s}{p}{o}'.encode()).hexdigest()[:16]}"]
            self.g.add((stmt, RDF.type, RDF.Statement))
            self.g.add((stmt, RDF.subject, s))
            self.g.add((stmt, RDF.predicate, p))
            self.g.add((stmt, RDF.object, o))
            self.g.add((stmt, ACSN.evidence, evidence))


def build_sample() -> Graph:
    """The seed article's graph (浙江日报 2020-01-10): rounds, teams, targets, an official, figures."""
    b = Builder()
    art = b.article("seed", "利剑高悬 震慑常在", "浙江日报", "2020-01-10")
    art2 = b.article("wz", "温州巡察工作推进会召开", "温州日报", "2019-07-02")
    e0 = b.evidence(
        art,
        "近日,在十四届省委第八轮巡视进驻省民族宗教事务委员会党组期间,"
        "省民族宗教事务委员会副厅长级干部钟昌明主动投案。",
    )
    e1 = b.evidence(art, "在巡视巡察的强大震慑下,2019年以来,全省已有390人到各级纪检监察机关主动投案。")
    e2 = b.evidence(art, "据了解,2019年省委已开展3轮巡视,巡视61个地区(单位)党组织,发现问题2101个;")
    e3 = b.evidence(
        art,
        "2019年6月,十四届省委第七轮巡视……对平阳县、苍南县、兰溪市、江山市、常山县、"
        "台州市黄岩区、龙泉市、庆元县等8个县(市、区)贯彻落实精准扶贫政策情况开展监督检查。",
    )
    e4 = b.evidence(
        art,
        "2019年12月,省委部署对全省人防系统开展巡视巡察上下联动监督,省委第十一巡视组进驻省人防办开展“机动式”巡视。",
    )
    e5 = b.evidence(
        art,
        "2019年初,十四届省委第六轮巡视启动,巡视组发现20个地区(单位)党组织存在政治偏差和管党治党宽松软问题540个。",
    )
    e6 = b.evidence(art2, "温州市委第三巡察组进驻平阳县开展脱贫攻坚专项巡察。")

    zj = b.node(
        "Region", "330000", "浙江省", article=art, evidence=e1, adminCode="330000", adminLevel="province"
    )
    wz = b.node(
        "Region", "330300", "温州市", article=art, evidence=e3, adminCode="330300", adminLevel="prefecture"
    )
    b.rel(wz, "partOf", zj)
    cw = b.node(
        "PartyCommittee",
        "中共浙江省委",
        "中共浙江省委",
        article=art,
        evidence=e2,
        aliases=("省委", "浙江省委"),
        level="provincial",
    )
    b.rel(cw, "jurisdiction", zj)
    wzw = b.node(
        "PartyCommittee",
        "中共温州市委",
        "中共温州市委",
        article=art2,
        evidence=e6,
        aliases=("温州市委",),
        level="municipal",
    )
    b.rel(wzw, "jurisdiction", wz)

    rounds = {}
    for n, ev, year in ((6, e5, 2019), (7, e3, 2019), (8, e0, 2019)):
        zh = "六七八"[n - 6]
        r = b.node(
            "InspectionRound",
            f"中共浙江省委-巡视-14-{n}",
            f"十四届浙江省委第{zh}轮巡视",
            article=art,
            evidence=ev,
            aliases=(f"十四届省委第{zh}轮巡视",),
            term=14,
            ordinal=n,
            scheme="巡视",
            year=year,
        )
        b.rel(r, "conductedBy", cw, ev)
        rounds[n] = r
    team = b.node(
        "InspectionTeam",
        "中共浙江省委-11",
        "省委第十一巡视组",
        article=art,
        evidence=e4,
        number=11,
        scheme="巡视",
    )
    b.rel(team, "teamOf", cw, e4)

    mz = b.node(
        "Organization",
        "省民族宗教事务委员会党组",
        "省民族宗教事务委员会党组",
        article=art,
        evidence=e0,
        category="党组织",
    )
    mz_body = b.node(
        "Organization",
        "省民族宗教事务委员会",
        "省民族宗教事务委员会",
        article=art,
        evidence=e0,
        aliases=("省民宗委",),
    )
    b.rel(mz, "subOrganizationOf", mz_body)
    b.rel(mz_body, "locatedIn", zj)
    i8 = b.node("Inspection", "r8-mz", article=art, evidence=e0, inspectionType="常规")
    b.rel(i8, "inRound", rounds[8], e0)
    b.rel(i8, "target", mz, e0)
    rf = b.node(
        "Organization", "省人防办", "省人防办", article=art, evidence=e4, aliases=("浙江省人民防空办公室",)
    )
    b.rel(rf, "locatedIn", zj)
    i_rf = b.node(
        "Inspection",
        "t11-rf",
        article=art,
        evidence=e4,
        inspectionType="机动",
        startDate=("2019-12", XSD.gYearMonth),
    )
    b.rel(i_rf, "byTeam", team, e4)
    b.rel(i_rf, "target", rf, e4)

    person = b.node("Person", "钟昌明", "钟昌明", article=art, evidence=e0)
    post = b.node(
        "Position", "钟昌明-副厅长级干部", article=art, evidence=e0, title="副厅长级干部", rank="副厅长级"
    )
    b.rel(person, "holds", post, e0)
    b.rel(post, "inOrganization", mz_body, e0)
    sur = b.node("Surrender", "钟昌明-投案", article=art, evidence=e0, date=("2019", XSD.gYear))
    b.rel(sur, "involves", person, e0)
    b.rel(sur, "during", i8, e0)

    for county in ("平阳县", "苍南县"):
        reg = b.node("Region", county, county, article=art, evidence=e3, adminLevel="county")
        b.rel(reg, "partOf", wz)
        ins = b.node(
            "Inspection", f"r7-{county}", article=art, evidence=e3, inspectionType="专项", topic="脱贫攻坚"
        )
        b.rel(ins, "inRound", rounds[7], e3)
        b.rel(ins, "target", reg, e3)
    wteam = b.node(
        "InspectionTeam",
        "中共温州市委-3",
        "温州市委第三巡察组",
        article=art2,
        evidence=e6,
        number=3,
        scheme="巡察",
    )
    b.rel(wteam, "teamOf", wzw, e6)
    wi = b.node(
        "Inspection", "wz3-平阳县", article=art2, evidence=e6, inspectionType="专项", topic="脱贫攻坚"
    )
    b.rel(wi, "byTeam", wteam, e6)
    b.rel(wi, "target", ID["Region/平阳县"], e6)

    for key, measure, value, unit, scope, ev in (
        ("s390", "personsSurrendered", "390", "人", cw, e1),
        ("s2101", "problemsFound", "2101", "个", cw, e2),
        ("s61", "unitsInspected", "61", "个", cw, e2),
        ("s540", "problemsFound", "540", "个", rounds[6], e5),
    ):
        st = b.node(
            "Statistic",
            key,
            article=art,
            evidence=ev,
            measure=measure,
            value=(value, XSD.decimal),
            unit=unit,
            period="2019",
        )
        b.rel(st, "scope", scope, ev)
    return b.g


HOSTILE = [
    "<script>window.__pwned=1;alert('x')</script>",
    '<img src=x onerror="window.__pwned=2;alert(2)">',
    "javascript:window.__pwned=3",
    '" onmouseover="window.__pwned=4" x="',
    "</script><script>window.__pwned=5</script>",
    '<a href="javascript:window.__pwned=6">href</a>',
    "\u2028\u2029<!--<script>",
    "<svg onload=window.__pwned=7>",
    '<iframe src="data:text/html,<script>parent.__pwned=8</script>">',
]


def build_hostile() -> Graph:
    """An article whose every field carries markup and script."""
    b = Builder()
    payload = " ".join(HOSTILE)
    art = b.article("evil", f"标题 {payload}", f"报社 {HOSTILE[1]}", "2020-01-10")
    ev = b.evidence(art, f"证据 {payload} 钟昌明主动投案。")
    nodes = []
    for i, text in enumerate(HOSTILE):
        nodes.append(
            b.node("Person", f"p{i}", f"人{i}{text}", article=art, evidence=ev, aliases=(text, f"别名{text}"))
        )
    org = b.node("Organization", "evil-org", f"单位 {payload}", article=art, evidence=ev, category=payload)
    for p in nodes:
        post = b.node(
            "Position",
            f"post-{p.split('/')[-1]}",
            article=art,
            evidence=ev,
            title=HOSTILE[0],
            rank=HOSTILE[1],
        )
        b.rel(p, "holds", post, ev)
        b.rel(post, "inOrganization", org, ev)
    return b.g


def build_big(n_nodes: int = 5000, n_edges: int = 10000, seed: int = 7) -> Graph:
    """A synthetic graph of the model's shape with about ``n_nodes`` nodes and ``n_edges`` edges."""
    rnd = random.Random(seed)
    g = Graph()
    art = ID["Article/big"]
    g.add((art, RDF.type, ACSN.Article))
    g.add((art, ACSN.title, Literal("合成测试报道")))
    g.add((art, ACSN.publisher, Literal("测试报")))
    g.add((art, ACSN.published, Literal("2021-03-04", datatype=XSD.date)))
    classes = ["Person", "Organization", "Inspection", "Region", "InspectionRound", "Statistic", "Surrender"]
    weights = [30, 25, 20, 8, 4, 8, 5]
    props = {
        ("Inspection", "InspectionRound"): "inRound",
        ("Inspection", "Organization"): "target",
        ("Inspection", "Region"): "target",
        ("Organization", "Region"): "locatedIn",
        ("Region", "Region"): "partOf",
        ("Surrender", "Person"): "involves",
        ("Statistic", "Region"): "scope",
        ("Person", "Organization"): "holds",
    }
    nodes: list[tuple[URIRef, str]] = []
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    for i in range(n_nodes - 1):
        cls = rnd.choices(classes, weights)[0]
        node = ID[f"{cls}/n{i}"]
        g.add((node, RDF.type, ACSN[cls]))
        name = f"{rnd.choice(surnames)}{i}号" if cls == "Person" else f"{cls}{i}"
        g.add((node, RDFS.label, Literal(name, lang="zh")))
        g.add((node, PROV.wasDerivedFrom, art))
        if cls == "InspectionRound":
            g.add((node, ACSN.year, Literal(rnd.choice([2018, 2019, 2020]))))
        nodes.append((node, cls))
    edges: set[tuple[URIRef, URIRef]] = set()
    # A spanning tree first keeps most of the graph in one component, as real graphs are.
    for i in range(1, len(nodes)):
        if len(edges) >= n_edges:
            break
        j = rnd.randrange(max(0, i - 400), i)
        edges.add((nodes[i][0], nodes[j][0]))
    while len(edges) < n_edges:
        a, b = rnd.sample(nodes, 2)
        if a[0] != b[0] and (b[0], a[0]) not in edges:
            edges.add((a[0], b[0]))
    cls_of = dict(nodes)
    for s, o in edges:
        g.add((s, ACSN[props.get((cls_of[s], cls_of[o]), "involves")], o))
    return g


class Loaded:
    """A page opened from a file, with every request and dialog it made."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
