"""Inspections: who inspected what, in which round, of which type.

Rounds and teams are read first (:mod:`kg.extract.rounds`). Targets follow 进驻,
对…开展/进行, 向…反馈, 巡视…, 包括…, and tables of teams and their units;
enumerations are split member by member (:mod:`kg.extract.targets`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.context import Committee
from kg.extract.dates import find_dates
from kg.extract.doc import Doc, Ref
from kg.extract.rounds import THIS_ROUND, default_committee, find_rounds, find_teams
from kg.extract.targets import Target, parse_targets
from kg.model import Entity

__all__ = ["THIS_ROUND", "Target", "default_committee", "extract_inspections", "parse_targets"]

_TYPES = (
    ("回头看", "回头看"),
    ("机动", "机动"),
    ("专项", "专项"),
    ("提级", "提级"),
    ("交叉", "交叉"),
    ("联动", "联动"),
    ("常规", "常规"),
)
_TOPIC = re.compile(
    r"(脱贫攻坚|扶贫|乡村振兴|换届选举|换届|生态环境|巡视整改|金融|国有企业|高校|政法)[^,。]{0,6}?专项"
)

# Where a list of targets starts, and the verb that ends it.
_TARGET_PATTERNS = (
    re.compile(
        r"(?:分别|先后|将|已|已经|正式|集中)?(?:进驻|入驻)(?:到)?(?P<t>[^,。;:]{2,200}?)(?=开展|进行|期间|后[,。]|时|并|,|。|;|$)"
    ),
    re.compile(
        r"(?<![相针绝面])对(?!标|照|于|其|此|象|党|外|内|口|待|话|比|接|应|策|手)(?P<t>[^。;:]{2,400}?)"
        r"(?=开展|进行|展开|实施|实行|贯彻|落实)"
    ),
    re.compile(r"向(?P<t>[^,。;:]{2,80}?)(?:进行了?|作了?)?(?:现场)?反馈"),
    re.compile(
        r"(?:带队|组织)?(?<!被)(?:巡视|巡察)(?!组|工作|办|机构|期间|情况|整改|反馈|发现|利剑|巡察|监督)(?P<t>[^,。;:]{2,30}?)(?=时|期间|发现|的|工作|动员|情况|,|。|;|$)"
    ),
    re.compile(r"(?:包括|分别是|分别为|依次为)(?P<t>[^。;]{2,800}?)(?:等|。|;|$)"),
    re.compile(r"(?:巡视|巡察)(?:对象|单位)(?:为|是|有)(?P<t>[^。;]{2,800}?)(?=。|;|$)"),
    # 国家统计局党组、应急管理部党委接受了中央巡视组的常规巡视
    re.compile(r"(?:^|(?<=[,;:]))(?P<t>[^,。;:]{2,200}?)(?:接受|迎接)了?[^,。;]{0,12}?(?:巡视|巡察)"),
    # 中共X党组关于十二届省委第三轮巡视整改进展情况的通报: who reports on its rectification was inspected
    re.compile(
        r"(?P<t>[^,。;:\n]{4,40}?(?:党组|党委|党工委))关于[^,。;\n]{0,24}?(?:巡视|巡察)[^,。;\n]{0,6}?(?:整改|反馈)"
    ),
)


@dataclass
class _Inspection:
    round: Ref | None
    team: Ref | None
    target: Ref
    kind: str | None = None
    topic: str | None = None
    start_date: str | None = None
    feedback_date: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def _agents(doc: Doc, start: int, end: int) -> tuple[list[Ref], list[Ref]]:
    rounds = list(dict.fromkeys(m.ref for m in doc.mentions_in(start, end, "InspectionRound")))
    teams = list(dict.fromkeys(m.ref for m in doc.mentions_in(start, end, "InspectionTeam")))
    sentence_text = doc.text[start:end]
    if not rounds and THIS_ROUND.search(sentence_text) and doc.rounds:
        # 本轮/此轮 is the round the article is about: the first one it names
        before = [r for r in doc.rounds if r.start < start]
        if before:
            rounds = [before[0].ref]
    return rounds, teams


def _inspection_type(clause: str) -> str | None:
    for word, kind in _TYPES:
        if word in clause:
            return kind
    return None


def extract_inspections(doc: Doc) -> None:
    """Rounds, teams, and the inspections that tie them to their targets."""
    defaults: dict[str, Committee] = {}
    find_rounds(doc, defaults)
    find_teams(doc, defaults)
    found: list[_Inspection] = []
    for sentence in doc.article.sentences:
        s, e = sentence.start, sentence.end
        stext = doc.text[s:e]
        rounds, teams = _agents(doc, s, e)
        # every other part of (?:中央|省委…)?(?:各|\d+个|…个)?(?:专项)?(?:巡视|巡察)组 is optional
        unnumbered = "巡视组" in stext or "巡察组" in stext
        if not rounds and not teams and not unnumbered:
            continue
        if not re.search(r"巡视|巡察|进驻|入驻|反馈", stext):
            continue
        dates = find_dates(stext, doc.article.date)
        for pattern in _TARGET_PATTERNS:
            for m in pattern.finditer(stext):
                if pattern.pattern.startswith("(?:包括") and not (rounds or teams or unnumbered):
                    continue
                if any(x.start <= s + m.start() < x.end for x in doc.mentions_in(s, e)):
                    continue  # the verb is part of a round's name (第八轮巡视): not a target list
                targets = parse_targets(doc, m.group("t"), s + m.start("t"))
                clause = stext[max(0, m.start() - 30) : m.end() + 20]
                kind = _inspection_type(clause)
                topic = _TOPIC.search(clause)
                date = dates[0][2] if dates else None
                is_feedback = "反馈" in m.group(0) or "反馈" in stext[m.end() : m.end() + 10]
                near_rounds = _nearest(doc, rounds, s + m.start())
                near_teams = _nearest(doc, teams, s + m.start())
                for t in targets:
                    found.append(
                        _Inspection(
                            round=near_rounds[0] if len(near_rounds) == 1 else None,
                            team=near_teams[0] if len(near_teams) == 1 else None,
                            target=t.ref,
                            kind=kind,
                            topic=topic.group(1) if topic else None,
                            start_date=None if is_feedback else date,
                            feedback_date=date if is_feedback else None,
                            spans=[(s, e)],
                        )
                    )
    _table_inspections(doc, found)
    _default_round(doc, found)
    _merge_and_add(doc, found)


def _nearest(doc: Doc, agents: list[Ref], at: int) -> list[Ref]:
    """Of several rounds (or teams) in a sentence, the one named last before the target list."""
    if len(agents) <= 1:
        return agents
    before = [m for m in doc.mentions if m.ref in agents and m.end <= at]
    return [max(before, key=lambda m: m.end).ref] if before else agents


_TABLE_ROW = re.compile(r"^(?P<label>[^|\n]{1,20}?)\s*\|(?P<cells>.+?)\|?\s*$", re.M)


def _table_inspections(doc: Doc, found: list[_Inspection]) -> None:
    """Rows of a table of teams: a header of teams, then their units and their leaders."""
    columns: list[Ref | None] = []
    for m in _TABLE_ROW.finditer(doc.text):
        cells = m.group("cells").split("|")
        offsets = []
        pos = m.start("cells")
        for cell in cells:
            offsets.append(pos)
            pos += len(cell) + 1
        teams = [
            doc.mentions_in(o, o + len(c), "InspectionTeam") for o, c in zip(offsets, cells, strict=True)
        ]
        if any(teams) and sum(1 for t in teams if t) >= max(1, len([c for c in cells if c.strip()]) - 1):
            columns = [t[0].ref if t else None for t in teams]
            continue
        if not columns:
            continue
        label = re.sub(r"\s", "", m.group("label"))
        for team, cell, offset in zip(columns, cells, offsets, strict=False):
            if team is None:
                continue
            if re.search(r"被巡[视察]|巡[视察]对象|巡[视察]单位", label):
                for t in parse_targets(doc, cell, offset):
                    found.append(
                        _Inspection(round=None, team=team, target=t.ref, spans=[(m.start(), m.end())])
                    )
            elif re.search(r"负责人|组长|成员", label):
                doc.table_posts.append((team, cell, offset))


def _default_round(doc: Doc, found: list[_Inspection]) -> None:
    """With one round in the article, every inspection by its committee's teams belongs to it.

    So do the inspections of unnumbered teams (各巡视组分别向…反馈).
    """
    distinct = {r.ref for r in doc.rounds}
    if len(distinct) != 1:
        return
    (only,) = distinct
    for insp in found:
        if insp.round is None and insp.team is None:
            insp.round = only
        elif insp.round is None and insp.team is not None:
            team_committee = doc.entity(insp.team).key.split("-")[0]
            if only[1].startswith(team_committee):
                insp.round = only


def _merge_and_add(doc: Doc, found: list[_Inspection]) -> None:
    merged: list[_Inspection] = []
    for insp in found:
        for other in merged:
            if other.target != insp.target:
                continue
            if (other.round is None or insp.round is None or other.round == insp.round) and (
                other.team is None or insp.team is None or other.team == insp.team
            ):
                other.round = other.round or insp.round
                other.team = other.team or insp.team
                other.kind = other.kind or insp.kind
                other.topic = other.topic or insp.topic
                other.start_date = other.start_date or insp.start_date
                other.feedback_date = other.feedback_date or insp.feedback_date
                other.spans.extend(s for s in insp.spans if s not in other.spans)
                break
        else:
            merged.append(insp)
    for insp in merged:
        if insp.round is None and insp.team is None:
            continue
        key = "|".join(r[1] if r else "-" for r in (insp.round, insp.team, insp.target))
        props: list[tuple[str, object]] = []
        for name, value in (
            ("inspectionType", insp.kind),
            ("topic", insp.topic),
            ("startDate", insp.start_date),
            ("feedbackDate", insp.feedback_date),
        ):
            if value:
                props.append((name, value))
        target_name = doc.entity(insp.target).name
        agent = doc.entity(insp.team or insp.round).name  # type: ignore[arg-type]
        span = insp.spans[0] if insp.spans else None
        ref = doc.out.add(
            Entity("Inspection", key, f"{agent}·{target_name}", frozenset(), tuple(props), tuple(insp.spans))
        )
        doc.out.relate(ref, "target", insp.target, span)
        if insp.round:
            doc.out.relate(ref, "inRound", insp.round, span)
        if insp.team:
            doc.out.relate(ref, "byTeam", insp.team, span)
