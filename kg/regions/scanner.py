"""The scanner: region names in running text, leftmost-longest, a parent's name joined with its child's."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from kg.regions.gazetteer import GENERIC_NAMES, contains, load_tables, under

__all__ = ["scan"]


# ideographs after which a two-character county-level name or alias (应县, 范县, 兴和) may start
_LEFT_OK = frozenset("在对于到赴至和与及的从原任往向由该为即是自驻去来经把将同跟给进入抵返离出省市州盟区县旗")
_ROAD_AFTER = ("路", "街", "巷", "大道", "大街", "大学", "学院")


def _glued(before: str) -> bool:
    """Would a two-character name right after ``before`` likely be the tail of another word?"""
    return "\u4e00" <= before <= "\u9fff" and before not in _LEFT_OK


@dataclass(frozen=True, slots=True)
class _Scanner:
    surfaces: dict[str, tuple[str, ...]]
    lengths: dict[str, tuple[int, ...]]  # first character -> surface lengths, longest first
    aliases: frozenset[str]  # surfaces that are only short forms
    strict: frozenset[str]  # two-character county-level forms: need a word boundary on the left


@cache
def _scanner() -> _Scanner:
    tables = load_tables()
    surfaces: dict[str, tuple[str, ...]] = {}
    alias_only: set[str] = set()
    for surface, codes in tables.index.items():
        if surface in GENERIC_NAMES or len(surface) < 2:
            continue
        surfaces[surface] = codes
        if all(tables.kinds[(surface, c)] == 1 for c in codes):
            alias_only.add(surface)
    lengths: dict[str, set[int]] = {}
    for surface in [*surfaces, *GENERIC_NAMES]:
        lengths.setdefault(surface[0], set()).add(len(surface))
    level = {code: d.level for code, d in tables.divisions.items()}
    strict = frozenset(
        s
        for s, codes in surfaces.items()
        if len(s) == 2 and (s not in alias_only or all(level[c] == "county" for c in codes))
    )
    return _Scanner(
        surfaces,
        {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()},
        frozenset(alias_only),
        strict,
    )


def scan(text: str, within: str | None = None) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """Find region names in running text.

    Matches are non-overlapping and leftmost-longest; a parent's name directly followed by a
    child's (``宁波市海曙区``, ``浙江省宁波市``, ``浙江宁波``) is joined into one match whose
    candidates are the matching children.  Short generic names (``城区``, ``东区``, ``新城区``)
    only match right after their parent (``阳泉市城区``); two-character names such as ``应县``
    need a word boundary on the left (so ``响应县委`` is not 应县); bare aliases are skipped before
    ``路``/``街``/``大学`` and the like (``中山路``).

    Parameters
    ----------
    text : str
        Running text.
    within : str, optional
        Code of a province or prefecture used to narrow ambiguous matches: candidates inside it
        are kept if there are any, otherwise all candidates are kept.

    Returns
    -------
    list of (int, int, str, tuple of str)
        ``(start, end, surface, candidate codes)``, candidates best first.
    """
    # a body's name is scanned again and again, and an article's text by several passes in a
    # row: remember the answers for names, and for the last few texts only
    if len(text) <= 40:
        found = _scan_name(text)
    elif len(text) <= 200_000:
        found = _scan_text(text)
    else:
        found = _scan(text)
    if within is None:
        return list(found)
    out = []
    for start, end, surface, codes in found:
        inside = tuple(c for c in codes if contains(within, c))
        out.append((start, end, surface, inside or codes))
    return out


@lru_cache(maxsize=8192)
def _scan_name(text: str) -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    return _scan(text)


@lru_cache(maxsize=4)
def _scan_text(text: str) -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    return _scan(text)


def _scan(text: str) -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    sc = _scanner()
    surfaces, lengths = sc.surfaces, sc.lengths
    matches: list[tuple[int, int, str, tuple[str, ...]]] = []
    n = len(text)
    i = 0
    while i < n:
        lens = lengths.get(text[i])
        if lens is None:
            i += 1
            continue
        prev = matches[-1] if matches and matches[-1][1] == i else None
        hit = None
        for length in lens:
            if i + length > n:
                continue
            surface = text[i : i + length]
            codes = surfaces.get(surface)
            if surface in GENERIC_NAMES:
                codes = load_tables().index.get(surface) if prev else None
            if not codes:
                continue
            if prev is not None:
                children = tuple(c for c in codes if under(c, prev[3]))
                if children:
                    hit = (prev[0], i + length, text[prev[0] : i + length], children)
                    matches.pop()
                    break
                if surface in GENERIC_NAMES:
                    continue
            if surface in sc.strict and i > 0 and _glued(text[i - 1]):
                continue
            if surface in sc.aliases and text.startswith(_ROAD_AFTER, i + length):
                continue
            hit = (i, i + length, surface, codes)
            break
        if hit is None:
            i += 1
            continue
        matches.append(hit)
        i = hit[1]
    return tuple(matches)
