"""Targets of inspection: an enumeration of units split member by member and resolved.

Members are regions (宁波市海曙区、镇海区), committees (省委, 市委), townships and
organisations; a member inherits a shared prefix or suffix from its neighbours
(漳州市、三明市、宁德市委; 西天尾镇洞湖村、澄渚村), and count phrases (6个州市) and
bracketed sub-lists are no members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg import regions
from kg.extract.doc import Doc, Ref
from kg.extract.lexicon import KNOWN_BODIES, ORG_SUFFIXES

__all__ = ["Target", "parse_targets"]

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
        for part, at in _members(doc, core, start):
            target = _resolve_item(doc, part, at, prev, prev_item)
            if target is not None:
                out.append(target)
                prev, prev_item = target, doc.entity(target.ref).name
    return out


_CONJUNCTION = re.compile(r"(?<=[\u4e00-\u9fff])(?:以及|和|及|与)(?=[\u4e00-\u9fff])")


def _members(doc: Doc, core: str, start: int) -> list[tuple[str, int]]:
    """``core`` as one member, or as the members around its 和/及/与 when only those name something.

    县林业局和城关镇: the conjunction was kept (城关镇 starts no known region), the whole names
    nothing, and each side names a unit. 文化和旅游部 names a body as a whole and stays one.
    """
    conjunctions = list(_CONJUNCTION.finditer(core))
    if not conjunctions or _names_unit(doc, core):
        return [(core, start)]
    cuts = [0, *(x for m in conjunctions for x in (m.start(), m.end())), len(core)]
    parts = [(core[a:b], start + a) for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
    if all(_names_unit(doc, part) for part, _ in parts):
        return parts
    return [(core, start)]


def _names_unit(doc: Doc, item: str) -> bool:
    """Whether a member names a region, a committee, a township or a body (as :func:`_resolve_item` reads)."""
    item = item.strip(" ()")
    if len(item) < 2 or re.search(r"\d", item) or _GENERIC.search(item):
        return False
    found = regions.scan(item)
    return bool(
        (found and found[0][0] == 0 and found[0][1] == len(item))
        or re.fullmatch(r"(?:中共)?[\u4e00-\u9fff]{0,10}(?:省委|市委|州委|县委|区委|党委)", item)
        or re.fullmatch(r"[\u4e00-\u9fff]{2,6}(?:镇|乡|街道)", item)
        or item in KNOWN_BODIES
        or item.endswith(ORG_SUFFIXES)
        or re.search(r"(?:集团|公司)|[会委协院府]机关$", item)
    )
