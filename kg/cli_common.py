"""What every command that reads inputs does at the end: report what could not be read.

Bad input never stops the others (with ``--on-error skip``), and never passes in
silence: each skipped input gets one line on stderr, and the command exits with
code 1 once everything else is written, so scripts notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.progress import Progress

__all__ = ["finish_with_skipped", "progress_bar"]


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
