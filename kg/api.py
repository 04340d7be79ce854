"""The library's verbs, as ``import kg`` offers them: what each ``kg`` command does, from Python.

Each takes what a notebook has at hand (paths, globs, :class:`~kg.model.Article` objects,
an rdflib :class:`~rdflib.Graph`, an open :class:`~kg.store.connect.Store`) and returns a
value rather than printing. Nothing here needs the command line to have run: export
formats, lexicons and the ontology load on first use. Failures are
:class:`~kg.errors.KgError` s with a one-line message; an operating-system error on a file
the call reads or writes becomes an :class:`~kg.errors.InputError` naming that file.

========================  =============================================================
``kg.read_articles``      inputs (files, folders, globs, JSON Lines) -> articles
``kg.extract``            articles or inputs -> RDF graph
``kg.build``              a corpus -> output folder, database load, report
``kg.connect``            the database of ``NEO4J_URI`` (else the local server) -> store
``kg.load``               graph or inputs -> database
``kg.export``             database, graph or RDF file -> any ``kg export`` format
``kg.viz``                graph or inputs -> interactive HTML viewer
``kg.query``              a library query by name -> rows
``kg.validate``           graph or file -> SHACL report
========================  =============================================================

Example
-------
>>> import kg
>>> article = kg.Article(id="a1", text="近日,省委第十一巡视组进驻省人防办。", publisher="浙江日报")
>>> graph = kg.extract([article])
>>> from kg.terms import ACSN
>>> any(graph.triples((None, None, ACSN.InspectionTeam)))
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from kg.errors import InputError, KgError
from kg.model import Article

if TYPE_CHECKING:
    from kg.build import BuildReport
    from kg.queries import Result
    from kg.resolve.judgements import Judgements
    from kg.store.connect import Store
    from kg.store.load import LoadSummary
    from kg.validate import Report
    from kg.viz import ViewerPage

__all__ = [
    "build",
    "connect",
    "export",
    "extract",
    "load",
    "query",
    "read_articles",
    "validate",
    "viz",
]

Inputs = str | Path | Article | Iterable[str | Path | Article]
"""Paths, folders, globs (``-`` for stdin), articles, or a mix of them."""

GraphSource = Graph | str | Path | Article | Iterable[str | Path | Article]
"""A graph, an RDF file (``.ttl .nt .jsonld .trig``), or inputs to extract one from."""


@contextmanager
def io_errors() -> Iterator[None]:
    """Turn an operating-system error on a file into an :class:`InputError` naming it."""
    try:
        yield
    except KgError:
        raise
    except OSError as exc:
        where = exc.filename if exc.filename is not None else "input/output"
        raise InputError(f"{where}: {exc.strerror or exc}") from exc
    except UnicodeError as exc:
        raise InputError(f"text is not valid Unicode: {exc}") from exc


def _split(inputs: Inputs) -> tuple[list[Article], list[str]]:
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    articles = [item for item in inputs if isinstance(item, Article)]
    paths = [str(item) for item in inputs if not isinstance(item, Article)]
    return articles, paths


def _judgements(judgements: str | Path | None, paths: list[str]) -> Judgements:
    from kg.resolve.judgements import Judgements, default_path

    return Judgements.read(Path(judgements) if judgements else default_path(paths))


def read_articles(inputs: Inputs, *, on_error: str = "fail") -> list[Article]:
    """The articles of files, folders (read recursively), globs and JSON Lines.

    ``on_error="skip"`` leaves out what cannot be read; ``"fail"`` raises on the first.
    """
    from kg.ingest import read_inputs

    articles, paths = _split(inputs)
    with io_errors():
        return articles + [article for _, article in read_inputs(paths, on_error=on_error)]


def extract(
    inputs: Inputs,
    *,
    base: str | None = None,
    judgements: str | Path | None = None,
    on_error: str = "fail",
) -> Graph:
    """The RDF graph of articles: rounds, teams, targets, officials, events and figures.

    Judgements (``kg resolve``) from ``judgements``, else the default file, are applied.
    """
    from kg.pipeline import extract_articles, extract_inputs

    articles, paths = _split(inputs)
    judged = _judgements(judgements, paths)
    graph = extract_articles(articles, base=base, judgements=judged).graph
    if paths:
        with io_errors():
            graph += extract_inputs(paths, on_error=on_error, base=base, judgements=judged).graph
    return graph


def _graph(source: GraphSource, *, base: str | None = None) -> Graph:
    if isinstance(source, Graph):
        return source
    return extract(source, base=base)


@io_errors()
def build(corpus: Inputs, out: str | Path, **options: object) -> BuildReport:
    """Build a corpus into ``out`` (graph.ttl, graph.trig, graph.html, report.html, report.json).

    ``options`` are those of :func:`kg.build.build` (``workers``, ``load``, ``validate`` …);
    by default nothing is loaded unless ``load=True``.
    """
    from kg.build import build as run

    articles, paths = _split(corpus)
    if articles:
        raise InputError("kg.build reads a corpus from files; write the articles to JSON Lines first")
    options.setdefault("load", False)
    return run(paths, Path(out), **options)  # type: ignore[arg-type]


def connect(
    uri: str | None = None,
    *,
    user: str | None = None,
    database: str | None = None,
    home: str | Path | None = None,
) -> Store:
    """An open, checked connection: ``uri`` or ``NEO4J_URI``, else the local server (started if needed).

    Use it in a ``with`` block, or close it.
    """
    from kg.store.connect import connect as open_store
    from kg.store.connect import resolve_settings

    settings = resolve_settings(uri, user, database, home=Path(home) if home else None)
    return open_store(settings)


@contextmanager
def _store(store: Store | None) -> Iterator[Store]:
    if store is not None:
        yield store
        return
    with connect() as opened:
        yield opened


@io_errors()
def load(source: GraphSource, store: Store | None = None, *, batch_size: int | None = None) -> LoadSummary:
    """Load a graph (or what is extracted from inputs) into the database, idempotently."""
    from kg.store.load import DEFAULT_BATCH_SIZE, load_graph

    graph = _graph(source)
    with _store(store) as target:
        return load_graph(target, graph, batch_size=batch_size or DEFAULT_BATCH_SIZE)


@io_errors()
def export(source: Store | GraphSource, output: str | Path, *, fmt: str | None = None) -> str:
    """Write a database, a graph or inputs in a ``kg export`` format (by name, else by suffix).

    Returns the format's name. A :class:`Store` is read back; anything else is exported
    without a database.
    """
    from kg.formats import ExportSource, format_for
    from kg.store.connect import Store

    chosen = format_for(str(output), fmt)
    if isinstance(source, Store):
        chosen.write(ExportSource(store=source), str(output))
    else:
        graph = None if not chosen.reads_database else _graph(source)
        chosen.write(ExportSource(store=None, given=graph), str(output))
    return chosen.name


@io_errors()
def viz(source: GraphSource, output: str | Path, **options: object) -> ViewerPage:
    """Write the interactive HTML viewer of a graph; ``options`` as :func:`kg.viz.render_html`."""
    from kg.viz import render_html

    return render_html(_graph(source), output, **options)  # type: ignore[arg-type]


@io_errors()
def query(name: str, store: Store | None = None, **params: object) -> Result:
    """Run a library query (``kg query list`` names them) with its parameters, read-only."""
    from kg.queries import run_query

    with _store(store) as target:
        return run_query(target, name, params)


@io_errors()
def validate(source: GraphSource) -> Report:
    """Check a graph, an RDF file or inputs against the ontology's SHACL shapes."""
    from kg.export import RDF_SUFFIXES
    from kg.validate import validate_file, validate_graph

    if isinstance(source, (str, Path)) and Path(source).suffix.lower() in RDF_SUFFIXES:
        return validate_file(source)
    return validate_graph(_graph(source))
