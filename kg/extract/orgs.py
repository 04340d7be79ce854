"""Organizations, party committees, regions and documents named in running text.

An organization name starts at a prefix (a region, 省/市/县/区, 中央, 国家, 中国…)
or is a known central body, and ends at the last organization suffix (委员会,
厅, 局, 办, 党组, 学院…) before a word that cannot be part of a name (a verb,
a title, punctuation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg import regions
from kg.extract.context import committee_of_region
from kg.extract.doc import Doc
from kg.extract.lexicon import KNOWN_BODIES, ORG_SUFFIXES, RANKS, TITLES

__all__ = [
    "extract_committees",
    "extract_documents",
    "extract_organizations",
    "extract_regions",
    "link_documents",
]

_STOP_CHARS = set("的了在对向与为是将已把被从到等并由其这那有们着过也都就而或但要会能可及")
_STOP_CHARS |= set("，,。、;；:：!！?？“”《》()（）|\n 　0123456789")
_STOP_WORDS = (
    "开展",
    "进行",
    "部署",
    "推动",
    "发现",
    "参加",
    "召开",
    "印发",
    "出台",
    "提出",
    "指出",
    "表示",
    "主持",
    "听取",
    "负责",
    "有关",
    "相关",
    "各级",
    "专门",
    "联合",
    "制作",
    "要求",
    "同意",
    "工作安排",
    "巡视组",
    "巡察组",
    "出席",
    "反馈",
    "进驻",
    "贯彻",
    "落实",
    "主要",
    "领导班子",
    "监督检查室",
    "有关处室",
    "处室",
    "相关负责",
)
# A one-character suffix followed by these characters is a word, not the end of a name (社会, 部署).
_NOT_END = {
    "社会",
    "部署",
    "部门",
    "部分",
    "局面",
    "院校",
    "办法",
    "办理",
    "办公",
    "委员",
    "村民",
    "村级",
    "厅级",
    "局级",
    "部级",
    "署名",
    "院长",
    "局长",
    "厅长",
    "部长",
    "社长",
    "村委",
    "院士",
    "办事",
    "部位",
    "局势",
    "委托",
    "社区",
    "院落",
    "馆藏",
    "厅局",
    "委办",
    "局和",
    "部和",
}
#: Words inside names that begin with a stop character (有限公司, 能源局, 会计师协会).
_INNER_WORDS = ("有限", "能源", "会计", "可持续", "要素")
_TITLE_START = tuple(sorted({*TITLES, *RANKS, "原"}, key=len, reverse=True))
_TITLE_FIRST = frozenset(t[0] for t in _TITLE_START)


def _title_at(text: str, i: int) -> bool:
    """Whether a title (or a rank, or 原) starts at ``i``."""
    return text[i : i + 1] in _TITLE_FIRST and text.startswith(_TITLE_START, i)


_PREFIX_CHARS = "省市县区州"
_BAD_LEFT = set("全本我该外各分兄友此每跨两三多省市县区州")
_BROAD = ("中央", "国家", "中国", "中华全国", "全国", "中华")
_BROAD_FIRST = frozenset(b[0] for b in _BROAD)


@cache
def _known_index() -> dict[str, tuple[int, ...]]:
    """The first two characters of every known body's form -> the lengths of its forms, longest first."""
    lengths: dict[str, set[int]] = {}
    for form in KNOWN_BODIES:
        lengths.setdefault(form[:2], set()).add(len(form))
    return {head: tuple(sorted(n, reverse=True)) for head, n in lengths.items()}


def _known_bodies(text: str) -> Iterator[tuple[int, int]]:
    """Spans of known bodies' names in ``text``, leftmost and longest first, not overlapping."""
    index = _known_index()
    i = 0
    while i < len(text) - 1:
        for n in index.get(text[i : i + 2], ()):
            if text[i : i + n] in KNOWN_BODIES:
                yield i, i + n
                i += n
                break
        else:
            i += 1


@cache
def _suffixes_by_first() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for suf in ORG_SUFFIXES:  # longest first
        out.setdefault(suf[0], []).append(suf)
    return {k: tuple(v) for k, v in out.items()}


def _suffix_at(text: str, i: int) -> int:
    """Length of the longest organization suffix starting at ``i`` (0 if none)."""
    for suf in _suffixes_by_first().get(text[i : i + 1], ()):
        if text.startswith(suf, i):
            return len(suf)
    return 0


