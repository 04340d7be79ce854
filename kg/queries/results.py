"""The rows a query returns, and their text forms: an aligned table, CSV or JSON."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.queries.library import QueryError

if TYPE_CHECKING:
    from kg.store.query import Plain

__all__ = ["FORMATS", "Result", "format_result"]

FORMATS = ("table", "csv", "json")
"""Output formats of :func:`format_result`."""


@dataclass(frozen=True, slots=True)
class Result:
    """Rows of a query, with their column names (known even when there are no rows)."""

    columns: list[str]
    rows: list[dict[str, Plain]]
    query: str | None = None
    """The library query's name, or ``None`` for an ad hoc statement."""
    params: dict[str, Plain] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[Plain]:
        """The values of one column."""
        return [row.get(name) for row in self.rows]

    def _repr_html_(self) -> str:
        """An HTML table, for notebooks."""
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_cell(row.get(c)))}</td>" for c in self.columns) + "</tr>"
            for row in self.rows
        )
        caption = html.escape(f"{self.query or 'cypher'}: {len(self.rows)} row(s)")
        return (
            f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )


def _cell(value: Any) -> str:
    """A value as text for a table cell or a CSV field."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def format_result(result: Result, fmt: str = "table", *, width: int | None = None) -> str:
    """The result as an aligned text table, CSV or JSON (a list of objects).

    A table wider than ``width`` terminal cells has its widest columns cut, each cut cell
    ending in ``…``, and says so under the table; CSV and JSON keep every cell whole.

    Examples
    --------
    >>> r = Result(["name", "n"], [{"name": "海曙区", "n": 2.0}])
    >>> print(format_result(r, "csv").strip())
    name,n
    海曙区,2
    >>> print(format_result(r, "json"))
    [
      {
        "name": "海曙区",
        "n": 2.0
      }
    ]
    """
    if fmt == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow([_cell(row.get(c)) for c in result.columns])
        return out.getvalue()
    if fmt != "table":
        raise QueryError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    return _table(result, width)


_MIN_COLUMN = 6
"""Cells a cut column keeps at least."""


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, ending in … when cut."""
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _table(result: Result, width: int | None = None) -> str:
    from rich.cells import cell_len  # East Asian characters are two cells wide

    cells = [[_cell(row.get(c)).replace("\n", " ") for c in result.columns] for row in result.rows]
    widths = [max([cell_len(c)] + [cell_len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    cut = False
    if width is not None and widths:
        budget = width - 2 * (len(widths) - 1)
        while sum(widths) > budget:
            widest = max(range(len(widths)), key=lambda i: widths[i])
            if widths[widest] <= _MIN_COLUMN:
                break
            widths[widest] -= 1
        for r in cells:
            for i, value in enumerate(r):
                if cell_len(value) > widths[i]:
                    r[i] = _cut(value, widths[i])
                    cut = True
        header = [_cut(c, w) for c, w in zip(result.columns, widths, strict=True)]
    else:
        header = list(result.columns)

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - cell_len(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    lines = [line(header), line(["-" * w for w in widths])]
    lines += [line(r) for r in cells]
    lines.append(
        f"({len(cells)} row{'s' if len(cells) != 1 else ''}"
        + (
            "; cells cut at the terminal's width end in …, --format csv or json shows them whole)"
            if cut
            else ")"
        )
    )
    return "\n".join(lines)
