"""The home region a web address names: jsdyjw.gov.cn is 江苏 丹阳's discipline commission.

Local government and party sites are named by the pinyin initials (or the full pinyin) of their
region, often the province's and then the prefecture's or county's, followed by what the site is
(jw 纪委, jjjc 纪检监察, sjw 省纪委 …). Only a reading that is unique is taken: ``hb`` is both
湖北 and 河北, so it names no province. Pinyin comes from the PyPI package ``pypinyin``.

Example
-------
>>> from kg import regions
>>> regions.get(host_region("http://www.jsdyjw.gov.cn/show.asp?id=1")).name
'丹阳市'
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from urllib.parse import urlsplit

from kg import regions

__all__ = ["host_region"]

#: What follows the region in a site's name: its kind (纪委, 纪检监察, 巡察 …), or nothing.
_KINDS = ("", "jw", "sjw", "jjw", "jjjc", "jjjcw", "xsxc", "xc", "lz", "qfw", "dj", "zzb", "news", "gov")
_GENERIC_LABELS = frozenset({"www", "gov", "com", "cn", "net", "org", "edu", "m", "wap", "jw", "news"})


def _stem(name: str) -> str:
    stem = re.sub(r"(?:维吾尔|壮族|回族)?自治区$|省$|市$", "", name)
    if len(stem) < 2:
        stem = name
    return re.sub(r"(?:区|县|旗)$", "", stem) if len(stem) > 2 else stem


@cache
def _index() -> tuple[dict[str, set[str]], dict[str, dict[str, set[str]]]]:
    """(province spellings -> codes, province code -> unit spellings -> codes)."""
    from pypinyin import Style, lazy_pinyin

    provinces: dict[str, set[str]] = defaultdict(set)
    units: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    codes = {c for cs in regions.names().values() for c in cs}
    for code in codes:
        div = regions.get(code)
        stem = _stem(div.name)
        spellings = {"".join(lazy_pinyin(stem, style=Style.FIRST_LETTER)), "".join(lazy_pinyin(stem))}
        if div.level == "province":
            for s in spellings:
                provinces[s].add(code)
        else:
            home = regions.province_of(code)
            if home is not None:
                for s in spellings:
                    units[home.code][s].add(code)
    return dict(provinces), {k: dict(v) for k, v in units.items()}


def host_region(url: str | None) -> str | None:
    """The GB/T 2260 code of the region a web address's host names, or None."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    if not host.endswith(".gov.cn"):
        return None  # news portals and forums name no home
    provinces, units = _index()
    for label in host.split("."):
        if label in _GENERIC_LABELS or not label.isalpha():
            continue
        for kind in sorted(_KINDS, key=len, reverse=True):
            if not label.endswith(kind):
                continue
            core = label[: len(label) - len(kind)]
            found = _read(core, provinces, units)
            if found is not None:
                return found
    return None


def _read(core: str, provinces: dict[str, set[str]], units: dict[str, dict[str, set[str]]]) -> str | None:
    if core in provinces and len(provinces[core]) == 1:
        return next(iter(provinces[core]))
    for i in range(2, len(core) - 1):
        head, rest = core[:i], core[i:]
        codes = provinces.get(head, set())
        if len(codes) != 1:
            continue
        (province,) = codes
        found = units.get(province, {}).get(rest, set())
        if len(found) == 1:
            return next(iter(found))
    return None
