"""The load of a build's merged graph into the database, in batches.

Shared nodes first, then their relationships (each once, with the evidence of every article
that states it), then the articles' own nodes and the relationships that touch them. Rows
are made straight from the merged N-Triples lines (:func:`kg.store.mapping.ntriples_to_rows`),
ahead of their writing and, with several workers, in worker processes; batches are written
in order.

Example
-------
>>> list(_chunked(iter("abcde"), 2))
[('a', 'b'), ('c', 'd'), ('e',)]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Literal, NamedTuple, TypedDict, TypeVar

from kg.build.merge import Lines, LocalPart, Merge, Reader
from kg.build.ntriples import LOCAL_TYPES, TYPE, nt_lines, split_triple
from kg.build.summary import BuildProgress, LoadReport
from kg.build.workers import worker_pool

if TYPE_CHECKING:
    from pathlib import Path

    from kg.store.connect import Settings, Store
    from kg.store.load import LoadSummary
    from kg.store.mapping import GraphRows

__all__ = ["LoadBatch", "StoreOptions", "load"]

_LOAD_SUBJECTS = 2_000
_LOAD_ARTICLES = 200

Phase = Literal["nodes", "relationships", "articles"]
_T = TypeVar("_T")


class StoreOptions(TypedDict, total=False):
    """Where to load when no settings are given (:func:`kg.store.connect.resolve_settings`)."""

    uri: str | None
    user: str | None
    database: str | None
    home: Path | None


class LoadBatch(NamedTuple):
    """One batch of the load: shared subjects (``nodes``, ``relationships``) or articles."""

    phase: Phase
    subjects: tuple[str, ...] = ()
    parts: tuple[LocalPart, ...] = ()
    of: int | None = None
    """The subjects of the phase (``None`` for articles: not counted ahead)."""

    @property
    def size(self) -> int:
        return len(self.subjects) + len(self.parts)


def _chunked(items: Iterator[_T], size: int) -> Iterator[tuple[_T, ...]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)


def _batches(merge: Merge, incremental: bool, count: int) -> Iterator[LoadBatch]:
    phases: tuple[Phase, Phase] = ("nodes", "relationships")
    for phase in phases:
        # the subjects are read from the merge in each phase, never held all at once
        for subjects in _chunked(merge.subjects(only_touched=incremental), _LOAD_SUBJECTS):
            yield LoadBatch(phase, subjects=subjects, of=count)
    for parts in _chunked(merge.local_parts(only_new=incremental), _LOAD_ARTICLES):
        yield LoadBatch("articles", parts=parts)


def _rows_of(lines: Iterable[str]) -> GraphRows:
    """The rows of these N-Triples lines, as :func:`kg.store.mapping.graph_to_rows` gives them."""
    from kg.store.mapping import ntriples_to_rows

    return ntriples_to_rows(lines)


def _subject_rows(merge: Lines, subjects: Sequence[str], phase: Phase) -> GraphRows:
    """The node rows (``phase`` ``"nodes"``) or relationship rows of a batch of shared subjects.

    A relationship row carries the evidence of every article that states it, so it is
    written once."""
    from kg.store.mapping import GraphRows

    lines = merge.subject_lines(subjects)
    if phase == "nodes":
        # a node's row depends on its own triples only: no need for the types of what it points at
        own = {s for s, _, _ in map(split_triple, lines)}
        rows = _rows_of(lines)
        return GraphRows(nodes=tuple(r for r in rows.nodes if f"<{r.uri}>" in own), rels=())
    # the rdf:type lines of what the relationships point at, so that they find their ends
    objects = sorted({o for s, p, o in map(split_triple, lines) if o.startswith("<") and p != TYPE})
    types = merge.subject_lines(objects, types_only=True)
    return GraphRows(nodes=(), rels=_rows_of(lines + merge.statement_lines(subjects) + types).rels)


def _article_rows(merge: Lines, parts: Sequence[LocalPart]) -> GraphRows:
    """The articles' own nodes and the relationships that touch them (with their statements)."""
    from kg.store.mapping import GraphRows

    lines = [line for _, nt in parts for line in nt_lines(nt)]
    triples = [split_triple(line) for line in lines]
    own = {s for s, p, o in triples if p == TYPE and o in LOCAL_TYPES}
    ends = {s for s, _, _ in triples} | {o for _, p, o in triples if o.startswith("<") and p != TYPE}
    # the shared nodes at the other end were loaded before: typed here only so their rows find them
    rows = _rows_of(lines + merge.subject_lines(sorted(ends - own), types_only=True))
    own_uris = {s[1:-1] for s in own}
    return GraphRows(nodes=tuple(r for r in rows.nodes if r.uri in own_uris), rels=rows.rels)


