"""The query commands: ``kg query list|show|run`` and ``kg cypher``.

Each parses its options, calls :mod:`kg.queries` and prints the result on stdout; errors
are :class:`kg.errors.KgError` s that :func:`kg.cli.main` prints as one line with exit
code 1. The database is the one ``kg load`` writes to: ``--uri``/``NEO4J_URI`` and the
other ``NEO4J_*`` settings, else the local server.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from kg.queries import FORMATS, QueryError
from kg.store.cli import Database, Home, Uri, User

if TYPE_CHECKING:
    from pathlib import Path

    from kg.store.connect import Store

__all__ = ["query_app", "register"]

query_app = typer.Typer(
    name="query",
    help="Run the library of analysts' questions (queries/*.cypher) against the graph database.",
    no_args_is_help=True,
)

Params = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help="A parameter as key=value; repeat for several.", show_default=False),
]
Format = Annotated[
    str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.", case_sensitive=False)
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


def _format(fmt: str) -> str:
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise QueryError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    return fmt


def _open(uri: str | None, user: str | None, database: str | None, home: Path | None) -> Store:
    from kg.store.connect import connect, resolve_settings

    return connect(resolve_settings(uri, user, database, home=home))


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
def run_query_command(
    name: Annotated[str, typer.Argument(help="The query's name (see `kg query list`).")],
    param: Params = None,
    fmt: Format = "table",
    library: Library = None,
    uri: Uri = None,
    user: User = None,
    database: Database = None,
    home: Home = None,
) -> None:
    """Run a library query (read-only) and print its rows."""
    from kg.queries import format_result, get_query, parse_assignments, run_query

    chosen = _format(fmt)
    q = get_query(name, library)
    values = q.bind(parse_assignments(param or []))  # bad parameters fail before connecting
    with _open(uri, user, database, home) as store:
        result = run_query(store, q, values)
    typer.echo(format_result(result, chosen))


def cypher(
    statement: Annotated[str, typer.Argument(help="A Cypher statement, or - to read it from stdin.")],
    param: Params = None,
    write: Annotated[
        bool, typer.Option("--write", help="Run in a write transaction (needed for CREATE, MERGE, SET...).")
    ] = False,
    fmt: Format = "table",
    uri: Uri = None,
    user: User = None,
    database: Database = None,
    home: Home = None,
) -> None:
    """Run an ad hoc Cypher statement; read-only unless --write. Parameters: -p key=value (JSON values)."""
    from kg.queries import check_read_only, format_result, guess_value, parse_assignments, run_cypher

    chosen = _format(fmt)
    text = sys.stdin.read() if statement == "-" else statement
    values = {k: guess_value(v) for k, v in parse_assignments(param or []).items()}
    if not write:
        check_read_only(text)  # before connecting
    with _open(uri, user, database, home) as store:
        result = run_cypher(store, text, values, write=write)
    typer.echo(format_result(result, chosen))


def register(app: typer.Typer) -> None:
    """Add ``query`` (list, show, run) and ``cypher`` to the ``kg`` app."""
    app.add_typer(query_app, name="query")
    app.command("cypher")(cypher)
