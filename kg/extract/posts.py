"""The posts a person holds: read from the titles and bodies written before a name (a chain of
them: 福建省委常委、宣传部部长龚明川) or after it (曾任…, 是…, 以…身份).

A post is a Position held by the person in an organization (a committee, a body, a team, a
region's people's government); 原 and 曾任 mark a post held before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg import regions
from kg.extract.doc import Doc, Mention, Ref
from kg.extract.lexicon import RANKS, TITLES
from kg.model import Entity

__all__ = ["LEFT_TITLES", "RANK_ALT", "TITLE_ALT", "TITLE_AT", "post", "posts_after", "posts_before"]

TITLE_ALT = "|".join(sorted({*TITLES}, key=len, reverse=True))
RANK_ALT = "|".join(RANKS)
LEFT_TITLES = re.compile(
    rf"(?P<unit>党委|党组|党工委)?(?P<titles>(?:原)?(?:{RANK_ALT})?(?:{TITLE_ALT})(?:、(?:原)?(?:{RANK_ALT})?(?:{TITLE_ALT}))*)"
    r"(?:\s*[:：]\s*)?$"
)
_POST_VERB = re.compile(
    r"曾任职?|曾担任|担任|出任|现任|兼任|任职|当选|(?<![主责信委])任(?![务何期])|系|是|(?<=[均都皆同])为|以(?=[^,。;]{2,14}身份)"
)


def _org_before(doc: Doc, pos: int) -> Mention | None:
    """The organization, committee or team mention that ends at ``pos`` (allowing 党组 in between)."""
    # the first recorded of those that end last
    for end in (pos, pos - 1, pos - 2):
        for m in doc.mentions_ending_at(end):
            if m.ref[0] in ("Organization", "PartyCommittee", "InspectionTeam"):
                return m
    return None


_GOVERNMENT_TITLE = re.compile(r"(?:常务)?副?(?:省长|市长|县长|区长|州长|盟长|旗长|镇长|乡长|主席)")


def _government_of(doc: Doc, committee: Ref, span: tuple[int, int]) -> Ref:
    """The people's government of the region a committee governs (or the committee, if unknown)."""
    region = next(
        (r.object for r in doc.out.relations if r.subject == committee and r.predicate == "jurisdiction"),
        None,
    )
    if region is None or not region[1].isdigit():
        return committee
    return doc.organization(regions.display_name(region[1]) + "人民政府", span, category="state")


_PARTY_TITLE = re.compile(r"书记|党组成员|党委委员|常委|委员|纪检组长")


def _body_of(doc: Doc, org: Ref) -> Ref:
    """The body a party group or committee belongs to (国家发展改革委党组 -> 国家发展改革委)."""
    parent = next(
        (r.object for r in doc.out.relations if r.subject == org and r.predicate == "subOrganizationOf"),
        None,
    )
    return parent or org


def post(doc: Doc, person: Ref, org: Ref | None, title: str, span: tuple[int, int]) -> None:
    former = title.startswith("原")
    title = title.removeprefix("原")
    rank = next((r for r in RANKS if title.startswith(r)), None)
    split = re.fullmatch(r"(纪委|监委)(.+)", title)
    if org is not None and org[0] == "PartyCommittee" and split:
        org = _owned_body(doc, org, split.group(1), span, named=False)  # 纪委书记: the commission's 书记
        title = split.group(2)
    if org is not None and org[0] == "PartyCommittee" and _GOVERNMENT_TITLE.fullmatch(title):
        org = _government_of(doc, org, span)  # 市委副书记、市长: the mayor heads the city government
    elif org is not None and org[0] == "Organization" and not _PARTY_TITLE.search(title):
        org = _body_of(doc, org)  # 党组书记、主任: the director heads the body, not its party group
    key = f"{person[1]}-{org[1] if org else ''}-{title}"
    props: list[tuple[str, object]] = [("title", title)]
    if rank:
        props.append(("rank", rank))
    if former:
        props.append(("former", True))
    org_name = doc.entity(org).name if org else ""
    pos = doc.out.add(Entity("Position", key, f"{org_name}{title}", frozenset(), tuple(props), (span,)))
    doc.out.relate(person, "holds", pos, span)
    if org:
        doc.out.relate(pos, "inOrganization", org, span)


TITLE_AT = re.compile(rf"(?:原)?(?:{RANK_ALT})?(?:{TITLE_ALT})")


#: What joins two posts of one chain before a name: 福建省委常委、宣传部部长…,
#: 兼任湖南省委常委的岳阳市委书记….
_CHAIN_JOIN = re.compile(r"(?:、|,|的)(?:兼任|兼)?$")
#: A body named without its owner inside a chain: the committee of the post before it owns it.
_OWNED_BODY = re.compile(
    r"(?:宣传部|组织部|统战部|统一战线工作部|政法委|政法委员会|办公厅|办公室|纪委|监委|监察委员会|监察委)$"
)
_COMMISSION = ("纪委", "监委", "监察委", "监察委员会")


