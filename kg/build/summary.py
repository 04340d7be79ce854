"""What a build reports: :class:`BuildReport` (``report.json``), its parts, progress, time per stage,
and the pages written from it (``graph.html``, ``report.html``).

Example
-------
>>> report = BuildReport(out="out", articles_read=2)
>>> report.as_dict()["articles_read"], report.summary().splitlines()[0]
(2, '2 article(s) read (0 extracted, 0 from the cache), 0 skipped')
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypedDict

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = [
    "BuildProgress",
    "BuildReport",
    "Clock",
    "Conflict",
    "HtmlSummary",
    "LoadReport",
    "ReportDict",
    "Skip",
    "ValidationSummary",
    "Violation",
    "no_progress",
    "render_viewer",
    "report_page",
]


class BuildProgress(Protocol):
    """What :func:`build` reports progress to (the CLI's progress bar, or nothing)."""

    def __call__(self, stage: str, advance: int, total: int | None) -> None:
        """``advance`` more items of ``stage`` done (``total`` when known, else ``None``)."""


def no_progress(stage: str, advance: int, total: int | None) -> None:
    """A :class:`BuildProgress` that shows nothing."""


class Skip(TypedDict):
    """An unreadable input, a duplicate or an article the extractor failed on."""

    source: str
    reason: str


class Violation(TypedDict):
    """One SHACL violation."""

    node: str
    property: str
    constraint: str


class Conflict(TypedDict):
    """A single-valued property with several values (see :func:`kg.validate.conflicts`)."""

    node: str
    property: str
    values: list[str]
    articles: list[str]
    evidence: list[str]


class ValidationSummary(TypedDict, total=False):
    """What was validated and what was found."""

    checked: str
    sample: bool
    """Present when articles were validated in batches: whether they were a sample of the build's."""
    conforms: bool
    violations: int
    text: str
    results: list[Violation]
    """The first 100 violations."""
    conflicts: list[Conflict]


class HtmlSummary(TypedDict, total=False):
    """Whether ``graph.html`` was written, and what it draws."""

    written: bool
    nodes: int
    edges: int
    text: str


class LoadReport(TypedDict, total=False):
    """Where the graph was loaded, and what the load created."""

    target: str
    incremental: bool
    text: str
    nodes_created: int
    nodes_merged: int
    relationships_created: int
    relationships_merged: int
    relationships_dangling: int
    batches: int


class ReportDict(TypedDict):
    """The content of ``report.json``."""

    out: str
    articles_read: int
    articles_extracted: int
    articles_reused: int
    articles_skipped_count: int
    articles_skipped: list[Skip]
    entities_by_class: dict[str, int]
    relationships_by_type: dict[str, int]
    statistics_by_measure: dict[str, int]
    triples: int
    seconds_by_stage: dict[str, float]
    seconds_total: float
    validation: ValidationSummary
    html: HtmlSummary
    load: LoadReport
    workers: int
    executor: str
    outputs: list[str]
    notes: list[str]


@dataclass
class BuildReport:
    """What a build did: counts, skipped articles with reasons, time per stage, outputs."""

    out: str
    articles_read: int = 0
    articles_extracted: int = 0
    """Articles extracted in this run (the others came from the cache)."""
    articles_reused: int = 0
    articles_skipped: list[Skip] = field(default_factory=list)
    """One ``{"source", "reason"}`` per unreadable input, duplicate or article the extractor failed on."""
    entities_by_class: dict[str, int] = field(default_factory=dict)
    relationships_by_type: dict[str, int] = field(default_factory=dict)
    statistics_by_measure: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    seconds_by_stage: dict[str, float] = field(default_factory=dict)
    validation: ValidationSummary = field(default_factory=ValidationSummary)
    html: HtmlSummary = field(default_factory=HtmlSummary)
    load: LoadReport = field(default_factory=LoadReport)
    workers: int = 1
    executor: str = "local"
    outputs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> ReportDict:
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


class Clock:
    """Seconds spent in each stage of a build."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def report_page(outdir: Path, report: BuildReport) -> None:
    """``report.html``, charts read from ``graph.trig`` line by line (any corpus size)."""
    from kg.report import collect, write_report

    with (outdir / "graph.trig").open(encoding="utf-8") as lines:
        data = collect(lines)
    summary = {
        "articles": report.articles_read,
        "nodes": sum(report.entities_by_class.values()),
        "relationships": sum(report.relationships_by_type.values()),
    }
    skipped = [{"source": s["source"], "reason": s["reason"]} for s in report.articles_skipped]
    path = write_report(data, outdir / "report.html", summary=summary, skipped=skipped)
    report.outputs.append(str(path))


def _not_drawn(report: BuildReport, path: Path, text: str) -> None:
    report.html = {"written": False, "text": text}
    report.notes.append(text)
    path.unlink(missing_ok=True)


def render_viewer(graph: Graph | None, outdir: Path, report: BuildReport, clock: Clock, wanted: bool) -> None:
    """``graph.html`` of the merged graph, when it is wanted, held and not too large for the viewer."""
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
        text = (
            f"not written: the graph ({nodes} nodes, {report.triples} triples) is too large for the "
            "viewer; export GEXF/GraphML for Gephi instead"
        )
        _not_drawn(report, path, text)
        return
    with clock.stage("html"):
        try:
            page = viz.render_html(graph, path)
        except viz.GraphTooLargeError as exc:
            _not_drawn(report, path, f"not written: {exc}")
            return
    report.html = {
        "written": True,
        "nodes": page.nodes,
        "edges": page.edges,
        "text": f"{page.nodes} of the nodes drawn (evidence and articles in the side panel) -> {path}",
    }
    report.outputs.append(str(path))
