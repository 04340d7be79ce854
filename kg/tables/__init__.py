"""Tidy tables of the graph for pandas, R and Stata: ``kg export --format tables -o DIR``.

One CSV file per kind of thing (inspections, rounds, teams, persons with their posts,
events, statistics, documents), one row per thing and article that states it, each row
with the article's id, URL and date and the sentence it was read from, and the values
of the row's thing that its articles give differently (``conflicts``). ``datapackage.json``
describes every column in the Frictionless Data convention (a *tabular data package*), so
``frictionless validate DIR/datapackage.json`` checks the files and tools that read data
packages find the types. With the optional ``pyarrow`` (``pip install 'acsn-kg[tables]'``)
each table is also written as Parquet.

CSV conventions: UTF-8 without BOM, a header row, ``,`` separators, ``"`` quotes, empty
cells for missing values, ``true``/``false`` for booleans, dates as written in ISO 8601
(``2019``, ``2019-06``, ``2019-06-12``: partial dates stay partial, so they are text).

Example
-------
>>> from kg.pipeline import extract_inputs  # doctest: +SKIP
>>> write_tables(extract_inputs(["examples/"]).graph, "tables/").rows["inspections"]  # doctest: +SKIP
12
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.errors import InputError
from kg.tables.rows import ROWS, Cell, Row, TableView

__all__ = ["TABLES", "Column", "Table", "TablesResult", "datapackage", "table_rows", "write_tables"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, Frictionless type (string, integer, number, boolean) and meaning."""

    name: str
    type: str
    description: str


