"""General domain knowledge the extractors use: bodies, abbreviations, titles, ranks, surnames.

Nothing here is keyed to particular articles: the lists are read from the reference data
files of :mod:`kg.data` (each names its sources): the standing names of central party and
state bodies since 2000, the central enterprises, financial institutions and 中管高校,
bodies named like regions, the usual short forms of provincial and local bodies, the titles
and ranks of officials and the Chinese surnames.

A user extends any list without editing the package: the lexicon files named by the
environment variable ``KG_LEXICON`` (``kg extract --lexicon FILE`` sets it; several files are
separated by :data:`os.pathsep`) are read when this module is first imported, their entries
added to the package's (a body or mapping given there replaces the package's entry).
"""

from __future__ import annotations

import os

from kg import data

__all__ = [
    "BODIES",
    "CENTRAL_BODIES",
    "CENTRAL_UNITS",
    "COMPOUND_SURNAMES",
    "KNOWN_BODIES",
    "LEXICON_ENV",
    "LEXICON_FILES",
    "LOCAL_ABBREVIATIONS",
    "NOT_NAMES",
    "ORG_SUFFIXES",
    "PUBLISHER_REGIONS",
    "RANKS",
    "REGION_NAMED_BODIES",
    "SURNAMES",
    "TITLES",
]


#: The environment variable naming the user's lexicon files.
LEXICON_ENV = "KG_LEXICON"
#: The user's lexicon files read at import ("" when none).
LEXICON_FILES: str = os.environ.get(LEXICON_ENV, "")
_USER = data.read_lexicons(LEXICON_FILES)


def _user_words(section: str) -> tuple[str, ...]:
    return tuple(row[0] for row in _USER.get(section, ()))


def _user_bodies(section: str) -> tuple[data.Body, ...]:
    return tuple(data.parse_body(row, section) for row in _USER.get(section, ()))


def _user_mapping(section: str) -> dict[str, str]:
    return {row[0]: (row[1] if len(row) > 1 else "") for row in _USER.get(section, ())}


def _canonical(body: data.Body) -> tuple[str, tuple[str, ...]]:
    # State bodies are named in the news, and by analysts, without 中华人民共和国: 审计署, 外交部.
    if body.name.startswith("中华人民共和国") and body.forms:
        return body.forms[0], (body.name, *body.forms[1:])
    return body.name, body.forms


def _forms(bodies: tuple[data.Body, ...], user: tuple[data.Body, ...] = ()) -> dict[str, str]:
    """Every form met in text -> canonical name (a form listed twice keeps its first body;
    the user's bodies come last and replace the package's)."""
    out: dict[str, str] = {}
    for body in bodies:
        canonical, forms = _canonical(body)
        out.setdefault(canonical, canonical)
        for form in forms:
            out.setdefault(form, canonical)
    for body in user:
        canonical, forms = _canonical(body)
        out[canonical] = canonical
        out.update(dict.fromkeys(forms, canonical))
    return out


def _longest_first(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(items), key=len, reverse=True))


#: Central party and state bodies: every form met in text -> canonical full name.
CENTRAL_BODIES: dict[str, str] = _forms(data.central_bodies(), _user_bodies("central_bodies"))

#: Central enterprises, financial institutions and 中管高校: every form -> canonical name.
CENTRAL_UNITS: dict[str, str] = _forms(data.central_units(), _user_bodies("central_units"))

#: Bodies named like regions (新疆生产建设兵团, 北大荒农垦集团): every form -> canonical name.
REGION_NAMED_BODIES: dict[str, str] = _forms(data.region_named_bodies(), _user_bodies("region_named_bodies"))

#: Every named body the extractors know by name (central bodies, central units, bodies named like
#: regions): every form -> canonical name; a form of a central body wins.
KNOWN_BODIES: dict[str, str] = {**REGION_NAMED_BODIES, **CENTRAL_UNITS, **CENTRAL_BODIES}

#: Every body of the three tables by canonical name, with its kind, years and successor.
BODIES: dict[str, data.Body] = {
    _canonical(b)[0]: b
    for section in data.BODY_FILES
    for b in (*getattr(data, section)(), *_user_bodies(section))
}

#: Short forms used for provincial and local bodies (after the region prefix) -> full form.
LOCAL_ABBREVIATIONS: dict[str, str] = {
    **data.mapping("local_abbreviations"),
    **_user_mapping("local_abbreviations"),
}

#: Endings of organization names, longest first.
ORG_SUFFIXES: tuple[str, ...] = _longest_first((*data.words("org_suffixes"), *_user_words("org_suffixes")))

#: Titles of posts, longest first (a rank such as 副厅长级 is matched separately).
TITLES: tuple[str, ...] = _longest_first((*data.words("titles"), *_user_words("titles")))

#: Ranks as written before a title (副厅长级干部), in file order.
RANKS: tuple[str, ...] = tuple(dict.fromkeys((*data.words("ranks"), *_user_words("ranks"))))

#: Two-character surnames.
COMPOUND_SURNAMES: frozenset[str] = frozenset(
    s for s in (*data.surnames(), *_user_words("surnames")) if len(s) == 2
)

#: Single-character surnames.
SURNAMES: frozenset[str] = frozenset(s for s in (*data.surnames(), *_user_words("surnames")) if len(s) == 1)

#: Words that start with a surname but are not names (checked before accepting a candidate).
NOT_NAMES: frozenset[str] = frozenset((*data.words("not_names"), *_user_words("not_names")))

#: Newspapers whose names do not name their region -> the region they serve ("" for central ones).
PUBLISHER_REGIONS: dict[str, str] = {
    **data.mapping("publisher_regions"),
    **_user_mapping("publisher_regions"),
}
