"""Whose 省委, 市委 and 我省: the article's home regions, from its publisher and its text.

Short forms resolve through context: a Zhejiang paper's 省委 is 中共浙江省委 and its
我省 浙江省; a central article's 中央 is 中共中央. The publisher decides first
(浙江日报 -> 浙江省; 宁波日报 -> 宁波市), then the committees the text names
(根据浙江省委部署), then where the regions the text names lie. Where nothing
decides, a short form keeps the name as written.

Example
-------
>>> from kg.model import Article
>>> ctx = Context.of(Article(id="x", text="省委巡视组进驻。", publisher="浙江日报"))
>>> ctx.committee("省委").name
'中共浙江省委'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg import regions
from kg.extract.hosts import host_region
from kg.extract.lexicon import PUBLISHER_REGIONS
from kg.model import Article
from kg.text import normalize

__all__ = ["Committee", "Context", "committee_of_region"]

LEVEL_WORDS = {
    "省委": "province",
    "市委": "prefecture",
    "州委": "prefecture",
    "盟委": "prefecture",
    "县委": "county",
    "区委": "county",
    "旗委": "county",
    "自治区党委": "province",
}
_EXPLICIT = re.compile(r"([\u4e00-\u9fff]{2,12}?)(省委|市委|州委|盟委|县委|区委|旗委|自治区党委)")


@dataclass(frozen=True, slots=True)
class Committee:
    """A party committee as resolved in one article."""

    key: str
    name: str
    """Canonical name: 中共中央, 中共浙江省委, or the form as written when unresolved (市委)."""
    short: str
    """The form used inside round and team names: 中央, 浙江省委, 市委."""
    level: str | None
    region: str | None
    """GB/T 2260 code of the committee's jurisdiction."""


MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})

CENTRAL = Committee(key="中共中央", name="中共中央", short="中央", level="central", region=None)


def committee_of_region(code: str) -> Committee:
    """The party committee whose jurisdiction is region ``code``."""
    div = regions.get(code)
    display = regions.display_name(code)
    level = {"province": "provincial", "prefecture": "municipal", "county": "county"}.get(
        div.level, div.level
    )
    short = display + ("党委" if display.endswith("自治区") else "委")
    return Committee(key="中共" + short, name="中共" + short, short=short, level=level, region=code)