@dataclass(frozen=True, slots=True)
class _Segment:
    """One post of a chain before a name: its body (None: named without its owner), where the
    body's mention ends, the body as written when it has no mention, and the titles."""

    body: Ref | None
    body_end: int
    body_text: str
    titles: str
    titles_at: int


def posts_before(doc: Doc, person: Ref, start: int) -> None:
    """The posts written before a name, the nearest first; a chain of them joined by 、/,/的
    gives each post its own body (岳阳市委副书记、政法委书记,市信访局局长柏志远)."""
    sentence = doc.article.sentence_at(start)
    segments = _chain(doc, start, sentence.start)
    owner: Ref | None = None
    previous: Ref | None = None
    for seg in reversed(segments):
        org_ref = seg.body
        if org_ref is None:
            if previous is not None and seg.body_text in _COMMISSION and previous[1].endswith("纪委监委"):
                org_ref = previous  # 省纪委副书记、监察委副主任: one commission
            elif owner is None:
                continue
            else:
                span = (seg.titles_at - len(seg.body_text), seg.titles_at)
                org_ref = _owned_body(doc, owner, seg.body_text, span)
        elif org_ref[0] == "PartyCommittee":
            owner = org_ref
        previous = org_ref
        tm = LEFT_TITLES.fullmatch(seg.titles)
        assert tm is not None
        unit = tm.group("unit") or ""
        unit_outside = bool(unit) and seg.body_end <= seg.titles_at - len(unit)
        for title in re.sub(r"[\s:：]", "", tm.group("titles")).split("、"):
            if title in ("记者", "负责人"):
                continue
            written = unit + title if unit_outside and _PARTY_TITLE.search(title) else title
            post(doc, person, org_ref, written, (sentence.start, sentence.end))


def _chain(doc: Doc, start: int, floor: int) -> list[_Segment]:
    """The posts before ``start``, nearest first, back to ``floor`` (the sentence's start)."""
    text = doc.text
    segments: list[_Segment] = []
    pos = start
    while len(segments) < 5:
        window = max(floor, pos - 30)
        m = LEFT_TITLES.search(text[window:pos])
        if not m:
            break
        titles_at = window + m.start("titles")
        inner = _org_inside(doc, titles_at, pos)
        if inner is not None:  # 省纪委书记: the body, then 书记 (not the title 纪委书记)
            m = LEFT_TITLES.search(text[inner.end : pos])
            assert m is not None
            window, titles_at = inner.end, inner.end + m.start("titles")
        found = _segment_bodies(doc, inner, window, m, titles_at, floor)
        if found is None:
            break
        added, body_start = found
        segments.extend(added)
        if body_start < 0:
            break  # the chain cannot go on before this post
        join = _CHAIN_JOIN.search(text, max(floor, body_start - 3), body_start)
        if join is None:
            break
        pos = join.start()
    return segments


def _segment_bodies(
    doc: Doc,
    inner: Mention | None,
    window: int,
    m: re.Match[str],
    titles_at: int,
    floor: int,
) -> tuple[list[_Segment], int] | None:
    """The bodies of the titles ``m`` and where the first starts (-1: nothing can come before
    it), or None when the titles have no body."""
    text = doc.text
    titles = m.group(0)
    org = inner or _org_before(doc, titles_at) or _org_before(doc, window + m.start())
    if org is None and re.search(r"(?:巡视|巡察)组$", text[window : window + m.start()]):
        team = _the_only_team(doc)  # 巡察组组长李明: the team the article is about
        if team is not None:
            return [_Segment(team, titles_at, "", titles, titles_at)], -1
    if org is None and not _after_a_body(text, window + m.start(), floor):
        body = _body_of_the_title(doc, titles_at, m.group("titles"))
        if body is not None:  # 是部长姜大明: the ministry the article has just named
            return [_Segment(body, titles_at, "", titles, titles_at)], -1
    if org is None:
        government = _region_government(doc, window, window + m.start(), m)
        if government is not None:
            return [_Segment(government[0], titles_at, "", titles, titles_at)], government[1]
        # 宣传部部长 inside a chain: a body named without its owner
        body_start = window + m.start()
        owned = _OWNED_BODY.search(text, max(floor, body_start - 8), body_start)
        if owned is None or not _follows_a_post(text, floor, owned.start()):
            return None
        return [_Segment(None, titles_at, owned.group(0), titles, titles_at)], owned.start()
    out = [_Segment(org.ref, org.end, "", titles, titles_at)]
    body_start = org.start
    # 廉政建设研究中心、公共政策研究中心副主任: bodies listed before one title share it
    while body_start > floor and text[body_start - 1] == "、":
        shared = _org_before(doc, body_start - 1)
        if shared is None or shared.end != body_start - 1:
            break
        out.append(_Segment(shared.ref, shared.end, "", titles, titles_at))
        body_start = shared.start
    return out, body_start


#: The head of a body a bare title belongs to: 部长 heads a 部, 局长 a 局 …
_TITLE_HEAD = {
    "部长": "部",
    "局长": "局",
    "厅长": "厅",
    "校长": "校",
    "行长": "行",
    "院长": "院",
    "署长": "署",
}