def _org_end(text: str, start: int, body_from: int, limit: int = 22) -> int | None:
    """Where an organization name that starts at ``start`` ends (None if it has no suffix)."""
    best: int | None = None
    i = body_from
    stop = min(len(text), start + limit)
    while i < stop:
        ch = text[i]
        if (ch in _STOP_CHARS and not text.startswith(_INNER_WORDS, i)) or text.startswith(_STOP_WORDS, i):
            break
        if ch in "和与及" and (text[i + 1 : i + 2] in _PREFIX_CHARS or text.startswith(_BROAD, i + 1)):
            break  # 省人防办和省民宗委: two bodies
        # a title after a suffix ends the name (委员会副厅长级干部); 组长 inside 纪检组 does not
        title_here = _title_at(text, i) and not text.startswith(("委员会", "党组"), i)
        if i > body_from and title_here and best is not None:
            break
        n = _suffix_at(text, i)
        if n and text[i + n - 1 : i + n + 1] in _NOT_END and not text.startswith(("委员会", "社区"), i):
            n = 0
        if n == 1 and text[i - 1 : i + 1] == "干部":
            break  # 县处级正职干部: officials, not a body
        if n:
            best = i + n
            i += n
            continue
        i += 1
    return best


def _prefix_len(doc: Doc, i: int, region_at: dict[int, tuple[int, str]]) -> int:
    text = doc.text
    if i in region_at:
        return region_at[i][0] - i
    ch = text[i]
    if ch in _BROAD_FIRST:
        for broad in _BROAD:
            if text.startswith(broad, i):
                return len(broad)
    if (
        ch in _PREFIX_CHARS
        and (i == 0 or text[i - 1] not in _BAD_LEFT)
        and not (
            i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" and text[i - 1] not in "、和及与对向由驻在从为,"
        )
    ):
        return 1
    return 0


def extract_organizations(doc: Doc) -> None:
    """Organizations named in the text, under their canonical names."""
    text = doc.text
    for ms, me in _known_bodies(text):
        if doc.claimed(ms, me):
            continue
        if ms > 0 and text[ms - 1] in _PREFIX_CHARS and text[ms] not in "中国全":
            continue  # 省发改委 is a provincial body, read below
        name = text[ms:me]
        if name in ("中共中央", "党中央", "中国共产党中央委员会", "中共中央委员会"):
            continue  # the central committee is a PartyCommittee
        if text[me - 1 : me + 1] in _NOT_END:
            continue  # 人事部门: a word, not 人事部
        end = _org_end(text, ms, me) or me
        if end > me and not _extends(text, me, end):
            # 中国石油大学 is a body of its own; anything longer runs into the next word
            end = end if end - me <= 4 and text[me:end].endswith(("大学", "学院")) else me
        surface = text[ms:end]
        if KNOWN_BODIES.get(surface) == "中共中央政治局" and text.startswith("常委", end):
            surface = "中共中央政治局常务委员会"  # 政治局常委: a member of its standing committee
        ref = doc.organization(surface, (ms, end))
        doc.mention(ms, end, ref)
        _shared_parent(doc, text[ms:me], end)
    region_at = {s: (e, codes[0]) for s, e, _, codes in regions.scan(text)}
    i = 0
    while i < len(text):
        if doc.claimed(i, i + 1):
            i += 1
            continue
        plen = _prefix_len(doc, i, region_at)
        if not plen:
            i += 1
            continue
        found_end = _org_end(text, i, i + plen)
        if found_end is None or found_end - i <= plen:
            i += plen
            continue
        end = found_end
        surface = text[i:end]
        if doc.claimed(i, end) or _is_committee(surface):
            i += plen
            continue
        ref = doc.organization(surface, (i, end))
        doc.mention(i, end, ref)
        _shared_parent(doc, text[i : i + plen], end)
        i = end
    _unowned_leading_groups(doc)


def _extends(text: str, start: int, end: int) -> bool:
    """Whether the words after a central body's name name a unit of it (驻…纪检监察组, 机关党委,
    廉政建设研究中心, 扶贫开发领导小组) rather than run into the next word."""
    tail = text[start:end]
    if tail.startswith(("驻", "机关", "党组", "党委", "宣传部")):
        return True
    return 4 <= len(tail) <= 12 and tail.endswith(("中心", "研究院", "研究所", "领导小组", "学院", "委员会"))


