"""Rounds and teams of inspection, and the committees they belong to.

Rounds: 十四届省委第八轮巡视, 二十届中央第四轮巡视, 五届上饶市委第六轮巡察, 2014年首轮巡视,
第一轮第二批巡视, 上一轮巡视 (the round before the one last named). Teams: 省委第十一巡视组,
中央第七巡视组, 市委第三巡察组, 区委专项巡察一组. A mention without its committee belongs to
the one named last for its scheme, else to the article's (:func:`default_committee`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg import regions
from kg.extract.context import CENTRAL, Committee
from kg.extract.dates import find_dates
from kg.extract.doc import Doc
from kg.extract.numbers import chinese_int

__all__ = [
    "PREVIOUS_ROUND",
    "ROUND",
    "TEAM",
    "TERM_CUE",
    "THIS_ROUND",
    "default_committee",
    "find_rounds",
    "find_teams",
]

_N = r"[一二三四五六七八九十\d]{1,3}"
_LEVEL = r"(?:中央|党中央|省委|市委|州委|盟委|县委|区委|旗委|自治区党委)"
_COMM = rf"(?:[\u4e00-\u9fff]{{0,9}}?{_LEVEL})"
ROUND = re.compile(
    rf"(?:(?P<term>[一二三四五六七八九十]{{1,3}}|\d{{1,2}})届(?P<comm>{_COMM})?|(?P<comm0>{_LEVEL}))?"
    rf"(?:(?P<year>(?:19|20)\d{{2}})年度?|(?P<rel>今年|去年|本年度))?(?P<comm2>中央|省委|市委|州委|县委|区委)?"
    rf"(?:第(?P<ord>{_N})|(?P<first>首))(?:(?P<unit>轮)(?:第{_N}批)?|(?P<batch>批)次?)(?P<gap>[^,。;:、\n()]{{0,8}}?)"
    rf"(?P<scheme>巡视|巡察)"
)
THIS_ROUND = re.compile(r"(?:本|此|这|该)(?:一)?(?:轮|批次?)(?:巡视|巡察)?")
PREVIOUS_ROUND = re.compile(r"(?:上一|上|前一)轮(?P<scheme>巡视|巡察)")
#: Where an article gives a committee's term: 十届安徽省委, 二十届中央巡视组, 十八大后 (the centre's).
TERM_CUE = re.compile(
    rf"(?P<n>[一二三四五六七八九十]{{1,3}})(?:(?P<congress>大)(?=后|以来|召开以来)"
    rf"|届(?P<comm>{_COMM})(?!纪委|纪律|监委|委员|候补))"
)
TEAM = re.compile(
    rf"(?P<comm>{_LEVEL})?(?:第(?P<num>{_N})(?P<scheme>巡视|巡察)组"
    rf"|(?P<special>专项)?(?P<scheme2>巡视|巡察)(?P<num2>[一二三四五六七八九十]{{1,3}})组)"
)


def _committee(doc: Doc, word: str | None, scheme: str, defaults: dict[str, Committee]) -> Committee:
    if word:
        c = _committee_of_word(doc, word)
        if c is not None:
            defaults[scheme] = c
            return c
    if scheme in defaults:
        return defaults[scheme]
    if scheme == "巡视":
        # an article of an unknown province (我省, 省委) keeps its 省委 unresolved: never the centre's
        provincial = doc.ctx.province is None and re.search(r"我省|全省|省委", doc.text)
        if doc.ctx.central or doc.ctx.about_central or (doc.ctx.province is None and not provincial):
            return CENTRAL
        c = doc.ctx.committee("省委")
    else:
        c = doc.ctx.committee("市委")
    assert c is not None
    return c


def default_committee(doc: Doc, scheme: str) -> Committee:
    """The committee whose rounds and teams the article is about, for a scheme (巡视 or 巡察)."""
    return _committee(doc, None, scheme, {})


def _strip_comm(doc: Doc, m: re.Match[str], group: str) -> tuple[str | None, int]:
    """The committee word of a match and where the mention starts.

    A region name just before the level word belongs to it (浙江省委, 上饶市委);
    anything else before it is dropped.
    """
    word = m.group(group)
    if not word:
        return None, m.start()
    if m.start(group) == m.start() and not word.startswith(("中央", "党中央")):
        before = doc.text[max(0, m.start() - 12) : m.start()]
        found = regions.scan(before)
        if found and found[-1][1] == len(before):
            start = m.start() - len(before) + found[-1][0]
            return doc.text[start : m.end(group)], start
    level = re.search(r"(中央|党中央|省委|市委|州委|盟委|县委|区委|旗委|自治区党委)$", word)
    assert level is not None
    prefix = word[: level.start()]
    if prefix:
        found = regions.scan(prefix)
        if found and found[-1][1] == len(prefix):
            start = m.start(group) + found[-1][0]
            return word[found[-1][0] :], start
        return level.group(1), m.start(group) + level.start()
    return word, m.start(group)


@dataclass
class _RoundMention:
    """A round as one mention names it, before mentions of the same round are joined."""

    start: int
    end: int
    committee: Committee
    scheme: str
    term: int | None
    ordinal: int | None
    year: int | None
    batch: bool
    sentence: int


def _term_cues(doc: Doc) -> dict[str, set[int]]:
    """The terms the article gives each committee: 十届安徽省委…, 十八大后 (the centre's 18th term)."""
    cues: dict[str, set[int]] = {}
    for m in TERM_CUE.finditer(doc.text):
        n = chinese_int(m["n"])
        if n is None:
            continue
        if m["congress"]:
            cues.setdefault(CENTRAL.key, set()).add(n)
            continue
        level = re.search(rf"{_LEVEL}$", m["comm"])
        prefix = m["comm"][: level.start()] if level else ""
        found = regions.scan(prefix) if prefix else []
        if prefix and not (found and found[0][0] == 0 and found[-1][1] == len(prefix)):
            continue  # 十九届历次全会精神和省委: the term is not the committee's
        committee = _committee_of_word(doc, m["comm"])
        if committee is not None:
            cues.setdefault(committee.key, set()).add(n)
    return cues


def _committee_of_word(doc: Doc, word: str) -> Committee | None:
    c = doc.ctx.committee(word)
    if c is None:
        # a region-prefixed word the gazetteer does not know: keep the bare level word
        bare = re.search(r"(中央|省委|市委|州委|县委|区委|旗委|自治区党委)$", word)
        c = doc.ctx.committee(bare.group(1)) if bare else None
    return c


def _round_mentions(doc: Doc, defaults: dict[str, Committee]) -> list[_RoundMention]:
    text = doc.text
    ay = int(doc.article.date[:4]) if doc.article.date else None
    found: list[_RoundMention] = []
    for m in ROUND.finditer(text):
        if m["gap"] and m["batch"]:
            continue  # 第二批被巡视单位: a batch of units, not a round
        if (
            m["gap"]
            and re.search(r"[\d两]+(?:轮|个|项)|和|及|与", m["gap"])
            and not re.search(r"[\d]+个", m["gap"])
        ):
            continue
        scheme = m["scheme"]
        word, start = _strip_comm(doc, m, "comm") if m["comm"] else _strip_comm(doc, m, "comm0")
        if word is None and m["comm2"]:
            word = m["comm2"]
        if m["term"] and start > m.start("term"):
            start = m.start()
        committee = _committee(doc, word, scheme, defaults)
        year = int(m["year"]) if m["year"] else None
        if m["rel"] and ay:
            year = ay - (1 if m["rel"] == "去年" else 0)
        sentence = doc.article.sentence_at(m.start())
        if m["first"] and year is None and m["unit"]:
            for _s, _e, iso in find_dates(text[sentence.start : m.start()], doc.article.date):
                year = int(iso[:4])
        found.append(
            _RoundMention(
                start=start,
                end=m.end(),
                committee=committee,
                scheme=scheme,
                term=chinese_int(m["term"]) if m["term"] else None,
                ordinal=1 if m["first"] else chinese_int(m["ord"] or ""),
                year=year,
                batch=bool(m["batch"]),
                sentence=sentence.index,
            )
        )
    numbered = [r for r in found if not r.batch and r.ordinal]  # in text order
    k = 0
    last: _RoundMention | None = None
    previous: list[_RoundMention] = []
    for m in PREVIOUS_ROUND.finditer(text):
        # 上一轮巡视: the round before the one last named
        while k < len(numbered) and numbered[k].end <= m.start():
            last, k = numbered[k], k + 1
        if last is None or last.ordinal is None or last.ordinal < 2 or doc.claimed(m.start(), m.end()):
            continue
        previous.append(
            _RoundMention(
                start=m.start(),
                end=m.end(),
                committee=last.committee,
                scheme=m["scheme"],
                term=last.term,
                ordinal=last.ordinal - 1,
                year=last.year,
                batch=False,
                sentence=doc.article.sentence_at(m.start()).index,
            )
        )
    found.extend(previous)
    found.sort(key=lambda r: r.start)
    return found


def _join_mentions(doc: Doc, found: list[_RoundMention]) -> None:
    """Give term-less mentions the article's term, and let the mentions of one round agree.

    A term-less, year-less 第三轮巡视 takes the one term the article gives its committee
    (十八大后, 十届安徽省委), or the number's one full form elsewhere in the article; a
    year-numbered name set beside a term-numbered one (2022年省委第二轮巡视即十一届省委第十三轮巡视;
    2014年首轮巡视、十八大后第三轮巡视), or repeating the round the sentence before describes
    in that year, names that round.
    """
    cues = _term_cues(doc)
    for r in found:
        terms = cues.get(r.committee.key, set())
        if r.term is None and r.year is None and not r.batch and len(terms) == 1:
            r.term = next(iter(terms))
    # the full forms of each number: (committee, scheme, ordinal) -> (terms, years)
    named: dict[tuple[str, str, int | None], tuple[set[int], set[int]]] = {}
    for r in found:
        if not r.batch:
            terms, years = named.setdefault((r.committee.key, r.scheme, r.ordinal), (set(), set()))
            if r.term is not None:
                terms.add(r.term)
            if r.year is not None:
                years.add(r.year)
    for i, r in enumerate(found):
        if r.term is not None or r.batch:
            continue
        if r.year is not None:
            partner = _apposed(doc, found, i)
            if partner is not None:
                r.term, r.ordinal = partner.term, partner.ordinal
            continue
        terms, years = named.get((r.committee.key, r.scheme, r.ordinal), (set(), set()))
        if len(terms) == 1:
            r.term = next(iter(terms))
        elif not terms and len(years) == 1:
            r.year = next(iter(years))


def _apposed(doc: Doc, found: list[_RoundMention], i: int) -> _RoundMention | None:
    """The term-numbered mention that year-numbered mention ``i`` stands beside, if any."""
    r = found[i]
    for j in (i - 1, i + 1):
        if not 0 <= j < len(found):
            continue
        o = found[j]
        if o.term is None or o.committee.key != r.committee.key or o.scheme != r.scheme:
            continue
        a, b = (o, r) if o.start < r.start else (r, o)
        between = doc.text[a.end : b.start]
        if o.sentence == r.sentence and re.fullmatch(
            r"[、,]?(?:即|也就是|亦即|也即|暨)?[(]?(?:[一二三四五六七八九十]+大(?:后|以来))?", between
        ):
            return o
        if j == i - 1 and 0 <= r.sentence - o.sentence <= 1 and _year_before(doc, o.start) == r.year:
            return o  # 2019年初,十四届省委第六轮巡视…。2019年首轮巡视…
    return None


def _year_before(doc: Doc, at: int) -> int | None:
    """The last year the sentence gives before offset ``at``."""
    sentence = doc.article.sentence_at(at)
    found = find_dates(doc.text[sentence.start : at], doc.article.date)
    return int(found[-1][2][:4]) if found else None


def find_rounds(doc: Doc, defaults: dict[str, Committee]) -> None:
    found = _round_mentions(doc, defaults)
    _join_mentions(doc, found)
    for r in found:
        if doc.claimed(r.start, r.end):
            continue
        surface = doc.text[r.start : r.end]
        ref = doc.round(
            r.committee,
            r.scheme,
            term=r.term,
            ordinal=r.ordinal,
            year=r.year,
            batch=r.batch,
            span=(r.start, r.end),
            surface=surface,
        )
        if r.year is not None and "year" not in dict(doc.entity(ref).props):
            doc.out.set_prop(ref, "year", r.year)
        doc.mention(r.start, r.end, ref)
        doc.rounds.append(doc.last_mention())


def find_teams(doc: Doc, defaults: dict[str, Committee]) -> None:
    for m in TEAM.finditer(doc.text):
        scheme = m["scheme"] or m["scheme2"]
        number = chinese_int(m["num"] or m["num2"] or "")
        if number is None or doc.claimed(m.start(), m.end()):
            continue
        word, start = _strip_comm(doc, m, "comm")
        committee = _committee(doc, word, scheme, defaults)
        surface = doc.text[start : m.end()]
        ref = doc.team(committee, scheme, number, bool(m["special"]), (start, m.end()), surface)
        doc.mention(start, m.end(), ref)
