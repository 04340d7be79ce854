"""Reference data the extractors read: bodies, surnames, titles, ranks, outlets.

Each file in this folder is plain UTF-8 text: ``#`` lines are comments (every file opens with
the sources of its entries), blank lines are skipped, and a table's columns are separated by
tabs. Two kinds of file:

- word lists (``.txt``): one entry a line;
- tables (``.tsv``): a fixed number of columns a line; a body table has six
  (name, forms separated by ``|``, kind, first year, last year, successor).

The same format serves a user's own lexicon file (``kg extract --lexicon FILE``), whose
sections are introduced by ``[name]`` lines naming the list they extend.

>>> bodies = central_bodies()
>>> next(b for b in bodies if b.name == "中华人民共和国人事部").successor
'中华人民共和国人力资源和社会保障部'
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from kg.errors import InputError

__all__ = [
    "BODY_FILES",
    "SECTION_COLUMNS",
    "WORD_FILES",
    "Body",
    "central_bodies",
    "central_units",
    "mapping",
    "measures",
    "parse_body",
    "read_lexicon",
    "read_lexicons",
    "read_rows",
    "region_named_bodies",
    "surnames",
    "words",
]

#: The word lists and two-column tables, by the name a lexicon section uses.
WORD_FILES: dict[str, str] = {
    "titles": "titles.txt",
    "ranks": "ranks.txt",
    "org_suffixes": "org_suffixes.txt",
    "not_names": "not_names.txt",
    "surnames": "surnames.tsv",
    "local_abbreviations": "local_abbreviations.tsv",
    "publisher_regions": "publisher_regions.tsv",
}
#: The body tables, by the name a lexicon section uses.
BODY_FILES: dict[str, str] = {
    "central_bodies": "central_bodies.tsv",
    "central_units": "central_units.tsv",
    "region_named_bodies": "region_named_bodies.tsv",
}


@dataclass(frozen=True)
class Body:
    """A named body: its name as written first, its other forms, and when it existed."""

    name: str
    forms: tuple[str, ...]
    kind: str
    since: int | None = None
    until: int | None = None
    successor: str | None = None


def read_rows(
    lines: Iterator[str] | list[str], where: str, columns: tuple[int, ...], first_line: int = 1
) -> Iterator[list[str]]:
    """The rows of a data file: tab-separated fields of each non-comment line.

    ``columns`` are the numbers of fields a row may have; a row with another number raises
    :class:`~kg.errors.InputError` naming ``where`` and the line.
    """
    for n, raw in enumerate(lines, first_line):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        while len(fields) > min(columns) and not fields[-1] and len(fields) not in columns:
            fields.pop()
        if len(fields) not in columns or not fields[0]:
            want = " or ".join(str(c) for c in columns)
            raise InputError(f"{where}:{n}: expected {want} tab-separated fields, found {len(fields)}")
        yield fields


def _year(text: str, where: str) -> int | None:
    if not text:
        return None
    if not (text.isdigit() and len(text) == 4):
        raise InputError(f"{where}: a year must be four digits, not {text!r}")
    return int(text)


def parse_body(fields: list[str], where: str) -> Body:
    """A :class:`Body` from the fields of one row of a body table (1 to 6 fields)."""
    name, forms, kind, since, until, successor = (*fields, "", "", "", "", "")[:6]
    return Body(
        name=name,
        forms=tuple(f.strip() for f in forms.split("|") if f.strip()),
        kind=kind,
        since=_year(since, where),
        until=_year(until, where),
        successor=successor or None,
    )


def _lines(filename: str) -> list[str]:
    return resources.files(__name__).joinpath(filename).read_text(encoding="utf-8").splitlines()


def _where(filename: str) -> str:
    return str(Path("kg") / "data" / filename)


def _bodies(filename: str) -> tuple[Body, ...]:
    where = _where(filename)
    return tuple(parse_body(f, where) for f in read_rows(_lines(filename), where, (1, 2, 3, 4, 5, 6)))


@cache
def central_bodies() -> tuple[Body, ...]:
    """Central party and state bodies since 2000 (``central_bodies.tsv``)."""
    return _bodies("central_bodies.tsv")


@cache
def central_units() -> tuple[Body, ...]:
    """Central enterprises, financial institutions and 中管高校 (``central_units.tsv``)."""
    return _bodies("central_units.tsv")


@cache
def region_named_bodies() -> tuple[Body, ...]:
    """Bodies whose names start like a region's (``region_named_bodies.tsv``)."""
    return _bodies("region_named_bodies.tsv")


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of a word list (``titles``, ``ranks``, ``org_suffixes``, ``not_names``), in file order."""
    filename = WORD_FILES[name]
    return tuple(f[0] for f in read_rows(_lines(filename), _where(filename), (1,)))


@cache
def mapping(name: str) -> dict[str, str]:
    """A two-column table (``local_abbreviations``, ``publisher_regions``): first column -> second."""
    filename = WORD_FILES[name]
    rows = read_rows(_lines(filename), _where(filename), (1, 2))
    return {f[0]: (f[1] if len(f) > 1 else "") for f in rows}


@cache
def measures() -> tuple[tuple[str, str, str], ...]:
    """The rows of ``measures.tsv``: (measure, counter words it takes, pattern), in file order."""
    where = _where("measures.tsv")
    return tuple((f[0], f[1], f[2]) for f in read_rows(_lines("measures.tsv"), where, (3,)))


@cache
def surnames() -> tuple[str, ...]:
    """Every surname of ``surnames.tsv``, single and compound, in file order."""
    filename = WORD_FILES["surnames"]
    return tuple(f[0] for f in read_rows(_lines(filename), _where(filename), (1, 2)))


#: Fields a row of each section of a user's lexicon file may have.
SECTION_COLUMNS: dict[str, tuple[int, ...]] = {
    "titles": (1,),
    "ranks": (1,),
    "org_suffixes": (1,),
    "not_names": (1,),
    "surnames": (1, 2),
    "local_abbreviations": (2,),
    "publisher_regions": (1, 2),
    "central_bodies": (1, 2, 3, 4, 5, 6),
    "central_units": (1, 2, 3, 4, 5, 6),
    "region_named_bodies": (1, 2, 3, 4, 5, 6),
}


def read_lexicon(path: str | Path) -> dict[str, list[list[str]]]:
    """The sections of a user's lexicon file: ``[section]`` lines, then rows in that file's format.

    Raises :class:`~kg.errors.InputError` naming the file and line of the first bad line.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the lexicon file ({exc})") from exc
    sections: dict[str, list[list[str]]] = {}
    current: str | None = None
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            if current not in SECTION_COLUMNS:
                known = ", ".join(SECTION_COLUMNS)
                raise InputError(f"{path}:{n}: unknown section [{current}] (known: {known})")
            sections.setdefault(current, [])
            continue
        if current is None:
            raise InputError(f"{path}:{n}: an entry before the first [section] line")
        fields = next(read_rows([raw], str(path), SECTION_COLUMNS[current], first_line=n))
        if current in BODY_FILES:
            parse_body(fields, f"{path}:{n}")
        if current == "surnames" and not 1 <= len(fields[0]) <= 2:
            raise InputError(f"{path}:{n}: a surname has one or two characters, not {fields[0]!r}")
        sections[current].append(fields)
    return sections


def read_lexicons(paths: str) -> dict[str, list[list[str]]]:
    """The sections of several lexicon files (``paths`` separated by :data:`os.pathsep`), merged in order."""
    merged: dict[str, list[list[str]]] = {}
    for p in (p for p in paths.split(os.pathsep) if p.strip()):
        for section, rows in read_lexicon(p).items():
            merged.setdefault(section, []).extend(rows)
    return merged
