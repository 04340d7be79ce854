"""The ``kg viz`` command: an offline HTML viewer of a graph built from articles or RDF files.

``register(app)`` adds the command to the ``kg`` Typer app; errors are
:class:`kg.errors.KgError` subclasses, turned into one-line messages by :func:`kg.cli.main`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kg.cli.params import (
    NO_OPTIONS,
    Connection,
    OnError,
    OnErrorOption,
    Params,
    finish_with_skipped,
    params_from,
    with_connection,
)

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the ``viz`` command to ``app``."""
    app.command(name="viz")(with_connection(viz))


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
    param: Params = None,
    hops: Annotated[int, typer.Option(help="With --query/--cypher: neighbours this many steps away.")] = 1,
    title: Annotated[str | None, typer.Option(help="Page title (default 巡视巡察知识图谱).")] = None,
    articles: Annotated[
        bool,
        typer.Option("--articles/--no-articles", help="Draw articles as nodes (default: only in the panel)."),
    ] = False,
    on_error: OnErrorOption = OnError.skip,
    connection: Connection = NO_OPTIONS,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary.")] = False,
) -> None:
    """Write an interactive, offline HTML viewer of the graph: search, filters, evidence per node."""
    from kg.pipeline import extract_inputs
    from kg.viz import render_html

    inputs = inputs or []
    values = params_from(param, ad_hoc=cypher is not None)  # bad parameters fail before connecting
    if from_db:
        graph = _graph_from_db(query, cypher, values, hops, connection)
        page = render_html(graph, output, title=title, articles=articles)
        if not quiet:
            typer.echo(
                f"{page.nodes} node(s) and {page.edges} edge(s) drawn from the database "
                f"(evidence and articles in the side panel) -> {output}",
                err=True,
            )
        return
    if not inputs:
        raise typer.BadParameter("give article or RDF inputs, or --from-db", param_hint="INPUTS")
    if query or cypher:
        raise typer.BadParameter("--query and --cypher go with --from-db", param_hint="--query")
    result = extract_inputs(inputs, on_error=on_error.value)  # RDF files are read as they are
    page = render_html(result.graph, output, title=title, articles=articles)
    if not quiet:
        mode = "layout in the browser" if page.physics else "precomputed layout"
        typer.echo(
            f"{page.nodes} of {result.node_count} node(s) drawn, {page.edges} edge(s) (evidence and articles "
            f"in the side panel), {mode}, {page.size_bytes / 1e6:.1f} MB -> {output}",
            err=True,
        )
    finish_with_skipped(result.skipped)


def _graph_from_db(
    query: str | None,
    cypher: str | None,
    params: dict[str, Any],
    hops: int,
    connection: Connection | None = None,
) -> Graph:
    """The database's graph, or the part of it around what a query returns."""
    from kg.queries import run_cypher, run_query
    from kg.store.readback import read_graph
    from kg.subgraph import keys_in, select

    with (connection or Connection()).open() as store:
        graph = read_graph(store)
        if query:
            result = run_query(store, query, params)
        elif cypher:
            result = run_cypher(store, cypher, params)
        else:
            return graph
    return select(graph, keys_in(result.rows), hops=hops)
