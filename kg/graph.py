"""From extractions to RDF under the ontology: IRIs, typed literals, provenance and evidence.

Instance IRIs are ``{base}<Class>/<key>``: the key comes from the entity's
canonical identity, so the same entity gets the same IRI in every run and in
every article. Every node has ``prov:wasDerivedFrom`` its article and
``acsn:evidence`` the sentences that state it; a relationship's evidence hangs
on its reified statement (see ``docs/graph-model.md``).

Example
-------
>>> from kg.model import Article
>>> from kg.extract import extract
>>> g = to_graph(extract(Article(id="t", text="省委第十一巡视组进驻省人防办。", publisher="浙江日报")))
>>> from kg.terms import ACSN
>>> from rdflib import RDF
>>> len(list(g.subjects(RDF.type, ACSN.InspectionTeam)))
1
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from kg.model import Article, Entity, Extraction
from kg.ontology import ACSN_IRI, vocabulary
from kg.terms import ACSN

__all__ = [
    "DEFAULT_BASE",
    "PROV",
    "Triple",
    "article_iri",
    "decimal_literal",
    "iri",
    "partial_date",
    "statement_iri",
    "to_graph",
    "triples",
]

DEFAULT_BASE = "https://w3id.org/acsn/id/"
PROV = Namespace("http://www.w3.org/ns/prov#")
_UNSAFE = re.compile(r"[\s/#?%\"<>\\^`{|}]")


def _segment(key: str) -> str:
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), key)


def iri(cls: str, key: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of an entity of class ``cls`` with canonical key ``key``."""
    return URIRef(f"{base}{cls}/{_segment(key)}")


