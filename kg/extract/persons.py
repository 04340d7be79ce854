"""Named officials, the posts they hold or held, and what happened to them.

A name is a surname and one or two characters, accepted when the text anchors
it: a title before it (省委书记倪岳峰, 副厅长级干部钟昌明, 组长:郑金堂), a verb or
cue after it (毛祖宾主持, 马铁山曾任, 钟昌明主动投案), or a list of such names.
Posts come from the organization and title before a name or after 任/担任/系/是;
原… marks a former post. Events (主动投案, 审查调查, 处分, 移送司法, 约谈) are read
in the clause of the name.
"""

from __future__ import annotations

import re

from kg import regions
from kg.extract.doc import Doc, Ref
from kg.extract.lexicon import COMPOUND_SURNAMES, NOT_NAMES, SURNAMES
from kg.extract.posts import RANK_ALT, TITLE_ALT, TITLE_AT, post, posts_after, posts_before
from kg.model import Entity

__all__ = ["extract_persons"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
_RIGHT_CUES = (
    "曾任",
    "曾担任",
    "曾带队",
    "曾",
    "系",
    "是",
    "说",
    "表示",
    "指出",
    "提出",
    "主持",
    "担任",
    "出任",
    "现任",
    "任",
    "同志",
    "等",
    "主动投案",
    "接受",
    "被",
    "涉嫌",
    "在",
    "带队",
    "介绍",
    "强调",
    "要求",
    "现身",
    "本人",
    "则",
    "认为",
    "称",
    "严重",
    "因",
    "生于",
    "出生",
    "当选",
    "兼任",
    "向",
    "分别",
    "作",
    "代表",
    "率",
    "一行",
    "为",
    "总书记",
    "书记",
    "主席",
    "委员长",
    "总理",
    "通报",
    "讲话",
    "出席",
    "参加",
    "宣布",
    "传达",
    "部署",
    "听取",
    "调研",
    "率队",
    "督导",
    "检查",
    "反馈",
    "就",
    "对",
    "作",
    "同意",
    "批示",
    "指示",
    "回应",
    "坦言",
    "交代",
    "忏悔",
    "落马",
    "受贿",
    "报道",
    "摄",
    "采写",
    "违纪",
    "接受",
    "已被",
    "于",
)
#: Words that often follow a name and start the next word, so that a name before them is not
#: read one character too long (罗斌再次强调, 张军公开表示): they bound a name after a title.
_BOUNDARY = (
    "再次",
    "再",
    "又",
    "也",
    "还",
    "均",
    "都",
    "公开",
    "亲自",
    "随后",
    "先后",
    "一直",
    "曾经",
    "此前",
    "目前",
    "所",
)
_LEFT_TITLE = re.compile(rf"(?:原)?(?:{RANK_ALT})?(?:{TITLE_ALT})(?:\s*[:：]\s*)?$")
_DELIMS = set("、,，。;；:：)）( \n|")
_PRONOUN = re.compile(r"(?<![\u4e00-\u9fff])?(他|她)(?=曾|出任|担任|任|系|是|现任|将|还)")

_EVENTS = (
    ("Surrender", re.compile(r"主动投案|投案自首")),
    (
        "Investigation",
        re.compile(r"纪律审查|监察调查|审查调查|立案审查|立案调查|接受调查|被查处|被调查|落马|涉嫌严重违纪"),
    ),
    (
        "Sanction",
        re.compile(
            r"开除党籍|开除公职|党纪政务处分|政务处分|党纪处分|撤职|撤销.{0,6}职务|降级|免职|留党察看"
        ),
    ),
    ("JudicialReferral", re.compile(r"移送(?:司法|检察)机关|移送审查起诉|依法逮捕|被逮捕|提起公诉")),
    ("Admonishment", re.compile(r"约谈|诫勉谈话|诫勉")),
)


def _surname_len(text: str, i: int) -> int:
    if text[i : i + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if text[i] in SURNAMES else 0


def _left_anchored(text: str, i: int) -> bool:
    return bool(_LEFT_TITLE.search(text[max(0, i - 12) : i]))


#: What after a name says it is one: 以…身份 (in the capacity of), a biography's ",男," and a
#: dated post (2016年至2020年担任…).
_IN_CAPACITY = re.compile(r"以[^,。;]{2,30}身份|,[男女],|\d{4}年[^,。;]{0,12}?(?:担任|出任|任职)")


def _right_ok(text: str, j: int) -> bool:
    return (
        j >= len(text)
        or text[j] in _DELIMS
        or text.startswith(_RIGHT_CUES, j)
        or bool(_EVENT_AT(text, j))
        or bool(_IN_CAPACITY.match(text, j))
    )


def _EVENT_AT(text: str, j: int) -> bool:
    return any(p.match(text, j) for _, p in _EVENTS)


def _candidates(doc: Doc) -> list[tuple[int, int, str, bool]]:
    """``(start, end, name, anchored_by_title)`` for every name the text anchors."""
    text = doc.text
    out: list[tuple[int, int, str, bool]] = []
    i = 0
    while i < len(text):
        sl = _surname_len(text, i)
        if not sl or not _may_start_name(text, i):
            i += 1
            continue
        left = _left_anchored(text, i)
        chosen = _name_at(text, i, sl, left)
        if chosen is None or not _accepted(doc, i, chosen[0], chosen[1], left):
            i += 1
            continue
        end, name = chosen
        out.append((i, end, name, left))
        i = end
    return _lists_of_names(text, out)


def _may_start_name(text: str, i: int) -> bool:
    """Whether the surname at ``i`` may start a name: no counter before it, nor the tail of a word."""
    if i > 0 and text[i - 1] in "0123456789一二三四五六七八九十两几多每":
        return False  # 6位曾担任: a counter, not a surname
    return not (
        i > 0
        and _CJK.match(text[i - 1])
        and not _left_anchored(text, i)
        and text[i - 1] not in "的、和与及由对向被给同让请经据"
    )


def _name_at(text: str, i: int, sl: int, left: bool) -> tuple[int, str] | None:
    """``(end, name)`` of the name whose surname of ``sl`` characters starts at ``i``, if any."""
    for given in (2, 1):
        j = i + sl + given
        if j > len(text):
            continue  # the text ends before a given name of this length
        name = text[i:j]
        if len(name) < 2 or not all(_CJK.match(c) for c in name):
            # spaced names in tables: 邱 霖
            spaced = re.match(r"([\u4e00-\u9fff]) ([\u4e00-\u9fff])(?![\u4e00-\u9fff])", text[i : i + 3])
            if given == 1 and spaced and left:
                return (i + 3, spaced.group(1) + spaced.group(2))
            continue
        bounded = left and given == 1 and text.startswith(_BOUNDARY, j)
        byline = text[i - 1 : i] in ("(", " ") and text[j : j + 1] in (" ", ")")  # (陶敏为 湘纪宣)
        if (_right_ok(text, j) or bounded) and (left or given == 1 or byline or not _right_ok(text, j - 1)):
            return (j, name)
        if (
            left
            and given == 2
            and not _right_ok(text, i + sl + 1)
            and not text.startswith(_BOUNDARY, i + sl + 1)
            and _CJK.match(text[j - 1])
            and not (re.search(r"(?:负责人|干部|人员|成员|同志)$", text[max(0, i - 4) : i]))
        ):
            # after a title, a name with no cue after it is most likely three characters
            return (j, name)
    return None


#: Characters of body and place names that a given name does not hold.
_BODY_CHARS = frozenset("省市县区委局厅办部镇乡村")


def _accepted(doc: Doc, i: int, end: int, name: str, left: bool) -> bool:
    """Whether the name ``text[i:end]`` is one: anchored, and no title, time or place."""
    text = doc.text
    if (
        TITLE_AT.match(text, i)
        or (name[-1] in "调转升改" and text[end : end + 1] == "任")  # 后调任: a verb
        or (len(name) == 2 and name[1] in "年月日天")
        or "某" in name
        or (len(name) == 3 and name[2] in "乡镇村")
        or any(c in _BODY_CHARS for c in name[1:])
    ):
        # 原副主席 is a title, 全年 a time, 李某 a name withheld, 白水乡 a township, and 从县纪
        # (记者从县纪委监委获悉) the start of a body
        return False
    before = text[i - 1] if i > 0 else ""
    right_cue = (
        end >= len(text)
        or text.startswith(_RIGHT_CUES, end)
        or _EVENT_AT(text, end)
        or bool(_IN_CAPACITY.match(text, end))
    )
    in_list = before in "、" or (end < len(text) and text[end] == "、")
    if (name[:2] in NOT_NAMES or name[:3] in NOT_NAMES) and not (left and len(name) == 2):
        return False
    speaker = end < len(text) and text[end] == ":" and (i == 0 or before in "\n。")
    if not (
        left or right_cue or speaker or (before == "的" and end < len(text) and text[end] in "、,") or in_list
    ):
        return False
    return not (doc.claimed(i, end) and not left)


def _lists_of_names(text: str, found: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Keep list members only where the list holds an anchored name (王珉、黄兴国…虞海燕等)."""
    chains: list[list[tuple[int, int, str, bool]]] = []
    for cand in found:
        if chains and re.fullmatch(
            r"\s*(?:、|和|及|与|,)?\s*(?:[\d]{4}年出生的|生于[\d]{4}年的)?", text[chains[-1][-1][1] : cand[0]]
        ):
            chains[-1].append(cand)
        else:
            chains.append([cand])
    keep = []
    for chain in chains:
        anchored = any(
            left
            or text.startswith(_RIGHT_CUES, e)
            or _EVENT_AT(text, e)
            or _IN_CAPACITY.match(text, e)
            or (text[s - 1 : s] == "的" and text[e : e + 1] == "、")
            or (text[e : e + 1] in ":" and (s == 0 or text[s - 1] in "\n。"))
            for s, e, _, left in chain
        )
        if anchored and (len(chain) > 1 or not _weak(text, chain[0])):
            keep.extend(chain)
    return keep


#: Bare names listed after 是/为/包括 (获任组长的三人是柏志远、龚明川和祁文韬), closed by a delimiter.
_NAME_LIST = re.compile(
    r"(?:分别是|分别为|依次是|依次为|包括|是|为|有)"
    r"(?P<list>[\u4e00-\u9fff]{2,3}(?:(?:、|和|及|与)[\u4e00-\u9fff]{2,3})+)(?=[,。;])"
)
#: What a whole list of persons holds: 他们都是二十届中央纪委委员, 均为湖南省纪委常委.
_SHARED_POST = re.compile(r"(?:他们|她们|[二三四五六七八九十两\d]+人)?(?:均|都|同|皆)(?:是|为|系|任|担任)")


def _bare_name_lists(doc: Doc) -> list[list[tuple[int, int, str, bool]]]:
    """Lists of two or more bare names, each a surname and a given name, none a place."""
    text = doc.text
    out = []
    for m in _NAME_LIST.finditer(text):
        members = []
        for item in re.finditer(r"[^、和及与]+", m.group("list")):
            s, e = m.start("list") + item.start(), m.start("list") + item.end()
            name = item.group(0)
            sl = _surname_len(text, s)
            if (
                not sl
                or not 2 <= len(name) <= sl + 2
                or len(name) == sl
                or name in NOT_NAMES
                or name[:2] in NOT_NAMES
                or any(a == 0 and b == len(name) for a, b, _, _ in regions.scan(name))
                or doc.claimed(s, e)
            ):
                break
            members.append((s, e, name, False))
        else:
            if len(members) >= 2:
                out.append(members)
    return out


def _weak(text: str, cand: tuple[int, int, str, bool]) -> bool:
    """A lone name anchored only by a delimiter after it."""
    s, e, _, left = cand
    return (
        not left
        and not text.startswith(_RIGHT_CUES, e)
        and not _EVENT_AT(text, e)
        and not _IN_CAPACITY.match(text, e)
        and not (
            (text[s - 1 : s] == "的" and text[e : e + 1] == "、")
            or (text[e : e + 1] == ":" and (s == 0 or text[s - 1] in "\n。"))
        )
    )


def _person(doc: Doc, name: str, span: tuple[int, int], surface: str) -> Ref:
    ref = doc.out.add(Entity("Person", name, name, frozenset({surface} - {name}), (), (span,)))
    doc.mention(span[0], span[1], ref)
    doc.persons.append(doc.last_mention())
    return ref


def _events(doc: Doc, person: Ref, start: int, end: int) -> None:
    text = doc.text
    sentence = doc.article.sentence_at(start)
    # what is said of this person: up to the next person named, or the end of the sentence's clause group
    stop, edge = sentence.end, end
    for p in doc.persons_from(edge):
        if p.start >= sentence.end:
            break  # in start order: so are all that follow
        if p.start < edge:
            continue
        if re.fullmatch(r"[、和与及]", text[edge : p.start]):
            edge = p.end  # 赵志强、钱永红…等人被开除党籍: a list shares what follows it
            continue
        stop = p.start
        break
    semicolon = text.find(";", end, stop)
    after = text[end : semicolon if semicolon >= 0 else stop]
    speech = _SPEECH.search(after, 0, 12)
    if speech:
        after = after[: speech.start()]  # 祁文韬分析称,部分干部主动投案: what he says is not about him
    before = text[max(sentence.start, start - 12) : start]
    for cls, pattern in _EVENTS:
        hit = pattern.search(after[:40]) or (
            cls in ("Admonishment", "Investigation") and re.search(r"(?:约谈|对)$", before)
        )
        if not hit:
            continue
        dates = doc.dates_in(sentence.start, sentence.end)
        date = dates[0][2] if dates else None
        key = f"{person[1]}-{date or doc.ctx.article_id}"
        props: tuple[tuple[str, object], ...] = (("date", date),) if date else ()
        span = (sentence.start, sentence.end)
        ref = doc.out.add(
            Entity(cls, key, f"{doc.entity(person).name}{_EVENT_NAMES[cls]}", frozenset(), props, (span,))
        )
        doc.out.relate(ref, "involves", person, span)
        for m in doc.mentions_in(sentence.start, sentence.end, ("InspectionRound", "Inspection")):
            doc.out.relate(ref, "during", m.ref, span)
        for insp_ref in doc.inspections_with_span(span):
            doc.out.relate(ref, "during", insp_ref, span)


#: A verb of saying right after a name: what follows is what the person says, not what befell him.
_SPEECH = re.compile(r"所?(?:认为|分析|指出|表示|介绍|坦言|强调|称|说)")

_EVENT_NAMES = {
    "Surrender": "主动投案",
    "Investigation": "接受审查调查",
    "Sanction": "受到处分",
    "JudicialReferral": "被移送司法机关",
    "Admonishment": "被约谈",
}


def extract_persons(doc: Doc) -> None:
    """Persons, their posts and the events that involve them."""
    text = doc.text
    found = _candidates(doc)
    refs: list[tuple[Ref, int, int]] = []
    for start, end, name, _left in found:
        if doc.claimed(start, end):
            doc.unclaim(start, end, "Region")
        ref = _person(doc, name, (start, end), doc.article.text[start:end])
        refs.append((ref, start, end))
    # a name the text has established is the same person wherever it appears again
    known = {name for _, _, name, _ in found if len(name) >= 2}
    if known:
        for m in re.finditer("|".join(sorted(map(re.escape, known), key=len, reverse=True)), text):
            free = not doc.claimed(m.start(), m.end())
            if free and (not _CJK.match(text[m.end() : m.end() + 1] or " ") or _right_ok(text, m.end())):
                ref = _person(doc, m.group(0), (m.start(), m.end()), doc.article.text[m.start() : m.end()])
                refs.append((ref, m.start(), m.end()))
    for members in _bare_name_lists(doc):
        list_refs = []
        for start, end, name, _left in members:
            if not doc.claimed(start, end):
                ref = _person(doc, name, (start, end), doc.article.text[start:end])
                refs.append((ref, start, end))
                list_refs.append(ref)
        shared = _SHARED_POST.search(text, members[-1][1], members[-1][1] + 8)
        if shared and list_refs:
            for ref in list_refs:
                posts_after(doc, ref, shared.start(), len(text))
    for m in _PRONOUN.finditer(text):
        before = [p for p in doc.persons if p.end <= m.start()]
        if before:
            refs.append((before[-1].ref, m.start(), m.end()))
    refs.sort(key=lambda r: r[1])
    for k, (ref, start, end) in enumerate(refs):
        limit = refs[k + 1][1] if k + 1 < len(refs) else len(text)
        if text[start:end] not in ("他", "她"):
            # 组长由李正明担任: the post is written before 由
            by = text[start - 1 : start] == "由" and text.startswith(("担任", "出任"), end)
            posts_before(doc, ref, start - 1 if by else start)
        posts_after(doc, ref, end, limit)
        _events(doc, ref, start, end)
    for team, cell, offset in doc.table_posts:
        for m in re.finditer(
            r"(副?组\s*长)\s*[:：]\s*([\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff] [\u4e00-\u9fff])(?=\s|$|\|)", cell
        ):
            raw = m.group(2)
            name = raw.replace(" ", "")
            span = (offset + m.start(2), offset + m.end(2))
            person = _person(doc, name, span, raw)
            post(doc, person, team, m.group(1).replace(" ", ""), span)