@dataclass(frozen=True, slots=True)
class Table:
    """One table: file stem, what a row is, and its columns (the article columns last)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[TableView], Iterator[Row]]


_ARTICLE_COLUMNS = (
    Column(
        "conflicts",
        "string",
        "Properties of the row's thing whose articles give different values, with every value "
        "(startDate: 2019-06 | 2019-07); the other columns hold the first (docs/graph-model.md).",
    ),
    Column("article_id", "string", "Id of the article that states this row (acsn:sourceId)."),
    Column("article_url", "string", "Where that article was published online, when known."),
    Column("article_date", "string", "That article's publication date (ISO 8601)."),
    Column("evidence", "string", "The sentence(s) of that article the row was read from (' | ' between)."),
)


def _c(name: str, description: str, kind: str = "string") -> Column:
    return Column(name, kind, description)


def _ref(name: str, description: str, what: str | None = None, *, iri: str = "") -> tuple[Column, Column]:
    """A column naming a node and the column of its IRI (``name_id``, described by ``iri``)."""
    return _c(name, description), _c(f"{name}_id", iri or f"IRI of that {what or name}.")


_PARTIAL = "as precisely as the text says: YYYY, YYYY-MM or YYYY-MM-DD"

TABLES: tuple[Table, ...] = (
    Table(
        "inspections",
        "One inspection (a team or round visiting one target) per article that states it.",
        (
            _c("id", "IRI of the inspection."),
            _c("label", "Round or team · target, as the viewer shows it."),
            *_ref(
                "round",
                "Name of the round (十四届浙江省委第八轮巡视).",
                iri="IRI of the round; joins rounds.id.",
            ),
            _c("term", "The committee's term of the round (十四届 -> 14).", "integer"),
            _c("ordinal", "The round's number within the term (第八轮 -> 8).", "integer"),
            *_ref("committee", "The party committee whose round or team it is."),
            *_ref(
                "team",
                "Name of the inspection team, when the text names it.",
                iri="IRI of the team; joins teams.id.",
            ),
            _c("target", "What is inspected: an organization or a region."),
            _c("target_id", "IRI of the target."),
            _c("target_class", "Organization, PartyCommittee, InspectionTeam or Region."),
            _c(
                "target_region_code",
                "GB/T 2260 code of the target's region (its own, or where it is located).",
            ),
            _c("inspection_type", "常规, 专项, 机动, 回头看, 提级, 交叉 or 联动."),
            _c("topic", "The subject of a special inspection (脱贫攻坚)."),
            _c("start_date", f"When the team was stationed at the target (进驻), {_PARTIAL}."),
            _c("feedback_date", f"When the findings were fed back (反馈), {_PARTIAL}."),
        ),
        ROWS["inspections"],
    ),
    Table(
        "rounds",
        "One numbered round per article that states it.",
        (
            _c("id", "IRI of the round."),
            _c("name", "Name of the round (十四届浙江省委第八轮巡视)."),
            *_ref("committee", "The committee whose round it is."),
            _c("committee_region_code", "GB/T 2260 code of the region the committee governs."),
            _c("scheme", "巡视 (central and provincial committees) or 巡察 (municipal and county)."),
            _c("term", "The committee's term (十四届 -> 14).", "integer"),
            _c("ordinal", "The round's number within the term.", "integer"),
            _c("year", "The year of the round, where a text says so.", "integer"),
            _c("inspections", "How many inspections of the graph belong to the round.", "integer"),
        ),
        ROWS["rounds"],
    ),
    Table(
        "teams",
        "One numbered inspection team per article that states it, with its leaders.",
        (
            _c("id", "IRI of the team."),
            _c("name", "Name of the team (浙江省委第十一巡视组)."),
            *_ref("committee", "The committee that sends the team."),
            _c("scheme", "巡视 or 巡察."),
            _c("number", "The team's number (第十一巡视组 -> 11).", "integer"),
            _c("leaders", "Persons holding the post of 组长 in the team (、 between)."),
            _c("deputy_leaders", "Persons holding the post of 副组长 in the team (、 between)."),
            _c("inspections", "How many inspections of the graph the team carries out.", "integer"),
        ),
        ROWS["teams"],
    ),
    Table(
        "persons",
        "One person and post (held or former; a person without a post once) per article that states it.",
        (
            _c("person_id", "IRI of the person."),
            _c("person", "The person's name."),
            _c("position_id", "IRI of the post."),
            _c("post", "The post as the viewer shows it: organization and title."),
            _c("title", "The post's title as written (副厅长级干部, 组长)."),
            _c("rank", "The rank as written (副厅长级)."),
            *_ref("organization", "The organization the post belongs to."),
            _c("organization_region_code", "GB/T 2260 code of that organization's region."),
            _c("former", "True when the text gives the post as a former one (原…).", "boolean"),
        ),
        ROWS["persons"],
    ),
    Table(
        "events",
        "One event of a named person (surrender, investigation, sanction...) per article that states it.",
        (
            _c("id", "IRI of the event."),
            _c("event_type", "Surrender, Investigation, Sanction, Admonishment, JudicialReferral or Event."),
            _c("label", "The event as the viewer shows it."),
            _c("person", "The person it happens to."),
            _c("person_id", "IRI of that person; joins persons.person_id."),
            _c("date", f"When it happened, {_PARTIAL}."),
            _c("during_inspection", "The inspection during which it happened, when the text says so."),
            _c("during_inspection_id", "IRI of that inspection; joins inspections.id."),
            _c("during_round", "The round during which it happened."),
        ),
        ROWS["events"],
    ),
    Table(
        "statistics",
        "One reported figure per article that states it.",
        (
            _c("id", "IRI of the figure."),
            _c("measure", "What it measures: problemsFound, rectificationRate... (docs/vocabulary.md)."),
            _c("measure_zh", "The measure in Chinese (发现问题数)."),
            _c("value", "The figure as a number (83.98 for 83.98%).", "number"),
            _c("unit", "The counter word as written (个, 人, 件, %)."),
            _c("approximate", "True for 余, 多 and similar: the value is a lower bound.", "boolean"),
            _c("period", "The time it covers, ISO 8601 (2019, 2019-06, 2019/2020-01-10)."),
            _c("scope", "What it counts over: a round, committee, region or organization."),
            _c("scope_id", "IRI of the scope."),
            _c("scope_class", "InspectionRound, PartyCommittee, Region or Organization."),
            _c("scope_region_code", "GB/T 2260 code of the scope's region."),
            _c("text", "The figure as written in the sentence."),
        ),
        ROWS["statistics"],
    ),
    Table(
        "documents",
        "One cited policy document per article that states it.",
        (
            _c("id", "IRI of the document."),
            _c("name", "Its title, without 《》."),
            *_ref("issued_by", "The committee or body that issued it.", "body"),
            _c("date", f"When it was issued, {_PARTIAL}."),
        ),
        ROWS["documents"],
    ),
)


@dataclass
class TablesResult:
    """What :func:`write_tables` wrote: the files and the rows per table."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    parquet: bool = False

    def text(self) -> str:
        """One line: rows per table."""
        counts = ", ".join(f"{n} {name}" for name, n in self.rows.items())
        return f"{counts} ({'CSV and Parquet' if self.parquet else 'CSV'}, datapackage.json)"