def _batch_rows(merge: Lines, batch: LoadBatch) -> GraphRows:
    if batch.phase == "articles":
        return _article_rows(merge, batch.parts)
    return _subject_rows(merge, batch.subjects, batch.phase)


_READERS: dict[str, Reader] = {}


def _prepare_rows(path: str, batch: LoadBatch) -> GraphRows:
    """Rows of one load batch, in a worker process (reading the merge from ``path``)."""
    reader = _READERS.get(path)
    if reader is None:
        reader = _READERS[path] = Reader(path)
    return _batch_rows(reader, batch)


class _Prepare:
    """Makes the rows of load batches ahead of their writing: here, or in worker processes."""

    def __init__(self, merge: Merge, workers: int) -> None:
        self.merge = merge
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Prepare:
        if self.workers > 1:
            self._pool = worker_pool(self.workers)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def map(self, batches: Iterator[LoadBatch]) -> Iterator[tuple[LoadBatch, GraphRows]]:
        """Each batch with its rows, in order."""
        if self._pool is None:
            for batch in batches:
                yield batch, _batch_rows(self.merge, batch)
            return
        path = str(self.merge.path)
        pending: deque[tuple[LoadBatch, Future[GraphRows]]] = deque()
        for batch in batches:
            pending.append((batch, self._pool.submit(_prepare_rows, path, batch)))
            while len(pending) > 2 * self.workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def _write_rows(store: Store, batch: LoadBatch, rows: GraphRows, total: LoadSummary, *, schema: bool) -> None:
    """Write the rows of one batch (``schema``: the first, which sets up the database's schema)."""
    from kg.store.load import load_rows

    summary = load_rows(store, rows, schema=schema)
    total.nodes_created += summary.nodes_created
    total.nodes_merged += summary.nodes_merged
    total.rels_created += summary.rels_created
    total.rels_merged += summary.rels_merged
    total.rels_dangling += summary.rels_dangling
    total.batches += summary.batches


def load(
    merge: Merge,
    settings: Settings | None,
    options: StoreOptions,
    *,
    previous_target: str | None,
    tick: BuildProgress,
    workers: int = 1,
) -> LoadReport:
    """Load the merged graph into the database; only what new articles touched when the
    database is the one ``previous_target`` names, whose last load completed."""
    from kg.store.connect import connect, resolve_settings
    from kg.store.load import LoadSummary

    settings = settings or resolve_settings(**options)
    total = LoadSummary()
    with connect(settings) as store:
        target = f"{store.uri} database {store.database or '(default)'}"
        incremental = previous_target == target
        count = merge.subject_count(only_touched=incremental)
        # rows are made ahead (in worker processes when there are several), written here in order
        with _Prepare(merge, workers) as prepare:
            for n, (batch, rows) in enumerate(prepare.map(_batches(merge, incremental, count))):
                _write_rows(store, batch, rows, total, schema=n == 0)
                tick(f"load {batch.phase}", batch.size, batch.of)
    text = (
        f"{total.nodes_created} node(s) and {total.rels_created} relationship(s) created "
        f"({total.nodes_merged} and {total.rels_merged} merged) in {target}"
    )
    return {
        "target": target,
        "incremental": incremental,
        "text": text,
        "nodes_created": total.nodes_created,
        "nodes_merged": total.nodes_merged,
        "relationships_created": total.rels_created,
        "relationships_merged": total.rels_merged,
        "relationships_dangling": total.rels_dangling,
        "batches": total.batches,
    }
