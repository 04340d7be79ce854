"""The library's files: the header of each query, its parameters and their types, read and checked.

See :mod:`kg.queries` for the header's fields.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.terms import MEASURES

__all__ = [
    "Column",
    "Param",
    "ParameterError",
    "Query",
    "QueryError",
    "check_read_only",
    "get_query",
    "library_dir",
    "load_library",
    "parse_query",
    "writing_clause",
]

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class QueryError(KgError):
    """A library query is missing or malformed, or the server refused a query (names the query)."""


class ParameterError(QueryError):
    """A parameter is unknown or its value does not fit its type (names query and parameter)."""


_TYPE = re.compile(
    r"^(?:(?P<simple>string|int|float|bool|measure)"
    r"|(?P<num>int|float):(?P<lo>-?[\d.]+)\.\.(?P<hi>-?[\d.]+)"
    r"|choice:(?P<choices>[^,\s]+(?:,[^,\s]+)*))$"
)
"""The types of a parameter: a simple one, a numeric range or a list of choices."""


Scalar = str | int | float | bool | None
"""A parameter's default or example, as its header gives it."""


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of a library query, as its header declares it."""

    name: str
    type: str
    """``string``, ``int``, ``float``, ``bool``, ``measure``, ``int:lo..hi``, ``choice:a,b``..."""
    default: Scalar
    example: Scalar
    description: str

    @property
    def kind(self) -> str:
        """The base type: ``string``, ``int``, ``float``, ``bool`` or ``choice``."""
        match = _TYPE.match(self.type)
        assert match is not None  # checked when parsed
        if match["choices"] or match["simple"] == "measure":
            return "choice"
        return match["simple"] or match["num"]

    @property
    def choices(self) -> tuple[str, ...]:
        """The allowed values of a ``choice`` or ``measure`` parameter (empty for other types)."""
        match = _TYPE.match(self.type)
        assert match is not None
        if match["simple"] == "measure":
            return tuple(MEASURES)
        return tuple(match["choices"].split(",")) if match["choices"] else ()

    @property
    def bounds(self) -> tuple[float, float] | None:
        """The inclusive range of a ranged ``int`` or ``float`` parameter."""
        match = _TYPE.match(self.type)
        assert match is not None
        return (float(match["lo"]), float(match["hi"])) if match["lo"] is not None else None

    def convert(self, value: Any, query: str = "?") -> Any:
        """``value`` checked against the type; text (as from the command line) is converted first.

        Raises
        ------
        ParameterError
            The value does not fit, with a one-line message naming query and parameter.
        """
        kind = self.kind
        where = f"query {query!r}: parameter {self.name!r}"
        if isinstance(value, str) and kind in ("int", "float", "bool"):
            value = _from_text(value, kind, where)
        if kind in ("string", "choice"):
            if not isinstance(value, str):
                raise ParameterError(f"{where} must be text, not {value!r}")
            if kind == "choice" and value not in self.choices:
                raise ParameterError(f"{where} must be one of {', '.join(self.choices)}; not {value!r}")
        elif kind == "bool":
            if not isinstance(value, bool):
                raise ParameterError(f"{where} must be true or false, not {value!r}")
        elif kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ParameterError(f"{where} must be an integer, not {value!r}")
        elif isinstance(value, bool) or not isinstance(value, int | float):
            raise ParameterError(f"{where} must be a number, not {value!r}")
        else:
            value = float(value)
        bounds = self.bounds
        if bounds is not None and not bounds[0] <= value <= bounds[1]:
            lo, hi = (int(b) if kind == "int" else b for b in bounds)
            raise ParameterError(f"{where} must be between {lo} and {hi}, not {value!r}")
        return value


def _from_text(text: str, kind: str, where: str) -> Any:
    text = text.strip()
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
    except ValueError:
        noun = "an integer" if kind == "int" else "a number"
        raise ParameterError(f"{where} must be {noun}, not {text!r}") from None
    lowered = text.lower()
    if lowered in ("true", "yes", "1", "on"):
        return True
    if lowered in ("false", "no", "0", "off"):
        return False
    raise ParameterError(f"{where} must be true or false, not {text!r}")


@dataclass(frozen=True, slots=True)
class Column:
    """One returned column of a library query."""

    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Query:
    """A library query: its header and its Cypher text."""

    name: str
    title_zh: str
    title_en: str
    answers: str
    params: tuple[Param, ...]
    columns: tuple[Column, ...]
    cypher: str
    """The whole text of the file, header included (Cypher ignores the comments)."""
    path: Path | None = None

    def param(self, name: str) -> Param:
        """The parameter called ``name``.

        Raises
        ------
        ParameterError
            There is no such parameter.
        """
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise ParameterError(f"query {self.name!r} has no parameter {name!r} (its parameters: {known})")

    def bind(self, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """All parameters: the given values, checked and converted, and the defaults for the rest.

        Raises
        ------
        ParameterError
            An unknown parameter or a value that does not fit its type.
        """
        values = dict(values or {})
        for name in values:
            self.param(name)
        return {
            p.name: p.convert(values[p.name], self.name) if p.name in values else p.default
            for p in self.params
        }

    @property
    def body(self) -> str:
        """The Cypher text without the header."""
        lines = self.cypher.splitlines()
        start = 0
        while start < len(lines) and lines[start].lstrip().startswith("//"):
            start += 1
        return "\n".join(lines[start:]).strip()


def parse_query(text: str, path: Path | None = None) -> Query:
    """A :class:`Query` from the text of a ``.cypher`` file.

    Raises
    ------
    QueryError
        A header field is missing or malformed, a default does not fit its type, or the
        query writes.

    Examples
    --------
    >>> q = parse_query('''// name: hello
    ... // title.zh: 问候
    ... // title.en: Hello
    ... // answers: Nothing much.
    ... // param: n | int:1..3 | 1 | 2 | How many.
    ... // column: n | the number
    ... RETURN $n AS n''')
    >>> q.bind({"n": "2"})
    {'n': 2}
    >>> q.bind({"n": 5})
    Traceback (most recent call last):
    ...
    kg.queries.library.ParameterError: query 'hello': parameter 'n' must be between 1 and 3, not 5
    """
    where = str(path) if path else "query"
    fields, params, columns = _header(text, where)
    missing = [k for k in ("name", "title.zh", "title.en", "answers") if not fields.get(k)]
    if missing:
        raise QueryError(f"{where}: the header lacks {', '.join(missing)}")
    name = fields["name"]
    if not _NAME.match(name):
        raise QueryError(f"{where}: query name {name!r} must be lower-case letters, digits and -")
    if path is not None and path.stem != name:
        raise QueryError(f"{where}: the header names the query {name!r}; the file must be {name}.cypher")
    if not columns:
        raise QueryError(f"{where}: the header lists no returned column")
    query = Query(
        name=name,
        title_zh=fields["title.zh"],
        title_en=fields["title.en"],
        answers=fields["answers"],
        params=tuple(params),
        columns=tuple(columns),
        cypher=text.strip() + "\n",
        path=path,
    )
    clause = writing_clause(query.body)
    if clause:
        raise QueryError(f"{where}: library queries are read-only, but in this one {clause}")
    for p in params:
        try:
            p.convert(p.default, name)
            p.convert(p.example, name)
        except ParameterError as exc:
            raise QueryError(f"{where}: default or example of {p.name!r} does not fit: {exc}") from None
    return query


def _header(text: str, where: str) -> tuple[dict[str, str], list[Param], list[Column]]:
    """The fields, parameters and columns of the leading ``//`` comment block."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    columns: list[Column] = []
    last: str | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped.startswith("//"):
            break
        content = stripped[2:]
        if content.startswith("  ") and last is not None:  # continuation of the previous field
            fields[last] += " " + content.strip()
            continue
        key, sep, value = content.strip().partition(":")
        if not sep:
            continue
        key, value = key.strip(), value.strip()
        if key == "param":
            params.append(_parse_param(value, f"{where}:{number}"))
            last = None
        elif key == "column":
            name, _, description = (part.strip() for part in value.partition("|"))
            columns.append(Column(name, description))
            last = None
        else:
            fields[key] = value
            last = key
    return fields, params, columns


