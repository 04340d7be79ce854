"""CSV files for ``neo4j-admin database import full``: the bulk load of a new Neo4j database.

The rows come from :func:`kg.store.mapping.graph_to_rows`, so the imported database has
the shape ``kg load`` gives (``docs/graph-model.md``): one node file per class (labels:
the class and its acsn superclasses), one relationship file per type, ``uri`` as the
import id. Every data file has a separate header file, with typed columns (``term:int``,
``value:double``, ``approximate:boolean``, ``aliases:string[]``). Arrays, and the labels of
``:LABEL``, are separated by U+001F (a character that never occurs in text), so the import
needs ``--array-delimiter=U+001F``; :func:`import_command` gives the whole command. Numbers
are 64-bit (``double``, as ``kg load`` stores them): ``float`` would round 83.98 to 32 bits.
A class whose nodes have conflicting values has the columns ``kg load`` writes for them
(``startDate_values:string[]``, ``conflicts:string[]``, see :mod:`kg.codec`).

Example
-------
>>> from rdflib import Graph
>>> files = write_neo4j_admin(Graph(), "/tmp/kg-neo4j-admin-doctest")
>>> files.command().startswith("neo4j-admin database import full")
True
"""

from __future__ import annotations

import csv
import io
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import XSD, Graph

from kg.codec import CONFLICTS, VALUES_SUFFIX, NodeRow, tables
from kg.export import write_text
from kg.ontology import Vocabulary, vocabulary
from kg.store.mapping import GraphRows, graph_to_rows, group_nodes, group_rels

__all__ = ["ARRAY_DELIMITER", "AdminImport", "column_type", "import_command", "write_neo4j_admin"]

ARRAY_DELIMITER = "\x1f"
"""Separates the elements of an array value (``--array-delimiter=U+001F``)."""

_INT = {
    str(XSD[t]) for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger")
}
_FLOAT = {str(XSD.decimal), str(XSD.double), str(XSD.float)}


@dataclass
class AdminImport:
    """The files written: ``(class, header, data)`` per node file and per relationship type."""

    directory: Path
    nodes: list[tuple[str, Path, Path]] = field(default_factory=list)
    relationships: list[tuple[str, Path, Path]] = field(default_factory=list)
    node_count: int = 0
    relationship_count: int = 0

    def command(self, database: str = "neo4j") -> str:
        """The ``neo4j-admin`` command that imports these files (see :func:`import_command`)."""
        return import_command(self, database)


def column_type(prop_range: tuple[str, ...], list_valued: bool = False) -> str:
    """The neo4j-admin column type of a datatype property with this range.

    Examples
    --------
    >>> column_type(("http://www.w3.org/2001/XMLSchema#integer",)), column_type((), True)
    ('int', 'string[]')
    """
    rng = prop_range[0] if prop_range else ""
    if list_valued:
        return "string[]"
    if rng in _INT:
        return "int"
    if rng in _FLOAT:
        return "double"
    if rng == str(XSD.boolean):
        return "boolean"
    return "string"