def _shared_parent(doc: Doc, prefix: str, end: int) -> None:
    """Members after a body in a coordination share its prefix: 北京大学廉政建设研究中心、公共政策研究中心,
    省教育厅、科技厅."""
    text = doc.text
    while end < len(text) and text[end] == "、" and prefix:
        j = end + 1
        starts_region = any(a == 0 for a, _, _, _ in regions.scan(text[j : j + 6]))
        if doc.claimed(j, j + 1) or starts_region:
            return
        if text[j : j + 1] in _PREFIX_CHARS or text.startswith(_BROAD, j) or _title_at(text, j):
            return
        found = _org_end(text, j, j, limit=14)
        if found is None or found - j < 3 or _title_at(text, found - 2):
            return
        ref = doc.organization(prefix + text[j:found], (j, found))
        doc.mention(j, found, ref)
        end = found


_LEADING_GROUP = re.compile(r"(?<![各级县市区省])(?:(?:巡视|巡察)工作领导小组(?:办公室)?|(?:巡视|巡察)办)")


def _unowned_leading_groups(doc: Doc) -> None:
    """巡察工作领导小组 named without its committee is the one of the committee the article is about."""
    from kg.extract.inspections import default_committee

    for m in _LEADING_GROUP.finditer(doc.text):
        if doc.claimed(m.start(), m.end()):
            continue
        scheme = "巡视" if m.group(0).startswith("巡视") else "巡察"
        committee = default_committee(doc, scheme)
        if committee.region is None and committee.level is None:
            continue
        ref = doc.organization(committee.short + m.group(0), (m.start(), m.end()))
        doc.mention(m.start(), m.end(), ref)


def _is_committee(surface: str) -> bool:
    return bool(
        re.fullmatch(r"(?:中共)?[\u4e00-\u9fff]{0,10}?(?:省委|市委|州委|县委|区委|旗委|党委|委)", surface)
    ) and (
        not surface.endswith(
            ("纪委", "监委", "政法委", "发改委", "国资委", "卫健委", "民宗委", "教委", "农委", "经委")
        )
    )


_COMMITTEE = re.compile(
    r"(?:中共|中国共产党)?(?P<region>[\u4e00-\u9fff]{2,12}?)?(?P<level>省委|市委|州委|县委|区委|旗委|自治区党委)"
    r"|党中央|(?<![\u4e00-\u9fff])中央(?=关于|的|和|、|,|在|重大|决策|部署|要求|统一)|(?<=[,。、和])中央(?=[,、])"
)


def extract_committees(doc: Doc) -> None:
    """Party committees named by themselves (省委, 中共浙江省委, 党中央)."""
    text = doc.text
    for m in _COMMITTEE.finditer(text):
        start, end = m.start(), m.end()
        word = m.group(0)
        if m.group("level"):
            region = m.group("region") or ""
            # the region may end inside the level word: 广西壮族|自治区党委
            with_level = region + m.group("level").removesuffix("党委").removesuffix("委")
            found = regions.scan(with_level) if region else []
            if found and found[-1][1] == len(with_level):
                start = m.start("region") + found[-1][0]
            else:
                start = m.start("level")
            word = text[start:end]
        if doc.claimed(start, end):
            continue
        c = doc.ctx.committee(word)
        if c is None:
            continue
        if c.region is None and c.level is None and ("PartyCommittee", c.key) not in doc.out.entities:
            continue  # 县委书记 as a kind of official, not a committee the article is about
        group = _AD_HOC_GROUP.match(text, end)
        if group and c.region is not None and not doc.claimed(end, group.end()):
            # 市委落实省委巡视组反馈意见整改工作领导小组: a group the committee set up for a task
            ref = doc.organization(c.short + group.group(0), (start, group.end()))
            doc.mention(start, group.end(), ref)
            continue
        ref = doc.committee(c, (start, end), word)
        doc.mention(start, end, ref)
        if c.region is not None:
            _share_final_committee(doc, start, word)


_AD_HOC_GROUP = re.compile(
    r"(?:(?!会议|研究|成立|决定|召开|部署|印发)[^,。;:、\s“”()了的是在对由])"
    r"{2,30}?(?:工作)?领导小组(?:办公室)?"
)


def _share_final_committee(doc: Doc, start: int, word: str) -> None:
    """南平市、三明市委: the 委 that closes a list of regions belongs to each of them."""
    text = doc.text
    level = word[-2]
    while start > 0 and text[start - 1] == "、":
        found = regions.scan(text[max(0, start - 13) : start - 1])
        if not found or found[-1][1] != len(text[max(0, start - 13) : start - 1]):
            return
        s, _e, surface, codes = found[-1]
        begin = max(0, start - 13) + s
        if not surface.endswith(level) or doc.claimed(begin, start - 1):
            return
        c = committee_of_region(codes[0])
        ref = doc.committee(c, (begin, start - 1), surface + "委")
        doc.mention(begin, start - 1, ref)
        start = begin


