"""What a build keeps for the next one: each article's triples (``cache.sqlite``) and the manifest.

``cache.sqlite`` holds each article's N-Triples under its content hash, valid for one
extractor signature (:func:`signature`); ``manifest.json`` records the articles built and
those whose load into the database completed.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> read_manifest(folder / MANIFEST_NAME).loaded("https://w3id.org/acsn/id/", "")
{}
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypedDict, cast

from kg.export import write_text
from kg.extract import Extractor

__all__ = [
    "CACHE_NAME",
    "MANIFEST_NAME",
    "MANIFEST_VERSION",
    "Cache",
    "CacheRow",
    "LoadRecord",
    "Manifest",
    "PreviousBuild",
    "cached",
    "read_manifest",
    "signature",
    "write_json",
]

MANIFEST_NAME = "manifest.json"
CACHE_NAME = "cache.sqlite"
MANIFEST_VERSION = 1


class CacheRow(NamedTuple):
    """One article's triples as the cache stores them."""

    id: str
    hash: str
    """The article's content hash (:func:`kg.build.content_hash`)."""
    packed: bytes
    """Its N-Triples, zlib-compressed."""


def cached(db: sqlite3.Connection, article_id: str, digest: str) -> str | None:
    """An article's cached N-Triples, if cached for this content hash."""
    row = db.execute("SELECT hash, nt FROM parts WHERE id = ?", (article_id,)).fetchone()
    if row is None or row[0] != digest:
        return None
    return zlib.decompress(row[1]).decode("utf-8")


class Cache:
    """Each article's N-Triples under ``(id, content hash)``, valid for one extractor signature
    (:func:`signature`: emptied when it changed)."""

    def __init__(self, path: Path, base: str, extractor: Extractor) -> None:
        self.path = path
        self.signature = signature(base, extractor)
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS parts (id TEXT PRIMARY KEY, hash TEXT NOT NULL, nt BLOB NOT NULL)"
        )
        row = self.db.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        if row is None or row[0] != self.signature:
            self.db.execute("DELETE FROM parts")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('signature', ?)", (self.signature,))
        self.db.commit()

    def get(self, article_id: str, digest: str) -> str | None:
        return cached(self.db, article_id, digest)

    def put_many(self, rows: Iterable[CacheRow]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?, ?)", rows)
        self.db.commit()

    def close(self) -> None:
        self.db.close()


class LoadRecord(TypedDict, total=False):
    """The manifest's record of the last load into a database."""

    base: str
    complete: bool
    """Whether the load finished (an unfinished one is redone in full)."""
    target: str | None
    """The server and database loaded (``None`` while a load runs)."""
    articles: dict[str, str]
    """Article id -> content hash of the articles the database holds."""


class Manifest(TypedDict):
    """The content of ``manifest.json``."""

    version: int
    base: str
    signature: str
    judgements: str
    """The digest of the analysts' judgements applied (empty: none)."""
    articles: dict[str, str]
    """Article id -> content hash of every article built."""
    load: LoadRecord


@dataclass(frozen=True)
class PreviousBuild:
    """What the manifest of the last build in a folder says (nothing when there is none)."""

    base: str | None = None
    judgements: str = ""
    load: LoadRecord = field(default_factory=LoadRecord)

    def loaded(self, base: str, judgements: str) -> dict[str, str]:
        """The articles in the database (id -> content hash) when its last load completed with
        this base and these judgements, else none."""
        if self.load.get("complete") and self.base == base and self.judgements == judgements:
            return dict(self.load.get("articles") or {})
        return {}

    def next_manifest(self, base: str, signature: str, judgements: str, articles: dict[str, str]) -> Manifest:
        """The manifest of a new build, which keeps the record of the last load when it was made with
        this base (``articles``: the build's, filled as it goes)."""
        return {
            "version": MANIFEST_VERSION,
            "base": base,
            "signature": signature,
            "judgements": judgements,
            "articles": articles,
            "load": self.load if self.load.get("base", base) == base else {},
        }


def read_manifest(path: Path) -> PreviousBuild:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return PreviousBuild()
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return PreviousBuild()
    load = data.get("load")
    record = cast(LoadRecord, load) if isinstance(load, dict) else LoadRecord()
    return PreviousBuild(data.get("base"), data.get("judgements", ""), record)


def write_json(path: Path, data: object) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


EXTRACTION_CODE = (
    "extract",
    "resolve",
    "regions",
    "data",
    "graph.py",
    "model.py",
    "text.py",
    "terms.py",
    "ontology.py",
)
"""The parts of the package whose code or data make an article's triples (folders: every file)."""


def signature_sources() -> list[Path]:
    """The files cached triples depend on: extraction code and data, the ontology, the user's lexicons."""
    from kg.ontology import ontology_dir

    package = Path(__file__).resolve().parents[1]
    sources: list[Path] = []
    for part in EXTRACTION_CODE:
        path = package / part
        sources += (
            sorted(p for p in path.rglob("*") if p.suffix in (".py", ".tsv", ".txt"))
            if path.is_dir()
            else [path]
        )
    sources += sorted(ontology_dir().glob("*.ttl"))
    sources += [Path(p) for p in os.environ.get("KG_LEXICON", "").split(os.pathsep) if p]  # the user's
    return sources


def signature(base: str, extractor: Extractor) -> str:
    """What cached triples depend on: the base, the extractor, and the source of the code that makes them."""
    from kg import __version__

    name = f"{getattr(extractor, '__module__', '?')}.{getattr(extractor, '__qualname__', repr(extractor))}"
    digest = hashlib.sha256()
    for path in signature_sources():
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return f"{__version__}|{base}|{name}|{digest.hexdigest()[:16]}"
