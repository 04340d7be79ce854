"""Loading RDF into the property graph: schema first, then idempotent ``UNWIND`` batches.

Nodes go first, grouped by class, then relationships, grouped by type and end-point
classes. Every batch is one parameterised statement (two on ArcadeDB) in a managed write
transaction, which the driver retries on transient errors and lost connections. Values
only ever travel as parameters; labels, relationship types and property keys are taken
from the ontology and checked against it before they are put into query text.

Loading is idempotent and incremental: nodes are merged on ``uri``, single-valued
properties overwritten, list-valued ones (``aliases``) and relationship ``evidence``
unioned, and relationships merged, so a reload changes no count and a new article that
mentions known entities attaches to the existing nodes. A node's record of conflicting
values (``conflicts`` and the ``<key>_values`` of its class's keys, see :mod:`kg.codec`)
is the one of the last row written: a row whose values agree clears it.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar, cast

import neo4j
from rdflib import Graph

from kg.codec import CONFLICTS, VALUES_SUFFIX, NodeParam, RelParam, tables
from kg.errors import StoreError
from kg.ontology import Vocabulary, vocabulary
from kg.store.connect import Dialect, Store
from kg.store.mapping import GraphRows, NodeRow, RelRow, graph_to_rows, group_nodes, group_rels

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "LoadSummary",
    "Progress",
    "ensure_schema",
    "incomplete_loads",
    "incomplete_loads_of",
    "load_graph",
    "load_lock",
    "load_rows",
    "node_queries",
    "rel_query",
    "schema_statements",
]

DEFAULT_BATCH_SIZE = 1000

Progress = Callable[[str, int], None]
"""Called after each batch with ``"nodes"`` or ``"relationships"`` and the rows written."""

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


@dataclass(slots=True)
class LoadSummary:
    """What a load did."""

    nodes_created: int = 0
    nodes_merged: int = 0
    """Rows that matched a node already in the database."""
    rels_created: int = 0
    rels_merged: int = 0
    """Rows that matched a relationship already in the database."""
    rels_dangling: int = 0
    """Rows whose end nodes were not found (none when the input is consistent)."""
    batches: int = 0
    skipped: tuple[str, ...] = field(default_factory=tuple)
    """Triples the property graph has no place for (see :func:`kg.store.mapping.graph_to_rows`)."""

    @property
    def nodes(self) -> int:
        """Node rows written."""
        return self.nodes_created + self.nodes_merged

    @property
    def rels(self) -> int:
        """Relationship rows written."""
        return self.rels_created + self.rels_merged

    def text(self) -> str:
        """A one-line report."""
        line = (
            f"{self.nodes} node(s): {self.nodes_created} created, {self.nodes_merged} merged; "
            f"{self.rels} relationship(s): {self.rels_created} created, {self.rels_merged} merged"
        )
        if self.rels_dangling:
            line += f"; {self.rels_dangling} relationship(s) without end nodes"
        if self.skipped:
            line += f"; {len(self.skipped)} triple(s) skipped"
        return line


def _checked(name: str, allowed: Sequence[str] | set[str] | Mapping[str, object], what: str) -> str:
    """``name`` as a backquoted Cypher identifier, after checking it is an ontology term."""
    if name not in allowed or not _NAME.fullmatch(name):
        raise StoreError(f"{name!r} is not a {what} of the ontology")
    return f"`{name}`"


def _labels(cls: str, vocab: Vocabulary) -> list[str]:
    return [_checked(label, vocab.classes, "class") for label in vocab.labels_of(_checked_name(cls, vocab))]


def _checked_name(cls: str, vocab: Vocabulary) -> str:
    _checked(cls, vocab.classes, "class")
    return cls


def _list_keys(vocab: Vocabulary) -> list[str]:
    keys = sorted({p.pg_name for p in vocab.properties.values() if p.kind == "datatype" and p.list_valued})
    datatype_keys = {p.pg_name for p in vocab.properties.values() if p.kind == "datatype"}
    return [_checked(key, datatype_keys, "property key")[1:-1] for key in keys]


def _union_sets(var: str, vocab: Vocabulary) -> list[str]:
    """SET items that add each list-valued property of ``r.lists`` to ``var`` without repeats.

    A row's list is absent rather than empty, so a node without aliases gets no property.
    """
    out = []
    for key in _list_keys(vocab):
        prop, new = f"{var}.`{key}`", f"r.lists.`{key}`"
        out.append(
            f"{prop} = CASE WHEN {new} IS NULL THEN {prop} "
            f"ELSE coalesce({prop}, []) + [x IN {new} WHERE NOT x IN coalesce({prop}, [])] END"
        )
    return out


def _conflict_sets(var: str, cls: str, vocab: Vocabulary) -> list[str]:
    """SET items that replace the node's record of conflicting values with the row's (null: none)."""
    keys = [key + VALUES_SUFFIX for key in tables(vocab).single_keys(cls)]
    return [f"{var}.`{key}` = r.props.`{key}`" for key in (CONFLICTS, *keys) if _NAME.fullmatch(key)]


def schema_statements(dialect: Dialect, vocab: Vocabulary | None = None) -> list[str]:
    """Uniqueness constraints on ``uri`` and indexes on ``name`` for every class of the ontology.

    Examples
    --------
    >>> from kg.store.connect import detect_dialect
    >>> schema_statements(detect_dialect("Neo4j/5.20.0"))[0]
    'CREATE CONSTRAINT acsn_Admonishment_uri IF NOT EXISTS FOR (n:`Admonishment`) REQUIRE n.uri IS UNIQUE'
    """
    vocab = vocab or vocabulary()
    out: list[str] = []
    # ArcadeDB understands the Neo4j 5 forms as they are; a server that needs other
    # syntax gets its variant here, keyed on the dialect.
    for cls in vocab.classes:
        label = _checked(cls, vocab.classes, "class")
        out.append(f"CREATE CONSTRAINT acsn_{cls}_uri IF NOT EXISTS FOR (n:{label}) REQUIRE n.uri IS UNIQUE")
        out.append(f"CREATE INDEX acsn_{cls}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)")
    return out


def ensure_schema(store: Store, vocab: Vocabulary | None = None) -> int:
    """Create the constraints and indexes that are missing; returns how many statements ran."""
    statements = schema_statements(store.dialect, vocab)

    def work(tx: neo4j.ManagedTransaction, statement: str) -> None:
        tx.run(statement).consume()

    # Schema changes cannot share a transaction with each other on Neo4j: one each.
    for statement in statements:
        store.write(work, statement)
    return len(statements)


_Row = TypeVar("_Row", NodeRow, RelRow)

_FRESH = "_kgCreated"
"""A marker property set on the nodes a MERGE creates and removed in the same statement
(not backquoted: ArcadeDB does not REMOVE a backquoted property)."""


def node_queries(cls: str, dialect: Dialect, vocab: Vocabulary | None = None) -> tuple[str | None, str]:
    """The Cypher that writes a batch of ``cls`` nodes: ``(create_missing, upsert)``.

    On Neo4j, ``create_missing`` is ``None`` and ``upsert`` MERGEs on ``uri`` with all the
    node's labels, marking the nodes it creates for the length of the statement to return
    their ``uri`` s as ``created``. On ArcadeDB, whose MERGE with several labels does not
    use the index, ``create_missing`` creates the nodes no node of the most specific label
    has the ``uri`` of and returns their ``uri`` s, and ``upsert`` updates the others
    (no marker to write and remove).
    """
    vocab = vocab or vocabulary()
    labels = _labels(cls, vocab)
    unions = ", ".join(_union_sets("n", vocab))
    on_match = f"ON MATCH SET {unions}\n" if unions else ""
    props = ", ".join(["n += r.props", *_conflict_sets("n", cls, vocab)])
    if dialect.merge_uses_index_with_labels:
        upsert = (
            f"UNWIND $rows AS r\nMERGE (n:{':'.join(labels)} {{uri: r.uri}})\n"
            f"ON CREATE SET n += r.lists, n.{_FRESH} = true\n{on_match}SET {props}\n"
            f"WITH r, n, n.{_FRESH} AS fresh\nREMOVE n.{_FRESH}\n"
            "RETURN collect(CASE WHEN fresh THEN r.uri END) AS created"
        )
        return None, upsert
    create = (
        f"UNWIND $rows AS r\nOPTIONAL MATCH (m:{labels[0]} {{uri: r.uri}})\nWITH r, m WHERE m IS NULL\n"
        f"CREATE (n:{':'.join(labels)})\nSET n += r.props, n.uri = r.uri\nSET n += r.lists\n"
        "RETURN collect(r.uri) AS created"
    )
    upsert = f"UNWIND $rows AS r\nMATCH (n:{labels[0]} {{uri: r.uri}})\nSET {props}" + (
        f", {unions}" if unions else ""
    )
    return create, upsert


def rel_query(
    rel_type: str, source_cls: str, target_cls: str, vocab: Vocabulary | None = None, *, new: bool = False
) -> str:
    """The Cypher that MERGEs a batch of relationships and unions their ``evidence``.

    With ``new``, it CREATEs them instead, which is only right for relationships that
    cannot exist yet: :func:`load_rows` uses it for those with an end node it has just
    created, since it writes each relationship once. (A MERGE has to look through the
    relationships a node already has, which on some servers costs time in proportion
    to them, so attaching new articles to well-known entities would slow down as the
    graph grows.)
    """
    vocab = vocab or vocabulary()
    rel_types = {p.pg_name for p in vocab.properties.values() if p.kind == "object"}
    typ = _checked(rel_type, rel_types, "relationship type")
    source = _checked(source_cls, vocab.classes, "class")
    target = _checked(target_cls, vocab.classes, "class")
    ends = f"UNWIND $rows AS r\nMATCH (a:{source} {{uri: r.s}})\nMATCH (b:{target} {{uri: r.o}})\n"
    if new:
        return ends + f"CREATE (a)-[e:{typ}]->(b)\nSET e.evidence = r.ev\nRETURN count(*) AS matched"
    return (
        ends + f"MERGE (a)-[e:{typ}]->(b)\n"
        "ON CREATE SET e.evidence = r.ev\n"
        "ON MATCH SET e.evidence = CASE WHEN r.ev IS NULL THEN e.evidence "
        "ELSE coalesce(e.evidence, []) + [x IN r.ev WHERE NOT x IN coalesce(e.evidence, [])] END\n"
        "RETURN count(*) AS matched"
    )


def _chunks(rows: Sequence[_Row], size: int) -> Iterator[Sequence[_Row]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _write_nodes(
    tx: neo4j.ManagedTransaction, create: str | None, upsert: str, batch: list[NodeParam]
) -> list[str]:
    """Write one batch of nodes; returns the ``uri`` s of those it created."""
    if create is None:
        record = tx.run(upsert, rows=batch).single()
        return list(record["created"]) if record is not None else []
    record = tx.run(create, rows=batch).single()
    created = list(record["created"]) if record is not None else []
    done = set(created)
    rest = [row for row in batch if row["uri"] not in done]
    if rest:
        tx.run(upsert, rows=rest).consume()
    return created


def _write_rels(tx: neo4j.ManagedTransaction, query: str, batch: list[RelParam]) -> tuple[int, int]:
    """Write one batch of relationships; returns (matched rows, relationships created)."""
    result = tx.run(query, rows=batch)
    record = result.single()
    created = result.consume().counters.relationships_created
    return (int(record["matched"]) if record is not None else 0), created


def load_rows(
    store: Store,
    rows: GraphRows,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    schema: bool = True,
    vocab: Vocabulary | None = None,
) -> LoadSummary:
    """Write node and relationship rows to the store, nodes first.

    Nodes are merged on ``uri``. A relationship with an end node this call created is
    created (it cannot exist yet); the others are merged, their evidence unioned. A
    re-run after a failure finds the nodes already there and merges everything again,
    so nothing is doubled. Loads into the same database from this machine take turns
    (:func:`load_lock`).

    Parameters
    ----------
    store
        An open store (:func:`kg.store.connect.connect`).
    rows
        Rows from :func:`kg.store.mapping.graph_to_rows`.
    batch_size
        Rows per transaction.
    progress
        Called after each batch (see :data:`Progress`).
    schema
        Create missing constraints and indexes first.

    Raises
    ------
    StoreError
        The server refused a batch or was lost for longer than the retry time; batches
        written before stay written, and running the load again completes it.
    """
    if batch_size < 1:
        raise StoreError(f"--batch-size must be at least 1, not {batch_size}")
    with load_lock(store):
        return _load_rows(store, rows, batch_size, progress, schema, vocab or vocabulary())


def _lock_path(store: Store) -> Path:
    """The lock file of the store's target: in the local server's home, else in the temporary folder."""
    target = f"{store.settings.uri}|{store.settings.database or ''}"
    name = "load-" + hashlib.sha1(target.encode("utf-8")).hexdigest()[:16] + ".lock"
    if store.settings.local is not None:
        return Path(store.settings.local.home) / name
    return Path(tempfile.gettempdir()) / f"kg-{os.getuid() if hasattr(os, 'getuid') else 0}-{name}"


@contextlib.contextmanager
def load_lock(store: Store) -> Iterator[None]:
    """Hold the lock of the store's database: loads on this machine into the same database wait in turn.

    Two loads at once would each merge a relationship the other is creating, and both would
    write it (duplicates no export shows). The lock is released when the process ends,
    however it ends.
    """
    path = _lock_path(store)
    try:
        handle = path.open("a+")
    except OSError as exc:
        raise StoreError(f"cannot open the load lock {path}: {exc.strerror or exc}") from exc
    with handle:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            with _marked_incomplete(path, store):
                yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


INCOMPLETE_SUFFIX = ".incomplete"


@contextlib.contextmanager
def _marked_incomplete(lock: Path, store: Store) -> Iterator[None]:
    """Record a load as unfinished beside its lock until it finishes (a killed load keeps the record)."""
    marker = lock.with_name(lock.name + INCOMPLETE_SUFFIX)
    record = {
        "database": store.settings.database or "",
        "uri": store.uri,
        "pid": os.getpid(),
        "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }
    marker.write_text(json.dumps(record), encoding="utf-8")
    yield  # an exception leaves the record: the load did not finish
    marker.unlink(missing_ok=True)


def incomplete_loads_of(store: Store) -> list[dict[str, object]]:
    """The unfinished load into the store's database recorded on this machine, if any."""
    lock = _lock_path(store)
    marker = lock.with_name(lock.name + INCOMPLETE_SUFFIX)
    try:
        return [cast(dict[str, object], json.loads(marker.read_text(encoding="utf-8")))]
    except (OSError, ValueError):
        return []


