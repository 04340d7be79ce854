"""Dates in running text: absolute, partial and relative to the article's date.

A date is an ISO string as precise as the text: ``2019-06-05``, ``2019-06`` or
``2019``. Relative expressions (今年, 去年, 近日, 8月26日 without a year) are
resolved against the article's publication date; without one they stay unknown.

Example
-------
>>> find_dates("2019年6月,十四届省委第七轮巡视", "2020-01-10")[0][2]
'2019-06'
>>> find_dates("8月26日,巡视组进驻", "2020-01-10")[0][2]
'2019-08-26'
>>> find_dates("去年,省委开展3轮巡视", None)
[]
"""

from __future__ import annotations

import re

from kg.extract.numbers import chinese_int

__all__ = ["find_dates", "year_of"]

_CN = "[0-9零〇一二两三四五六七八九十]"
_DATE = re.compile(
    rf"(?P<y>(?:19|20)\d{{2}}|[一二][〇零一二三四五六七八九]{{3}})年(?:(?P<m>{_CN}{{1,2}})月(?:(?P<d>{_CN}{{1,3}})[日号])?)?"
    rf"|(?P<rel>今年|去年|前年|明年|本年度|上年度)(?:(?P<rm>{_CN}{{1,2}})月(?:(?P<rd>{_CN}{{1,3}})[日号])?)?"
    rf"|(?<![0-9年])(?P<m2>{_CN}{{1,2}})月(?P<d2>{_CN}{{1,3}})[日号]"
    rf"|(?P<near>近日|日前|近期|目前|当前|今天|昨天|昨日)"
)


def year_of(date: str | None) -> int | None:
    """The year of an ISO date string, or None."""
    return int(date[:4]) if date and re.match(r"\d{4}", date) else None


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= 31:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_dates(text: str, article_date: str | None) -> list[tuple[int, int, str]]:
    """Every date expression of ``text`` that can be resolved: ``(start, end, iso)``.

    ``近日``/``日前`` resolve to the article's month (the report's own time), ``今天`` to its day.
    """
    ay = year_of(article_date)
    out = []
    for m in _DATE.finditer(text):
        iso: str | None = None
        if m["y"]:
            y = chinese_int(m["y"])
            if y is not None:
                iso = _iso(
                    y, chinese_int(m["m"]) if m["m"] else None, chinese_int(m["d"]) if m["d"] else None
                )
        elif m["rel"] and ay:
            offset = {"今年": 0, "本年度": 0, "去年": -1, "上年度": -1, "前年": -2, "明年": 1}[m["rel"]]
            iso = _iso(
                ay + offset,
                chinese_int(m["rm"]) if m["rm"] else None,
                chinese_int(m["rd"]) if m["rd"] else None,
            )
        elif m["m2"] and ay and article_date:
            month, day = chinese_int(m["m2"]), chinese_int(m["d2"])
            if month is not None:
                # A month after the article's month is last year's (a January article about 12月).
                am = int(article_date[5:7]) if len(article_date) >= 7 else 12
                iso = _iso(ay - (1 if month > am else 0), month, day)
        elif m["near"] and article_date:
            iso = article_date[:10] if m["near"] in ("今天",) else article_date[:7]
            if m["near"] in ("昨天", "昨日") or m["near"] in ("目前", "当前"):
                iso = None  # a relative day we do not date, and "now" states no event date
        if iso:
            out.append((m.start(), m.end(), iso))
    return out
