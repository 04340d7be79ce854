"""SHACL validation of a build's output: the whole graph when it is held, else the articles
(all, or a sample of :data:`VALIDATE_SAMPLE`) in batches, which can run in a process of its own.

Either way the report names each conflict (a single-valued property with several values):
its node, property, values, articles and evidence; for batches, the conflicts within a batch.

Example
-------
>>> from rdflib import Graph
>>> findings(Graph(), validate_graph(Graph()))
([], [])
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Literal, NamedTuple

from rdflib import Graph

from kg.build.cache import Cache, cached
from kg.build.summary import BuildProgress, BuildReport, Clock, Conflict, ValidationSummary, Violation
from kg.build.workers import worker_pool
from kg.validate import Report, conflicts, validate_graph

__all__ = ["VALIDATE_SAMPLE", "Findings", "Mode", "Validation", "findings", "sample_violations"]

VALIDATE_SAMPLE = 300
"""Articles validated (in batches) when the merged graph is too large to validate whole."""
_VALIDATE_BATCH = 100
_SHOWN = 100
"""Violations listed in the report (all are counted)."""

Mode = Literal["auto", "full", "none"]


def findings(graph: Graph, result: Report) -> tuple[list[Violation], list[Conflict]]:
    """The violations of a validation of ``graph``, and its conflicts with their evidence."""
    found = [Violation(node=n, property=p, constraint=c) for n, p, c in result.results]
    detail = [
        Conflict(
            node=c["node"],
            property=c["property"],
            values=c["values"],
            articles=c["articles"],
            evidence=c["evidence"],
        )
        for c in conflicts(graph, result)
    ]
    return found, detail


def _named(text: str, found: list[Conflict]) -> str:
    """``text`` with the first conflicts named."""
    return text + "".join(f"; {c['node']} has {len(c['values'])} {c['property']}" for c in found[:3])


class Findings(NamedTuple):
    """What the validation of articles in batches found."""

    violations: int
    results: list[Violation]
    """The first violations (:data:`_SHOWN`)."""
    conflicts: list[Conflict]


def sample_violations(cache_path: str, items: list[tuple[str, str]]) -> Findings:
    """SHACL violations of these articles' (``(id, content hash)``) cached triples, validated in
    batches (any process); conflicts are found within a batch."""
    db = sqlite3.connect(f"file:{cache_path}?mode=ro", uri=True)
    try:
        violations = 0
        results: list[Violation] = []
        found: list[Conflict] = []
        for start in range(0, len(items), _VALIDATE_BATCH):
            part = Graph()
            for article_id, digest in items[start : start + _VALIDATE_BATCH]:
                nt = cached(db, article_id, digest)
                if nt:
                    part.parse(data=nt, format="nt")
            result = validate_graph(part)
            violations += result.violations
            shown, detail = findings(part, result)
            results += shown[: _SHOWN - len(results)]
            found += detail
        return Findings(violations, results, found)
    finally:
        db.close()


class Validation:
    """Validation of the build's output: whole when the graph is held, else of a sample of articles
    in batches, which can run in a process of its own beside the load."""

    def __init__(self, mode: Mode, articles: dict[str, str], report: BuildReport) -> None:
        self.mode = mode
        self.articles = articles
        """Id -> content hash of the articles built."""
        self.report = report
        self.items: list[tuple[str, str]] = []
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[Findings] | None = None

    def start(self, graph: Graph | None, cache: Cache, clock: Clock, *, beside: bool) -> None:
        """Validate now (whole graph, or ``beside`` false), or start the sample in another process."""
        if self.mode == "none":
            self.report.validation = {"checked": "none", "text": "not validated (--no-validate)"}
            return
        if graph is not None and self.mode == "auto":
            with clock.stage("validate"):
                result = validate_graph(graph)
            self._whole(graph, result)
            return
        ids = list(self.articles)
        if self.mode == "auto" and len(ids) > VALIDATE_SAMPLE:
            step = len(ids) / VALIDATE_SAMPLE
            ids = [ids[int(k * step)] for k in range(VALIDATE_SAMPLE)]
        self.items = [(i, self.articles[i]) for i in ids]
        if beside:
            self._pool = worker_pool(1)
            self._future = self._pool.submit(sample_violations, str(cache.path), self.items)
        else:
            with clock.stage("validate"):
                self._set(sample_violations(str(cache.path), self.items))

    def finish(self, clock: Clock, tick: BuildProgress) -> None:
        """Wait for a validation started beside the load (the time waited counts as ``validate``)."""
        if self._future is not None:
            with clock.stage("validate"):
                found = self._future.result()
            self._set(found)
            self._future = None
        self.close()
        if self.items:
            tick("validate", len(self.items), len(self.items))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _whole(self, graph: Graph, result: Report) -> None:
        shown, found = findings(graph, result)
        self.report.validation = {
            "checked": "whole graph",
            "conforms": result.conforms,
            "violations": result.violations,
            "text": _named(result.text.splitlines()[0], found),
            "results": shown[:_SHOWN],
            "conflicts": found,
        }

    def _set(self, found: Findings) -> None:
        sample = len(self.items) < len(self.articles)
        how = f"a sample of {len(self.items)} of {len(self.articles)} articles" if sample else "every article"
        text = "conforms" if found.violations == 0 else f"does not conform: {found.violations} violation(s)"
        summary: ValidationSummary = {
            "checked": f"{how}, in batches of {_VALIDATE_BATCH} (conflicts between batches are not checked)",
            "sample": sample,
            "conforms": found.violations == 0,
            "violations": found.violations,
            "text": _named(text, found.conflicts) + f" ({how})",
            "results": found.results,
            "conflicts": found.conflicts,
        }
        self.report.validation = summary
