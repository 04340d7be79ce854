"""``kg extract``, ``kg validate`` and ``kg ontology``: one article set, one file, the vocabulary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import err
from kg.cli.params import (
    BaseOption,
    JudgementsOption,
    LexiconOption,
    OnError,
    OnErrorOption,
    finish_with_skipped,
    use_lexicon,
)

__all__ = ["register"]


def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Article files, folders (read recursively), globs, or - for stdin."),
    ],
    output: Annotated[
        str,
        typer.Option(
            "-o", "--output", help="Output file; format from suffix (.ttl .nt .jsonld .trig), - for stdout."
        ),
    ],
    on_error: OnErrorOption = OnError.skip,
    base: BaseOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary.")] = False,
    judgements: JudgementsOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Extract inspection rounds, teams, targets, officials, events and figures from articles to RDF."""
    use_lexicon(lexicon)  # before the extractors load
    from kg.export import rdf_format, write_rdf
    from kg.pipeline import extract_inputs
    from kg.resolve.judgements import Judgements, default_path

    rdf_format(output)  # fail on a bad suffix before reading anything
    judged = Judgements.read(judgements or default_path(inputs))  # a bad line fails before any work
    result = extract_inputs(inputs, on_error=on_error.value, base=base, judgements=judged)
    for note in result.notes:
        err(f"kg: warning: {note}")
    write_rdf(result.graph, output, named_graphs=result.named_graphs(), base=result.base)
    if not quiet:
        nodes, rels = result.property_graph_counts()
        err(
            f"{result.article_count} article(s): {nodes} node(s) and {rels} relationship(s) "
            f"(as `kg db status` counts them), {len(result.graph)} triple(s) -> {output}"
            + (f"; {len(result.skipped)} input(s) skipped" if result.skipped else "")
        )
    finish_with_skipped(result.skipped)


def validate(
    file: Annotated[Path, typer.Argument(help="An RDF file (.ttl .nt .jsonld .trig) to check.")],
) -> None:
    """Check an RDF file against the ontology's SHACL shapes; exit 1 when it does not conform."""
    from kg.validate import validate_file

    report = validate_file(file)
    typer.echo(report.text)
    if not report.conforms:
        raise typer.Exit(code=1)


def ontology(
    generate: Annotated[
        bool, typer.Option("--generate", help="Rewrite the files derived from ontology/acsn.ttl.")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when a derived file is out of date.")
    ] = False,
) -> None:
    """Print the vocabulary: classes, relationship types, properties and measures, in Chinese and English."""
    from kg import codegen
    from kg.ontology import vocabulary

    if generate:
        for path in codegen.write_all():
            err(f"wrote {path}")
        return
    if check:
        stale = codegen.stale_files()
        for path in stale:
            err(f"out of date: {path} (run `kg ontology --generate`)")
        if stale:
            raise typer.Exit(code=1)
        err("derived files are up to date")
        return
    v = vocabulary()
    typer.echo("Classes (node labels)")
    for c in v.classes.values():
        sup = f" < {', '.join(c.superclasses)}" if c.superclasses else ""
        typer.echo(f"  {c.name:18} {c.label_zh}  {c.label_en}{sup}")
    typer.echo("Relationship types")
    for p in v.properties.values():
        if p.kind == "object":
            span = f"{'|'.join(p.domain) or '*'} -> {'|'.join(p.range)}"
            typer.echo(f"  {p.pg_name:20} {p.label_zh}  {p.label_en}  ({span})")
    typer.echo("Node properties")
    for p in v.properties.values():
        if p.kind == "datatype":
            typer.echo(f"  {p.pg_name:20} {p.label_zh}  {p.label_en}  ({'|'.join(p.domain) or '*'})")
    typer.echo("Statistic measures")
    for m in v.measures.values():
        typer.echo(f"  {m.name:20} {m.label_zh}  {m.label_en}")


def register(app: typer.Typer) -> None:
    """Add ``extract``, ``validate`` and ``ontology`` to the app."""
    app.command()(extract)
    app.command()(validate)
    app.command()(ontology)
