"""The store's commands: ``kg db start|status|stop``, ``kg load`` and ``kg export``.

Each parses its options, calls one library function and prints on stderr; errors are
:class:`kg.errors.KgError` s that :func:`kg.cli.main` turns into one line and exit code 1.
The password is never an option and never printed.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg.cli.params import (
    NO_OPTIONS,
    BaseOption,
    Connection,
    Home,
    JudgementsOption,
    OnError,
    OnErrorOption,
    Quiet,
    check_choice,
    complete_choice,
    finish_with_skipped,
    with_connection,
)
from kg.errors import KgError
from kg.store import server

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.store.connect import Store
    from kg.store.load import LoadSummary
    from kg.store.mapping import GraphRows

__all__ = ["register"]


db_app = typer.Typer(
    name="db",
    help="Manage the local Bolt server (ArcadeDB) that `kg load` uses when NEO4J_URI is not set.",
    no_args_is_help=True,
)


def _err(message: str) -> None:
    typer.echo(message, err=True)


@db_app.command("start")
def db_start(
    home: Home = None,
    port: Annotated[
        int,
        typer.Option("--port", envvar="KG_PORT", help="Bolt port on 127.0.0.1; 0 picks a free one."),
    ] = server.DEFAULT_PORT,
    heap: Annotated[str, typer.Option("--heap", help="Maximum Java heap of the server.")] = "1g",
) -> None:
    """Start the local server in the background; returns when it answers on Bolt."""
    result = server.start(home, port=port, heap=heap)
    for note in result.notes:
        _err(note)
    verb = "already running" if result.already_running else "started"
    _err(
        f"local server {verb}: {result.state.uri} (pid {result.state.pid}, "
        f"database {result.state.database}); stop it with `kg db stop`"
    )


@db_app.command("status")
@with_connection
def db_status(connection: Connection) -> None:
    """Print the server's URI, process, database and counts; exit 1 when the local server is down.

    With --uri (or NEO4J_URI), the counts of that database; else those of the local server.
    """
    import os

    if connection.uri or os.environ.get("NEO4J_URI"):
        with connection.open() as store:
            typer.echo(f"URI:      {store.uri}")
            typer.echo(f"database: {store.database or '(default)'}")
            _print_counts(store)
            from kg.store.load import incomplete_loads_of

            _print_incomplete(incomplete_loads_of(store))
        return
    current = server.status(connection.home)
    if current.problem and not current.running:
        raise KgError(current.problem)
    if not current.running or current.state is None:
        typer.echo(f"home:     {current.home}")
        typer.echo("process:  not running" + (f" ({current.problem})" if current.problem else ""))
        raise typer.Exit(code=1)
    from kg.store.connect import connect, resolve_settings

    state = current.state
    typer.echo(f"home:     {current.home}")
    typer.echo(f"URI:      {state.uri}")
    typer.echo(f"process:  running (pid {state.pid}); stop it with `kg db stop`")
    typer.echo(f"database: {connection.database or state.database}")
    settings = resolve_settings(database=connection.database, home=connection.home, start_local=False)
    with connect(settings) as store:
        _print_counts(store)
    from kg.store.load import incomplete_loads

    _print_incomplete(incomplete_loads(current.home))


def _print_counts(store: Store) -> None:
    labels = store.read("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label")
    types = store.read("MATCH ()-[e]->() RETURN type(e) AS type, count(*) AS count ORDER BY type")
    total = store.read("MATCH (n) RETURN count(n) AS count")[0]["count"]
    typer.echo(f"server:   {store.dialect.agent}")
    typer.echo(f"nodes:    {total} (each once; below, a node counts under each of its labels)")
    for row in labels:
        typer.echo(f"  {row['label']:20} {row['count']}")
    typer.echo(f"relationships: {sum(r['count'] for r in types)}")
    for row in types:
        typer.echo(f"  {row['type']:20} {row['count']}")


def _print_incomplete(loads: list[dict[str, object]]) -> None:
    for load in loads:
        typer.echo(
            f"incomplete load: database {load.get('database') or '(default)'}, started {load.get('started')} "
            f"(pid {load.get('pid')}), did not finish: run it again to complete it"
        )


@db_app.command("stop")
def db_stop(home: Home = None) -> None:
    """Stop the local server cleanly."""
    _err(server.stop(home))


def load(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Article files, folders, globs, - for stdin, or RDF files (.ttl .nt .jsonld .trig)."
        ),
    ],
    connection: Connection = NO_OPTIONS,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per transaction.")] = 1000,
    on_error: OnErrorOption = OnError.skip,
    base: BaseOption = None,
    quiet: Quiet = False,
    judgements: JudgementsOption = None,
) -> None:
    """Load articles (or RDF) into Neo4j or the local server: idempotent, incremental, batched."""
    from kg.store.load import load_rows
    from kg.store.mapping import graph_to_rows

    started = time.monotonic()
    # credentials and the server are checked before the inputs are read
    with connection.open() as store:
        graph, skipped = _read_inputs(inputs, on_error.value, base, judgements)
        rows = graph_to_rows(graph)
        if quiet:
            summary = load_rows(store, rows, batch_size=batch_size)
        else:
            summary = _load_with_progress(store, rows, batch_size)
        target = f"{store.uri} database {store.database or '(default)'}"
    if not quiet:
        _err(f"{summary.text()} -> {target} in {time.monotonic() - started:.1f} s")
    finish_with_skipped(skipped)


def _load_with_progress(store: Store, rows: GraphRows, batch_size: int) -> LoadSummary:
    from kg.cli.params import progress_bar
    from kg.store.load import load_rows

    with progress_bar() as bar:
        nodes = bar.add_task("nodes", total=len(rows.nodes))
        rels = bar.add_task("relationships", total=len(rows.rels))

        def advance(kind: str, count: int) -> None:
            bar.advance(nodes if kind == "nodes" else rels, count)

        summary = load_rows(store, rows, batch_size=batch_size, progress=advance)
    return summary


def _read_inputs(
    inputs: list[str], on_error: str, base: str | None, judgements: Path | None = None
) -> tuple[Graph, list[str]]:
    """The graph of the inputs (articles extracted, RDF files read, judgements applied) and the skipped."""
    from kg.pipeline import extract_inputs
    from kg.resolve.judgements import Judgements, default_path

    judged = Judgements.read(judgements or default_path(inputs))
    result = extract_inputs(inputs, on_error=on_error, base=base, judgements=judged, check_shapes=True)
    for note in result.notes:
        _err(f"kg: warning: {note}")
    return result.graph, [str(s) for s in result.skipped]


def _format_names() -> list[str]:
    from kg.formats import FORMATS

    return sorted(FORMATS)


def export(
    output: Annotated[
        str, typer.Option("-o", "--output", help="Output file; format from --format, else from the suffix.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=f"Export format: {', '.join(_format_names())}; default from the output's suffix.",
            callback=check_choice(_format_names, "--format"),
            autocompletion=complete_choice(_format_names),
            show_default=False,
        ),
    ] = None,
    connection: Connection = NO_OPTIONS,
    base: Annotated[
        str | None, typer.Option(help="Base IRI of reified statements (default: that of each subject).")
    ] = None,
    quiet: Quiet = False,
) -> None:
    """Read the database back into RDF under the ontology (or another registered format)."""
    from kg.formats import ExportSource, format_for
    from kg.formats import export as run_export

    chosen = format_for(output, fmt)  # fail on a bad suffix before connecting
    if not chosen.reads_database:
        chosen.write(ExportSource(store=None, base=base), output)
        if not quiet:
            _err(f"exported {chosen.name} -> {output}")
        return
    with connection.open() as store:
        run_export(store, output, fmt=chosen.name, base=base)
        target = f"{store.uri} database {store.database or '(default)'}"
    if not quiet:
        _err(f"exported {target} as {chosen.name} -> {output}")


def register(app: typer.Typer) -> None:
    """Add ``db`` (start, status, stop), ``load`` and ``export`` to the ``kg`` app."""
    app.add_typer(db_app, name="db")
    app.command("load")(with_connection(load))
    app.command("export")(with_connection(export))
