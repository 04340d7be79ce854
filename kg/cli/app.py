"""The ``kg`` Typer application and its entry point.

Every command parses its options, calls one library function and prints. Library
errors (:class:`kg.errors.KgError`) become a one-line message on stderr and exit
code 1 here, in one place; usage errors exit 2 (Typer's convention).
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from kg.errors import KgError

__all__ = ["app", "err", "main", "run"]

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


def run(args: list[str] | None = None) -> int:
    """Run ``kg`` with ``args`` (default: the command line) in this process; its exit code.

    Library errors and operating-system errors become one line on stderr and code 1,
    Ctrl-C code 130, usage errors code 2.
    """
    import kg.cli  # noqa: F401  (every command group registers itself on ``app``)

    try:
        app(args=args)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    except KgError as exc:
        # one line, whatever the driver or a parser put in the message
        err("kg: error: " + " ".join(str(exc).split()))
        return 1
    except BrokenPipeError:
        return 1
    except OSError as exc:  # a file the library did not name itself (a full disk, a closed pipe …)
        where = f"{exc.filename}: " if exc.filename is not None else ""
        err(f"kg: error: {where}{exc.strerror or exc}")
        return 1
    except KeyboardInterrupt:
        err("kg: interrupted")
        return 130
    return 0


def main() -> None:
    """Entry point of the ``kg`` console script."""
    sys.exit(run())
