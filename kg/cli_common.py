"""What every command that reads inputs does at the end: report what could not be read.

Bad input never stops the others (with ``--on-error skip``), and never passes in
silence: each skipped input gets one line on stderr, and the command exits with
code 1 once everything else is written, so scripts notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.progress import Progress

__all__ = ["LEXICON_HELP", "finish_with_skipped", "progress_bar", "use_lexicon"]

LEXICON_HELP = "A lexicon file of your own that extends the reference lists (see README); repeatable."


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
    import os
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
