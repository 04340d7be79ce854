"""The working state of one article's extraction, and the entity makers every pass shares.

A pass reads the normalised text (:attr:`Doc.text`), records mentions (claimed
spans, so later passes do not read the same characters as something else) and
adds entities and relations to :attr:`Doc.out` through the makers here, which
decide canonical names and keys in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from kg import regions
from kg.extract.context import Committee, Context
from kg.extract.lexicon import KNOWN_BODIES, LOCAL_ABBREVIATIONS
from kg.extract.numbers import ordinal_text
from kg.model import Article, Entity, Extraction

__all__ = ["Doc", "Mention", "Ref"]

Ref = tuple[str, str]
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the text read as an entity."""

    start: int
    end: int
    ref: Ref


@dataclass
class Doc:
    """One article being extracted."""

    article: Article
    ctx: Context
    out: Extraction
    mentions: list[Mention] = field(default_factory=list)
    rounds: list[Mention] = field(default_factory=list)
    """Round mentions in text order (本轮 resolves to the latest)."""
    persons: list[Mention] = field(default_factory=list)
    table_posts: list[tuple[Ref, str, int]] = field(default_factory=list)
    """Cells naming the leaders of a team in a table: (team, cell text, offset)."""
    implied: set[Ref] = field(default_factory=set)
    """Bodies made only because their party group was named (国家铁路局 of 国家铁路局党组)."""
    _claimed: bytearray = field(default_factory=bytearray)

    @classmethod
    def of(cls, article: Article) -> Doc:
        """Start extracting ``article``."""
        return cls(article=article, ctx=Context.of(article), out=Extraction(article=article))

    @property
    def text(self) -> str:
        """The normalised text (same offsets as the article's text)."""
        return self.article.norm

    # ------------------------------------------------------------ mentions
    def claimed(self, start: int, end: int) -> bool:
        """Whether any character of ``[start, end)`` already belongs to a mention."""
        if not self._claimed:
            return False
        return self._claimed.find(1, start, end) != -1

    def unclaim(self, start: int, end: int, cls: str) -> None:
        """Forget the mentions of class ``cls`` that overlap ``[start, end)``."""
        self.mentions[:] = [
            m for m in self.mentions if not (m.start < end and start < m.end and m.ref[0] == cls)
        ]
        self._claimed = bytearray(len(self.text))
        for m in self.mentions:
            self._claimed[m.start : m.end] = b"\x01" * (m.end - m.start)

    def mention(self, start: int, end: int, ref: Ref) -> Ref:
        """Record that ``[start, end)`` names ``ref``; returns ``ref``."""
        if not self._claimed:
            self._claimed = bytearray(len(self.text))
        self._claimed[start:end] = b"\x01" * (end - start)
        self.mentions.append(Mention(start, end, ref))
        self.out.add_span(ref, (start, end))
        original = self.article.text[start:end]
        if original != self.text[start:end]:
            self.out.add_alias(ref, original)  # the form as written (traditional script), for search
        return ref

    def mentions_in(self, start: int, end: int, cls: str | None = None) -> list[Mention]:
        """Mentions inside ``[start, end)`` (of class ``cls``), in text order."""
        found = [
            m for m in self.mentions if start <= m.start and m.end <= end and (cls is None or m.ref[0] == cls)
        ]
        return sorted(found, key=lambda m: m.start)

    def entity(self, ref: Ref) -> Entity:
        """The entity behind a reference."""
        return self.out.entities[ref]

    # ------------------------------------------------------------ makers
    def committee(self, c: Committee, span: Span | None = None, surface: str | None = None) -> Ref:
        """A PartyCommittee entity (and its jurisdiction region, when known)."""
        props: list[tuple[str, object]] = []
        if c.level:
            props.append(("level", c.level))
        aliases = {surface} if surface and surface != c.name else set()
        if c.short != c.name and c.region is not None:
            aliases.add(c.short)
        ref = self.out.add(
            Entity("PartyCommittee", c.key, c.name, frozenset(aliases), tuple(props), (span,) if span else ())
        )
        if c.region is not None:
            region = self.region(c.region, None, evidence=span)
            self.out.relate(ref, "jurisdiction", region, span)
        return ref

    def region(
        self, code: str, span: Span | None, surface: str | None = None, *, evidence: Span | None = None
    ) -> Ref:
        """A Region entity for a GB/T 2260 code, with its parent chain (PART_OF) up to the province.

        ``span`` is where the text names the region; ``evidence`` where it is only implied
        (the parent of a county the text names, the jurisdiction of a committee).
        """
        span = span or evidence
        div = regions.get(code)
        name = regions.display_name(code)
        aliases = {a for a in (surface, div.name, *div.aliases) if a and a != name}
        ref = self.out.add(
            Entity(
                "Region",
                code,
                name,
                frozenset(aliases),
                (("adminCode", code), ("adminLevel", div.level)),
                (span,) if span else (),
            )
        )
        if div.parent:
            parent = self.region(div.parent, None, evidence=span)
            self.out.relate(ref, "partOf", parent, span)
        return ref

    def foreign_county(self, code: str, surface: str) -> bool:
        """A bare county-level name (江北区) that the tables place outside the article's province.

        Such a name means a place at home that the tables miss (a renamed or merged district),
        not one in a distant province: better unresolved than wrongly resolved.
        """
        div = regions.get(code)
        if self.ctx.province is None or div.level != "county" or surface == regions.display_name(code):
            return False
        home = regions.province_of(code)
        return home is not None and home.code != self.ctx.province

    def township(self, name: str, span: Span | None, parent: str | None) -> Ref:
        """A township-level Region (乡, 镇, 街道), which the code tables do not list, under ``parent``."""
        key = f"{parent or self.ctx.article_id}-{name}"
        ref = self.out.add(
            Entity("Region", key, name, frozenset(), (("adminLevel", "township"),), (span,) if span else ())
        )
        if parent:
            self.out.relate(ref, "partOf", self.region(parent, None, evidence=span), span)
        return ref

    def organization(
        self, surface: str, span: Span | None, *, category: str | None = None, parent_body: bool = True
    ) -> Ref:
        """An Organization under its canonical name; a 党组/党委 of a body is a sub-organization of it."""
        name, region_code = self.org_name(surface)
        props: tuple[tuple[str, object], ...] = (("category", category),) if category else ()
        label = self._commission_label(name)
        ref = self.out.add(
            Entity(
                "Organization",
                name,
                label,
                frozenset({surface, name} - {label}),
                props,
                (span,) if span else (),
            )
        )
        if region_code is not None:
            self.out.relate(ref, "locatedIn", self.region(region_code, None, evidence=span), span)
        if parent_body:
            m = re.fullmatch(r"(.{3,}?)(党组|党委|党工委|机关党委)", surface)
            if m and not m.group(1).endswith(("省", "市", "县", "区", "州", "委员会党", "中央")):
                parent = self.organization(m.group(1), span, parent_body=False)
                self.out.relate(ref, "subOrganizationOf", parent, span)
                self.implied.add(parent)
        return ref

    def org_name(self, surface: str) -> tuple[str, str | None]:
        """Canonical name of an organization as written, and the code of the region it names.

        Central bodies take their full names; 省X / 市X take the home region's name
        (省民宗委 -> 浙江省民族宗教事务委员会); a name that starts with a region keeps it.
        """
        s = re.sub(r"^(?:中共|中国共产党)?(?:第?[一二三四五六七八九十]+届)", "", surface)
        if re.fullmatch(r"(?:中共|中国共产党).{4,}(?:党组|党委|党工委)", s):
            s = re.sub(
                r"^(?:中共|中国共产党)", "", s
            )  # 中共湖南省卫生健康委员会党组: as the body's party group
        bare = re.sub(r"[（(][^）)]*[）)]$", "", s)
        if bare in KNOWN_BODIES:
            return KNOWN_BODIES[bare], None
        if s in KNOWN_BODIES:
            return KNOWN_BODIES[s], None
        unit = re.fullmatch(r"(.+?)(党组|党委|机关党委)", bare)
        if unit and unit.group(1) in KNOWN_BODIES and KNOWN_BODIES[unit.group(1)] != "中共中央":
            return KNOWN_BODIES[unit.group(1)] + unit.group(2), None  # 中国证监会党委
        for short, full in LOCAL_ABBREVIATIONS.items():
            if s.endswith(short) and not s.endswith(full):
                s = s[: -len(short)] + full
                break
        level = {"省": "province", "市": "prefecture", "县": "county", "区": "county"}.get(s[:1])
        if level and not regions.scan(s[:4]):
            code = self.ctx.region_code(level)
            if code is not None:
                home = regions.get(code).name if level != "county" else regions.display_name(code)
                return self._commission(home + s[1:], home), code
        found = regions.scan(s[:12])
        if found and found[0][0] == 0:
            _, _end, surface_form, codes = found[0]
            div = regions.get(codes[0])
            if surface_form == div.name or surface_form == regions.display_name(div.code):
                # 浙江省民政厅, 宁波市海曙区委: the body of a region named in full
                return self._commission(s, surface_form), div.code
        return s, None

    def _commission(self, name: str, region: str) -> str:
        """Since 2018 a region's 纪委 and 监委 are one body: where the article speaks of 监委,
        山东省纪委, 山东省监委 and 山东省纪委省监委 are all 山东省纪委监委."""
        if not self._supervision:
            return name
        rest = name[len(region) :]
        parts = r"(?:纪委|纪律检查委员会)?(?:[省市县区]?(?:监委|监察委员会|监察委))?"
        if rest and rest not in ("监察委",) and re.fullmatch(parts, rest):
            return region + "纪委监委"
        return name

    def _commission_label(self, name: str) -> str:
        """The name of a combined commission as the article spells it (浙江省纪委省监委), where it does."""
        if not name.endswith("纪委监委"):
            return name
        level = name[-5]
        if level in "省市县区" and f"{level}纪委{level}监委" in self.text:
            return name[:-2] + level + "监委"
        return name

    @cached_property
    def _supervision(self) -> bool:
        return bool(re.search(r"监委|监察委", self.text))

    def round(
        self,
        committee: Committee,
        scheme: str,
        *,
        term: int | None,
        ordinal: int | None,
        year: int | None,
        span: Span,
        surface: str,
        batch: bool = False,
    ) -> Ref:
        """An InspectionRound: 十四届浙江省委第八轮巡视, 2014年中央第二轮巡视, 2021年福建省委第二批巡视.

        A round named by neither term nor year (省委第一轮巡视) cannot be told from the same
        number of another term or year, so its key is the article's own.
        """
        unit = "批" if batch else "轮"
        if term is not None and ordinal is not None and not batch:
            key = f"{committee.key}-{scheme}-{term}-{ordinal}"
            name = f"{ordinal_text(term)}届{committee.short}第{ordinal_text(ordinal)}轮{scheme}"
        elif year is not None and ordinal is not None:
            key = f"{committee.key}-{scheme}-{year}年-{'批' if batch else ''}{ordinal}"
            name = f"{year}年{committee.short}第{ordinal_text(ordinal)}{unit}{scheme}"
        else:
            key = f"{committee.key}-{scheme}-第{ordinal}{unit}@{self.ctx.article_id}"
            name = f"{committee.short}第{ordinal_text(ordinal or 0)}{unit}{scheme}"
        if committee.region is None and committee.level is None and "@" not in key:
            key += f"@{self.ctx.article_id}"
        props: list[tuple[str, object]] = [("scheme", scheme)]
        for k, v in (("term", term), ("ordinal", ordinal), ("year", year)):
            if v is not None:
                props.append((k, v))
        ref = self.out.add(
            Entity("InspectionRound", key, name, frozenset({surface} - {name}), tuple(props), (span,))
        )
        self.out.relate(ref, "conductedBy", self.committee(committee, span), span)
        return ref

    def team(
        self, committee: Committee, scheme: str, number: int, special: bool, span: Span, surface: str
    ) -> Ref:
        """An InspectionTeam: 浙江省委第十一巡视组, 荔城区委专项巡察一组."""
        if special:
            name = f"{committee.short}专项{scheme}{ordinal_text(number)}组"
        else:
            name = f"{committee.short}第{ordinal_text(number)}{scheme}组"
        key = f"{committee.key}-{'专项' if special else ''}{scheme}组-{number}"
        if committee.region is None and committee.level is None:
            key += f"@{self.ctx.article_id}"
        ref = self.out.add(
            Entity(
                "InspectionTeam",
                key,
                name,
                frozenset({surface} - {name}),
                (("number", number), ("scheme", scheme)),
                (span,),
            )
        )
        self.out.relate(ref, "teamOf", self.committee(committee, span), span)
        return ref
