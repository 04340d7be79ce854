"""Automatic identity, decided from one article's own context so that IRIs never depend on other articles.

Persons are keyed by name *and* the province (or central level, or body) their posts in the
article place them in: two officials called 王勇 in two provinces get two IRIs, the same official
in many articles of one province gets one. A person the article gives no post for keeps the bare
name as key; such nodes are what ``kg resolve candidates`` lists beside their namesakes.

Central rounds are resolved through the reference table ``kg/data/central_rounds.tsv``: a
year-numbered round (2014年中央第一轮巡视) and a term-less one read in a dated article (中央第三轮巡视
in an article of 2014) get the IRI of the term-numbered round (十八届中央第三轮巡视).

Example
-------
>>> from kg.model import Article
>>> from kg.extract import extract
>>> x = resolve_extraction(extract(Article(id="a", text="2014年中央第一轮巡视启动。", date="2014-03-20")))
>>> sorted(k for c, k in x.entities if c == "InspectionRound")
['中共中央-巡视-18-3']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from kg.extract.doc import Ref
from kg.extract.numbers import ordinal_text
from kg.model import Entity, Extraction, Relation

__all__ = ["CentralRound", "central_rounds", "person_anchor", "resolve_extraction"]

_YEAR_KEY = re.compile(r"中共中央-巡视-(\d{4})年-(\d+)")
_BARE_KEY = re.compile(r"中共中央-巡视-第(\d+)轮(?:@.*)?")
# the first day of each central committee's term (the congress that elected it)
_TERM_START = ((18, "2012-11-15"), (19, "2017-10-25"), (20, "2022-10-23"))


@dataclass(frozen=True, slots=True)
class CentralRound:
    """One row of the reference table of central rounds."""

    term: int
    ordinal: int
    year: int
    batch: int
    entered: str
    feedback: str
    source: str


@cache
def central_rounds() -> tuple[CentralRound, ...]:
    """The central rounds of terms 18-20 (``kg/data/central_rounds.tsv``, with the source of each row)."""
    text = resources.files("kg").joinpath("data/central_rounds.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, ordinal, year, batch, entered, feedback, source = line.split("\t")
        out.append(CentralRound(int(term), int(ordinal), int(year), int(batch), entered, feedback, source))
    return tuple(out)


def _term_at(date: str) -> int | None:
    term = None
    for t, start in _TERM_START:
        if date >= start:
            term = t
    return term


def _central_round(key: str, date: str | None) -> CentralRound | None:
    table = central_rounds()
    if m := _YEAR_KEY.fullmatch(key):
        year, batch = int(m.group(1)), int(m.group(2))
        return next((r for r in table if r.year == year and r.batch == batch), None)
    if (m := _BARE_KEY.fullmatch(key)) and date:
        term, ordinal = _term_at(date), int(m.group(1))
        row = next((r for r in table if r.term == term and r.ordinal == ordinal), None)
        # the round must have begun by the time the article was written
        return row if row is not None and str(row.year) <= date[:4] else None
    return None


def _round_entity(entity: Entity, row: CentralRound) -> Entity:
    name = f"{ordinal_text(row.term)}届中央第{ordinal_text(row.ordinal)}轮巡视"
    props = dict(entity.props)
    props.update(term=row.term, ordinal=row.ordinal, year=row.year)
    return Entity(
        entity.cls,
        f"中共中央-巡视-{row.term}-{row.ordinal}",
        name,
        (entity.aliases | {entity.name}) - {name},
        tuple(sorted(props.items())),
        entity.spans,
    )


# short forms that name a different body in every province (省民政厅): they place no one
_GENERIC = ("省", "市", "县", "区", "自治区", "州", "乡", "镇")


def _province(code: str) -> str:
    return code[:2] + "0000"


def person_anchor(x: Extraction, person: Ref) -> str | None:
    """Where the article places a person: a province code, ``中央``, or a body's key; None without posts.

    The anchor is the first, in sorted order, of the places of the bodies the person holds a
    post in (a body's region is where it is located, or a committee's jurisdiction).
    """
    rels = x.relations
    positions = [r.object for r in rels if r.subject == person and r.predicate == "holds"]
    orgs = [r.object for r in rels if r.subject in positions and r.predicate == "inOrganization"]
    places: set[str] = set()
    for org in orgs:
        regions = [
            r.object[1]
            for r in rels
            if r.subject == org and r.predicate in ("locatedIn", "jurisdiction") and r.object[0] == "Region"
        ]
        entity = x.entities.get(org)
        level = dict(entity.props).get("level") if entity else None
        if regions:
            places.update(_province(code) for code in regions if code[:2].isdigit())
        elif level == "central" or org[1].startswith(("中共中央", "中央", "国家", "国务院")):
            places.add("中央")
        elif "@" not in org[1] and not org[1].startswith(_GENERIC):
            places.add(org[1])  # a named body of no known region (a company, a university)
    return min(places) if places else None


def _rekey(x: Extraction, mapping: dict[Ref, Entity]) -> Extraction:
    out = Extraction(article=x.article)
    for ref, entity in x.entities.items():
        new = mapping.get(ref, entity)
        out.add(new)
    for rel in x.relations:
        s = mapping[rel.subject].ref if rel.subject in mapping else rel.subject
        o = mapping[rel.object].ref if rel.object in mapping else rel.object
        if s == o:
            continue
        key = (s, rel.predicate, o)
        old = out._relations.get(key)
        spans = tuple(dict.fromkeys((*(old.spans if old else ()), *rel.spans)))
        out._relations[key] = Relation(s, rel.predicate, o, spans)
    return out


def resolve_extraction(x: Extraction) -> Extraction:
    """The extraction with person and central-round keys resolved (see the module docstring)."""
    mapping: dict[Ref, Entity] = {}
    for ref, entity in x.entities.items():
        if entity.cls == "Person" and "@" not in entity.key:
            anchor = person_anchor(x, ref)
            if anchor:
                mapping[ref] = replace(entity, key=f"{entity.key}@{anchor}")
        elif entity.cls == "InspectionRound":
            row = _central_round(entity.key, x.article.date)
            if row is not None:
                mapping[ref] = _round_entity(entity, row)
    return _rekey(x, mapping) if mapping else x
