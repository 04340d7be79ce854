"""Reported figures: measure, value, unit, approximation, period and scope.

Each figure (a number with a counter word or a percent sign) is given the
measure its clause describes (the controlled list of the ontology); figures
that fit none are kept as ``other`` only when they count inspection work.
Ordinals (第八轮), terms (十四届), years and dates are not figures.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.dates import find_dates
from kg.extract.doc import Doc, Ref
from kg.extract.numbers import NUM, parse_value
from kg.model import Entity

__all__ = ["classify", "extract_statistics"]

FIGURE = re.compile(
    rf"(?<![第\d.届])(?P<num>{NUM})(?P<scale>万|亿)?(?P<approx>余|多)?\s*"
    r"(?P<unit>%|个百分点|人次|个|名|人|件|条|轮|家|所|次|项|起|批|位)"
)

# (measure, pattern over the clause with the figure replaced by #, units it takes)
_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (measure, re.compile(pattern), units)
    for measure, pattern, units in (
        ("coverageRate", r"覆盖率[^#]{0,6}#|覆盖[^#]{0,4}#", "%"),
        ("rectificationRate", r"整改率[^#]{0,6}#|整改完成率[^#]{0,6}#", "%"),
        (
            "problemsRectified",
            r"整改到位[^#]{0,4}#|已整改[^#]{0,6}#|完成整改[^#]{0,4}#|#[^,。;]{0,6}已整改",
            "个条件项",
        ),
        ("personsSurrendered", r"#[^,。;]{0,20}主动投案|主动投案[^#]{0,4}#", "人名"),
        (
            "judicialReferrals",
            r"移送(?:司法|检察)机关[^#]{0,6}#|#[^,。;]{0,10}移送(?:司法|检察)机关",
            "人名件",
        ),
        ("personsSanctioned", r"处分[^#]{0,4}#|#[^,。;]{0,10}(?:受到|给予)[^,。;]{0,8}处分", "人名"),
        ("personsAdmonished", r"#[^,。;]{0,16}(?:被约谈|约谈|诫勉)|(?:约谈|诫勉谈话|诫勉)[^#]{0,8}#", "人名"),
        (
            "personsInvestigated",
            r"#[^,。;]{0,16}(?:纪律审查|审查调查|监察调查|立案审查|立案)|(?:立案审查调查|审查调查|立案)[^#]{0,4}#",
            "人名",
        ),
        (
            "suspectsDetained",
            r"(?:拘捕|抓获|刑拘|逮捕)#[^,。;]{0,4}(?:犯罪嫌疑人|嫌疑人)|(?:拘捕|抓获)[^#]{0,4}#",
            "人名",
        ),
        ("reportsTransferred", r"移送#[^,。;]{0,3}专题报告|专题报告[^#]{0,4}#", "个份"),
        (
            "cluesTransferred",
            r"(?:移交|移送|转交)[^#,。;]{0,10}线索[^#]{0,4}#|(?:移交|移送|转交)#[^,。;]{0,4}线索|线索#",
            "件条个",
        ),
        (
            "problemsFound",
            r"问题#|问题[^#,。;]{0,3}#|发现[^#,。;]{0,24}问题[^#]{0,3}#"
            r"|(?:发现|指出|查找|反馈)[^,。;]{0,20}#[^,。;]{0,2}问题",
            "个条件项",
        ),
        ("roundsConducted", r"#[^,。;]{0,2}(?:巡视|巡察)|开展(?:了)?#", "轮"),
        (
            "unitsInspected",
            r"(?:本批次?|本轮|此轮|这轮)[^#,。;]{0,6}#|#[^,。;]{0,3}被巡[视察]|(?:巡视|巡察|覆盖)(?:了)?[^#,。;]{0,8}#|#[^,。;]{0,14}(?:党组织|单位|地区|地方|高校|州市|省区市|县|村|社区)"
            r"[^,。;]{0,16}(?:巡视|巡察|回头看|反馈)|对#[^,。;]{0,14}(?:开展|进行)|对[^,。;]*#[^,。;]*(?:开展|进行)",
            "个家所",
        ),
    )
)
_OTHER_CONTEXT = re.compile(
    r"巡视|巡察|谈话|座谈|来信|来访|来电|信访|线索|问题|汇报|整改|督办|约谈|审查|处分|组"
)


_TEAM_COUNT = re.compile(r"#(?:中央|省委|市委|州委|县委|区委)?(?:专项)?(?:巡视|巡察)组")
_SUBTOTAL = re.compile(r"#[^,。;@]{1,12}共[^,。;@]{0,3}@")
_DEPLOYED = re.compile(r"#[^,。;]{0,16}部署")


def classify(clause: str, unit: str) -> str | None:
    """The measure of a figure in ``clause`` (the figure written as ``#``), or None.

    Counts of teams (15个省委巡视组), groupings before a total (6个镇街共14个村) and places
    where work was deployed (在20个县部署) are ``other``.
    """
    if _TEAM_COUNT.search(clause) or _SUBTOTAL.search(clause) or _DEPLOYED.search(clause):
        return "other"
    for measure, pattern, units in _RULES:
        if unit in units and pattern.search(clause):
            return measure
    return None


def _scope(doc: Doc, sentence_start: int, at: int) -> Ref | None:
    """What a figure counts over: a round in its sentence, else a region or committee named before it."""
    best = None
    for m in doc.mentions_in(sentence_start, at):
        if m.ref[0] == "InspectionRound":
            return m.ref
        if m.ref[0] in ("Region", "PartyCommittee", "Organization") and best is None:
            best = m.ref
    return best


def extract_statistics(doc: Doc) -> None:
    """Every figure the article reports, as a Statistic."""
    text = doc.text
    for sentence in doc.article.sentences:
        s, e = sentence.start, sentence.end
        stext = text[s:e]
        dates = find_dates(stext, doc.article.date)
        date_spans = [(a, b) for a, b, _ in dates]
        for m in FIGURE.finditer(stext):
            if any(a <= m.start() < b for a, b in date_spans) or doc.claimed(s + m.start(), s + m.end()):
                continue
            if stext.count("“", 0, m.start()) > stext.count("”", 0, m.start()):
                continue  # inside a slogan: “两个维护”, “三个聚焦”
            if m.group("num") == "一":
                continue  # 一次, 一个: "one" is wording, not a reported figure
            parsed = parse_value(m.group("num") + (m.group("scale") or "") + (m.group("approx") or ""))
            if parsed is None:
                continue
            value, approx = parsed
            unit = m.group("unit")
            if unit == "个" and stext[m.end() : m.end() + 2] in ("百分", "月"):
                continue
            if stext[m.end() : m.end() + 1] in "月" and unit in ("个",):
                continue
            c_start = max(stext.rfind(ch, 0, m.start()) for ch in ",;:,;:。") + 1
            c_end_candidates = [i for ch in ",;:,;。" if (i := stext.find(ch, m.end())) >= 0]
            c_end = min(c_end_candidates) if c_end_candidates else len(stext)
            before = FIGURE.sub("@", stext[c_start : m.start()])
            clause = before + "#" + FIGURE.sub("@", stext[m.end() : c_end])
            measure = classify(clause, unit)
            if measure is None:
                if not _OTHER_CONTEXT.search(clause) or (unit in ("%", "个百分点") and value > 100):
                    continue
                measure = "other"
            period = dates[0][2] if dates else None
            if re.search(r"以来", stext[: m.start()]) and period and doc.article.date:
                period = f"{period}/{doc.article.date}"
            wording = stext[c_start:c_end].strip()
            # the same figure of the same measure and scope said twice in an article is one fact
            scope = _scope(doc, s, s + m.start())
            where = scope[1] if scope and scope[0] in ("InspectionRound", "Region", "Organization") else ""
            key = f"{doc.ctx.article_id}-{measure}-{value}-{where}"
            props: list[tuple[str, object]] = [
                ("measure", measure),
                ("value", Decimal(value)),
                ("unit", unit),
                ("approximate", approx),
            ]
            if period:
                props.append(("period", period))
            span = (s + m.start(), s + m.end())
            ref = doc.out.add(Entity("Statistic", key, wording[:80], frozenset(), tuple(props), (span,)))
            if scope is not None:
                doc.out.relate(ref, "scope", scope, (s, e))