def incomplete_loads(home: Path) -> list[dict[str, object]]:
    """The loads into the local server of ``home`` that started and never finished (killed or failed)."""
    found = []
    for marker in sorted(Path(home).glob(f"load-*.lock{INCOMPLETE_SUFFIX}")):
        try:
            found.append(cast(dict[str, object], json.loads(marker.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue
    return found


def _load_rows(
    store: Store,
    rows: GraphRows,
    batch_size: int,
    progress: Progress | None,
    schema: bool,
    vocab: Vocabulary,
) -> LoadSummary:
    if schema:
        ensure_schema(store, vocab)
    summary = LoadSummary(skipped=rows.skipped)
    created: set[str] = set()
    for cls, node_rows in group_nodes(rows.nodes).items():
        create, upsert = node_queries(cls, store.dialect, vocab)
        for chunk in _chunks(node_rows, batch_size):
            batch = [row.param() for row in chunk]
            new_uris = store.write(_write_nodes, create, upsert, batch)
            created.update(new_uris)
            summary.nodes_created += len(new_uris)
            summary.nodes_merged += len(batch) - len(new_uris)
            summary.batches += 1
            if progress:
                progress("nodes", len(batch))
    for (rel_type, source_cls, target_cls), rel_rows in group_rels(rows.rels).items():
        # A relationship with an end node created above cannot exist yet: create it (once;
        # a repeated row goes through MERGE after it, which unions its evidence).
        fresh: list[RelRow] = []
        known: list[RelRow] = []
        seen: set[tuple[str, str]] = set()
        for row in rel_rows:
            key = (row.source, row.target)
            if (row.source in created or row.target in created) and key not in seen:
                seen.add(key)
                fresh.append(row)
            else:
                known.append(row)
        for rel_part, new in ((fresh, True), (known, False)):
            query = rel_query(rel_type, source_cls, target_cls, vocab, new=new)
            for rel_chunk in _chunks(rel_part, batch_size):
                rel_batch = [row.param() for row in rel_chunk]
                matched, made = store.write(_write_rels, query, rel_batch)
                summary.rels_created += made
                summary.rels_merged += matched - made
                summary.rels_dangling += len(rel_batch) - matched
                summary.batches += 1
                if progress:
                    progress("relationships", len(rel_batch))
    return summary


def load_graph(
    store: Store,
    graph: Graph,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> LoadSummary:
    """Load an RDF graph (see :func:`load_rows`)."""
    return load_rows(store, graph_to_rows(graph), batch_size=batch_size, progress=progress)
