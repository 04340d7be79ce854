"""The articles of a build's inputs, in corpus order: read, hashed, checked, and their cached triples.

Example
-------
>>> a = Article(id="a", text="正文。")
>>> content_hash(a) == content_hash(Article(id="a", text="正文。", source="x"))
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kg.build.cache import Cache
from kg.build.split import ArticleParts
from kg.build.summary import BuildReport, Clock, Skip
from kg.errors import InputError
from kg.ingest import ARTICLE_SUFFIXES, Skipped, read_inputs
from kg.model import Article

__all__ = ["MAX_ARTICLE_CHARS", "Item", "check_inputs", "content_hash", "read_articles"]

MAX_ARTICLE_CHARS = 500_000
"""Longer articles are skipped (one enormous line is a broken export, not news)."""


@dataclass
class Item:
    """One article on its way through the build.

    With its content hash (``digest``), its triples (``nt``: cached, or the extraction's),
    why the extraction gave none (``error``), and its triples split for the merge by the
    worker (``parts``, when extracted in this run).
    """

    article: Article
    digest: str
    nt: str | None = None
    error: str | None = None
    parts: ArticleParts | None = None


def check_inputs(inputs: Sequence[str]) -> None:
    if not inputs:
        raise InputError("no input: name article files, folders or globs")


def content_hash(article: Article) -> str:
    """The SHA-256 of what an article contributes to the graph (every field but ``source``)."""
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


def _refusal(article: Article, digest: str, seen: dict[str, tuple[str, str]]) -> Skip | None:
    """Why an article is skipped (a duplicate id, or too long), else ``None``; ``seen``: id ->
    (content hash, where read) of the articles read before."""
    where = article.source or article.id
    first = seen.get(article.id)
    if first is not None:
        same = "same content" if first[0] == digest else "different content"
        reason = f"{where}: duplicate id {article.id!r} with {same} (first read from {first[1]}); skipped"
        return {"source": where, "reason": reason}
    seen[article.id] = (digest, where)
    if len(article.text) > MAX_ARTICLE_CHARS:
        length = len(article.text)
        reason = f"{where}: text of {length} characters is longer than {MAX_ARTICLE_CHARS}; skipped"
        return {"source": where, "reason": reason}
    return None


def _report(skipped: list[Skipped], report: BuildReport) -> None:
    for problem in skipped:
        report.articles_skipped.append({"source": problem.source, "reason": str(problem)})
    skipped.clear()


def read_articles(inputs: list[str], cache: Cache, clock: Clock, report: BuildReport) -> Iterator[Item]:
    """Every readable article of the inputs with its cached triples (if any), in corpus order;
    the inputs and articles skipped are reported as they come."""
    skipped: list[Skipped] = []
    seen: dict[str, tuple[str, str]] = {}
    reader = read_inputs(inputs, on_error="skip", skipped=skipped, suffixes=ARTICLE_SUFFIXES)
    while True:
        with clock.stage("ingest"):
            try:
                _, article = next(reader)
            except StopIteration:
                break
            _report(skipped, report)
            digest = content_hash(article)
            refused = _refusal(article, digest, seen)
            if refused is not None:
                report.articles_skipped.append(refused)
                continue
            nt = cache.get(article.id, digest)
        yield Item(article, digest, nt=nt)
    _report(skipped, report)
