"""Text normalisation that keeps offsets: simplified script, half-width digits and punctuation.

Extractors match on :func:`normalize`'s output, which always has the same
length as its input, so a span found in it is a span of the original text,
and evidence quotes the article exactly as written (traditional script included).

Example
-------
>>> normalize("浙江省委巡視組轉入第一輪巡視，發現問題２１個")
'浙江省委巡视组转入第一轮巡视,发现问题21个'
>>> list(split_sentences("一。二!\\n三"))
[(0, 2), (2, 4), (5, 6)]
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

import zhconv

__all__ = ["normalize", "split_sentences", "to_simplified"]

# Punctuation kept full-width on purpose: Chinese quotes and the enumeration comma carry meaning.
_KEEP = set("、。《》“”‘’「」『』【】…—·")
_SENTENCE_END = re.compile(r"[。!?！？]+[”’」』]?|\n+|\s{2,}")


@lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    if ch in _KEEP or ch.isascii():
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        return ch
    return folded


# Characters the table would fold that are also ordinary simplified characters, in names above
# all (孙乾, 於姓) or words (著名): folding them would change simplified text.
_ALSO_SIMPLIFIED = frozenset("乾於著藉瞭覆甦徵夥祇")


@cache
def _simplified_table() -> dict[int, str]:
    """Single-character traditional -> simplified mappings of zhconv's (MediaWiki's) tables."""
    data = json.loads((Path(zhconv.__file__).parent / "zhcdict.json").read_text(encoding="utf-8"))
    table: dict[int, str] = {}
    for name in ("zh2Hans", "zh2CN"):
        for src, dst in data[name].items():
            if len(src) == 1 and len(dst) == 1 and src not in _ALSO_SIMPLIFIED:
                table[ord(src)] = dst
    return table


def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese, character for character (so the length is kept)."""
    return text.translate(_simplified_table())


def normalize(text: str) -> str:
    """Same-length normal form of ``text`` for matching (see the module doc)."""
    folded = to_simplified("".join(_char(ch) for ch in text).replace("\u3000", " "))
    assert len(folded) == len(text)
    return folded


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of ``text``: ends at 。!? (and a closing quote), or a line break.

    Leading and trailing white space is left out of each span; empty sentences are skipped.
    """
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        yield from _trimmed(text, start, end)
        start = end
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield (start, end)
