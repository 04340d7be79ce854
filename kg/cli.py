"""The ``kg`` command: a thin layer over the library.

Every command parses its options, calls one library function and prints. Library
errors (:class:`kg.errors.KgError`) become a one-line message on stderr and exit
code 1 here, in one place; usage errors exit 2 (Typer's convention).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli_common import (
    LEXICON_HELP,
    JudgementsOption,
    OnError,
    OnErrorOption,
    finish_with_skipped,
    use_lexicon,
)
from kg.errors import KgError

__all__ = ["app", "main"]

app = typer.Typer(
    name="kg",
    help="Build knowledge graphs of party discipline inspection (巡视/巡察) from Chinese news articles.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from kg import __version__

        typer.echo(f"kg (acsn-kg) {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Build knowledge graphs of party discipline inspection (巡视/巡察) from Chinese news articles."""


_PLACEHOLDERS = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT", "path": "PATH", "Path": "PATH"}


def _plain_placeholders() -> None:
    """Help reads ``TEXT``, ``PATH``, ``INTEGER`` and ``[a|b]`` after an option, nothing after a flag.

    Typer 0.29 prints Python types (``<str>``, ``<list[str]>``, ``<bool>`` on flags, ``{inputs}``
    in the usage line); click tools (sqlite-utils, datasette, dbt) print upper-case names.
    """
    import typer.core

    param = typer.core._TyperParameter
    original = param.display_type
    if getattr(original, "_kg", False):
        return

    def display(self: typer.core._TyperParameter, ctx: Any) -> str | None:
        if getattr(self, "is_flag", False) or getattr(self, "count", False):
            return None
        label = str(original(self, ctx) or "").strip("<>")
        if self.type_descriptor.is_choice:
            return f"[{label}]"
        if label.startswith("list[") and label.endswith("]"):
            label = label[5:-1]
        label = label.removesuffix(" range")
        return _PLACEHOLDERS.get(label, label.upper())

    def usage_name(self: typer.core.TyperArgument) -> str:
        name = self.metavar or self.name.upper()
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    display._kg = True  # type: ignore[attr-defined]
    param.display_type = display  # type: ignore[method-assign,assignment]
    typer.core.TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]


def err(message: str) -> None:
    """Print one line on stderr."""
    typer.echo(message, err=True)


@app.command()
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
    base: Annotated[
        str | None, typer.Option(help="Base IRI of instance IRIs (default https://w3id.org/acsn/id/).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary.")] = False,
    judgements: JudgementsOption = None,
    lexicon: Annotated[list[Path] | None, typer.Option("--lexicon", help=LEXICON_HELP)] = None,
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


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="An RDF file (.ttl .nt .jsonld .trig) to check.")],
) -> None:
    """Check an RDF file against the ontology's SHACL shapes; exit 1 when it does not conform."""
    from kg.validate import validate_file

    report = validate_file(file)
    typer.echo(report.text)
    if not report.conforms:
        raise typer.Exit(code=1)


@app.command()
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


_registered = False


def _register_extensions() -> None:
    """Add the command groups that live beside the modules they drive (once)."""
    global _registered
    if _registered:
        return
    from kg.build_cli import register as register_build
    from kg.formats import register_formats
    from kg.query_cli import register as register_query
    from kg.resolve_cli import register as register_resolve
    from kg.store.cli import register as register_store
    from kg.viz_cli import register as register_viz

    _plain_placeholders()
    register_formats()
    register_build(app)
    register_store(app)
    register_query(app)
    register_viz(app)
    register_resolve(app)
    _registered = True


def main() -> None:
    """Entry point of the ``kg`` console script."""
    _register_extensions()
    try:
        app()
    except KgError as exc:
        # one line, whatever the driver or a parser put in the message
        err("kg: error: " + " ".join(str(exc).split()))
        sys.exit(1)
    except KeyboardInterrupt:
        err("kg: interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)


if __name__ == "__main__":
    main()
