"""The query commands: ``kg query list|show|run`` and ``kg cypher``.

Each parses its options, calls :mod:`kg.queries` and prints the result on stdout; errors
are :class:`kg.errors.KgError` s that :func:`kg.cli.main` prints as one line with exit
code 1. The database is the one ``kg load`` writes to: ``--uri``/``NEO4J_URI`` and the
other ``NEO4J_*`` settings, else the local server.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from kg.cli.params import (
    NO_OPTIONS,
    Connection,
    Params,
    params_from,
    terminal_width,
    with_connection,
)

if TYPE_CHECKING:
    from kg.queries import Result

__all__ = ["query_app", "register"]

query_app = typer.Typer(
    name="query",
    help="Run the library of analysts' questions (queries/*.cypher) against the graph database.",
    no_args_is_help=True,
)


class OutputFormat(StrEnum):
    """How a result is printed."""

    table = "table"
    csv = "csv"
    json = "json"


Format = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="table (fitted to the terminal, long cells cut with …), csv or json (every cell whole).",
        case_sensitive=False,
    ),
]
Library = Annotated[
    str | None,
    typer.Option(
        "--library",
        envvar="KG_QUERIES",
        help="Folder of .cypher queries (default: the installed library).",
        show_default=False,
    ),
]


def _print(result: Result, fmt: OutputFormat) -> None:
    from kg.queries import format_result

    if fmt is OutputFormat.table:
        typer.echo(format_result(result, "table", width=terminal_width()))
    else:
        typer.echo(format_result(result, fmt.value))


@query_app.command("list")
def list_queries(library: Library = None) -> None:
    """List the queries: name and title in Chinese and English."""
    from kg.queries import load_library

    queries = load_library(library)
    width = max((len(name) for name in queries), default=0)
    for q in queries.values():
        typer.echo(f"{q.name:{width}}  {q.title_zh} — {q.title_en}")


@query_app.command("show")
def show_query(
    name: Annotated[str, typer.Argument(help="The query's name.")], library: Library = None
) -> None:
    """Show a query: what it answers, its parameters, its columns and its Cypher."""
    import json

    from kg.queries import get_query

    q = get_query(name, library)
    typer.echo(f"{q.name}: {q.title_zh} — {q.title_en}")
    typer.echo(f"\n{q.answers}\n\nParameters:")
    for p in q.params:
        typer.echo(
            f"  {p.name} ({p.type}, default {json.dumps(p.default, ensure_ascii=False)}, "
            f"e.g. {json.dumps(p.example, ensure_ascii=False)}): {p.description}"
        )
    if not q.params:
        typer.echo("  (none)")
    typer.echo("\nColumns:")
    for c in q.columns:
        typer.echo(f"  {c.name}: {c.description}")
    typer.echo(f"\n{q.body}")


@query_app.command("run")
@with_connection
def run_query_command(
    name: Annotated[str, typer.Argument(help="The query's name (see `kg query list`).")],
    param: Params = None,
    fmt: Format = OutputFormat.table,
    library: Library = None,
    connection: Connection = NO_OPTIONS,
) -> None:
    """Run a library query (read-only) and print its rows."""
    from kg.queries import get_query, run_query

    q = get_query(name, library)
    values = q.bind(params_from(param))  # bad parameters fail before connecting
    with connection.open() as store:
        result = run_query(store, q, values)
    _print(result, fmt)


def cypher(
    statement: Annotated[str, typer.Argument(help="A Cypher statement, or - to read it from stdin.")],
    param: Params = None,
    write: Annotated[
        bool, typer.Option("--write", help="Run in a write transaction (needed for CREATE, MERGE, SET...).")
    ] = False,
    fmt: Format = OutputFormat.table,
    connection: Connection = NO_OPTIONS,
) -> None:
    """Run an ad hoc Cypher statement; read-only unless --write. Parameters: -p key=value (JSON values)."""
    from kg.queries import check_read_only, run_cypher

    text = sys.stdin.read() if statement == "-" else statement
    values = params_from(param, ad_hoc=True)
    if not write:
        check_read_only(text)  # before connecting
    with connection.open() as store:
        result = run_cypher(store, text, values, write=write)
    _print(result, fmt)


def register(app: typer.Typer) -> None:
    """Add ``query`` (list, show, run) and ``cypher`` to the ``kg`` app."""
    app.add_typer(query_app, name="query")
    app.command("cypher")(with_connection(cypher))
