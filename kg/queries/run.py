"""Running library queries and ad hoc statements, and reading their parameters from the command line."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import StoreError
from kg.queries.library import ParameterError, Query, QueryError, check_read_only, get_query
from kg.queries.results import Result

if TYPE_CHECKING:
    from kg.store.connect import Store

__all__ = ["guess_value", "parse_assignments", "run_cypher", "run_query"]


def run_query(
    store: Store,
    query: Query | str,
    params: Mapping[str, Any] | None = None,
    *,
    directory: Path | str | None = None,
) -> Result:
    """Run a library query, by name or as a :class:`Query`, in a read transaction.

    Parameters
    ----------
    store
        An open store (:func:`kg.store.connect.connect`).
    query
        The query or its name.
    params
        Parameter values (Python values, or text to convert); the rest take their defaults.
    directory
        The library folder, when ``query`` is a name (default :func:`library_dir`).

    Raises
    ------
    QueryError
        No such query, or the server refused it (its message, with the query's name).
    ParameterError
        An unknown parameter or a value that does not fit.
    """
    from kg.store.query import run

    q = query if isinstance(query, Query) else get_query(query, directory)
    bound = q.bind(params)
    try:
        records = run(store, q.body, bound)
    except StoreError as exc:
        raise QueryError(f"query {q.name!r} failed: {exc}") from exc
    # ArcadeDB sends no column names with an empty result: the header knows them.
    columns = records.columns or [c.name for c in q.columns]
    return Result(columns, records.rows, q.name, bound)


def run_cypher(
    store: Store, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False
) -> Result:
    """Run an ad hoc statement: in a read transaction, or a write transaction when ``write``.

    Raises
    ------
    QueryError
        The statement writes and ``write`` is false, or the server refused it.
    """
    from kg.store.query import run

    if not cypher.strip():
        raise QueryError("the statement is empty")
    if not write:
        check_read_only(cypher)
    try:
        records = run(store, cypher, params, write=write)
    except StoreError as exc:
        raise QueryError(f"the statement failed: {exc}") from exc
    return Result(records.columns, records.rows, None, dict(params or {}))


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """``["key=value", ...]`` (``-p`` options) as a dictionary of texts.

    Raises
    ------
    ParameterError
        An item without ``=`` or with an empty key.

    Examples
    --------
    >>> parse_assignments(["depth=3", "entity=张建国"])
    {'depth': '3', 'entity': '张建国'}
    """
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"-p {item!r}: write parameters as key=value")
        out[key.strip()] = value
    return out


def guess_value(text: str) -> Any:
    """An ad hoc parameter's value: JSON when the text parses as JSON, else the text itself.

    Examples
    --------
    >>> guess_value("3"), guess_value("钟昌明"), guess_value('"3"'), guess_value("[1, 2]")
    (3, '钟昌明', '3', [1, 2])
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text
