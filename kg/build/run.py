"""One build from start to end: :func:`build` drives the components of :mod:`kg.build`.

Example
-------
>>> prefix_header("https://w3id.org/acsn/id/").splitlines()[-2]
'@prefix id: <https://w3id.org/acsn/id/> .'
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from rdflib import Graph

from kg.build.cache import CACHE_NAME, MANIFEST_NAME, Cache, PreviousBuild, read_manifest, write_json
from kg.build.extraction import ARTICLE_SECONDS, DEFAULT_CHUNK_SIZE, Executor, extract_items
from kg.build.inputs import Item, check_inputs, read_articles
from kg.build.loading import StoreOptions, load
from kg.build.merge import Merge
from kg.build.summary import BuildProgress, BuildReport, Clock, no_progress, render_viewer, report_page
from kg.build.validation import Mode, Validation
from kg.build.workers import pid_alive
from kg.errors import ValidationError
from kg.export import write_rdf
from kg.extract import Extractor, extract
from kg.graph import DEFAULT_BASE, article_iri
from kg.resolve.judgements import Judgements

if TYPE_CHECKING:
    from kg.build.cache import Manifest
    from kg.store.connect import Settings

__all__ = ["IN_MEMORY_TRIPLES", "REPORT_NAME", "BuildOptions", "build", "prefix_header"]

REPORT_NAME = "report.json"
IN_MEMORY_TRIPLES = 300_000
"""Up to this many merged triples the graph is held in memory: pretty Turtle, full validation, viewer."""


@dataclass(frozen=True)
class BuildOptions:
    """How a build runs: the keyword parameters of :func:`build`, checked and with their defaults."""

    workers: int
    chunk_size: int
    dask_address: str | None
    load: bool
    store_settings: Settings | None
    store_options: StoreOptions
    strict: bool
    validate: Mode
    html: bool
    base: str
    extractor: Extractor
    progress: BuildProgress
    article_seconds: float | None
    judgements: Judgements | None


def build(
    inputs: Iterable[str],
    out: str | Path,
    *,
    workers: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    dask_address: str | None = None,
    load: bool = True,
    store_settings: Settings | None = None,
    store_options: StoreOptions | None = None,
    strict: bool = False,
    validate: str = "auto",
    html: bool = True,
    base: str | None = None,
    extractor: Extractor = extract,
    progress: BuildProgress | None = None,
    article_seconds: float | None = ARTICLE_SECONDS,
    judgements: Judgements | None = None,
) -> BuildReport:
    """Build the graph of a corpus into ``out`` (see :mod:`kg.build`); the report is also ``out/report.json``.

    Parameters
    ----------
    inputs
        Article files, folders (read recursively) and globs, as :func:`kg.ingest.read_inputs` takes.
    out
        Output folder: ``graph.ttl``, ``graph.trig``, ``graph.html``, ``report.html``,
        ``manifest.json``, ``cache.sqlite`` and, written last, ``report.json``.
    workers, chunk_size, dask_address
        Extraction processes (default: the machine's cores; 1 extracts in this process) and
        articles per task; or the address of a Dask scheduler, whose cluster extracts instead.
    load, store_settings, store_options
        Load into the database (``store_settings``, else the settings
        :func:`kg.store.connect.resolve_settings` finds from ``store_options``: the local server by default).
    validate, strict
        ``"auto"``: the whole graph when it fits in memory, else a sample of :data:`VALIDATE_SAMPLE`
        articles; ``"full"``: every article; ``"none"``. ``strict``: raise when the graph does not conform.
    html, base, extractor, progress
        Write ``graph.html`` (when :mod:`kg.viz` is importable and the graph not too large); the base
        of instance IRIs; the extractor (picklable, for worker processes and Dask); a progress callback.
    article_seconds
        Time budget of one article's extraction (``None``: none); an article over it is skipped with
        its reason. Enforced with ``SIGALRM`` in worker processes and here; Dask worker threads have none.
    judgements
        Analysts' judgements (:mod:`kg.resolve.judgements`), applied to every article's triples (cached
        ones too); when they changed since the last load, every article is loaded again.

    Raises
    ------
    InputError
        A missing input.
    StoreError, ConfigError
        The database cannot be reached or refuses a batch (outputs stay written, the
        manifest records the load as unfinished, and a re-run loads again).
    ValidationError
        With ``strict`` when the graph has violations (after the report is written).
    """
    if validate not in ("auto", "full", "none"):
        raise ValueError("validate must be 'auto', 'full' or 'none'")
    options = BuildOptions(
        workers=max(1, workers or os.cpu_count() or 1),
        chunk_size=max(1, chunk_size),
        dask_address=dask_address,
        load=load,
        store_settings=store_settings,
        store_options=store_options or {},
        strict=strict,
        validate=cast(Mode, validate),
        html=html,
        base=base or DEFAULT_BASE,
        extractor=extractor,
        progress=progress or no_progress,
        article_seconds=article_seconds,
        judgements=judgements,
    )
    return _Build(list(inputs), Path(out), options).run()


def prefix_header(base: str) -> str:
    """The ``@prefix`` lines that start ``graph.ttl`` and ``graph.trig``."""
    from kg.export import _PREFIXES

    lines = [f"@prefix {p}: <{ns}> ." for p, ns in _PREFIXES.items()] + [f"@prefix id: <{base}> ."]
    return "\n".join(lines) + "\n\n"


def _remove_stale_temporaries(outdir: Path) -> None:
    """Remove the ``.build-PID-*`` folders of builds that were killed (their process is gone)."""
    for folder in outdir.glob(".build-*"):
        match = re.fullmatch(r"\.build-(\d+)-\d+", folder.name)
        if match and folder.is_dir() and not pid_alive(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)


def _write_exports(merge: Merge, trig: Path, outdir: Path, base: str, report: BuildReport) -> Graph | None:
    """Write ``graph.ttl`` and ``graph.trig``; returns the merged graph when it is small enough to hold."""
    ttl = outdir / "graph.ttl"
    graph: Graph | None = None
    if report.triples <= IN_MEMORY_TRIPLES:
        graph = Graph()
        graph.parse(data="".join(merge.lines()), format="nt")
        write_rdf(graph, ttl, base=base)
    else:
        part = outdir / f".{ttl.name}.part"
        try:
            with part.open("w", encoding="utf-8") as fh:
                fh.write(prefix_header(base))
                for line in merge.lines():
                    fh.write(line)
            os.replace(part, ttl)
        finally:
            part.unlink(missing_ok=True)
    os.replace(trig, outdir / "graph.trig")
    report.outputs.extend([str(ttl), str(outdir / "graph.trig")])
    return graph


class _Build:
    """One run of :func:`build`: its folder, options and report, and the components it drives."""

    def __init__(self, inputs: list[str], outdir: Path, options: BuildOptions) -> None:
        self.inputs = inputs
        self.outdir = outdir
        self.options = options
        self.report = BuildReport(out=str(outdir))
        self.clock = Clock()
        self.articles: dict[str, str] = {}
        """Id -> content hash of the articles built."""

    def run(self) -> BuildReport:
        check_inputs(self.inputs)
        self.outdir.mkdir(parents=True, exist_ok=True)
        (self.outdir / REPORT_NAME).unlink(missing_ok=True)  # the report is the mark of a finished build
        previous = read_manifest(self.outdir / MANIFEST_NAME)
        _remove_stale_temporaries(self.outdir)
        tmp = self.outdir / f".build-{os.getpid()}-{int(time.time() * 1000)}"
        tmp.mkdir()
        with contextlib.ExitStack() as stack:
            stack.callback(shutil.rmtree, tmp, ignore_errors=True)
            self._steps(previous, tmp, stack)
        violations = self.report.validation.get("violations")
        if self.options.strict and violations:
            raise ValidationError(f"the graph does not conform: {violations} violation(s)")
        return self.report

    def _steps(self, previous: PreviousBuild, tmp: Path, stack: contextlib.ExitStack) -> None:
        """Extract and merge, write the exports, validate, draw, load and report; what is opened on
        the way is closed by ``stack``."""
        o = self.options
        cache = Cache(self.outdir / CACHE_NAME, o.base, o.extractor)
        stack.callback(cache.close)
        judged = o.judgements.digest() if o.judgements else ""
        manifest = previous.next_manifest(o.base, cache.signature, judged, self.articles)
        db_has = previous.loaded(o.base, judged)
        # with nothing loaded before, a load is a full one and needs no record of touched subjects
        merge = Merge(tmp / "merge.sqlite", track_touched=bool(db_has))
        stack.callback(merge.close)
        self._extract(cache, merge, tmp / "graph.trig", db_has, stack)
        with self.clock.stage("write"):
            graph = _write_exports(merge, tmp / "graph.trig", self.outdir, o.base, self.report)
            o.progress("write", 1, 1)
        validation = Validation(o.validate, self.articles, self.report)
        stack.callback(validation.close)
        # a sample is validated in a process of its own while the database is loaded
        validation.start(graph, cache, self.clock, beside=o.load)
        render_viewer(graph if o.html else None, self.outdir, self.report, self.clock, o.html)
        graph = None
        if o.load:
            target = previous.load.get("target") if db_has else None
            self._load(merge, manifest, db_has, target)
        else:
            self.report.load = {"text": "not loaded (--no-load)"}
        validation.finish(self.clock, o.progress)
        self._write_reports(manifest)

    def _extract(
        self, cache: Cache, merge: Merge, trig_path: Path, db_has: dict[str, str], stack: contextlib.ExitStack
    ) -> None:
        """Extract (or take from the cache) every article into ``graph.trig`` and the merge; count."""
        o = self.options
        executor = Executor(o.workers, o.dask_address, o.base, o.extractor, o.article_seconds)
        stack.callback(executor.close)
        self.report.workers, self.report.executor = executor.workers, executor.kind
        items = read_articles(self.inputs, cache, self.clock, self.report)
        with trig_path.open("w", encoding="utf-8") as trig:
            trig.write(prefix_header(o.base))
            for item in extract_items(items, executor, cache, o.chunk_size, self.clock, self.report):
                with self.clock.stage("merge"):
                    self._merge(item, trig, merge, db_has)
                    o.progress("extract", 1, None)
            with self.clock.stage("merge"):
                merge.flush()
        self.report.articles_read = len(self.articles)
        if o.judgements:
            self.report.notes.extend(o.judgements.unmatched())
        with self.clock.stage("merge"):
            classes, rels, measures = merge.counts()
            self.report.entities_by_class = dict(classes)
            self.report.relationships_by_type = dict(rels)
            self.report.statistics_by_measure = dict(measures)
            self.report.triples = merge.shared_count() + merge.local_triples
        executor.close()

    def _merge(self, item: Item, trig: TextIO, merge: Merge, db_has: dict[str, str]) -> None:
        """One article's triples into ``graph.trig`` and the merge (or into the report why it has none)."""
        judgements = self.options.judgements
        if item.error is not None or item.nt is None:
            source = item.article.source or item.article.id
            self.report.articles_skipped.append({"source": source, "reason": item.error or "no output"})
            return
        art = f"<{article_iri(item.article, self.options.base)}>"
        if judgements:
            judged = judgements.apply_nt(item.nt, item.article.id)
            if judged is not item.nt:
                item.nt, item.parts = judged, None
        trig.write(f"{art} {{\n{item.nt}}}\n")
        merge.add(art, item.nt, new=db_has.get(item.article.id) != item.digest, parts=item.parts)
        item.parts = None
        self.articles[item.article.id] = item.digest

    def _load(self, merge: Merge, manifest: Manifest, db_has: dict[str, str], target: str | None) -> None:
        """Load into the database (only what is new when ``target``, the database of the last
        complete load, is the one loaded); the manifest says whether the load finished."""
        o = self.options
        removed_or_changed = sorted(i for i, h in db_has.items() if self.articles.get(i) != h)
        manifest["load"] = {"base": o.base, "complete": False, "target": None, "articles": {}}
        write_json(self.outdir / MANIFEST_NAME, manifest)  # an interrupted load is redone in full
        with self.clock.stage("load"):
            workers = o.workers if o.dask_address is None else 1
            summary = load(
                merge,
                o.store_settings,
                o.store_options,
                previous_target=target,
                tick=o.progress,
                workers=workers,
            )
        manifest["load"] = {
            "base": o.base,
            "complete": True,
            "target": summary["target"],
            "articles": self.articles,
        }
        self.report.load = summary
        if removed_or_changed:
            self.report.notes.append(
                f"{len(removed_or_changed)} article(s) loaded before were changed or removed; the database "
                "may still hold statements of their earlier versions (reload into an empty database for "
                "an exact copy)"
            )

    def _write_reports(self, manifest: Manifest) -> None:
        """``report.html``, the manifest and, last, ``report.json``."""
        with self.clock.stage("report"):
            report_page(self.outdir, self.report)
        write_json(self.outdir / MANIFEST_NAME, manifest)
        self.report.outputs.append(str(self.outdir / MANIFEST_NAME))
        self.report.seconds_by_stage = self.clock.seconds
        self.report.outputs.append(str(self.outdir / REPORT_NAME))
        write_json(self.outdir / REPORT_NAME, self.report.as_dict())
