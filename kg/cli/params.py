"""What the commands share: choices, connection options, ``-p`` parameters, the store, skipped inputs.

Bad input never stops the others (with ``--on-error skip``), and never passes in
silence: each skipped input gets one line on stderr, and the command exits with
code 1 once everything else is written, so scripts notice.

Every command that talks to a database takes the same options (:data:`Uri`,
:data:`User`, :data:`Database`, :data:`Home`), added by :func:`with_connection`, and
opens it through :meth:`Connection.open`, which checks the credentials and the server
before any long work, and says on stderr when it starts the local server by itself.
"""

from __future__ import annotations

import functools
import inspect
import os
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

Decorator = Callable[[Callable[..., None]], Callable[..., None]]

if TYPE_CHECKING:
    from rich.progress import Progress

    from kg.store.connect import Settings, Store

__all__ = [
    "LEXICON_HELP",
    "NO_OPTIONS",
    "BaseOption",
    "Connection",
    "Database",
    "Home",
    "LexiconOption",
    "OnError",
    "OnErrorOption",
    "Params",
    "Quiet",
    "Uri",
    "User",
    "check_choice",
    "complete_choice",
    "finish_with_skipped",
    "option_group",
    "params_from",
    "progress_bar",
    "terminal_width",
    "use_lexicon",
    "with_connection",
]

LEXICON_HELP = "A lexicon file of your own that extends the reference lists (see README); repeatable."

LexiconOption = Annotated[list[Path] | None, typer.Option("--lexicon", help=LEXICON_HELP)]
"""``--lexicon FILE``, repeatable: applied before the extractors load."""

BaseOption = Annotated[
    str | None, typer.Option("--base", help="Base IRI of instance IRIs (default https://w3id.org/acsn/id/).")
]
"""``--base IRI`` of the IRIs a command mints."""

Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")]
"""``-q``: nothing on stderr but errors."""


class OnError(StrEnum):
    """What to do with an input that cannot be read."""

    skip = "skip"
    fail = "fail"


OnErrorOption = Annotated[
    OnError,
    typer.Option(
        "--on-error",
        help="An input that cannot be read: skip it (one line on stderr, exit 1 at the end) or fail.",
        case_sensitive=False,
    ),
]


JudgementsOption = Annotated[
    Path | None,
    typer.Option(
        "--judgements",
        help="Judgements file to apply (default: $KG_JUDGEMENTS, judgements.jsonl beside the "
        "corpus, or ~/.config/kg/judgements.jsonl).",
        show_default=False,
    ),
]


def check_choice(names: Callable[[], Iterable[str]], option: str) -> Callable[[str | None], str | None]:
    """A Typer callback that accepts one of ``names()`` (case-insensitive), the registry of the moment."""

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        known = sorted(names())
        if value.lower() not in known:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(known)}", param_hint=option)
        return value.lower()

    return check


def complete_choice(names: Callable[[], Iterable[str]]) -> Callable[[str], list[str]]:
    """Shell completion of the names that start with what is typed."""

    def complete(incomplete: str) -> list[str]:
        return [n for n in sorted(names()) if n.startswith(incomplete.lower())]

    return complete


_HOME = "Home of the local server: data, password, pid and log (default ~/.local/share/acsn-kg)."
Home = Annotated[Path | None, typer.Option("--home", envvar="KG_HOME", help=_HOME, show_default=False)]
Uri = Annotated[
    str | None,
    typer.Option(
        "--uri",
        envvar="NEO4J_URI",
        help="Bolt URI (bolt://, neo4j://, +s forms); default: the local server, started if needed.",
        show_default=False,
    ),
]
User = Annotated[
    str | None,
    typer.Option("--user", envvar="NEO4J_USERNAME", help="User name (default neo4j).", show_default=False),
]
Database = Annotated[
    str | None,
    typer.Option(
        "--database",
        envvar="NEO4J_DATABASE",
        help="Database name (default: the server's).",
        show_default=False,
    ),
]
Params = Annotated[
    list[str] | None,
    typer.Option(
        "--param",
        "-p",
        help="A query parameter as key=value (JSON values: 3, true, [1,2]); repeat for several.",
        show_default=False,
    ),
]


def params_from(items: Sequence[str] | None, *, ad_hoc: bool = False) -> dict[str, Any]:
    """The ``-p key=value`` options of every command, parsed one way.

    For a library query the values stay text: the query's header declares each type and
    converts (``-p depth=3`` binds the integer 3, ``-p name=3`` the text "3"). For an ad hoc
    statement (``ad_hoc``), which declares nothing, a value that parses as JSON is that value.

    Examples
    --------
    >>> params_from(["depth=3", "entity=张建国"])
    {'depth': '3', 'entity': '张建国'}
    >>> params_from(["depth=3", "entity=张建国", 'ids=["a", "b"]'], ad_hoc=True)
    {'depth': 3, 'entity': '张建国', 'ids': ['a', 'b']}
    """
    from kg.queries import guess_value, parse_assignments

    texts = parse_assignments(list(items or []))
    if not ad_hoc:
        return dict(texts)
    return {k: guess_value(v) for k, v in texts.items()}


