"""Extraction of a build's articles: here, in worker processes or on a Dask cluster, in chunks,
a bounded number in flight, results in corpus order; each article within its time budget.

Example
-------
>>> from kg.model import Article
>>> (result,) = extract_chunk([Article(id="a", text="省委第一巡视组进驻省财政厅。")])
>>> result.error is None and "Article" in result.nt
True
"""

from __future__ import annotations

import contextlib
import signal
import threading
import zlib
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, NamedTuple, Protocol

from kg.build.cache import Cache, CacheRow
from kg.build.inputs import Item
from kg.build.ntriples import nt_lines
from kg.build.split import ArticleParts, split_article
from kg.build.summary import BuildReport, Clock
from kg.build.workers import worker_pool
from kg.errors import KgError
from kg.extract import Extractor, extract
from kg.graph import DEFAULT_BASE, article_iri, to_graph
from kg.model import Article

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "ARTICLE_SECONDS",
    "DEFAULT_CHUNK_SIZE",
    "ArticleTriples",
    "Executor",
    "Extracted",
    "extract_chunk",
    "extract_items",
    "first_line",
]

DEFAULT_CHUNK_SIZE = 32
"""Articles per task sent to a worker."""
ARTICLE_SECONDS = 120.0
"""An article whose extraction takes longer is skipped with its reason (``--article-seconds``)."""


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (its type's name when it has none)."""
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


class ArticleTriples(NamedTuple):
    """One article's extraction: its sorted N-Triples, or why there are none."""

    nt: str | None
    error: str | None


def extract_chunk(
    articles: Sequence[Article],
    base: str = DEFAULT_BASE,
    extractor: Extractor = extract,
    seconds: float | None = ARTICLE_SECONDS,
) -> list[ArticleTriples]:
    """Extract a chunk of articles to sorted N-Triples; what a worker runs.

    Returns
    -------
    list of ArticleTriples
        Per article, in order: ``(ntriples, None)``, or ``(None, reason)`` when the
        extractor raised or ran past ``seconds`` (the article is reported and the build goes on).
    """
    out: list[ArticleTriples] = []
    for article in articles:
        try:
            with _budget(seconds):
                graph = to_graph(extractor(article), base)
                lines = nt_lines(graph.serialize(format="nt"))
            text = "\n".join(sorted(lines))
            out.append(ArticleTriples(text + "\n" if text else "", None))
        except _OverBudget:
            reason = f"extraction took longer than {seconds:g} s (--article-seconds); skipped"
            out.append(ArticleTriples(None, reason))
        except Exception as exc:  # a poison article must not stop the corpus
            out.append(ArticleTriples(None, f"extraction failed: {type(exc).__name__}: {first_line(exc)}"))
    return out


class Extracted(NamedTuple):
    """What a worker returns per article."""

    nt: str | None
    error: str | None
    packed: bytes | None = None
    """The N-Triples compressed for the cache."""
    parts: ArticleParts | None = None
    """The N-Triples split for the merge."""


def _extract_split_chunk(
    articles: Sequence[Article], base: str, extractor: Extractor, seconds: float | None = ARTICLE_SECONDS
) -> list[Extracted]:
    """:func:`extract_chunk`, then the per-article work of the merge and the cache (in the worker)."""
    out: list[Extracted] = []
    for article, (nt, error) in zip(articles, extract_chunk(articles, base, extractor, seconds), strict=True):
        if nt is None:
            out.append(Extracted(None, error))
            continue
        art = f"<{article_iri(article, base)}>"
        try:
            out.append(Extracted(nt, None, zlib.compress(nt.encode("utf-8"), 1), split_article(art, nt)))
        except Exception as exc:  # as in extract_chunk: one article must not stop the corpus
            reason = f"splitting its triples failed: {type(exc).__name__}: {first_line(exc)}"
            out.append(Extracted(None, reason))
    return out


class _Handle(Protocol):
    def result(self) -> list[Extracted]: ...


class _Now:
    """A result computed in this process when asked for (one worker)."""

    def __init__(
        self, articles: list[Article], base: str, extractor: Extractor, seconds: float | None
    ) -> None:
        self.args = (articles, base, extractor, seconds)

    def result(self) -> list[Extracted]:
        return _extract_split_chunk(*self.args)


def _dask_client(address: str) -> Client:
    try:
        from distributed import Client
    except ImportError as exc:
        raise KgError("--dask needs dask.distributed: pip install 'acsn-kg[dask]'") from exc
    try:
        return Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {address}: {first_line(exc)}") from exc


class Executor:
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
        self._pool: ProcessPoolExecutor | None = None
        self._client: Client | None = None
        if dask_address:
            self._client = _dask_client(dask_address)
            self.kind = "dask"
            self.workers = max(1, sum(self._client.nthreads().values()))
        elif workers > 1:
            self._pool = worker_pool(workers)
            self.kind = "processes"

    def submit(self, articles: list[Article]) -> _Handle:
        if self._client is not None:
            handle: _Handle = self._client.submit(
                _extract_split_chunk, articles, self.base, self.extractor, self.seconds, pure=False
            )
            return handle
        if self._pool is not None:
            return self._pool.submit(_extract_split_chunk, articles, self.base, self.extractor, self.seconds)
        return _Now(articles, self.base, self.extractor, self.seconds)

    @property
    def in_flight(self) -> int:
        return 1 if self._pool is None and self._client is None else self.workers * 3

    def close(self) -> None:
        """Stop the worker processes or leave the cluster (again: nothing)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None


def _chunks(items: Iterable[Item], chunk_size: int) -> Iterator[list[Item]]:
    """Chunks of ``chunk_size`` articles to extract (at most eight times as many found in the cache)."""
    batch: list[Item] = []
    todo = 0
    for item in items:
        batch.append(item)
        todo += item.nt is None
        if todo >= chunk_size or len(batch) >= chunk_size * 8:
            yield batch
            batch, todo = [], 0
    if batch:
        yield batch


def _finish(
    batch: list[Item], handle: _Handle | None, cache: Cache, clock: Clock, report: BuildReport
) -> list[Item]:
    """The chunk with its extracted triples, which are cached."""
    if handle is None:
        report.articles_reused += len(batch)
        return batch
    with clock.stage("extract"):
        results = iter(handle.result())
    fresh: list[CacheRow] = []
    for item in batch:
        if item.nt is not None:
            report.articles_reused += 1
            continue
        nt, error, packed, parts = next(results)
        item.nt, item.error, item.parts = nt, error, parts
        if nt is not None and packed is not None:
            report.articles_extracted += 1
            fresh.append(CacheRow(item.article.id, item.digest, packed))
    with clock.stage("cache"):
        cache.put_many(fresh)
    return batch


def extract_items(
    items: Iterable[Item],
    executor: Executor,
    cache: Cache,
    chunk_size: int,
    clock: Clock,
    report: BuildReport,
) -> Iterator[Item]:
    """The items with their triples (the cached ones, else extracted), in order."""
    pending: deque[tuple[list[Item], _Handle | None]] = deque()
    for batch in _chunks(items, chunk_size):
        todo = [i.article for i in batch if i.nt is None]
        pending.append((batch, executor.submit(todo) if todo else None))
        while len(pending) >= executor.in_flight:
            yield from _finish(*pending.popleft(), cache, clock, report)
    while pending:
        yield from _finish(*pending.popleft(), cache, clock, report)