def _after_a_body(text: str, at: int, floor: int) -> bool:
    """Whether the titles at ``at`` follow a body's name or another post (then they are no bare title)."""
    before = text[floor:at]
    return (
        bool(before)
        and bool(re.search(r"[\u4e00-\u9fff、]$", before))
        and not re.search(r"(?:是|为|系|由|,|。|:|\s)$", before)
    )


def _body_of_the_title(doc: Doc, at: int, titles: str) -> Ref | None:
    """The body a bare title (部长, 局长 …) refers to: the last one of its kind named shortly before."""
    first = re.sub(r"^原|^(?:常务)?副", "", titles.split("、")[0])
    head = _TITLE_HEAD.get(first)
    if head is None:
        return None
    for m in reversed(doc.mentions_in(max(0, at - 150), at, "Organization")):
        if doc.entity(m.ref).name.endswith(head):
            return m.ref
    return None


def _the_only_team(doc: Doc) -> Ref | None:
    teams = [ref for ref in doc.out.entities if ref[0] == "InspectionTeam"]
    return teams[0] if len(teams) == 1 else None


def _region_government(doc: Doc, floor: int, at: int, titles: re.Match[str]) -> tuple[Ref, int] | None:
    """福州市原副市长: a government title after a region's name is a post in its people's government."""
    written = re.sub(r"[\s:：]", "", titles.group("titles")).split("、")
    if not any(_GOVERNMENT_TITLE.fullmatch(t.removeprefix("原")) for t in written):
        return None
    before = doc.text[floor:at]
    short = re.search(r"([省市县区])(?:人民)?政府$", before)
    level = {"省": "province", "市": "prefecture", "县": "county", "区": "county"}
    code = doc.ctx.region_code(level[short.group(1)]) if short else None
    if short and code is not None:  # 省政府副省长: the home province's government
        ref = doc.organization(regions.display_name(code) + "人民政府", (floor + short.start(), at))
        return ref, floor + short.start()
    found = regions.scan(before)
    if not found or found[-1][1] != len(before):
        return None
    start, end, surface, codes = found[-1]
    if surface != regions.get(codes[0]).name and surface != regions.display_name(codes[0]):
        return None
    span = (floor + start, floor + end)
    ref = doc.organization(regions.display_name(codes[0]) + "人民政府", span, category="state")
    return ref, floor + start


def _org_inside(doc: Doc, start: int, end: int) -> Mention | None:
    """A body mention that begins before ``start`` and ends inside ``[start, end)``, titles after it."""
    for m in doc.mentions_across(start):  # m.start < start < m.end, in the order recorded
        if (
            m.ref[0] in ("Organization", "PartyCommittee", "InspectionTeam")
            and m.start < start < m.end < end
            and LEFT_TITLES.fullmatch(doc.text[m.end : end])
        ):
            return m
    return None


def _follows_a_post(text: str, floor: int, at: int) -> bool:
    """Whether a body named without its owner at ``at`` follows another post (、 or , before it)."""
    return at > floor and text[at - 1] in "、,"


def _owned_body(doc: Doc, owner: Ref, body: str, span: tuple[int, int], *, named: bool = True) -> Ref:
    """The body ``body`` of committee ``owner``: 宣传部 of 中共福建省委 is 福建省委宣传部."""
    short = doc.entity(owner).name.removeprefix("中共")
    if body in _COMMISSION:
        name = short.removesuffix("委").removesuffix("党") + body
    else:
        name = short + {"政法委": "政法委员会", "统战部": "统一战线工作部"}.get(body, body)
    ref = doc.organization(name, span)
    if named:  # written as its own span of the text, not inside a title
        doc.mention(span[0], span[1], ref)
    return ref


def posts_after(doc: Doc, person: Ref, end: int, limit: int) -> None:
    """Posts in the clauses after a name: 曾任陕西纪委书记、广西纪委书记,是十六届中央纪委委员."""
    text = doc.text
    sentence = doc.article.sentence_at(end)
    clause_end = min(sentence.end, limit)
    for clause in re.finditer(r"[^,;,;]+", text[end:clause_end]):
        c_start, c_end = end + clause.start(), end + clause.end()
        # the verb leads its clause (曾任…, 2009年到2015年担任…); one deep inside is about someone else
        verb = _POST_VERB.search(text, c_start, min(c_end, c_start + 16))
        if verb is None:
            continue
        for org in doc.mentions_in(verb.end(), c_end):
            if org.ref[0] not in ("Organization", "PartyCommittee", "InspectionTeam"):
                continue
            t = TITLE_AT.match(text, org.end)
            if t is None:
                t = TITLE_AT.match(text, org.end + 2) if text.startswith(("党组", "党委"), org.end) else None
            if t is not None:
                title = t.group(0)
                if verb.group(0).startswith("曾") and not title.startswith("原"):
                    title = "原" + title  # 曾任: a post held before
                post(doc, person, org.ref, title, (sentence.start, sentence.end))