def article_iri(article: Article, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of an article (from its id)."""
    return iri("Article", article.id, base)


def statement_iri(s: URIRef, p: URIRef, o: URIRef, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the reified statement that carries a relationship's evidence."""
    digest = hashlib.sha1(f"{s} {p} {o}".encode()).hexdigest()[:20]
    return URIRef(f"{base}Statement/{digest}")


def partial_date(value: str) -> Literal:
    """``2019-06-05`` as xsd:date, ``2019-06`` as xsd:gYearMonth, ``2019`` as xsd:gYear."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def _term(local: str) -> URIRef:
    """The IRI of an acsn term; a name the ontology does not define raises AttributeError."""
    term: URIRef = getattr(ACSN, local)
    return term


def decimal_literal(value: object) -> Literal:
    """An xsd:decimal in canonical form (``8.0``, ``83.98``), which every serialisation keeps as it is."""
    d = Decimal(str(value))
    lexical = f"{int(d)}.0" if d == d.to_integral_value() else format(d.normalize(), "f")
    return Literal(lexical, datatype=XSD.decimal)


def _literal(prop: str, value: object) -> Literal:
    rng = vocabulary().properties[ACSN_IRI + prop].range
    kind = rng[0] if rng else ""
    if kind.endswith("PartialDate"):
        return partial_date(str(value))
    if kind == str(XSD.integer):
        return Literal(int(value), datatype=XSD.integer)  # type: ignore[call-overload]
    if kind == str(XSD.decimal):
        return decimal_literal(value)
    if kind == str(XSD.boolean):
        return Literal(bool(value), datatype=XSD.boolean)
    if kind == str(XSD.date):
        return Literal(str(value), datatype=XSD.date)
    if kind == str(XSD.anyURI):
        return Literal(str(value), datatype=XSD.anyURI)
    return Literal(str(value))


Triple = tuple[URIRef, URIRef, URIRef | Literal]

_TYPE, _LABEL, _ALT = RDF.type, RDFS.label, SKOS.altLabel
_EVIDENCE, _IN_ARTICLE, _DERIVED = ACSN.evidence, ACSN.inArticle, PROV.wasDerivedFrom


def _article_triples(article: Article, node: URIRef) -> Iterator[Triple]:
    yield (node, _TYPE, ACSN.Article)
    yield (node, ACSN.sourceId, Literal(article.id))
    for prop, value in (
        ("title", article.title),
        ("subtitle", article.subtitle),
        ("publisher", article.publisher),
        ("published", article.date),
        ("section", article.section),
        ("page", article.page),
        ("url", article.url),
    ):
        if value:
            yield (node, _term(prop), _literal(prop, value))


def _evidence_triples(article: Article, art: URIRef, ev: URIRef, index: int) -> Iterator[Triple]:
    sentence = article.sentences[index]
    yield (ev, _TYPE, ACSN.Evidence)
    yield (ev, ACSN.text, Literal(sentence.text))
    yield (ev, ACSN.charStart, Literal(sentence.start, datatype=XSD.integer))
    yield (ev, ACSN.charEnd, Literal(sentence.end, datatype=XSD.integer))
    yield (ev, _IN_ARTICLE, art)


def _sentence_indexes(article: Article, spans: tuple[tuple[int, int], ...]) -> list[int]:
    starts = [s.start for s in article.sentences]
    out: list[int] = []
    for start, _end in spans:
        idx = max(0, bisect_right(starts, start) - 1)
        if idx not in out:
            out.append(idx)
    return out


def _entity_triples(entity: Entity, node: URIRef) -> Iterator[Triple]:
    yield (node, _TYPE, _term(entity.cls))
    yield (node, _LABEL, Literal(entity.name, lang="zh"))
    for alias in sorted(entity.aliases):
        if alias and alias != entity.name:
            yield (node, _ALT, Literal(alias, lang="zh"))
    for prop, value in entity.props:
        if value is not None and value != "":
            yield (node, _term(prop), _literal(prop, value))


def triples(extraction: Extraction, base: str = DEFAULT_BASE) -> Iterator[Triple]:
    """The RDF triples of one article's extraction, each once, with identities resolved.

    Persons and central rounds are keyed as :func:`kg.resolve.auto.resolve_extraction` decides.

    For callers that write N-Triples or rows directly; :func:`to_graph` puts them in a graph.
    """
    from kg.resolve.auto import resolve_extraction

    extraction = resolve_extraction(extraction)
    article = extraction.article
    art = article_iri(article, base)
    yield from _article_triples(article, art)
    evidence: dict[int, URIRef] = {}

    def sentence(idx: int) -> Iterator[Triple]:
        if idx not in evidence:
            evidence[idx] = iri("Evidence", f"{article.id}-{idx}", base)
            yield from _evidence_triples(article, art, evidence[idx], idx)

    nodes: dict[tuple[str, str], URIRef] = {}
    for ref, entity in extraction.entities.items():
        node = iri(entity.cls, entity.key, base)
        nodes[ref] = node
        yield from _entity_triples(entity, node)
        yield (node, _DERIVED, art)
        for idx in _sentence_indexes(article, entity.spans):
            yield from sentence(idx)
            yield (node, _EVIDENCE, evidence[idx])
    for rel in extraction.relations:
        s, o = nodes[rel.subject], nodes[rel.object]
        p = _term(rel.predicate)
        yield (s, p, o)
        indexes = _sentence_indexes(article, rel.spans)
        if indexes:
            st = statement_iri(s, p, o, base)
            yield (st, _TYPE, RDF.Statement)
            yield (st, RDF.subject, s)
            yield (st, RDF.predicate, p)
            yield (st, RDF.object, o)
            for idx in indexes:
                yield from sentence(idx)
                yield (st, _EVIDENCE, evidence[idx])


def to_graph(extraction: Extraction, base: str = DEFAULT_BASE, graph: Graph | None = None) -> Graph:
    """Add one article's extraction to ``graph`` (a new graph when None) and return it."""
    g = graph if graph is not None else Graph()
    g.addN((s, p, o, g) for s, p, o in triples(extraction, base))
    return g