@dataclass
class Context:
    """The home regions of one article and the committees its short forms stand for."""

    article_id: str
    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    central: bool = False
    """True when the article is about central inspection (its 巡视组 are 中央巡视组)."""
    about_central: bool = False
    """True when the article speaks of central inspection and of no provincial one."""
    _cache: dict[str, Committee | None] = field(default_factory=dict)

    @classmethod
    def of(cls, article: Article, text: str | None = None) -> Context:
        """Work out the home regions of ``article`` (``text``: its normalised text)."""
        text = text if text is not None else article.norm
        ctx = cls(article_id=article.id)
        publisher = normalize(article.publisher or "")
        for paper, region in PUBLISHER_REGIONS.items():
            if paper in publisher:
                publisher = region or "中央"
                break
        for _, _, _, codes in regions.scan(publisher):
            ctx._home(codes[0])
            break
        if ctx.province is None or ctx.prefecture is None:
            for m in _EXPLICIT.finditer(text):
                found = regions.scan(m.group(1))
                if found and found[-1][1] == len(m.group(1)):
                    code = found[-1][3][0]
                    if (
                        ctx.province is None
                        or (regions.province_of(code) or regions.get(code)).code == ctx.province
                    ):
                        ctx._home(code)
                        if ctx.prefecture is not None:
                            break
        looks_central = bool(re.search(r"中央(第[一二三四五六七八九十\d]+)?巡视组|中央巡视", text))
        if ctx.province is None:
            home = host_region(article.url)
            if home is not None:
                ctx._home(home)
        if ctx.province is None:
            # where the regions the text names lie; the province itself counts, except in an
            # article about central inspection (which names the provinces it inspects)
            votes: Counter[str] = Counter()
            for _, _, _, codes in regions.scan(text):
                div = regions.get(codes[0])
                prov = div if div.level == "province" else regions.province_of(div.code)
                if prov is not None and (div.level != "province" or not looks_central):
                    votes[prov.code] += 1
            if votes:
                (best, n), *rest = [*votes.most_common(2), ("", 0)]
                alone = (
                    n == 1
                    and not rest[0][1]
                    and not looks_central
                    and bool(re.search(r"我省|全省|省委|省纪委|省监委", text))
                )
                if (n >= 2 and n > rest[0][1]) or alone:
                    ctx.province = best
        if ctx.county is None and re.search(r"区委|县委", text):
            ctx._single_named(text, "county")
        if ctx.prefecture is None and "市委" in text:
            ctx._single_named(text, "prefecture")
        ctx.central = ctx.province is None and looks_central
        # a provincial paper's report on central inspection: its unnamed rounds are the centre's
        ctx.about_central = looks_central and not re.search(
            r"(?:省委|自治区党委)(?:第[一二三四五六七八九十\d]+)?巡视", text
        )
        return ctx

    def _single_named(self, text: str, level: str) -> None:
        """Take the one region of ``level`` that the text names in full as home (区委 of 莆田市荔城区)."""
        named = {
            codes[0]
            for _, _, surface, codes in regions.scan(text)
            if regions.get(codes[0]).level == level
            and (
                self.province is None
                or (regions.province_of(codes[0]) or regions.get(codes[0])).code == self.province
            )
            and surface.endswith(("区", "县", "市", "州", "旗"))
        }
        if len(named) == 1:
            self._home(named.pop())

    def _home(self, code: str) -> None:
        div = regions.get(code)
        for anc in regions.chain(code):
            if anc.level == "province" and self.province is None:
                self.province = anc.code
            elif anc.level == "prefecture" and self.prefecture is None:
                self.prefecture = anc.code
            elif anc.level == "county" and self.county is None and anc.code == div.code:
                self.county = anc.code

    def region_code(self, level: str) -> str | None:
        """The home region of a level (``province``, ``prefecture``, ``county``), when known.

        In the four municipalities (北京, 上海, 天津, 重庆) 市 is the province-level city itself.
        """
        if level == "prefecture" and self.prefecture is None and self.province in MUNICIPALITIES:
            return self.province
        if level == "prefecture" and self.county is not None and regions.get(self.county).name.endswith("市"):
            return self.county  # in a county-level city (丹阳市), 市委 is its own
        return {"province": self.province, "prefecture": self.prefecture, "county": self.county}.get(level)

    def committee(self, word: str) -> Committee | None:
        """The committee a word names: 中央, 省委, 市委, 区委, 浙江省委, 上饶市委 …; None if not one."""
        if word in self._cache:
            return self._cache[word]
        result = self._resolve(word)
        self._cache[word] = result
        return result

    def _resolve(self, word: str) -> Committee | None:
        word = word.removeprefix("中共").removeprefix("中国共产党")
        if word in ("中央", "党中央", "中央委员会"):
            return CENTRAL
        if word in LEVEL_WORDS:
            code = self.region_code(LEVEL_WORDS[word])
            if code is not None and (word not in ("区委",) or regions.get(code).name.endswith("区")):
                return committee_of_region(code)
            if word == "区委" and self.county is not None:
                return committee_of_region(self.county)
            return Committee(key=f"{word}@{self.article_id}", name=word, short=word, level=None, region=None)
        m = re.fullmatch(r"(.+?)(省委|市委|州委|盟委|县委|区委|旗委|党委|委)", word)
        if not m:
            return None
        within = self.province if m.group(2) != "省委" else None
        candidates = regions.find(m.group(1), within=within) or regions.find(m.group(1))
        if not candidates:
            return None
        return committee_of_region(candidates[0].code)
