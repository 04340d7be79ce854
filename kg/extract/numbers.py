"""Numbers as written in Chinese news: Arabic, Chinese numerals, 余/多 and percentages.

Example
-------
>>> chinese_int("十四")
14
>>> parse_value("100余")
(Decimal('100'), True)
>>> parse_value("83.98")
(Decimal('83.98'), False)
>>> chinese_int("二十")
20
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

__all__ = ["CN_DIGITS", "NUM", "chinese_int", "ordinal_text", "parse_value"]

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
#: A number as written: Arabic (with thousands separators and decimals) or Chinese numerals.
NUM = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)"

_SIMPLE = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


@lru_cache(maxsize=4096)
def chinese_int(text: str) -> int | None:
    """An integer from Arabic digits or Chinese numerals (``十四`` -> 14, ``首`` -> 1); None if not one."""
    text = text.strip()
    if not text:
        return None
    if text == "首":
        return 1
    if text.isdigit():
        return int(text)
    if all(ch in _SIMPLE for ch in text) and len(text) > 1:
        return int("".join(str(_SIMPLE[ch]) for ch in text))  # 二〇一九 -> 2019
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if float(value).is_integer() else None


def parse_value(text: str) -> tuple[Decimal, bool] | None:
    """``(value, approximate)`` of a figure such as ``2101``, ``100余``, ``1.2万``, ``三十多``."""
    m = re.fullmatch(r"\s*(" + NUM + r")\s*(万|亿)?\s*(余|多|左右|以上)?\s*", text)
    if not m:
        return None
    raw, scale, approx = m.groups()
    try:
        if raw[0].isdigit():
            value = Decimal(raw.replace(",", ""))
        else:
            n = chinese_int(raw)
            if n is None:
                return None
            value = Decimal(n)
    except InvalidOperation:
        return None
    if scale == "万":
        value *= 10000
    elif scale == "亿":
        value *= 100000000
    integral = value == value.to_integral_value()
    return (value.quantize(Decimal(1)) if integral else value.normalize()), bool(approx)


_ORDINAL_TEXT = "零一二三四五六七八九"


def ordinal_text(n: int) -> str:
    """Chinese numeral for 1–99 as used in names (11 -> 十一, 20 -> 二十, 4 -> 四)."""
    if n < 10:
        return _ORDINAL_TEXT[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _ORDINAL_TEXT[tens]
    return head + "十" + (_ORDINAL_TEXT[ones] if ones else "")
