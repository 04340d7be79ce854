"""The merged graph on disk (SQLite): shared triples deduplicated by subject, article-own triples
by article, the reified statements of shared relationships filed under the relationship's subject.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> merge = Merge(Path(tempfile.mkdtemp()) / "merge.sqlite")
>>> merge.add("<urn:a>", "<urn:a> <urn:p> <urn:x> .\\n<urn:x> <urn:p> <urn:y> .\\n", new=True)
>>> merge.flush()
>>> list(merge.lines())
['<urn:x> <urn:p> <urn:y> .\\n', '<urn:a> <urn:p> <urn:x> .\\n']
>>> merge.close()
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from kg.build.ntriples import ACSN_PREFIX, MEASURE, TYPE
from kg.build.split import ArticleParts, object_properties, split_article

__all__ = ["GraphCounts", "Lines", "LocalPart", "Merge", "Reader"]


class LocalPart(NamedTuple):
    """One article's own triples."""

    art: str
    """The article's IRI in N-Triples form."""
    nt: str


class GraphCounts(NamedTuple):
    """Nodes by class, relationships by type and statistics by measure, over the whole graph."""

    classes: Counter[str]
    rels: Counter[str]
    measures: Counter[str]


class Lines:
    """Reads a merge's shared triples and statements by subject (``db``: the merge's SQLite)."""

    db: sqlite3.Connection

    def _rows_in(self, query: str, subjects: Sequence[str], *extra: str) -> Iterator[tuple[str, ...]]:
        """Rows of ``query`` (with ``{marks}`` for the subjects' placeholders), 500 subjects at a time."""
        for start in range(0, len(subjects), 500):
            part = list(subjects[start : start + 500])
            yield from self.db.execute(query.format(marks=",".join("?" * len(part))), [*part, *extra])

    def subject_lines(self, subjects: Sequence[str], types_only: bool = False) -> list[str]:
        """The shared lines of these subjects (only their ``rdf:type`` lines with ``types_only``)."""
        query = "SELECT s, po FROM shared WHERE s IN ({marks})"
        if types_only:
            rows = self._rows_in(query + " AND po LIKE ?", subjects, f"{TYPE} %")
        else:
            rows = self._rows_in(query, subjects)
        return [f"{s} {po}" for s, po in rows]

    def statement_lines(self, subjects: Sequence[str]) -> list[str]:
        """The lines of the statements of the shared relationships these subjects have."""
        return [line for (line,) in self._rows_in("SELECT line FROM stmt WHERE s IN ({marks})", subjects)]


class Merge(Lines):
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
        self._rel_names = object_properties()
        self._pending_shared: list[tuple[str, str]] = []
        self._pending_stmt: list[tuple[str, str]] = []
        self._pending_touched: list[tuple[str]] = []
        self._pending_local: list[tuple[int, int, str, str]] = []

    def add(self, art: str, nt: str, *, new: bool, parts: ArticleParts | None = None) -> None:
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

    def local_parts(self, only_new: bool = False) -> Iterator[LocalPart]:
        query = "SELECT art, nt FROM local" + (" WHERE new = 1" if only_new else "") + " ORDER BY seq"
        for art, nt in self.db.execute(query):
            yield LocalPart(art, nt)

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

    def counts(self) -> GraphCounts:
        """Nodes by class, relationships by type and statistics by measure, over the whole graph."""
        classes = Counter(self.local_classes)
        rels = Counter(self.local_rels)
        measures: Counter[str] = Counter()
        for _s, po in self.db.execute("SELECT s, po FROM shared"):
            p, o = po[:-2].split(" ", 1)
            if p == TYPE:
                if o.startswith(ACSN_PREFIX):
                    classes[o[len(ACSN_PREFIX) : -1]] += 1
            elif p == MEASURE:
                measures[o.split('"')[1] if o.startswith('"') else o] += 1
            elif p in self._rel_names and o.startswith("<"):
                rels[self._rel_names[p]] += 1
        return GraphCounts(classes, rels, measures)

    def close(self) -> None:
        self.db.close()


class Reader(Lines):
    """Read-only access to the shared triples of a finished merge (from a worker process)."""

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