def _columns(table: Table) -> list[Column]:
    return [*table.columns, *_ARTICLE_COLUMNS]


def table_rows(graph: Graph, table: Table | str) -> list[Row]:
    """The rows of one table, every column present (``None`` when missing), sorted by the first column."""
    chosen = table if isinstance(table, Table) else next(t for t in TABLES if t.name == table)
    view = TableView(graph)
    names = [c.name for c in _columns(chosen)]
    return [{n: row.get(n) for n in names} for row in chosen.rows(view)]


def datapackage(results: dict[str, int] | None = None) -> dict[str, Any]:
    """The Frictionless tabular data package that describes the CSV files."""
    resources = []
    for table in TABLES:
        resource: dict[str, Any] = {
            "name": table.name,
            "path": f"{table.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": table.description,
            "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
            "schema": {
                "fields": [
                    {"name": c.name, "type": c.type, "description": c.description}
                    | ({"trueValues": ["true"], "falseValues": ["false"]} if c.type == "boolean" else {})
                    for c in _columns(table)
                ],
                "missingValues": [""],
            },
        }
        if results is not None:
            resource["rows"] = results.get(table.name, 0)
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": "acsn-kg-tables",
        "title": "巡视巡察知识图谱 — inspections, rounds, teams, persons, events, statistics, documents",
        "description": (
            "Tidy tables of a knowledge graph of party discipline inspection (巡视/巡察) built by acsn-kg: "
            "one row per thing and article that states it, with the article's id, URL, date and "
            "the evidence sentence."
        ),
        "licenses": [{"name": "other-at", "title": "As the source articles"}],
        "resources": resources,
    }


def _csv_cell(value: Cell) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # 8.0 -> 8; a larger float keeps its exponent form
    return "" if value is None else str(value)


def _write_csv(path: Path, columns: list[Column], rows: Iterable[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow([c.name for c in columns])
        for row in rows:
            writer.writerow([_csv_cell(row.get(c.name)) for c in columns])


_ARROW = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool_"}


def _write_parquet(path: Path, columns: list[Column], rows: list[Row]) -> None:
    import pyarrow as pa  # type: ignore[import-not-found,import-untyped,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-not-found,import-untyped,unused-ignore]

    arrays = {}
    for c in columns:
        values = [row.get(c.name) for row in rows]
        if c.type == "string":
            values = [None if v is None else str(v) for v in values]
        elif c.type == "integer":
            values = [None if v is None else int(v) for v in values]
        elif c.type == "number":
            values = [None if v is None else float(v) for v in values]
        arrays[c.name] = pa.array(values, type=getattr(pa, _ARROW[c.type])())
    pq.write_table(pa.table(arrays), path)


def _has_pyarrow() -> bool:
    try:
        import pyarrow.parquet  # type: ignore[import-not-found,import-untyped,unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


def write_tables(graph: Graph, folder: str | Path, *, parquet: bool | None = None) -> TablesResult:
    """Write the tables of ``graph`` into ``folder`` (created), with ``datapackage.json``.

    Parameters
    ----------
    parquet
        Also write ``<table>.parquet``; default: when pyarrow is installed.

    Raises
    ------
    InputError
        ``folder`` is ``-`` or an existing file, or cannot be created.
    """
    if str(folder) == "-":
        raise InputError("--format tables writes a folder of files; give -o DIR, not -")
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: is a file; --format tables writes a folder (-o DIR)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create the folder: {exc.strerror or exc}") from exc
    with_parquet = _has_pyarrow() if parquet is None else parquet
    result = TablesResult(folder=out, parquet=with_parquet)
    for table in TABLES:
        rows = table_rows(graph, table)
        columns = _columns(table)
        path = out / f"{table.name}.csv"
        _write_csv(path, columns, rows)
        result.files.append(path)
        if with_parquet:
            _write_parquet(out / f"{table.name}.parquet", columns, rows)
            result.files.append(out / f"{table.name}.parquet")
        result.rows[table.name] = len(rows)
    package = out / "datapackage.json"
    package.write_text(
        json.dumps(datapackage(result.rows), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    result.files.append(package)
    return result
