"""Reported figures: measure, value, unit, approximation, period and scope.

Each figure (a number with a counter word or a percent sign) is given the
measure its clause describes (the controlled list of the ontology); figures
that fit none are kept as ``other`` only when they count inspection work.
Ordinals (第八轮), terms (十四届), years and dates are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg import data
from kg.extract.dates import find_dates
from kg.extract.doc import Doc, Ref
from kg.extract.numbers import NUM, parse_value
from kg.extract.rounds import THIS_ROUND
from kg.model import Entity, Sentence

__all__ = ["classify", "extract_statistics"]

FIGURE = re.compile(
    rf"(?P<pre>近|约|超过|逾)?(?<![第\d.届])(?P<num>{NUM})(?P<scale>万|亿)?(?P<approx>余|多)?\s*"
    r"(?P<unit>%|个百分点|人次|个|名|人|件|条|轮|家|所|次|项|起|批|位|份|倍|元)"
)

# (measure, pattern over the clause with the figure replaced by #, units it takes), from the data
# file of measure wordings; rows of one measure are alternatives.
_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (measure, re.compile(pattern), units) for measure, units, pattern in data.measures()
)

#: Words of a sentence about inspection work, whose other figures are kept as ``other``.
_OTHER_CONTEXT = re.compile(
    r"巡视|巡察|谈话|座谈|来信|来访|来电|信访|线索|问题|汇报|整改|督办|约谈|审查|处分|组|纪委|监委|纪检|"
    r"干部|党员|案|违纪|违法|资金|制度|处理|教育|检查"
)


_TEAM_COUNT = re.compile(r"#(?:中央|省委|市委|州委|县委|区委)?(?:专项)?(?:巡视|巡察)组")
#: Figures that are no count of inspection work, though their words look like one: a rate per
#: team (每个组巡视2个单位), jurisdictions that adopted something (23个省区市出台…), problems by
#: the state of their rectification (尚在整改问题9个).
_NOT_A_COUNT = re.compile(
    r"每(?:一)?(?:个|轮|组)[^#,。;]{0,8}#"
    r"|(?<!对)#[^,。;]{0,3}(?:省区市|省\(区、市\)|省份)[^,。;]{0,14}(?:实现|建立|出台|制定|印发)"
    r"|(?:尚在|正在|持续|仍在|未)整改[^#,。;]{0,4}#|未完成#"
)
_SUBTOTAL = re.compile(r"#[^,。;@]{1,12}共[^,。;@]{0,3}@")
_DEPLOYED = re.compile(r"#[^,。;]{0,16}部署")


def classify(clause: str, unit: str) -> str | None:
    """The measure of a figure in ``clause`` (the figure written as ``#``), or None.

    Counts of teams (15个省委巡视组), groupings before a total (6个镇街共14个村) and places
    where work was deployed (在20个县部署) are ``other``.
    """
    if any(p.search(clause) for p in (_TEAM_COUNT, _SUBTOTAL, _DEPLOYED, _NOT_A_COUNT)):
        return "other"
    for measure, pattern, units in _RULES:
        if unit in units and pattern.search(clause):
            return measure
    return None


#: What follows a number that makes it a duration, a session or a vague frequency, not a figure:
#: 为期3个半月, 2个多月, 五次全会, 两次以上.
_NOT_A_FIGURE = re.compile(
    r"个(?:半|多)?月|个(?:半)?小时|个工作日|个季度|次(?:全会|全体会议|党代会|会议)|(?:个|名|位)?(?:百分|之一)|项规定|批(?:先后)?(?:进驻|开展|实施)"
)
_VAGUE = re.compile(r"以上|以下")
#: An elliptical clause that repeats the last measure of its sentence: 今年1至4月又有29人.
_ELLIPTICAL = re.compile(r"^[^#,。;]{0,12}?(?:又有|还有|另有|已多达|多达|达到|达)#$")
#: The words that name a measure of persons, for an elliptical clause after them.
_PERSON_WORDS = tuple(
    (measure, re.compile(words))
    for measure, words in (
        ("personsSurrendered", r"主动投案|投案自首|投案"),
        ("personsSanctioned", r"处分"),
        ("personsInvestigated", r"立案|审查调查|纪律审查|监察调查"),
        ("judicialReferrals", r"移送(?:司法|检察)机关"),
        ("personsAdmonished", r"约谈|诫勉"),
    )
)


@dataclass
class _Figure:
    start: int
    end: int
    value: Decimal
    approx: bool
    unit: str
    clause: tuple[int, int]
    measure: str | None = None


def _scope(doc: Doc, sentence_start: int, at: int) -> Ref | None:
    """What a figure counts over: a round in its sentence (本轮: the article's round), else a region
    or committee named before it."""
    best = None
    for m in doc.mentions_in(sentence_start, at):
        if m.ref[0] == "InspectionRound":
            return m.ref
        if m.ref[0] in ("Region", "PartyCommittee", "Organization") and best is None:
            best = m.ref
    if THIS_ROUND.search(doc.text[sentence_start:at]):
        before = [r for r in doc.rounds if r.start < sentence_start]
        if before:
            return before[0].ref
    return best


def _figures(doc: Doc, s: int, stext: str, date_spans: list[tuple[int, int]]) -> list[_Figure]:
    """The numbers of one sentence that report a figure, each with its clause."""
    out = []
    for m in FIGURE.finditer(stext):
        if any(a <= m.start() < b for a, b in date_spans) or doc.claimed(s + m.start(), s + m.end()):
            continue
        if stext.count("“", 0, m.start()) > stext.count("”", 0, m.start()):
            continue  # inside a slogan: “两个维护”, “三个聚焦”
        if m.group("num") == "一":
            continue  # 一次, 一个: "one" is wording, not a reported figure
        unit = m.group("unit")
        scale = m.group("scale") or ""
        if unit == "元" and scale:
            unit, scale = scale + unit, ""  # 66.57万元: the figure is in 万元, as written
        parsed = parse_value(m.group("num") + scale + (m.group("approx") or ""))
        if parsed is None:
            continue
        if m.group("pre"):
            parsed = (parsed[0], True)
        after = stext[m.end() : m.end() + 4]
        if _NOT_A_FIGURE.match(stext, m.start("unit")) or (unit == "次" and _VAGUE.match(after)):
            continue
        c_start = max(stext.rfind(ch, 0, m.start()) for ch in ",;:,;:。") + 1
        c_end_candidates = [i for ch in ",;:,;。" if (i := stext.find(ch, m.end())) >= 0]
        c_end = min(c_end_candidates) if c_end_candidates else len(stext)
        start = m.start("num")
        out.append(_Figure(start, m.end(), parsed[0], parsed[1], unit, (c_start, c_end)))
    return out


def _clause(stext: str, first: _Figure, last: _Figure) -> str:
    """The clause of figures ``first`` … ``last`` with them written as ``#`` and other figures as ``@``."""
    c_start, c_end = first.clause
    before = FIGURE.sub("@", stext[c_start : first.start])
    return before + "#" + FIGURE.sub("@", stext[last.end : c_end])


def _coordinated(stext: str, figs: list[_Figure]) -> list[list[_Figure]]:
    """Runs of figures joined by 、/和/及/与 in one clause: 9个乡镇、41个村和27个部门."""
    runs: list[list[_Figure]] = []
    for f in figs:
        prev = runs[-1][-1] if runs else None
        if (
            prev is not None
            and prev.clause == f.clause
            and re.fullmatch(r"[^,;。:@#\d]{0,16}?(?:、|和|及|以及|与)", stext[prev.end : f.start])
        ):
            runs[-1].append(f)
        else:
            runs.append([f])
    return runs


def _classify_sentence(stext: str, figs: list[_Figure]) -> None:
    """Give each figure its measure: its own clause's, else its coordination's, else the
    sentence's last measure when its clause is elliptical."""
    for f in figs:
        f.measure = classify(_clause(stext, f, f), f.unit)
    for run in _coordinated(stext, figs):
        if len(run) < 2:
            continue
        shared = classify(_clause(stext, run[0], run[-1]), run[0].unit)
        if shared in (None, "other"):
            continue
        units = "".join(u for m, _, u in _RULES if m == shared)
        for f in run:
            if f.measure in (None, "other") and f.unit in units:
                f.measure = shared
    for f in figs:
        if f.measure is None and f.unit in "人名" and _ELLIPTICAL.match(_clause(stext, f, f)):
            said = [(m.end(), measure) for measure, p in _PERSON_WORDS for m in p.finditer(stext, 0, f.start)]
            if said:
                f.measure = max(said)[1]


@dataclass
class _Fact:
    figure: _Figure
    measure: str
    sentence: Sentence
    scope: Ref | None
    period: str | None
    key: str = ""


def extract_statistics(doc: Doc) -> None:
    """Every figure the article reports, as a Statistic.

    A figure repeated in another sentence (the same measure, value and unit, over no other round)
    is one fact with two pieces of evidence; two equal figures in one sentence are two facts.
    """
    facts: list[_Fact] = []
    for sentence in doc.article.sentences:
        stext = doc.text[sentence.start : sentence.end]
        dates = find_dates(stext, doc.article.date)
        figs = _figures(doc, sentence.start, stext, [(a, b) for a, b, _ in dates])
        _classify_sentence(stext, figs)
        for f in figs:
            if f.measure is None and not _OTHER_CONTEXT.search(stext):
                continue
            period = dates[0][2] if dates else None
            if re.search(r"以来", stext[: f.start]) and period and doc.article.date:
                period = f"{period}/{doc.article.date}"
            scope = _scope(doc, sentence.start, sentence.start + f.start)
            facts.append(_Fact(f, f.measure or "other", sentence, scope, period))
    _key_facts(doc, facts)
    scoped: set[Ref] = set()
    for fact in sorted(facts, key=lambda x: x.measure == "other"):
        f, s = fact.figure, fact.sentence.start
        props: list[tuple[str, object]] = [
            ("measure", fact.measure),
            ("value", f.value),
            ("unit", f.unit),
            ("approximate", f.approx),
        ]
        if fact.period:
            props.append(("period", fact.period))
        c_start, c_end = f.clause
        wording = doc.text[s + c_start : s + c_end].strip()
        span = (s + f.start, s + f.end)
        ref = doc.out.add(Entity("Statistic", fact.key, wording[:80], frozenset(), tuple(props), (span,)))
        if fact.scope is not None and ref not in scoped:
            scoped.add(ref)
            doc.out.relate(ref, "scope", fact.scope, (s, fact.sentence.end))


def _key_facts(doc: Doc, facts: list[_Fact]) -> None:
    """Give each fact its key: that of the same figure in an earlier sentence, else its own."""
    done: dict[tuple[Decimal, str], list[_Fact]] = {}
    keys: set[str] = set()
    for fact in sorted(facts, key=lambda x: x.measure == "other"):
        f = fact.figure
        same = done.setdefault((f.value, f.unit), [])
        for other in same:
            if _same_fact(fact, other):
                fact.key = other.key
                break
        else:
            fact.key = f"{doc.ctx.article_id}-{fact.measure}-{f.value}-{f.unit}"
            if fact.key in keys:
                fact.key += f"-{fact.sentence.start + f.start}"
            keys.add(fact.key)
            same.append(fact)


def _same_fact(a: _Fact, b: _Fact) -> bool:
    if a.sentence.index == b.sentence.index:
        return False
    if (a.figure.value, a.figure.unit) != (b.figure.value, b.figure.unit):
        return False
    if a.measure != b.measure:
        return False
    rounds = {r for r in (a.scope, b.scope) if r and r[0] == "InspectionRound"}
    return len(rounds) <= 1
