"""The working state of one article's extraction, and the entity makers every pass shares.

A pass reads the normalised text (:attr:`Doc.text`), records mentions (claimed
spans, so later passes do not read the same characters as something else) and
adds entities and relations to :attr:`Doc.out` through the makers here, which
decide canonical names and keys in one place.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from kg import regions
from kg.extract.context import Committee, Context
from kg.extract.dates import find_dates
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
    table_posts: list[tuple[Ref, str, int]] = field(default_factory=list)
    """Cells naming the leaders of a team in a table: (team, cell text, offset)."""
    rounds: list[Mention] = field(default_factory=list)
    """Round mentions in text order (本轮 resolves to the latest)."""
    persons: list[Mention] = field(default_factory=list)
    implied: set[Ref] = field(default_factory=set)
    """Bodies made only because their party group was named (国家铁路局 of 国家铁路局党组)."""
    _mentions: list[Mention] = field(default_factory=list)
    _claimed: bytearray = field(default_factory=bytearray)
    _index: list[tuple[int, int, Mention]] = field(default_factory=list)
    """``mentions`` by start, then by the order they were recorded: (start, sequence, mention)."""
    _by_end: dict[int, list[Mention]] = field(default_factory=dict)
    """``mentions`` by end, each list in the order they were recorded."""
    _cache: dict[object, object] = field(default_factory=dict)
    _version: int = 0
    """Counts changes to ``mentions``, so that answers computed from them can be kept until one."""
    _seq: int = 0
    _longest: int = 0
    _gone: set[int] = field(default_factory=set)
    """``id`` of the forgotten mentions still in ``_mentions`` (removed when ``mentions`` is read)."""

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

    @property
    def mentions(self) -> list[Mention]:
        """Every mention, in the order recorded."""
        if self._gone:
            gone = self._gone
            self._mentions[:] = [m for m in self._mentions if id(m) not in gone]
            self._gone = set()
        return self._mentions

    def last_mention(self) -> Mention:
        """The mention recorded last (still there: nothing was forgotten since)."""
        return self._mentions[-1]

    def _overlapping(self, start: int, end: int) -> list[int]:
        """Positions in ``_index`` of the mentions that overlap ``[start, end)``."""
        index = self._index
        lo = bisect.bisect_left(index, start - self._longest, key=lambda t: t[0])
        hi = bisect.bisect_left(index, end, key=lambda t: t[0])
        return [i for i in range(lo, hi) if start < index[i][2].end]

    def unclaim(self, start: int, end: int, cls: str) -> None:
        """Forget the mentions of class ``cls`` that overlap ``[start, end)``."""
        positions = [i for i in self._overlapping(start, end) if self._index[i][2].ref[0] == cls]
        self._version += 1
        if not positions:
            return
        gone = [self._index[i][2] for i in positions]
        for i in reversed(positions):
            del self._index[i]
        for m in gone:
            self._gone.add(id(m))
            same_end = self._by_end[m.end]
            same_end[:] = [x for x in same_end if x is not m]
            self._claimed[m.start : m.end] = bytes(m.end - m.start)
        lo, hi = min(m.start for m in gone), max(m.end for m in gone)
        for i in self._overlapping(lo, hi):
            m = self._index[i][2]
            self._claimed[m.start : m.end] = b"\x01" * (m.end - m.start)

    def mention(self, start: int, end: int, ref: Ref) -> Ref:
        """Record that ``[start, end)`` names ``ref``; returns ``ref``."""
        if not self._claimed:
            self._claimed = bytearray(len(self.text))
        self._claimed[start:end] = b"\x01" * (end - start)
        m = Mention(start, end, ref)
        self._mentions.append(m)
        self._version += 1
        self._seq += 1
        self._longest = max(self._longest, end - start)
        bisect.insort(self._index, (start, self._seq, m), key=lambda t: (t[0], t[1]))
        self._by_end.setdefault(end, []).append(m)
        self.out.add_span(ref, (start, end))
        original = self.article.text[start:end]
        if original != self.text[start:end]:
            self.out.add_alias(ref, original)  # the form as written (traditional script), for search
        return ref

    def mentions_in(self, start: int, end: int, cls: str | tuple[str, ...] | None = None) -> list[Mention]:
        """Mentions inside ``[start, end)`` (of class ``cls``, or of one of several), in text order."""
        classes = (cls,) if isinstance(cls, str) else cls
        key = ("mentions", start, end, cls)
        cached = self._cache.get(key)
        if cached is not None and cached[0] == self._version:  # type: ignore[index]
            return list(cached[1])  # type: ignore[index]
        index = self._index
        found = []
        for i in range(bisect.bisect_left(index, start, key=lambda t: t[0]), len(index)):
            m = index[i][2]
            if m.start > end:
                break
            if m.end <= end and (classes is None or m.ref[0] in classes):
                found.append(m)
        if end - start > 1000:  # keep the answers that are expensive to compute again
            self._cache[key] = (self._version, tuple(found))
        return found

    def mentions_across(self, pos: int) -> list[Mention]:
        """The mentions that start before ``pos`` and end after it, in the order they were recorded."""
        index = self._index
        lo = bisect.bisect_left(index, pos - self._longest, key=lambda t: t[0])
        hi = bisect.bisect_left(index, pos, key=lambda t: t[0])
        found = sorted((index[i][1], index[i][2]) for i in range(lo, hi) if index[i][2].end > pos)
        return [m for _, m in found]

    def mentions_ending_at(self, end: int) -> list[Mention]:
        """The mentions that end at ``end``, in the order they were recorded."""
        return self._by_end.get(end, [])

    def persons_from(self, start: int) -> Iterator[Mention]:
        """``persons`` sorted by start (stable) from the first that starts at or after ``start``.

        The sorted list is computed again only when ``persons`` grows.
        """
        cached: tuple[int, list[Mention], list[int]] | None = self._cache.get("persons")  # type: ignore[assignment]
        if cached is None or cached[0] != len(self.persons):
            ordered = sorted(self.persons, key=lambda m: m.start)
            cached = (len(self.persons), ordered, [m.start for m in ordered])
            self._cache["persons"] = cached
        _, ordered, starts = cached
        for i in range(bisect.bisect_left(starts, start), len(ordered)):
            yield ordered[i]

    def inspections_with_span(self, span: Span) -> list[Ref]:
        """The Inspection entities that list ``span`` among their spans, in entity order.

        Computed again whenever an Inspection entity is added or changed.
        """
        version = self.out.changes("Inspection")
        cached = self._cache.get("inspection-spans")
        if cached is None or cached[0] != version:  # type: ignore[index]
            table: dict[Span, list[Ref]] = {}
            for ref, entity in self.out.entities.items():
                if ref[0] == "Inspection":
                    for s in dict.fromkeys(entity.spans):
                        table.setdefault(s, []).append(ref)
            self._cache["inspection-spans"] = cached = (version, table)
        return list(cached[1].get(span, ()))  # type: ignore[index]

    def dates_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """:func:`~kg.extract.dates.find_dates` of ``text[start:end]``, computed once per span."""
        key = ("dates", start, end)
        if key not in self._cache:
            self._cache[key] = find_dates(self.text[start:end], self.article.date)
        return list(self._cache[key])  # type: ignore[call-overload]

    def entity(self, ref: Ref) -> Entity:
        """The entity behind a reference."""
        return self.out.get(ref)

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
