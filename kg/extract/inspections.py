"""Rounds, teams and inspections: who inspected what, in which round, of which type.

Rounds: 十四届省委第八轮巡视, 二十届中央第四轮巡视, 五届上饶市委第六轮巡察, 2014年首轮巡视,
第一轮第二批巡视, and 本轮/此轮 (the latest round named). Teams: 省委第十一巡视组,
中央第七巡视组, 市委第三巡察组, 区委专项巡察一组. Targets follow 进驻, 对…开展/进行,
向…反馈, 巡视…, 包括…, and tables of teams and their units; enumerations are
split member by member and inherit a shared prefix (宁波市海曙区、镇海区).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg import regions
from kg.extract.context import CENTRAL, Committee
from kg.extract.dates import find_dates
from kg.extract.doc import Doc, Ref
from kg.extract.lexicon import KNOWN_BODIES, ORG_SUFFIXES
from kg.extract.numbers import chinese_int
from kg.model import Entity

__all__ = ["Target", "extract_inspections", "parse_targets"]

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
_COUNT = r"[\d一二三四五六七八九十两百]+(?:个|家|所|名)"
_GENERIC = re.compile(
    r"^(?:被巡[视察]|各|有关|相关|部分|其他|全[省市县区]|本|该|我|下属|所属|机构|单位|部门|企业|\d)|"
    r"(?:单位|地方|部门|党组织|地区|系统|领导班子|(?<![会委协院府])机关|领域|行业|干部|人员)$"
)


@dataclass
class Target:
    """One member of an enumeration of targets, resolved."""

    ref: Ref
    start: int
    end: int


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


def _committee(doc: Doc, word: str | None, scheme: str, defaults: dict[str, Committee]) -> Committee:
    if word:
        c = doc.ctx.committee(word)
        if c is None:
            # a region-prefixed word the gazetteer does not know: keep the bare level word
            bare = re.search(r"(中央|省委|市委|州委|县委|区委|旗委|自治区党委)$", word)
            c = doc.ctx.committee(bare.group(1)) if bare else None
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


def _find_rounds(doc: Doc, defaults: dict[str, Committee]) -> None:
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


def _find_teams(doc: Doc, defaults: dict[str, Committee]) -> None:
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


def _resolve_item(
    doc: Doc, item: str, start: int, prev: Target | None, prev_item: str | None
) -> Target | None:
    """A member of an enumeration as a Region or an Organization (None when it names neither)."""
    item = item.strip(" ()")
    if len(item) < 2 or re.search(r"\d", item) or _GENERIC.search(item):
        return None
    end = start + len(item)
    found = regions.scan(item)
    if found and found[0][0] == 0 and found[0][1] == len(item):
        codes = found[0][3]
        if prev is not None and prev.ref[0] == "Region" and len(codes) > 1:
            # 深圳市、南山区: a city's own district, else a sibling of the member before
            parent = regions.get(prev.ref[1]).parent if prev.ref[1].isdigit() else None
            own = [c for c in codes if regions.get(c).parent == prev.ref[1]]
            better = own or [c for c in codes if parent and regions.get(c).parent == parent]
            codes = tuple(better) or codes
        elif prev is not None and prev.ref[0] == "Region" and prev.ref[1].isdigit():
            parent = regions.get(prev.ref[1]).parent
            narrowed = regions.find(item, within=parent) if parent else []
            if narrowed:
                codes = tuple(d.code for d in narrowed)
        if doc.foreign_county(codes[0], item):
            return None
        return Target(doc.region(codes[0], (start, end), item), start, end)
    committee = (
        doc.ctx.committee(item)
        if re.fullmatch(r"(?:中共)?[\u4e00-\u9fff]{0,10}(?:省委|市委|州委|县委|区委|党委)", item)
        else None
    )
    if committee is not None:
        ref = doc.committee(committee, (start, end), item)
        doc.mention(start, end, ref)
        return Target(ref, start, end)
    if re.fullmatch(r"[\u4e00-\u9fff]{2,6}(?:镇|乡|街道)", item):
        return Target(doc.township(item, (start, end), doc.ctx.county), start, end)
    name = item
    if prev_item and prev is not None and prev.ref[0] == "Organization":
        # 西天尾镇洞湖村、澄渚村: the second member inherits the first one's township
        head = re.match(r"^([\u4e00-\u9fff]{2,6}(?:镇|乡|街道))", prev_item)
        village = re.search(r"(?:村|社区)$", item) and re.search(r"(?:村|社区)$", prev_item)
        if head and village and not re.match(r"^[\u4e00-\u9fff]{2,6}(?:镇|乡|街道)", item):
            name = head.group(1) + item
    if (
        name in KNOWN_BODIES
        or name.endswith(ORG_SUFFIXES)
        or re.search(r"(?:集团|公司)|[会委协院府]机关$", name)
    ):
        ref = doc.organization(name, (start, end))
        _township_of(doc, name, start)
        doc.mention(start, end, ref)
        return Target(ref, start, end)
    return None


def _township_of(doc: Doc, name: str, start: int) -> None:
    head = re.match(r"^([\u4e00-\u9fff]{2,6}(?:镇|乡|街道))(?=[\u4e00-\u9fff]{2,}(?:村|社区)$)", name)
    if head:
        doc.township(head.group(1), None, doc.ctx.county)


_GENERIC_HEAD = r"(?:机构|单位|部门|地方|地区|党组织|企业|高校|省份|县|市|区)"


def _blank(m: re.Match[str]) -> str:
    return "、" * len(m.group(0))


def _split_conjunctions(text: str) -> str:
    """和/及/与 between two names becomes 、 (省教育厅党组和省科技厅党组).

    Inside a name it stays (文化和旅游部).
    """

    def repl(m: re.Match[str]) -> str:
        after = text[m.end() : m.end() + 6]
        found = regions.scan(after)
        starts_name = (
            after[:1] in "省市县区州"
            or after.startswith(("中央", "国家", "中国", "全国"))
            or bool(found and found[0][0] == 0)
        )
        return "、" if starts_name else m.group(0)

    return re.sub(
        r"(?<=[\u4e00-\u9fff])(?:以及|和|及|与)", lambda m: repl(m).ljust(len(m.group(0)), "、"), text
    )


def _share_committee_suffix(items: list[tuple[str, int]]) -> None:
    """漳州市、三明市、宁德市委: the 委 of the last member belongs to the regions before it too."""
    for i in range(len(items) - 1, 0, -1):
        last = re.fullmatch(r"[\u4e00-\u9fff]{2,}([市县区州])委", items[i][0])
        if not last:
            continue
        j = i - 1
        while (
            j >= 0
            and items[j][0].endswith(last.group(1))
            and regions.scan(items[j][0])[-1:]
            and (regions.scan(items[j][0])[-1][1] == len(items[j][0]))
        ):
            items[j] = (items[j][0] + "委", items[j][1])
            j -= 1


def parse_targets(doc: Doc, text: str, offset: int) -> list[Target]:
    """Split an enumeration of targets into members and resolve each one."""
    # a bracketed sub-list (市委办公室(市档案馆、市保密办)) names bodies housed with the target,
    # not targets: blank it out, keeping offsets
    text = re.sub(r"[(（][^()（）]*[)）]", lambda m: " " * len(m.group(0)), text)
    text = _split_conjunctions(text)
    # Count phrases (6个州市, 等8个省属单位) and a closing 等机构 are no members; blank them out
    # with delimiters so that offsets stay those of the text.
    text = re.sub(
        rf"等?{_COUNT}[^、,;]{{0,12}}|等{_GENERIC_HEAD}[^、,;]{{0,10}}|等$|等(?=[、,;])", _blank, text
    )
    items: list[tuple[str, int]] = []
    for m in re.finditer(r"[^、,，;]+", text):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip(" 对向和及"))
        item = re.sub(r"^(?:对|向|和|及|以及|进驻|入驻|巡视|巡察)", "", raw.strip())
        item = re.sub(r"(?:等|党组织|的)$", "", item)
        items.append((re.sub(r"[(（][^)）]*[)）]", "", item), offset + m.start() + lead))
    _share_committee_suffix(items)
    out: list[Target] = []
    prev: Target | None = None
    prev_item: str | None = None
    for core, start in items:
        target = _resolve_item(doc, core, start, prev, prev_item)
        if target is not None:
            out.append(target)
            prev, prev_item = target, doc.entity(target.ref).name
    return out


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
    _find_rounds(doc, defaults)
    _find_teams(doc, defaults)
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
