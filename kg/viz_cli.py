"""The ``kg viz`` command: an offline HTML viewer of a graph built from articles or RDF files.

``register(app)`` adds the command to the ``kg`` Typer app; errors are
:class:`kg.errors.KgError` subclasses, turned into one-line messages by :func:`kg.cli.main`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg.cli_common import finish_with_skipped

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the ``viz`` command to ``app``."""
    app.command(name="viz")(viz)


def viz(
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")],
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Article files, folders or globs to extract from, and/or RDF files (.ttl .nt .jsonld .trig)."
        ),
    ] = None,
    from_db: Annotated[
        bool,
        typer.Option("--from-db", help="Show the database (Neo4j or the local server), not files."),
    ] = False,
    query: Annotated[
        str | None, typer.Option("--query", help="With --from-db: show what this library query returns.")
    ] = None,
    cypher: Annotated[
        str | None, typer.Option("--cypher", help="With --from-db: show what this read query returns.")
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("-p", "--param", help="A query parameter, key=value (repeatable).")
    ] = None,
    hops: Annotated[int, typer.Option(help="With --query/--cypher: neighbours this many steps away.")] = 1,
    title: Annotated[str | None, typer.Option(help="Page title (default 巡视巡察知识图谱).")] = None,
    articles: Annotated[
        bool,
        typer.Option("--articles/--no-articles", help="Draw articles as nodes (default: only in the panel)."),
    ] = False,
    on_error: Annotated[
        str, typer.Option("--on-error", help="An article that cannot be read: 'skip' it or 'fail'.")
    ] = "skip",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary.")] = False,
) -> None:
    """Write an interactive, offline HTML viewer of the graph: search, filters, evidence per node."""
    from kg.pipeline import extract_inputs
    from kg.viz import render_html

    if on_error.lower() not in ("skip", "fail"):
        raise typer.BadParameter("use 'skip' or 'fail'", param_hint="--on-error")
    inputs = inputs or []
    if from_db:
        graph = _graph_from_db(query, cypher, param or [], hops)
        page = render_html(graph, output, title=title, articles=articles)
        if not quiet:
            typer.echo(f"{page.nodes} node(s), {page.edges} edge(s) from the database -> {output}", err=True)
        return
    if not inputs:
        raise typer.BadParameter("give article or RDF inputs, or --from-db", param_hint="INPUTS")
    if query or cypher:
        raise typer.BadParameter("--query and --cypher go with --from-db", param_hint="--query")
    result = extract_inputs(inputs, on_error=on_error.lower())  # RDF files are read as they are
    page = render_html(result.graph, output, title=title, articles=articles)
    if not quiet:
        mode = "layout in the browser" if page.physics else "precomputed layout"
        typer.echo(
            f"{page.nodes} node(s), {page.edges} edge(s), {mode}, {page.size_bytes / 1e6:.1f} MB -> {output}",
            err=True,
        )
    finish_with_skipped(result.skipped)


def _graph_from_db(query: str | None, cypher: str | None, params: list[str], hops: int) -> Graph:
    """The database's graph, or the part of it around what a query returns."""
    from kg.queries import parse_assignments, run_cypher, run_query
    from kg.store.connect import connect, resolve_settings
    from kg.store.readback import read_graph
    from kg.subgraph import keys_in, select

    with connect(resolve_settings()) as store:
        graph = read_graph(store)
        if query:
            result = run_query(store, query, parse_assignments(params))
        elif cypher:
            result = run_cypher(store, cypher, parse_assignments(params))
        else:
            return graph
    return select(graph, keys_in(result.rows), hops=hops)