def _parse_param(value: str, where: str) -> Param:
    parts = [part.strip() for part in value.split("|", 4)]
    if len(parts) != 5:
        raise QueryError(f"{where}: a param line needs name | type | default | example | description")
    name, typ, default, example, description = parts
    if not _PARAM_NAME.match(name):
        raise QueryError(f"{where}: {name!r} is not a parameter name")
    if not _TYPE.match(typ):
        raise QueryError(f"{where}: parameter {name!r} has an unknown type {typ!r}")
    try:
        return Param(name, typ, json.loads(default), json.loads(example), description)
    except json.JSONDecodeError as exc:
        raise QueryError(f"{where}: default and example of {name!r} must be JSON ({exc.msg})") from None


def writing_clause(cypher: str) -> str | None:
    """Why a statement is not read-only, or ``None`` (:func:`kg.store.query.read_only_problem`).

    Only reading clauses, functions and procedures are accepted; comments and strings are
    no clauses.

    Examples
    --------
    >>> writing_clause("MATCH (n) WHERE n.name = 'CREATE' RETURN n // SET")
    >>> writing_clause("MATCH (n) DETACH DELETE n")
    'DETACH is not a reading clause'
    """
    from kg.store.readonly import read_only_problem

    return read_only_problem(cypher)


def check_read_only(cypher: str) -> None:
    """Raise :class:`QueryError` when a statement is not read-only (see :func:`writing_clause`)."""
    problem = writing_clause(cypher)
    if problem:
        raise QueryError(f"the statement is not read-only: {problem}; run it with --write if it should write")


def library_dir() -> Path:
    """The library folder: ``$KG_QUERIES``, else the installed copy, else ``queries/`` of the source tree."""
    env = os.environ.get("KG_QUERIES")
    if env:
        return Path(env).expanduser()
    here = Path(__file__).resolve().parents[1]  # the kg package
    for candidate in (here / "_queries", here.parent / "queries"):
        if candidate.is_dir():
            return candidate
    raise QueryError("the query library is not installed (no kg/_queries or queries/ folder); set KG_QUERIES")


def load_library(directory: Path | str | None = None) -> dict[str, Query]:
    """Every query of the library, by name, in name order.

    Raises
    ------
    QueryError
        The folder does not exist or a file is malformed.
    """
    folder = Path(directory) if directory is not None else library_dir()
    if not folder.is_dir():
        raise QueryError(f"{folder}: the query library folder does not exist")
    queries = [parse_query(p.read_text(encoding="utf-8"), p) for p in sorted(folder.glob("*.cypher"))]
    return {q.name: q for q in sorted(queries, key=lambda q: q.name)}


def get_query(name: str, directory: Path | str | None = None) -> Query:
    """The library query called ``name``.

    Raises
    ------
    QueryError
        No query has that name (the message suggests close names).
    """
    library = load_library(directory)
    if name in library:
        return library[name]
    close = [n for n in library if name in n or n in name] or list(library)[:5]
    raise QueryError(f"no query named {name!r}; try {', '.join(close)} (or `kg query list`)")