def _csv_line(values: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerow(values)
    return buf.getvalue()


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _columns(node_rows: list[NodeRow], vocab: Vocabulary) -> dict[str, str]:
    """The typed header of each property of these nodes, ``<key>_values`` and ``conflicts`` included."""
    datatype = tables(vocab).datatype
    keys = {k for r in node_rows for k in (*r.props, *r.lists)}
    conflicting = {k for r in node_rows for k in r.values}
    columns: dict[str, str] = {}
    for key in sorted(keys | {k + VALUES_SUFFIX for k in conflicting}):
        base = key[: -len(VALUES_SUFFIX)] if key not in keys else key
        prop = datatype.get(base)
        kind = column_type(prop.range, prop.list_valued) if prop else "string"
        if base != key:  # every value of a single-valued property: an array of its type, text when mixed
            mixed = any(isinstance(v, str) for r in node_rows for v in r.values.get(base, ()))
            kind = "string[]" if mixed else f"{kind}[]"
        columns[key] = f"{key}:{kind}"
    if conflicting:
        columns[CONFLICTS] = f"{CONFLICTS}:string[]"
    return columns


def _cells(row: NodeRow, keys: list[str]) -> list[str]:
    cells = [row.uri]
    for key in keys:
        if key in row.lists:
            cells.append(ARRAY_DELIMITER.join(row.lists[key]))
        elif key == CONFLICTS:
            cells.append(ARRAY_DELIMITER.join(row.conflicts))
        elif key.endswith(VALUES_SUFFIX) and key not in row.props:
            cells.append(ARRAY_DELIMITER.join(map(_cell, row.values.get(key[: -len(VALUES_SUFFIX)], ()))))
        else:
            cells.append(_cell(row.props.get(key)))
    return cells


def _node_file(node_rows: list[NodeRow], labels: str, vocab: Vocabulary) -> tuple[list[str], str]:
    """The header and the data of one class's node file."""
    columns = _columns(node_rows, vocab)
    keys = list(columns)
    body = io.StringIO()
    for row in node_rows:
        body.write(_csv_line([*_cells(row, keys), labels]))
    return ["uri:ID", *columns.values(), ":LABEL"], body.getvalue()


def write_neo4j_admin(
    graph: Graph, directory: str | Path, *, rows: GraphRows | None = None, vocab: Vocabulary | None = None
) -> AdminImport:
    """Write the node and relationship CSV files (with header files) of a graph for ``neo4j-admin``.

    Parameters
    ----------
    graph
        An acsn graph (as ``kg extract`` or ``kg build`` writes).
    directory
        Folder for the files (created); existing files of the same names are replaced.
    rows
        Rows already computed with :func:`kg.store.mapping.graph_to_rows` (then ``graph`` is not read).

    Returns
    -------
    AdminImport
        The files, counts and the import command.
    """
    vocab = vocab or vocabulary()
    rows = rows or graph_to_rows(graph, vocab)
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    result = AdminImport(directory=out)
    for cls, node_rows in group_nodes(rows.nodes).items():
        header, body = _node_file(node_rows, ARRAY_DELIMITER.join(vocab.labels_of(cls)), vocab)
        head_path, data_path = out / f"nodes_{cls}_header.csv", out / f"nodes_{cls}.csv"
        write_text(head_path, _csv_line(header))
        write_text(data_path, body)
        result.nodes.append((cls, head_path, data_path))
        result.node_count += len(node_rows)
    by_type: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for (rel_type, _, _), rel_rows in group_rels(rows.rels).items():
        by_type.setdefault(rel_type, []).extend((r.source, r.target, r.evidence) for r in rel_rows)
    for rel_type, triples in sorted(by_type.items()):
        lines = (_csv_line([s, o, rel_type, ARRAY_DELIMITER.join(ev)]) for s, o, ev in triples)
        head_path, data_path = out / f"rels_{rel_type}_header.csv", out / f"rels_{rel_type}.csv"
        write_text(head_path, _csv_line([":START_ID", ":END_ID", ":TYPE", "evidence:string[]"]))
        write_text(data_path, "".join(lines))
        result.relationships.append((rel_type, head_path, data_path))
        result.relationship_count += len(triples)
    write_text(
        out / "import.sh",
        "#!/bin/sh\n# Import into a new database (stop it first).\n" + result.command() + "\n",
    )
    return result


def import_command(files: AdminImport, database: str = "neo4j") -> str:
    """The ``neo4j-admin database import full`` command for the files, run from their folder.

    Examples
    --------
    >>> import_command(AdminImport(Path("x")), "kg").split()[4:]
    ['kg', '--array-delimiter=U+001F', '--multiline-fields=true', '--overwrite-destination']
    """
    parts = [
        "neo4j-admin database import full",
        shlex.quote(database),
        "--array-delimiter=U+001F",
        "--multiline-fields=true",
        "--overwrite-destination",
    ]
    for _, head, data in files.nodes:
        parts.append(f"--nodes={shlex.quote(head.name)},{shlex.quote(data.name)}")
    for _, head, data in files.relationships:
        parts.append(f"--relationships={shlex.quote(head.name)},{shlex.quote(data.name)}")
    return " ".join(parts)