@dataclass(frozen=True)
class Connection:
    """A command's connection options (``--uri``, ``--user``, ``--database``, ``--home``)."""

    uri: str | None = None
    user: str | None = None
    database: str | None = None
    home: Path | None = None

    def settings(self) -> Settings:
        """The connection settings; starts the local server when it is the target, saying so on stderr.

        The local server starts on ``KG_PORT`` when set (as ``kg db start``), else on its last port.
        """
        from kg.store import server
        from kg.store.connect import resolve_settings

        if not (self.uri or os.environ.get("NEO4J_URI")):
            port = os.environ.get("KG_PORT")
            started = server.ensure_running(self.home, port=int(port) if port and port.isdigit() else None)
            for note in started.notes:
                typer.echo(note, err=True)
            if not started.already_running:
                state = started.state
                typer.echo(
                    f"kg: started the local server at {state.uri} (database {state.database}, data in "
                    f"{state.home}); it keeps running: stop it with `kg db stop`",
                    err=True,
                )
        return resolve_settings(self.uri, self.user, self.database, home=self.home)

    def open(self) -> Store:
        """An open, checked connection (credentials and reachability), for a ``with`` block."""
        from kg.store.connect import connect

        return connect(self.settings())


NO_OPTIONS = Connection()
"""No connection option given: ``NEO4J_URI`` and the like, else the local server."""

_CONNECTION_OPTIONS = {
    "uri": (Uri, None),
    "user": (User, None),
    "database": (Database, None),
    "home": (Home, None),
}


def option_group(
    name: str, group: Callable[..., object], options: Mapping[str, tuple[object, object]]
) -> Decorator:
    """A decorator giving a command the same options as its siblings, received as one object.

    The command declares a parameter ``name``; the decorator replaces it, in what Typer
    sees, by the ``options`` (parameter name -> its annotated type and default) and calls
    the command with ``group(**their values)`` for it.
    """
    keyword = inspect.Parameter.KEYWORD_ONLY
    added = [inspect.Parameter(key, keyword, default=d, annotation=a) for key, (a, d) in options.items()]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(command, eval_str=True)
        kept = [p for p in signature.parameters.values() if p.name != name]

        @functools.wraps(command)
        def run(*args: object, **kwargs: object) -> None:
            values = {key: kwargs.pop(key, default) for key, (_, default) in options.items()}
            command(*args, **{name: group(**values)}, **kwargs)

        run.__signature__ = signature.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in [*kept, *added]} | {"return": None}
        return run

    return decorate


with_connection = option_group("connection", Connection, _CONNECTION_OPTIONS)
"""Give a command the connection options; it receives them as one ``connection: Connection``.

Every command that talks to a database takes the same four options, declared here once.
"""


def terminal_width() -> int:
    """The width tables are fitted to: the terminal's, else ``COLUMNS``, else 100."""
    return shutil.get_terminal_size((100, 24)).columns


def progress_bar() -> Progress:
    """The rich progress bar the commands show on stderr (drawn only on a terminal)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


def finish_with_skipped(skipped: Sequence[object]) -> None:
    """Print one line per skipped input; exit 1 when there was any."""
    for problem in skipped:
        typer.echo(f"skipped: {problem}", err=True)
    if skipped:
        typer.echo(
            f"kg: error: {len(skipped)} input(s) could not be read (above); everything else was processed",
            err=True,
        )
        raise typer.Exit(code=1)


def use_lexicon(paths: Sequence[Path] | None) -> None:
    """Make the extractors read the user's lexicon files ``paths`` as well as the package's lists.

    Each file is checked first (a bad line is an :class:`~kg.errors.InputError` naming it), then
    named in ``KG_LEXICON``, which the extractors, and the worker processes started after this
    call, read when they load.
    """
    import sys

    from kg.data import read_lexicon
    from kg.errors import ConfigError

    if not paths:
        return
    for path in paths:
        read_lexicon(path)
    value = os.pathsep.join(str(Path(p).resolve()) for p in paths)
    loaded = sys.modules.get("kg.extract.lexicon")
    if loaded is not None and getattr(loaded, "LEXICON_FILES", "") != value:
        raise ConfigError("--lexicon: the extractors were already loaded in this process without it")
    os.environ["KG_LEXICON"] = value
