"""Running any Cypher statement and getting plain Python values back: the store's generic query API.

:meth:`kg.store.connect.Store.read` returns records as dictionaries, but loses the column
names when there are no rows and passes parameters as keyword arguments (so a parameter
cannot be called ``query``). :func:`run` keeps both, runs reads in a read transaction and
writes in a write transaction, and turns driver values (nodes, relationships, paths,
temporal and spatial values) into plain ``dict`` / ``list`` / ``str`` values that any
caller can print or serialise without importing :mod:`neo4j`.

Example
-------
>>> plain([{"a": 1}, (2, 3)])
[{'a': 1}, [2, 3]]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import exceptions as neo_exc
from neo4j import graph as neo_graph

from kg.store.connect import Store

__all__ = ["Records", "plain", "run"]


@dataclass(frozen=True, slots=True)
class Records:
    """The outcome of one statement: column names (also without rows) and rows of plain values."""

    columns: list[str]
    rows: list[dict[str, Any]]


def plain(value: Any) -> Any:
    """A driver value as plain Python: nodes and relationships as dicts, paths as dicts of lists.

    Nodes become their properties plus ``_labels`` (sorted); relationships their properties
    plus ``_type``; paths ``{"nodes": [...], "relationships": [...]}``; temporal values
    their ISO 8601 text; spatial points their text form.
    """
    if isinstance(value, neo_graph.Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo_graph.Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo_graph.Path):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time.Date, DateTime, Time, Duration
        return str(value.iso_format())
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # spatial points and anything else


def run(store: Store, query: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> Records:
    """Run one statement in a managed read (default) or write transaction.

    Parameters
    ----------
    store
        An open store.
    query
        The Cypher text; values travel only in ``params``.
    params
        The query's parameters.
    write
        Run in a write transaction. In a read transaction Neo4j refuses writes; callers
        that must not write should also check the text (ArcadeDB does not refuse them).

    Raises
    ------
    kg.errors.StoreError
        The server refused the statement (its message on one line) or cannot be reached.
    """
    values = dict(params or {})

    def work(tx: neo4j.ManagedTransaction) -> Records:
        result = tx.run(query, values)
        columns = list(result.keys())
        rows = [{key: plain(record[key]) for key in columns} for record in result]
        return Records(columns, rows)

    try:
        with store.session() as session:
            if write:
                return session.execute_write(work)
            return session.execute_read(work)
    except (neo_exc.Neo4jError, neo_exc.DriverError, OSError) as exc:
        raise store.translate(exc) from exc
