"""The ``kg build`` command: a corpus in, exports, a database load and a report out.

It parses options, calls :func:`kg.build.build` and prints the summary on stderr;
:func:`kg.cli.main` turns library errors into one line and exit code 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli.params import (
    NO_OPTIONS,
    BaseOption,
    Connection,
    JudgementsOption,
    LexiconOption,
    Quiet,
    use_lexicon,
    with_connection,
)

__all__ = ["build_command", "register"]


class Validate(StrEnum):
    """How much of the graph ``kg build`` checks against the SHACL shapes."""

    auto = "auto"
    full = "full"
    none = "none"


@contextmanager
def _progress_bar(quiet: bool) -> Iterator[Any]:
    """A rich progress bar on stderr (nothing when ``quiet`` or stderr is not a terminal)."""
    if quiet:
        yield None
        return
    from kg.cli.params import progress_bar

    tasks: dict[str, Any] = {}
    with progress_bar() as bar:

        def tick(stage: str, advance: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], advance=advance, total=total)

        yield tick


Corpus = Annotated[
    list[str], typer.Argument(help="Article files, folders (read recursively) and globs.", show_default=False)
]
Out = Annotated[
    Path,
    typer.Option(
        "--output",
        "-o",
        "--out",
        help="Output folder: graph.ttl, graph.trig, graph.html, report.html, report.json.",
    ),
]
Workers = Annotated[
    int | None,
    typer.Option("--workers", "-w", min=1, help="Extraction processes (default: the machine's cores)."),
]
ChunkSize = Annotated[int, typer.Option("--chunk-size", min=1, help="Articles per worker task.")]
Dask = Annotated[
    str | None,
    typer.Option("--dask", help="Address of a Dask scheduler: extract on that cluster.", show_default=False),
]
NoLoad = Annotated[bool, typer.Option("--no-load", help="Do not load into the database.")]
Strict = Annotated[bool, typer.Option("--strict", help="Exit 1 when the graph has SHACL violations.")]
ValidateOption = Annotated[
    Validate,
    typer.Option(
        "--validate",
        help="auto (whole graph when it fits, else a sample), full (every article) or none.",
        case_sensitive=False,
    ),
]
NoHtml = Annotated[bool, typer.Option("--no-html", help="Do not write graph.html.")]
ArticleSeconds = Annotated[
    float,
    typer.Option(
        "--article-seconds",
        min=0,
        help="Time budget of one article's extraction; an article over it is skipped (0: none).",
    ),
]


def build_command(
    corpus: Corpus,
    out: Out,
    workers: Workers = None,
    chunk_size: ChunkSize = 32,
    dask: Dask = None,
    no_load: NoLoad = False,
    strict: Strict = False,
    validate: ValidateOption = Validate.auto,
    no_html: NoHtml = False,
    base: BaseOption = None,
    connection: Connection = NO_OPTIONS,
    article_seconds: ArticleSeconds = 120.0,
    quiet: Quiet = False,
    judgements: JudgementsOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Build the knowledge graph of a corpus: extract in parallel, merge, validate, export, load, report."""
    use_lexicon(lexicon)  # before the extractors load, here and in the workers
    from kg.build import build
    from kg.resolve.judgements import Judgements, default_path

    judged = Judgements.read(judgements or default_path(corpus))  # a bad line fails before any work
    settings = None
    if not no_load:
        # credentials and the server are checked before the corpus is read
        with connection.open() as store:
            settings = store.settings
    with _progress_bar(quiet) as tick:
        report = build(
            corpus,
            out,
            workers=workers,
            chunk_size=chunk_size,
            dask_address=dask,
            load=not no_load,
            store_settings=settings,
            store_options={
                "uri": connection.uri,
                "user": connection.user,
                "database": connection.database,
                "home": connection.home,
            },
            strict=False,
            validate=validate.value,
            html=not no_html,
            base=base,
            progress=tick,
            article_seconds=article_seconds or None,
            judgements=judged,
        )
    if not quiet:
        for problem in report.articles_skipped:
            typer.echo(f"skipped: {problem['reason']}", err=True)
        typer.echo(report.summary(), err=True)
    if strict and report.validation.get("violations"):
        typer.echo(
            f"kg: error: the graph does not conform: {report.validation['violations']} violation(s)", err=True
        )
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    """Add ``build`` to the ``kg`` app."""
    app.command("build")(with_connection(build_command))
