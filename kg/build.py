"""The corpus pipeline behind ``kg build``: ingest, extract in parallel, merge, validate, write, load.

One call turns a corpus into ``graph.ttl``, ``graph.trig`` (one named graph per
article), ``graph.html`` (when the viewer can draw it), a database load and
``report.json``, with bounded memory:

- articles are read as a stream and sent to worker processes (or a Dask cluster) in
  chunks; results come back in corpus order, a bounded number of chunks in flight;
- no per-article graph is kept: each article's triples travel as sorted N-Triples
  lines. Triples that touch an article's own nodes (the article and its evidence
  sentences, whose IRIs contain the article id) are unique to it and are spooled as
  they come; the others (entities, statistics, shared between articles) are merged by
  subject in an on-disk SQLite table, which removes repeats, and the reified statements
  that carry a shared relationship's evidence are filed under the relationship's subject;
- ``graph.ttl`` is pretty Turtle when the merged graph is small enough to hold
  (:data:`IN_MEMORY_TRIPLES`), else N-Triples lines (valid Turtle) written as a stream;
- the workers also split each article's triples for the merge and compress them for the
  cache, so the main process mostly writes;
- the database is loaded in batches through :mod:`kg.store.load`: shared nodes, then
  their relationships (each once, with the evidence of every article that states it),
  then the articles' own nodes and the relationships that touch them (created, not
  merged, since their article nodes are new). Rows are made straight from the merged
  N-Triples lines (:func:`kg.store.mapping.ntriples_to_rows`, no rdflib graph), ahead of
  their writing and, with several workers, in worker processes; batches are written in order.

Incremental builds: ``cache.sqlite`` keeps each article's triples under its content
hash, and ``manifest.json`` records the articles built and those whose load into the
database completed. A re-run extracts only new or changed articles, writes exports
equal to a from-scratch build, and loads only what is new (everything when the last
load did not finish).

Example
-------
>>> import tempfile
>>> report = build(["examples/seed-zjrb-20200110.txt"], tempfile.mkdtemp(), load=False, html=False, workers=1)
>>> report.articles_read
1
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import threading
import time
import zlib
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rdflib import Graph

from kg.errors import InputError, KgError, ValidationError
from kg.export import write_rdf, write_text
from kg.extract import Extractor, extract
from kg.graph import DEFAULT_BASE, article_iri, to_graph
from kg.ingest import ARTICLE_SUFFIXES, Skipped, read_inputs
from kg.model import Article
from kg.ontology import ACSN_IRI, vocabulary
from kg.resolve.judgements import Judgements

if TYPE_CHECKING:
    from kg.store.connect import Settings, Store

__all__ = [
    "CACHE_NAME",
    "DEFAULT_CHUNK_SIZE",
    "IN_MEMORY_TRIPLES",
    "MANIFEST_NAME",
    "MAX_ARTICLE_CHARS",
    "REPORT_NAME",
    "BuildProgress",
    "BuildReport",
    "build",
    "content_hash",
    "extract_chunk",
]

MANIFEST_NAME = "manifest.json"
REPORT_NAME = "report.json"
CACHE_NAME = "cache.sqlite"
DEFAULT_CHUNK_SIZE = 32
"""Articles per task sent to a worker."""
IN_MEMORY_TRIPLES = 300_000
"""Up to this many merged triples the graph is held in memory: pretty Turtle, full validation, viewer."""
MAX_ARTICLE_CHARS = 500_000
"""Longer articles are skipped (one enormous line is a broken export, not news)."""
ARTICLE_SECONDS = 120.0
"""An article whose extraction takes longer is skipped with its reason (``--article-seconds``)."""
VALIDATE_SAMPLE = 300
"""Articles validated (in batches) when the merged graph is too large to validate whole."""
_VALIDATE_BATCH = 100
_LOAD_SUBJECTS = 2_000
_LOAD_ARTICLES = 200
_MANIFEST_VERSION = 1

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_TYPE = f"<{_RDF}type>"
_LOCAL_TYPES = (f"<{ACSN_IRI}Article>", f"<{ACSN_IRI}Evidence>")
_STATEMENT = f"<{_RDF}Statement>"
_SUBJECT, _OBJECT = f"<{_RDF}subject>", f"<{_RDF}object>"
_STATEMENT_PARTS = (_SUBJECT, f"<{_RDF}predicate>", _OBJECT)
_MEASURE = f"<{ACSN_IRI}measure>"


class BuildProgress(Protocol):
    """What :func:`build` reports progress to (the CLI's progress bar, or nothing)."""

    def __call__(self, stage: str, advance: int, total: int | None) -> None:
        """``advance`` more items of ``stage`` done (``total`` when known, else ``None``)."""


@dataclass
class BuildReport:
    """What a build did: counts, skipped articles with reasons, time per stage, outputs."""

    out: str
    articles_read: int = 0
    articles_extracted: int = 0
    """Articles extracted in this run (the others came from the cache)."""
    articles_reused: int = 0
    articles_skipped: list[dict[str, str]] = field(default_factory=list)
    """One ``{"source", "reason"}`` per unreadable input, duplicate or article the extractor failed on."""
    entities_by_class: dict[str, int] = field(default_factory=dict)
    relationships_by_type: dict[str, int] = field(default_factory=dict)
    statistics_by_measure: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    seconds_by_stage: dict[str, float] = field(default_factory=dict)
    validation: dict[str, Any] = field(default_factory=dict)
    html: dict[str, Any] = field(default_factory=dict)
    load: dict[str, Any] = field(default_factory=dict)
    workers: int = 1
    executor: str = "local"
    outputs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (the content of ``report.json``)."""
        return {
            "out": self.out,
            "articles_read": self.articles_read,
            "articles_extracted": self.articles_extracted,
            "articles_reused": self.articles_reused,
            "articles_skipped_count": len(self.articles_skipped),
            "articles_skipped": self.articles_skipped,
            "entities_by_class": dict(sorted(self.entities_by_class.items())),
            "relationships_by_type": dict(sorted(self.relationships_by_type.items())),
            "statistics_by_measure": dict(sorted(self.statistics_by_measure.items())),
            "triples": self.triples,
            "seconds_by_stage": {k: round(v, 3) for k, v in self.seconds_by_stage.items()},
            "seconds_total": round(sum(self.seconds_by_stage.values()), 3),
            "validation": self.validation,
            "html": self.html,
            "load": self.load,
            "workers": self.workers,
            "executor": self.executor,
            "outputs": self.outputs,
            "notes": self.notes,
        }

    def summary(self) -> str:
        """A readable summary of a few lines (what the CLI prints on stderr)."""
        lines = [
            f"{self.articles_read} article(s) read ({self.articles_extracted} extracted, "
            f"{self.articles_reused} from the cache), {len(self.articles_skipped)} skipped",
            f"{sum(self.entities_by_class.values())} node(s), "
            f"{sum(self.relationships_by_type.values())} relationship(s), {self.triples} triple(s)",
        ]
        if self.validation:
            lines.append(f"validation: {self.validation.get('text', '')}")
        if self.html:
            lines.append(f"viewer: {self.html.get('text', '')}")
        if self.load:
            lines.append(f"database: {self.load.get('text', '')}")
        total = sum(self.seconds_by_stage.values())
        stages = ", ".join(f"{k} {v:.1f}s" for k, v in self.seconds_by_stage.items())
        lines.append(f"{total:.1f} s ({stages}) -> {self.out}")
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)


def content_hash(article: Article) -> str:
    """The SHA-256 of what an article contributes to the graph (every field but ``source``).

    Examples
    --------
    >>> a = Article(id="a", text="正文。")
    >>> content_hash(a) == content_hash(Article(id="a", text="正文。", source="x"))
    True
    """
    data = [
        article.id,
        article.text,
        article.title,
        article.subtitle,
        article.publisher,
        article.date,
        article.section,
        article.page,
        article.url,
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


def nt_lines(nt: str) -> list[str]:
    """The lines of N-Triples text, split at ``\n`` only.

    A literal may hold U+2028, U+2029, ``\x0b``, ``\x0c``, ``\x1c``-``\x1e`` or ``\x85``,
    which :meth:`str.splitlines` would also split at; the serializer escapes only ``\n`` and ``\r``.
    """
    return [line for line in nt.split("\n") if line.strip()]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _OverBudget(Exception):
    """An article's extraction ran past its time budget."""


@contextlib.contextmanager
def _budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_OverBudget` in this block after ``seconds`` (main thread with SIGALRM only)."""
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def over(signum: int, frame: object) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_chunk(
    articles: Sequence[Article],
    base: str = DEFAULT_BASE,
    extractor: Extractor = extract,
    seconds: float | None = ARTICLE_SECONDS,
) -> list[tuple[str | None, str | None]]:
    """Extract a chunk of articles to sorted N-Triples; what a worker runs.

    Returns
    -------
    list of (str or None, str or None)
        Per article, in order: ``(ntriples, None)``, or ``(None, reason)`` when the
        extractor raised or ran past ``seconds`` (the article is reported and the build goes on).
    """
    out: list[tuple[str | None, str | None]] = []
    for article in articles:
        try:
            with _budget(seconds):
                graph = to_graph(extractor(article), base)
                lines = nt_lines(graph.serialize(format="nt"))
            text = "\n".join(sorted(lines))
            out.append((text + "\n" if text else "", None))
        except _OverBudget:
            out.append((None, f"extraction took longer than {seconds:g} s (--article-seconds); skipped"))
        except Exception as exc:  # a poison article must not stop the corpus
            out.append((None, f"extraction failed: {type(exc).__name__}: {_first_line(exc)}"))
    return out


_Parts = tuple[str, list[tuple[str, str]], list[tuple[str, str]], dict[str, int], dict[str, int]]
"""One article's triples split for the merge: its own lines (N-Triples text), the shared
``(subject, rest of line)`` pairs, the lines of the reified statements of shared relationships
as ``(the relationship's subject, line)`` pairs, and its own nodes by class and relationships by type."""


def split_article(art: str, nt: str) -> _Parts:
    """Split one article's N-Triples (``art``: the article's IRI in N-Triples form) for the merge.

    Lines that touch the article's own nodes (the article and its evidence sentences) are
    its own; the others are shared between articles and merged by subject. A relationship's
    reified statement (which carries its evidence) goes with the relationship: with the
    article's own lines when the relationship touches an own node, else filed under the
    relationship's subject, so that the relationship is loaded once with the evidence of
    every article that states it.
    """
    rel_names = _object_properties()
    lines = nt_lines(nt)
    triples = [_split(line) for line in lines]
    own = {art}
    statements: dict[str, dict[str, str]] = {}
    for s, p, o in triples:
        if p == _TYPE:
            if o in _LOCAL_TYPES:
                own.add(s)
            elif o == _STATEMENT:
                statements.setdefault(s, {})
        elif p in _STATEMENT_PARTS:
            statements.setdefault(s, {})[p] = o
    key_of: dict[str, str | None] = {}
    for stmt, spo in statements.items():
        subj, obj = spo.get(_SUBJECT), spo.get(_OBJECT)
        key_of[stmt] = None if subj is None or subj in own or obj in own else subj
    local: list[str] = []
    shared: list[tuple[str, str]] = []
    stmts: list[tuple[str, str]] = []
    classes: Counter[str] = Counter()
    rels: Counter[str] = Counter()
    cut = len(ACSN_IRI) + 1
    for line, (s, p, o) in zip(lines, triples, strict=True):
        if s in statements:
            key = key_of[s]
            if key is None:
                local.append(line)
            else:
                stmts.append((key, line))
        elif s in own or o in own:
            local.append(line)
            if p == _TYPE:
                classes[o[cut:-1]] += 1
            elif p in rel_names and o.startswith("<"):
                rels[rel_names[p]] += 1
        else:
            shared.append((s, line[len(s) + 1 :]))
    return ("\n".join(local) + "\n" if local else ""), shared, stmts, dict(classes), dict(rels)


_Result = tuple[str | None, str | None, bytes | None, _Parts | None]
"""What a worker returns per article: N-Triples, error, the N-Triples compressed for the cache, parts."""


def _extract_split_chunk(
    articles: Sequence[Article], base: str, extractor: Extractor, seconds: float | None = ARTICLE_SECONDS
) -> list[_Result]:
    """:func:`extract_chunk`, then the per-article work of the merge and the cache (in the worker)."""
    out: list[_Result] = []
    for article, (nt, error) in zip(articles, extract_chunk(articles, base, extractor, seconds), strict=True):
        if nt is None:
            out.append((None, error, None, None))
            continue
        art = f"<{article_iri(article, base)}>"
        try:
            out.append((nt, None, zlib.compress(nt.encode("utf-8"), 1), split_article(art, nt)))
        except Exception as exc:  # as in extract_chunk: one article must not stop the corpus
            out.append(
                (None, f"splitting its triples failed: {type(exc).__name__}: {_first_line(exc)}", None, None)
            )
    return out


# ---------------------------------------------------------------- cache of per-article triples
def _cached(db: sqlite3.Connection, article_id: str, digest: str) -> str | None:
    """An article's cached N-Triples, if cached for this content hash."""
    row = db.execute("SELECT hash, nt FROM parts WHERE id = ?", (article_id,)).fetchone()
    if row is None or row[0] != digest:
        return None
    return zlib.decompress(row[1]).decode("utf-8")


class _Cache:
    """Each article's N-Triples under ``(id, content hash)``, valid for one extractor signature."""

    def __init__(self, path: Path, signature: str) -> None:
        self.path = path
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS parts (id TEXT PRIMARY KEY, hash TEXT NOT NULL, nt BLOB NOT NULL)"
        )
        row = self.db.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        if row is None or row[0] != signature:
            self.db.execute("DELETE FROM parts")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('signature', ?)", (signature,))
        self.db.commit()

    def get(self, article_id: str, digest: str) -> str | None:
        return _cached(self.db, article_id, digest)

    def put_many(self, rows: Iterable[tuple[str, str, bytes]]) -> None:
        """Store ``(id, hash, zlib-compressed N-Triples)`` rows."""
        self.db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?, ?)", rows)
        self.db.commit()

    def close(self) -> None:
        self.db.close()


# ---------------------------------------------------------------- the streaming merge
def _split(line: str) -> tuple[str, str, str]:
    """``<s> <p> o .`` -> ``(<s>, <p>, o)``; IRIs never hold a space in N-Triples."""
    s, p, rest = line.split(" ", 2)
    return s, p, rest[:-2] if rest.endswith(" .") else rest


class _Lines:
    """Reads a merge's shared triples and statements by subject (``db``: the merge's SQLite)."""

    db: sqlite3.Connection

    def _rows_in(self, query: str, subjects: Sequence[str], *extra: str) -> Iterator[Any]:
        """Rows of ``query`` (with ``{marks}`` for the subjects' placeholders), 500 subjects at a time."""
        for start in range(0, len(subjects), 500):
            part = list(subjects[start : start + 500])
            yield from self.db.execute(query.format(marks=",".join("?" * len(part))), [*part, *extra])

    def subject_lines(self, subjects: Sequence[str], types_only: bool = False) -> list[str]:
        """The shared lines of these subjects (only their ``rdf:type`` lines with ``types_only``)."""
        query = "SELECT s, po FROM shared WHERE s IN ({marks})"
        if types_only:
            rows = self._rows_in(query + " AND po LIKE ?", subjects, f"{_TYPE} %")
        else:
            rows = self._rows_in(query, subjects)
        return [f"{s} {po}" for s, po in rows]

    def statement_lines(self, subjects: Sequence[str]) -> list[str]:
        """The lines of the statements of the shared relationships these subjects have."""
        return [line for (line,) in self._rows_in("SELECT line FROM stmt WHERE s IN ({marks})", subjects)]


class _Merge(_Lines):
    """The merged graph on disk: shared triples deduplicated by subject, article-own triples by article."""

    def __init__(self, path: Path, *, track_touched: bool = True) -> None:
        self.path = path
        self.track_touched = track_touched
        """Whether to record the subjects new articles touch (only an incremental load needs them)."""
        self.db = sqlite3.connect(path)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE", "cache_size=-131072"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.execute("CREATE TABLE shared (s TEXT, po TEXT, PRIMARY KEY (s, po)) WITHOUT ROWID")
        self.db.execute("CREATE TABLE local (seq INTEGER PRIMARY KEY, new INTEGER, art TEXT, nt TEXT)")
        self.db.execute("CREATE TABLE stmt (s TEXT, line TEXT, PRIMARY KEY (s, line)) WITHOUT ROWID")
        self.db.execute("CREATE TABLE touched (s TEXT PRIMARY KEY) WITHOUT ROWID")
        self.seq = 0
        self.local_triples = 0
        self.local_classes: Counter[str] = Counter()
        self.local_rels: Counter[str] = Counter()
        self._rel_names = _object_properties()
        self._pending_shared: list[tuple[str, str]] = []
        self._pending_stmt: list[tuple[str, str]] = []
        self._pending_touched: list[tuple[str]] = []
        self._pending_local: list[tuple[int, int, str, str]] = []

    def add(self, art: str, nt: str, *, new: bool, parts: _Parts | None = None) -> None:
        """Add one article's triples (``new``: not yet in the database; ``parts``: its split)."""
        local, shared, stmts, classes, rels = parts if parts is not None else split_article(art, nt)
        self.local_classes.update(classes)
        self.local_rels.update(rels)
        self._pending_shared.extend(shared)
        self._pending_stmt.extend(stmts)
        if new and self.track_touched:
            self._pending_touched.extend((s,) for s, _ in shared)
            self._pending_touched.extend((s,) for s, _ in stmts)
        self.local_triples += local.count("\n")
        self.seq += 1
        self._pending_local.append((self.seq, int(new), art, local))
        if len(self._pending_shared) > 20_000 or len(self._pending_local) > 500:
            self.flush()

    def flush(self) -> None:
        self._pending_shared.sort()  # in key order the B-tree pages are visited once each
        self.db.executemany("INSERT OR IGNORE INTO shared VALUES (?, ?)", self._pending_shared)
        self.db.executemany("INSERT OR IGNORE INTO stmt VALUES (?, ?)", self._pending_stmt)
        self.db.executemany("INSERT OR IGNORE INTO touched VALUES (?)", self._pending_touched)
        self.db.executemany("INSERT INTO local VALUES (?, ?, ?, ?)", self._pending_local)
        self.db.commit()
        self._pending_shared.clear()
        self._pending_stmt.clear()
        self._pending_touched.clear()
        self._pending_local.clear()

    def shared_count(self) -> int:
        """Shared triples, with the statements of shared relationships."""
        shared = self.db.execute("SELECT count(*) FROM shared").fetchone()[0]
        return int(shared) + int(self.db.execute("SELECT count(*) FROM stmt").fetchone()[0])

    def shared_lines(self) -> Iterator[str]:
        for s, po in self.db.execute("SELECT s, po FROM shared ORDER BY s, po"):
            yield f"{s} {po}\n"
        for (line,) in self.db.execute("SELECT line FROM stmt ORDER BY line"):
            yield f"{line}\n"

    def local_parts(self, only_new: bool = False) -> Iterator[tuple[str, str]]:
        query = "SELECT art, nt FROM local" + (" WHERE new = 1" if only_new else "") + " ORDER BY seq"
        yield from self.db.execute(query)

    def lines(self) -> Iterator[str]:
        """Every triple of the merged graph once, as N-Triples lines."""
        yield from self.shared_lines()
        for _, nt in self.local_parts():
            if nt:
                yield nt

    def subject_count(self, only_touched: bool) -> int:
        if only_touched and not self.track_touched:
            raise ValueError("this merge does not record touched subjects")
        table = "touched" if only_touched else "shared"
        return int(self.db.execute(f"SELECT count(DISTINCT s) FROM {table}").fetchone()[0])

    def subjects(self, only_touched: bool) -> Iterator[str]:
        table = "touched" if only_touched else "shared"
        for (s,) in self.db.execute(f"SELECT DISTINCT s FROM {table} ORDER BY s"):
            yield s

    def counts(self) -> tuple[Counter[str], Counter[str], Counter[str]]:
        """Nodes by class, relationships by type and statistics by measure, over the whole graph."""
        classes = Counter(self.local_classes)
        rels = Counter(self.local_rels)
        measures: Counter[str] = Counter()
        for _s, po in self.db.execute("SELECT s, po FROM shared"):
            p, o = po[:-2].split(" ", 1)
            if p == _TYPE:
                if o.startswith(f"<{ACSN_IRI}"):
                    classes[o[len(ACSN_IRI) + 1 : -1]] += 1
            elif p == _MEASURE:
                measures[o.split('"')[1] if o.startswith('"') else o] += 1
            elif p in self._rel_names and o.startswith("<"):
                rels[self._rel_names[p]] += 1
        return classes, rels, measures

    def close(self) -> None:
        self.db.close()


class _Reader(_Lines):
    """Read-only access to the shared triples of a finished merge (from a worker process)."""

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)


@functools.cache
def _object_properties() -> dict[str, str]:
    """N-Triples form of every object property -> its relationship type."""
    return {f"<{iri}>": p.pg_name for iri, p in vocabulary().properties.items() if p.kind == "object"}


# ---------------------------------------------------------------- executors
class _Handle(Protocol):
    def result(self) -> list[_Result]: ...


class _Now:
    """A result computed in this process when asked for (one worker)."""

    def __init__(
        self, articles: list[Article], base: str, extractor: Extractor, seconds: float | None
    ) -> None:
        self.args = (articles, base, extractor, seconds)

    def result(self) -> list[_Result]:
        return _extract_split_chunk(*self.args)


class _Executor:
    """Runs :func:`extract_chunk` and the per-article merge work here, in worker processes or on Dask."""

    def __init__(
        self,
        workers: int,
        dask_address: str | None,
        base: str,
        extractor: Extractor,
        seconds: float | None = ARTICLE_SECONDS,
    ) -> None:
        self.base = base
        self.extractor = extractor
        self.seconds = seconds
        self.kind = "local"
        self.workers = workers
        self._pool: Any = None
        self._client: Any = None
        if dask_address:
            try:
                from distributed import Client
            except ImportError as exc:
                raise KgError("--dask needs dask.distributed: pip install 'acsn-kg[dask]'") from exc
            try:
                self._client = Client(dask_address, timeout="10s", set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise KgError(
                    f"cannot reach the Dask scheduler at {dask_address}: {_first_line(exc)}"
                ) from exc
            self.kind = "dask"
            self.workers = max(1, sum(self._client.nthreads().values()))
        elif workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # forkserver: no fork of a process that runs threads (the progress bar, the driver)
            self._pool = ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("forkserver"),
                initializer=_watch_parent,
                initargs=(os.getpid(),),
            )
            self.kind = "processes"

    def submit(self, articles: list[Article]) -> _Handle:
        if self._client is not None:
            handle: _Handle = self._client.submit(
                _extract_split_chunk, articles, self.base, self.extractor, self.seconds, pure=False
            )
            return handle
        if self._pool is not None:
            return self._pool.submit(  # type: ignore[no-any-return]
                _extract_split_chunk, articles, self.base, self.extractor, self.seconds
            )
        return _Now(articles, self.base, self.extractor, self.seconds)

    @property
    def in_flight(self) -> int:
        return 1 if self._pool is None and self._client is None else self.workers * 3

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._client is not None:
            self._client.close()


# ---------------------------------------------------------------- the build
@dataclass
class _Item:
    article: Article
    digest: str
    nt: str | None = None
    """Cached triples, or the extraction's."""
    error: str | None = None
    parts: _Parts | None = None
    """The triples split for the merge (by the worker), when extracted in this run."""


class _Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == _MANIFEST_VERSION else {}


def _write_json(path: Path, data: object) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _signature(base: str, extractor: Extractor) -> str:
    """What cached triples depend on: the base, the extractor, and the source of the code that makes them."""
    from kg import __version__
    from kg.ontology import ontology_dir

    name = f"{getattr(extractor, '__module__', '?')}.{getattr(extractor, '__qualname__', repr(extractor))}"
    package = Path(__file__).resolve().parent
    sources = sorted((package / "extract").glob("*.py")) + sorted((package / "resolve").glob("*.py"))
    sources += [package / f"{m}.py" for m in ("graph", "model", "text", "regions", "terms", "ontology")]
    sources += sorted(ontology_dir().glob("*.ttl"))
    sources += sorted((package / "data").glob("*.t[sx][vt]"))  # the reference lists
    sources += [Path(p) for p in os.environ.get("KG_LEXICON", "").split(os.pathsep) if p]  # the user's
    digest = hashlib.sha256()
    for path in sources:
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return f"{__version__}|{base}|{name}|{digest.hexdigest()[:16]}"


def build(
    inputs: Iterable[str],
    out: str | Path,
    *,
    workers: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dask_address: str | None = None,
    load: bool = True,
    store_settings: Settings | None = None,
    store_options: dict[str, Any] | None = None,
    strict: bool = False,
    validate: str = "auto",
    html: bool = True,
    base: str | None = None,
    extractor: Extractor = extract,
    progress: BuildProgress | None = None,
    article_seconds: float | None = ARTICLE_SECONDS,
    judgements: Judgements | None = None,
) -> BuildReport:
    """Build the graph of a corpus into ``out`` (see the module docstring).

    Parameters
    ----------
    inputs
        Article files, folders (read recursively) and globs, as :func:`kg.ingest.read_inputs` takes.
    out
        Output folder: ``graph.ttl``, ``graph.trig``, ``graph.html``, ``manifest.json``,
        ``cache.sqlite`` and, written last, ``report.json``.
    workers
        Extraction processes (default: the machine's cores); 1 extracts in this process.
    chunk_size
        Articles per task.
    dask_address
        Address of a Dask scheduler: extraction runs on that cluster instead.
    load
        Load into the database (``store_settings``, else the settings
        :func:`kg.store.connect.resolve_settings` finds from ``store_options``: the local server by default).
    strict
        Raise :class:`~kg.errors.ValidationError` when the graph does not conform
        (after the report is written).
    validate
        ``"auto"``: the whole graph when it fits in memory, else a sample of
        :data:`VALIDATE_SAMPLE` articles; ``"full"``: every article; ``"none"``.
    html
        Write ``graph.html`` when :mod:`kg.viz` is importable and the graph not too large.
    base
        Base IRI of instance IRIs.
    extractor
        The extractor (picklable, for worker processes and Dask).
    progress
        Progress callback (see :class:`BuildProgress`).
    article_seconds
        Time budget of one article's extraction; an article over it is skipped with its
        reason (``None``: no budget). Enforced with ``SIGALRM`` in worker processes and in
        this process; Dask worker threads have none.
    judgements
        Analysts' judgements (:mod:`kg.resolve.judgements`), applied to every article's triples
        (cached triples too); when they changed since the last load, every article is loaded again.

    Returns
    -------
    BuildReport
        Also written to ``out/report.json``.

    Raises
    ------
    InputError
        A missing input.
    StoreError, ConfigError
        The database cannot be reached or refuses a batch (outputs stay written, the
        manifest records the load as unfinished, and a re-run loads again).
    ValidationError
        With ``strict`` when the graph has violations.
    """
    if validate not in ("auto", "full", "none"):
        raise ValueError("validate must be 'auto', 'full' or 'none'")
    base = base or DEFAULT_BASE
    workers = max(1, workers or os.cpu_count() or 1)
    chunk_size = max(1, chunk_size)
    inputs = list(inputs)
    _check_inputs(inputs)
    outdir = Path(out)
    outdir.mkdir(parents=True, exist_ok=True)
    report_path = outdir / REPORT_NAME
    report_path.unlink(missing_ok=True)  # the report is the mark of a finished build
    tick: BuildProgress = progress or (lambda stage, advance, total: None)
    report = BuildReport(out=str(outdir))
    clock = _Clock()
    previous = _read_manifest(outdir / MANIFEST_NAME)
    signature = _signature(base, extractor)
    _remove_stale_temporaries(outdir)
    tmp = outdir / f".build-{os.getpid()}-{int(time.time() * 1000)}"
    tmp.mkdir()
    cache = _Cache(outdir / CACHE_NAME, signature)
    prev_load = previous.get("load") or {}
    judged = judgements.digest() if judgements else ""
    db_has: dict[str, str] = (
        dict(prev_load.get("articles") or {})
        if prev_load.get("complete")
        and previous.get("base") == base
        and previous.get("judgements", "") == judged
        else {}
    )
    # with nothing loaded before, a load is a full one and needs no record of touched subjects
    merge = _Merge(tmp / "merge.sqlite", track_touched=bool(db_has))
    executor: _Executor | None = None
    validation: _Validation | None = None
    try:
        executor = _Executor(workers, dask_address, base, extractor, article_seconds)
        report.workers, report.executor = executor.workers, executor.kind
        articles: dict[str, str] = {}
        trig_tmp = tmp / "graph.trig"
        with trig_tmp.open("w", encoding="utf-8") as trig:
            trig.write(_prefix_header(base))
            for item in _stream(inputs, executor, cache, chunk_size, clock, report):
                with clock.stage("merge"):
                    if item.error is not None or item.nt is None:
                        report.articles_skipped.append(
                            {
                                "source": item.article.source or item.article.id,
                                "reason": item.error or "no output",
                            }
                        )
                        tick("extract", 1, None)
                        continue
                    art = f"<{article_iri(item.article, base)}>"
                    if judgements:
                        judged_nt = judgements.apply_nt(item.nt, item.article.id)
                        if judged_nt is not item.nt:
                            item.nt, item.parts = judged_nt, None
                    trig.write(f"{art} {{\n{item.nt}}}\n")
                    new = db_has.get(item.article.id) != item.digest
                    merge.add(art, item.nt, new=new, parts=item.parts)
                    item.parts = None
                    articles[item.article.id] = item.digest
                    tick("extract", 1, None)
            with clock.stage("merge"):
                merge.flush()
        report.articles_read = len(articles)
        if judgements:
            report.notes.extend(judgements.unmatched())
        with clock.stage("merge"):
            classes, rels, measures = merge.counts()
            report.entities_by_class = dict(classes)
            report.relationships_by_type = dict(rels)
            report.statistics_by_measure = dict(measures)
            report.triples = merge.shared_count() + merge.local_triples
        executor.close()
        executor = None

        graph = _write_exports(merge, trig_tmp, outdir, base, report, clock, tick)
        validation = _Validation(validate, articles, report)
        # a sample is validated in a process of its own while the database is loaded
        validation.start(graph, cache, clock, beside=load)
        _render(graph if html else None, outdir, report, clock, html)
        graph = None

        manifest: dict[str, Any] = {
            "version": _MANIFEST_VERSION,
            "base": base,
            "signature": signature,
            "judgements": judged,
            "articles": articles,
            "load": prev_load if prev_load.get("base", base) == base else {},
        }
        if load:
            removed_or_changed = sorted(i for i, h in db_has.items() if articles.get(i) != h)
            manifest["load"] = {"base": base, "complete": False, "target": None, "articles": {}}
            _write_json(outdir / MANIFEST_NAME, manifest)  # an interrupted load is redone in full
            with clock.stage("load"):
                target, incremental, summary_text, counts = _load(
                    merge,
                    store_settings,
                    store_options or {},
                    previous_target=prev_load.get("target") if db_has else None,
                    tick=tick,
                    workers=workers if dask_address is None else 1,
                )
            manifest["load"] = {"base": base, "complete": True, "target": target, "articles": articles}
            report.load = {"target": target, "incremental": incremental, "text": summary_text, **counts}
            if removed_or_changed:
                report.notes.append(
                    f"{len(removed_or_changed)} article(s) loaded before were changed or removed; "
                    "the database "
                    "may still hold statements of their earlier versions (reload into an empty database for "
                    "an exact copy)"
                )
        else:
            report.load = {"text": "not loaded (--no-load)"}
        validation.finish(clock, tick)
        with clock.stage("report"):
            _report_page(outdir, report)
        _write_json(outdir / MANIFEST_NAME, manifest)
        report.outputs.append(str(outdir / MANIFEST_NAME))
        report.seconds_by_stage = clock.seconds
        report.outputs.append(str(report_path))
        _write_json(report_path, report.as_dict())
    finally:
        if executor is not None:
            executor.close()
        if validation is not None:
            validation.close()
        merge.close()
        cache.close()
        shutil.rmtree(tmp, ignore_errors=True)
    if strict and report.validation.get("violations"):
        raise ValidationError(f"the graph does not conform: {report.validation['violations']} violation(s)")
    return report


def _prefix_header(base: str) -> str:
    from kg.export import _PREFIXES

    lines = [f"@prefix {p}: <{ns}> ." for p, ns in _PREFIXES.items()] + [f"@prefix id: <{base}> ."]
    return "\n".join(lines) + "\n\n"


def _stream(
    inputs: list[str],
    executor: _Executor,
    cache: _Cache,
    chunk_size: int,
    clock: _Clock,
    report: BuildReport,
) -> Iterator[_Item]:
    """Every readable article of the inputs with its triples, in corpus order."""
    skipped: list[Skipped] = []
    seen: dict[str, tuple[str, str]] = {}

    def articles() -> Iterator[_Item]:
        reader = read_inputs(inputs, on_error="skip", skipped=skipped, suffixes=ARTICLE_SUFFIXES)
        while True:
            with clock.stage("ingest"):
                try:
                    _, article = next(reader)
                except StopIteration:
                    break
                for problem in skipped:
                    report.articles_skipped.append({"source": problem.source, "reason": str(problem)})
                skipped.clear()
                digest = content_hash(article)
                where = article.source or article.id
                first = seen.get(article.id)
                if first is not None:
                    same = "same content" if first[0] == digest else "different content"
                    report.articles_skipped.append(
                        {
                            "source": where,
                            "reason": f"{where}: duplicate id {article.id!r} with {same} "
                            f"(first read from {first[1]}); skipped",
                        }
                    )
                    continue
                seen[article.id] = (digest, where)
                if len(article.text) > MAX_ARTICLE_CHARS:
                    report.articles_skipped.append(
                        {
                            "source": where,
                            "reason": f"{where}: text of {len(article.text)} characters is longer than "
                            f"{MAX_ARTICLE_CHARS}; skipped",
                        }
                    )
                    continue
                cached = cache.get(article.id, digest)
            yield _Item(article, digest, nt=cached)
        for problem in skipped:
            report.articles_skipped.append({"source": problem.source, "reason": str(problem)})
        skipped.clear()

    def chunks() -> Iterator[list[_Item]]:
        batch: list[_Item] = []
        todo = 0
        for item in articles():
            batch.append(item)
            todo += item.nt is None
            if todo >= chunk_size or len(batch) >= chunk_size * 8:
                yield batch
                batch, todo = [], 0
        if batch:
            yield batch

    pending: deque[tuple[list[_Item], _Handle | None]] = deque()

    def finish(batch: list[_Item], handle: _Handle | None) -> list[_Item]:
        if handle is None:
            report.articles_reused += len(batch)
            return batch
        with clock.stage("extract"):
            results = iter(handle.result())
        fresh: list[tuple[str, str, bytes]] = []
        for item in batch:
            if item.nt is not None:
                report.articles_reused += 1
                continue
            nt, error, packed, parts = next(results)
            item.nt, item.error, item.parts = nt, error, parts
            if nt is not None and packed is not None:
                report.articles_extracted += 1
                fresh.append((item.article.id, item.digest, packed))
        with clock.stage("cache"):
            cache.put_many(fresh)
        return batch

    for batch in chunks():
        todo = [i.article for i in batch if i.nt is None]
        pending.append((batch, executor.submit(todo) if todo else None))
        while len(pending) >= executor.in_flight:
            yield from finish(*pending.popleft())
    while pending:
        yield from finish(*pending.popleft())


def _write_exports(
    merge: _Merge,
    trig_tmp: Path,
    outdir: Path,
    base: str,
    report: BuildReport,
    clock: _Clock,
    tick: BuildProgress,
) -> Graph | None:
    """Write ``graph.ttl`` and ``graph.trig``; returns the merged graph when it is small enough to hold."""
    ttl = outdir / "graph.ttl"
    graph: Graph | None = None
    with clock.stage("write"):
        if report.triples <= IN_MEMORY_TRIPLES:
            graph = Graph()
            graph.parse(data="".join(merge.lines()), format="nt")
            write_rdf(graph, ttl, base=base)
        else:
            part = outdir / f".{ttl.name}.part"
            try:
                with part.open("w", encoding="utf-8") as fh:
                    fh.write(_prefix_header(base))
                    for line in merge.lines():
                        fh.write(line)
                os.replace(part, ttl)
            finally:
                part.unlink(missing_ok=True)
        os.replace(trig_tmp, outdir / "graph.trig")
        tick("write", 1, 1)
    report.outputs.extend([str(ttl), str(outdir / "graph.trig")])
    return graph


def _sample_violations(cache_path: str, items: list[tuple[str, str]]) -> int:
    """SHACL violations of these articles' cached triples, validated in batches (any process)."""
    from kg.validate import validate_graph

    db = sqlite3.connect(f"file:{cache_path}?mode=ro", uri=True)
    try:
        violations = 0
        for start in range(0, len(items), _VALIDATE_BATCH):
            part = Graph()
            for article_id, digest in items[start : start + _VALIDATE_BATCH]:
                nt = _cached(db, article_id, digest)
                if nt:
                    part.parse(data=nt, format="nt")
            violations += validate_graph(part).violations
        return violations
    finally:
        db.close()


class _Validation:
    """Validation of the build's output: whole when the graph is held, else of a sample of articles
    in batches, which can run in a process of its own beside the load."""

    def __init__(self, mode: str, articles: dict[str, str], report: BuildReport) -> None:
        self.mode = mode
        self.articles = articles
        self.report = report
        self.items: list[tuple[str, str]] = []
        self._pool: Any = None
        self._future: Any = None

    def start(self, graph: Graph | None, cache: _Cache, clock: _Clock, *, beside: bool) -> None:
        """Validate now (whole graph, or ``beside`` false), or start the sample in another process."""
        from kg.validate import validate_graph

        if self.mode == "none":
            self.report.validation = {"checked": "none", "text": "not validated (--no-validate)"}
            return
        if graph is not None and self.mode == "auto":
            with clock.stage("validate"):
                result = validate_graph(graph)
            from kg.validate import conflicts

            found = conflicts(graph, result)
            self.report.validation = {
                "checked": "whole graph",
                "conforms": result.conforms,
                "violations": result.violations,
                "text": result.text.splitlines()[0]
                + "".join(f"; {c['node']} has {len(c['values'])} {c['property']}" for c in found[:3]),
                "results": [
                    {"node": node, "property": path, "constraint": component}
                    for node, path, component in result.results[:100]
                ],
                "conflicts": found,
            }
            return
        ids = list(self.articles)
        if self.mode == "auto" and len(ids) > VALIDATE_SAMPLE:
            step = len(ids) / VALIDATE_SAMPLE
            ids = [ids[int(k * step)] for k in range(VALIDATE_SAMPLE)]
        self.items = [(i, self.articles[i]) for i in ids]
        if beside:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                1,
                mp_context=multiprocessing.get_context("forkserver"),
                initializer=_watch_parent,
                initargs=(os.getpid(),),
            )
            self._future = self._pool.submit(_sample_violations, str(cache.path), self.items)
        else:
            with clock.stage("validate"):
                self._set(_sample_violations(str(cache.path), self.items))

    def finish(self, clock: _Clock, tick: BuildProgress) -> None:
        """Wait for a validation started beside the load (the time waited counts as ``validate``)."""
        if self._future is not None:
            with clock.stage("validate"):
                violations = self._future.result()
            self._set(violations)
            self._future = None
        self.close()
        if self.items:
            tick("validate", len(self.items), len(self.items))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _set(self, violations: int) -> None:
        how = (
            "every article"
            if len(self.items) == len(self.articles)
            else f"a sample of {len(self.items)} of {len(self.articles)} articles"
        )
        self.report.validation = {
            "checked": f"{how}, in batches of {_VALIDATE_BATCH} (conflicts between batches are not checked)",
            "conforms": violations == 0,
            "violations": violations,
            "text": ("conforms" if violations == 0 else f"does not conform: {violations} violation(s)")
            + f" ({how})",
        }


def _report_page(outdir: Path, report: BuildReport) -> None:
    """``report.html``, charts read from ``graph.trig`` line by line (any corpus size)."""
    from kg.report import collect, write_report

    with (outdir / "graph.trig").open(encoding="utf-8") as lines:
        data = collect(lines)
    summary = {
        "articles": report.articles_read,
        "nodes": sum(report.entities_by_class.values()),
        "relationships": sum(report.relationships_by_type.values()),
    }
    path = write_report(data, outdir / "report.html", summary=summary, skipped=report.articles_skipped)
    report.outputs.append(str(path))


def _render(graph: Graph | None, outdir: Path, report: BuildReport, clock: _Clock, wanted: bool) -> None:
    path = outdir / "graph.html"
    if not wanted:
        report.html = {"written": False, "text": "not written (--no-html)"}
        return
    try:
        from kg import viz
    except ImportError as exc:
        report.html = {"written": False, "text": f"not written: the viewer is not available ({exc})"}
        report.notes.append(report.html["text"])
        return
    if graph is None:
        nodes = sum(report.entities_by_class.values())
        report.html = {
            "written": False,
            "text": f"not written: the graph ({nodes} nodes, {report.triples} triples) is too large for the "
            "viewer; export GEXF/GraphML for Gephi instead",
        }
        report.notes.append(report.html["text"])
        path.unlink(missing_ok=True)
        return
    with clock.stage("html"):
        try:
            page = viz.render_html(graph, path)
        except viz.GraphTooLargeError as exc:
            report.html = {"written": False, "text": f"not written: {exc}"}
            report.notes.append(report.html["text"])
            path.unlink(missing_ok=True)
            return
    report.html = {
        "written": True,
        "nodes": page.nodes,
        "edges": page.edges,
        "text": f"{page.nodes} of the nodes drawn (evidence and articles in the side panel) -> {path}",
    }
    report.outputs.append(str(path))


# ---------------------------------------------------------------- loading in batches
def _load(
    merge: _Merge,
    settings: Settings | None,
    options: dict[str, Any],
    *,
    previous_target: str | None,
    tick: BuildProgress,
    workers: int = 1,
) -> tuple[str, bool, str, dict[str, int]]:
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

        def jobs() -> Iterator[tuple[str, Any, str, int, int | None]]:
            for phase in ("nodes", "relationships"):
                # the subjects are read from the merge in each phase, never held all at once
                batch: list[str] = []
                for subject in merge.subjects(only_touched=incremental):
                    batch.append(subject)
                    if len(batch) >= _LOAD_SUBJECTS:
                        yield phase, batch, f"load {phase}", len(batch), count
                        batch = []
                if batch:
                    yield phase, batch, f"load {phase}", len(batch), count
            parts: list[tuple[str, str]] = []
            for part in merge.local_parts(only_new=incremental):
                parts.append(part)
                if len(parts) >= _LOAD_ARTICLES:
                    yield "articles", parts, "load articles", len(parts), None
                    parts = []
            if parts:
                yield "articles", parts, "load articles", len(parts), None

        # rows are made ahead (in worker processes when there are several), written here in order
        first = True
        with _Prepare(merge, workers) as prepare:
            for kind, rows, stage, advance, of in prepare.map(jobs()):
                if kind == "articles":
                    _load_articles(store, rows, total, schema=first)
                else:
                    _load_lines(store, rows, total, schema=first)
                first = False
                tick(stage, advance, of)
    counts = {
        "nodes_created": total.nodes_created,
        "nodes_merged": total.nodes_merged,
        "relationships_created": total.rels_created,
        "relationships_merged": total.rels_merged,
        "relationships_dangling": total.rels_dangling,
        "batches": total.batches,
    }
    text = (
        f"{total.nodes_created} node(s) and {total.rels_created} relationship(s) created "
        f"({total.nodes_merged} and {total.rels_merged} merged) in {target}"
    )
    return target, incremental, text, counts


def _object_types(merge: _Lines, lines: Iterable[str]) -> list[str]:
    """The ``rdf:type`` lines of the IRIs that ``lines`` point at (so relationships find their ends)."""
    objects = sorted({o for s, p, o in map(_split, lines) if o.startswith("<") and p != _TYPE})
    return merge.subject_lines(objects, types_only=True)


def _rows_of(lines: list[str]) -> Any:
    """The rows of these N-Triples lines, as :func:`kg.store.mapping.graph_to_rows` gives them."""
    from kg.store.mapping import ntriples_to_rows

    return ntriples_to_rows(lines)


def _add(total: Any, summary: Any) -> None:
    total.nodes_created += summary.nodes_created
    total.nodes_merged += summary.nodes_merged
    total.rels_created += summary.rels_created
    total.rels_merged += summary.rels_merged
    total.rels_dangling += summary.rels_dangling
    total.batches += summary.batches


def _load_lines(store: Store, rows: Any, total: Any, *, schema: bool) -> None:
    """Load the rows of a batch of shared subjects (:func:`_subject_rows`)."""
    from kg.store.load import load_rows

    _add(total, load_rows(store, rows, schema=schema))


def _load_articles(store: Store, rows: Any, total: Any, *, schema: bool) -> None:
    """Load the rows of a batch of articles (:func:`_article_rows`)."""
    from kg.store.load import load_rows

    _add(total, load_rows(store, rows, schema=schema))


def _subject_rows(merge: _Lines, subjects: Sequence[str], phase: str) -> Any:
    """The node rows (``phase`` ``"nodes"``) or relationship rows of a batch of shared subjects.

    A relationship row carries the evidence of every article that states it, so it is
    written once."""
    from kg.store.mapping import GraphRows

    lines = merge.subject_lines(subjects)
    if phase == "nodes":
        # a node's row depends on its own triples only: no need for the types of what it points at
        own = {s for s, _, _ in map(_split, lines)}
        rows = _rows_of(lines)
        return GraphRows(nodes=tuple(r for r in rows.nodes if f"<{r.uri}>" in own), rels=())
    types = _object_types(merge, lines)
    return GraphRows(nodes=(), rels=_rows_of(lines + merge.statement_lines(subjects) + types).rels)


def _article_rows(merge: _Lines, parts: list[tuple[str, str]]) -> Any:
    """The articles' own nodes and the relationships that touch them (with their statements)."""
    from kg.store.mapping import GraphRows

    lines = [line for _, nt in parts for line in nt_lines(nt)]
    triples = [_split(line) for line in lines]
    own = {s for s, p, o in triples if p == _TYPE and o in _LOCAL_TYPES}
    ends = {s for s, _, _ in triples} | {o for _, p, o in triples if o.startswith("<") and p != _TYPE}
    # the shared nodes at the other end were loaded before: typed here only so their rows find them
    rows = _rows_of(lines + merge.subject_lines(sorted(ends - own), types_only=True))
    own_uris = {s[1:-1] for s in own}
    return GraphRows(nodes=tuple(r for r in rows.nodes if r.uri in own_uris), rels=rows.rels)


_READERS: dict[str, _Reader] = {}


def _prepare_rows(path: str, kind: str, payload: Any) -> Any:
    """Rows of one load batch, in a worker process (reading the merge from ``path``)."""
    reader = _READERS.get(path)
    if reader is None:
        reader = _READERS[path] = _Reader(path)
    return _article_rows(reader, payload) if kind == "articles" else _subject_rows(reader, payload, kind)


class _Prepare:
    """Makes the rows of load batches ahead of their writing: here, or in worker processes."""

    def __init__(self, merge: _Merge, workers: int) -> None:
        self.merge = merge
        self.workers = workers
        self._pool: Any = None

    def __enter__(self) -> _Prepare:
        if self.workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("forkserver"),
                initializer=_watch_parent,
                initargs=(os.getpid(),),
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _here(self, kind: str, payload: Any) -> Any:
        if kind == "articles":
            return _article_rows(self.merge, payload)
        return _subject_rows(self.merge, payload, kind)

    def map(
        self, jobs: Iterator[tuple[str, Any, str, int, int | None]]
    ) -> Iterator[tuple[str, Any, str, int, int | None]]:
        """``(kind, payload, ...)`` -> ``(kind, rows, ...)``, in order."""
        if self._pool is None:
            for kind, payload, *rest in jobs:
                yield (kind, self._here(kind, payload), *rest)  # type: ignore[misc]
            return
        path = str(self.merge.path)
        pending: deque[tuple[str, Any, tuple[Any, ...]]] = deque()
        for kind, payload, *rest in jobs:
            pending.append((kind, self._pool.submit(_prepare_rows, path, kind, payload), tuple(rest)))
            while len(pending) > 2 * self.workers:
                k, future, info = pending.popleft()
                yield (k, future.result(), *info)  # type: ignore[misc]
        while pending:
            k, future, info = pending.popleft()
            yield (k, future.result(), *info)  # type: ignore[misc]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _remove_stale_temporaries(outdir: Path) -> None:
    """Remove the ``.build-PID-*`` folders of builds that were killed (their process is gone)."""
    for folder in outdir.glob(".build-*"):
        match = re.fullmatch(r"\.build-(\d+)-\d+", folder.name)
        if match and folder.is_dir() and not _pid_alive(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)


def _watch_parent(parent: int) -> None:
    """In a worker process: exit as soon as the build process ``parent`` is gone (killed with -9)."""

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if not _pid_alive(parent):
                os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _check_inputs(inputs: Sequence[str]) -> None:
    if not inputs:
        raise InputError("no input: name article files, folders or globs")


from kg.verbs import make_verb  # noqa: E402

make_verb(__name__)
