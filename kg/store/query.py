"""Running any Cypher statement and getting plain Python values back: the store's generic query API.

Read-only is enforced twice. :func:`kg.store.readonly.read_only_problem` parses the text
and accepts only reading clauses, Cypher's own functions and a few schema procedures;
anything else is refused, whatever it is called. And :func:`run` runs a read in a
READ-mode transaction (Neo4j refuses writes in it) that is rolled back, never committed,
because ArcadeDB executes writes even in READ transactions: whatever a statement might
still change is undone.

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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import neo4j
from neo4j import exceptions as neo_exc
from neo4j import graph as neo_graph

from kg.store.connect import Store
from kg.store.readonly import read_only_problem

__all__ = ["Plain", "Records", "plain", "read_only_problem", "run"]

Plain: TypeAlias = str | int | float | bool | Sequence["Plain"] | Mapping[str, "Plain"] | None
"""A value of a result row, made plain by :func:`plain` (JSON's kinds of value)."""


@dataclass(frozen=True, slots=True)
class Records:
    """The outcome of one statement: column names (also without rows) and rows of plain values."""

    columns: list[str]
    rows: list[dict[str, Plain]]


def plain(value: object) -> Plain:
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
        Run in a write transaction. Otherwise the statement runs in a READ-mode
        transaction that is rolled back: Neo4j refuses writes in it and ArcadeDB, which
        does not, keeps none. Callers that must not write also check the text first
        (:func:`read_only_problem`), to say why before anything runs.

    Raises
    ------
    kg.errors.StoreError
        The server refused the statement (its message on one line) or cannot be reached.
    """
    values = dict(params or {})

    def work(tx: neo4j.ManagedTransaction | neo4j.Transaction) -> Records:
        result = tx.run(query, values)
        columns = list(result.keys())
        rows = [{key: plain(record[key]) for key in columns} for record in result]
        return Records(columns, rows)

    try:
        if write:
            with store.session() as session:
                return session.execute_write(work)
        with store.driver.session(
            database=store.settings.database, default_access_mode=neo4j.READ_ACCESS
        ) as session:
            tx = session.begin_transaction()
            try:
                return work(tx)
            finally:
                tx.rollback()  # a read commits nothing, whatever the server let it do
    except (neo_exc.Neo4jError, neo_exc.DriverError, OSError) as exc:
        raise store.translate(exc) from exc