_SELF = re.compile(r"(?:我|全|本)(省|市|县|区)")


def extract_regions(doc: Doc) -> None:
    """Administrative divisions named in the text (outside names of bodies), and 我省/全省."""
    text = doc.text
    for start, end, surface, codes in regions.scan(text, within=doc.ctx.province):
        if doc.claimed(start, end):
            continue
        if end < len(text) and text[end] in "委" and not text.startswith("委员", end):
            continue  # a committee, read elsewhere
        if doc.foreign_county(codes[0], surface):
            continue
        ref = doc.region(codes[0], (start, end), surface)
        doc.mention(start, end, ref)
    for m in _SELF.finditer(text):
        level = {"省": "province", "市": "prefecture", "县": "county", "区": "county"}[m.group(1)]
        code = doc.ctx.region_code(level)
        if code is None or doc.claimed(m.start(), m.end()):
            continue
        if m.end() < len(text) and text[m.end()] in "委管直属级":
            continue
        ref = doc.region(code, (m.start(), m.end()), m.group(0))
        doc.mention(m.start(), m.end(), ref)
    for m in re.finditer(
        r"(?<![\u4e00-\u9fff])(?![对该本各全其此每所向在与和及])([\u4e00-\u9fff]{2,5}(?:镇|乡|街道))"
        r"(?=[\u4e00-\u9fff]{2,4}(?:村|社区)|、|,)",
        text,
    ):
        if doc.ctx.county is not None and not doc.claimed(m.start(), m.end()):
            ref = doc.township(m.group(1), (m.start(1), m.end(1)), doc.ctx.county)
            doc.mention(m.start(1), m.end(1), ref)


_DOC = re.compile(r"《([^《》\n]{4,60})》")
_DOC_WORDS = re.compile(
    r"条例|规定|办法|意见|决定|通知|方案|规划|准则|细则|制度|纲要|规则|法$|法\(|若干|措施|计划|要点|指引|标准"
)


def extract_documents(doc: Doc) -> None:
    """Policy documents cited by their titles in 《》."""
    from kg.model import Entity

    for m in _DOC.finditer(doc.text):
        title = m.group(1)
        if not _DOC_WORDS.search(title):
            continue  # a newspaper, a programme or a book
        original = doc.article.text[m.start(1) : m.end(1)]
        aliases = frozenset({original} - {title})
        short = re.sub(r"^中国共产党", "", title)
        if short != title:
            aliases |= {short}
        ref = doc.out.add(Entity("Document", title, title, aliases, (), ((m.start(1), m.end(1)),)))
        doc.mention(m.start(), m.end(), ref)


_ISSUED = re.compile(r"(?:印发|出台|制定|发布|下发|颁布|修订|制发)(?:了|实施)?$")


def link_documents(doc: Doc) -> None:
    """Who issued a document and when: 省委印发《…》, 2018年,我省出台《…》."""
    from kg.extract.dates import find_dates

    for m in list(doc.mentions):
        if m.ref[0] != "Document":
            continue
        sentence = doc.article.sentence_at(m.start)
        clause_start = max(sentence.start, doc.text.rfind(",", sentence.start, m.start) + 1)
        before = doc.text[clause_start : m.start]
        verb = _ISSUED.search(before)
        if not verb:
            continue
        span = (sentence.start, sentence.end)
        issuers = [
            x
            for x in doc.mentions_in(sentence.start, clause_start + verb.start())
            if x.ref[0] in ("PartyCommittee", "Organization")
        ]
        if issuers:
            doc.out.relate(m.ref, "issuedBy", issuers[-1].ref, span)
        dates = find_dates(doc.text[sentence.start : clause_start + verb.start()], doc.article.date)
        if dates:
            doc.out.set_prop(m.ref, "date", dates[-1][2])


def drop_unstated_bodies(doc: Doc) -> None:
    """A body the text names only through its party group (省林业局党组) is no node of its own,
    unless something else is said of it (a post in it, a figure about it)."""
    named = {m.ref for m in doc.mentions}
    for ref in doc.implied - named:
        used = any(
            (r.object == ref and r.predicate != "subOrganizationOf")
            or (r.subject == ref and r.predicate != "locatedIn")
            for r in doc.out.relations
        )
        if not used:
            doc.out.drop(ref)
