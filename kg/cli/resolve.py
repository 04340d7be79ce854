"""The ``kg resolve`` commands: list likely duplicates and record analysts' judgements.

``candidates`` reads a graph (the RDF ``kg extract`` or ``kg build`` wrote); ``merge``, ``split``,
``reject``, ``rename`` and ``undo`` append one line to the judgements file, which ``kg extract``,
``kg build`` and ``kg load`` apply on every run. ``list`` prints the judgements in force.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.params import Decorator, option_group
from kg.errors import ConfigError

__all__ = ["register", "resolve_app"]

resolve_app = typer.Typer(
    name="resolve",
    help="Review likely duplicates and record judgements (merge, split, reject, rename, undo).",
    no_args_is_help=True,
)

JudgementsOpt = Annotated[
    Path | None,
    typer.Option(
        "--judgements",
        help="The judgements file (default: $KG_JUDGEMENTS, judgements.jsonl in --corpus, "
        "else ~/.config/kg/judgements.jsonl).",
        show_default=False,
    ),
]
CorpusOpt = Annotated[
    Path | None,
    typer.Option(
        "--corpus", help="The corpus folder: the judgements file is kept beside it.", show_default=False
    ),
]
NewName = Annotated[str, typer.Argument(help="Its right name (the old one is kept as an alias).")]
Why = Annotated[str, typer.Option("--why", help="Why (kept with the judgement).")]
Who = Annotated[str | None, typer.Option("--who", help="Who (default: $KG_USER or the login name).")]


@dataclass(frozen=True)
class Record:
    """Where a judgement goes (``--judgements``, ``--corpus``), what it keeps (``--why``, ``--who``)."""

    why: str = ""
    who: str | None = None
    judgements: Path | None = None
    corpus: Path | None = None

    @property
    def path(self) -> Path:
        """The judgements file."""
        return _path(self.judgements, self.corpus)

    def write(self, op: str, **fields: str) -> None:
        """Append one judgement and say what it was."""
        from kg.resolve.judgements import append

        j = append(self.path, op, why=self.why, who=self.who, **fields)
        typer.echo(f"{self.path}: {j.describe()}")


with_record = option_group(
    "record",
    Record,
    {"why": (Why, ""), "who": (Who, None), "judgements": (JudgementsOpt, None), "corpus": (CorpusOpt, None)},
)
"""The options of every command that records a judgement."""
NO_RECORD = Record()


def judgement(name: str) -> Decorator:
    """A ``kg resolve`` command that records a judgement (with ``--why``, ``--who`` and the file)."""

    def register(command: Callable[..., None]) -> Callable[..., None]:
        return resolve_app.command(name)(with_record(command))

    return register


with_file = option_group("record", Record, {"judgements": (JudgementsOpt, None), "corpus": (CorpusOpt, None)})
"""The options of a command that reads the judgements file."""


def _path(judgements: Path | None, corpus: Path | None) -> Path:
    import os

    from kg.resolve.judgements import DEFAULT_NAME

    if judgements is not None:
        return judgements
    if os.environ.get("KG_JUDGEMENTS"):
        return Path(os.environ["KG_JUDGEMENTS"])
    if corpus is not None:
        folder = corpus if corpus.is_dir() else corpus.parent
        return folder / DEFAULT_NAME
    return Path.home() / ".config" / "kg" / DEFAULT_NAME


@resolve_app.command("candidates")
def candidates_cmd(
    graph: Annotated[
        Path, typer.Argument(help="An RDF file (.ttl .nt .jsonld .trig) from kg extract or kg build.")
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many pairs to print (0: all).")] = 20,
) -> None:
    """List likely duplicate pairs, best first, with both sides' evidence and why they are candidates."""
    from kg.export import parse_rdf
    from kg.resolve.candidates import candidates

    found = candidates(parse_rdf(graph), limit=limit or None)
    if not found:
        typer.echo("no candidates")
        return
    for n, c in enumerate(found, 1):
        typer.echo(f"{n}. {c.a.cls} score {c.score:.2f}: {'; '.join(c.reasons)}")
        for side, info in (("A", c.a), ("B", c.b)):
            typer.echo(f"   {side} {info.iri}")
            typer.echo(f"     {info.name}  articles: {', '.join(info.articles) or '-'}")
            if info.context:
                typer.echo(f"     context: {'; '.join(info.context[:4])}")
            for sentence in info.evidence[:2]:
                typer.echo(f"     « {sentence[:90]} »")
        keep, other = (c.b, c.a) if "@" not in c.a.iri.rsplit("/", 1)[-1] else (c.a, c.b)
        typer.echo(f"   kg resolve merge {keep.iri} {other.iri} --why '…'")


@judgement("merge")
def merge_cmd(
    a: Annotated[str, typer.Argument(help="IRI of the node that stays.")],
    b: Annotated[str, typer.Argument(help="IRI of the node merged into it (kept as an alias).")],
    record: Record = NO_RECORD,
) -> None:
    """Record that B is the same entity as A."""
    if a == b:
        raise ConfigError("merge: A and B are the same IRI")
    record.write("merge", a=a, b=b)


@judgement("split")
def split_cmd(
    a: Annotated[str, typer.Argument(help="IRI of a node that wrongly joins several entities.")],
    record: Record = NO_RECORD,
) -> None:
    """Record that a node is several entities: each article's mention becomes a node of its own."""
    record.write("split", a=a)


@judgement("reject")
def reject_cmd(
    facts: Annotated[
        list[str],
        typer.Argument(
            help="IRIs of wrong nodes (statistics, events) or relationship statements; one judgement each.",
            metavar="FACT...",
        ),
    ],
    record: Record = NO_RECORD,
) -> None:
    """Record that relationships or statistics are wrong: they are left out of every build."""
    for fact in dict.fromkeys(facts):  # each once, in the order given
        record.write("reject", fact=fact)


@judgement("rename")
def rename_cmd(
    a: Annotated[str, typer.Argument(help="IRI of the node.")],
    name: NewName,
    record: Record = NO_RECORD,
) -> None:
    """Record a node's right name."""
    if not name.strip():
        raise ConfigError("rename: the new name is empty")
    record.write("rename", a=a, name=name.strip())


@judgement("undo")
def undo_cmd(
    target: Annotated[
        str | None, typer.Argument(help="Id of the judgement to reverse (default: the last).")
    ] = None,
    record: Record = NO_RECORD,
) -> None:
    """Reverse one judgement (recorded as a line of its own, so the history stays)."""
    from kg.resolve.judgements import Judgements

    path = record.path
    active = Judgements.read(path).active
    if not active:
        raise ConfigError(f"{path}: no judgement to undo")
    if target is None:
        target = active[-1].id
    elif target not in {j.id for j in active}:
        raise ConfigError(f"{path}: no judgement {target!r} in force")
    record.write("undo", target=target)


@resolve_app.command("list")
@with_file
def list_cmd(record: Record = NO_RECORD) -> None:
    """Print the judgements in force."""
    from kg.resolve.judgements import Judgements

    path = record.path
    active = Judgements.read(path).active
    for j in active:
        typer.echo(j.describe())
    typer.echo(f"{len(active)} judgement(s) in force in {path}", err=True)


def register(app: typer.Typer) -> None:
    """Add ``kg resolve`` to the ``kg`` command."""
    app.add_typer(resolve_app)
