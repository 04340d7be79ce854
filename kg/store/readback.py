"""Reading the database back: rows, RDF under the ontology, and the export formats of ``kg export``.

Nodes are read with their labels and properties, relationships with their type, end
points and ``evidence``, into the codec's rows (:mod:`kg.codec`), whose
:func:`kg.codec.rows_to_graph` turns them into RDF. Loading a graph into an empty database
and reading it back gives an isomorphic graph (conflicting values included).

Export formats are a registry: :func:`register_format` adds one (a name, the output
suffixes it claims, and a writer that gets an :class:`ExportSource`); ``kg export``
picks one by ``--format`` or by the output's suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rdflib import Graph

from kg.codec import GraphRows, NodeRow, RelRow, node_row, rows_to_graph, tables
from kg.errors import InputError, StoreError
from kg.ontology import Vocabulary
from kg.store.connect import Store

__all__ = [
    "FORMATS",
    "ExportFormat",
    "ExportSource",
    "export",
    "format_for",
    "read_graph",
    "read_rows",
    "register_format",
]

_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
_RELS = (
    "MATCH (a)-[e]->(b) RETURN type(e) AS type, a.uri AS s, labels(a) AS sl, "
    "b.uri AS o, labels(b) AS ol, e.evidence AS ev"
)


def read_rows(store: Store, vocab: Vocabulary | None = None) -> GraphRows:
    """Every node with an acsn label and a ``uri``, and every relationship between two of them.

    A node's class is :func:`kg.codec.most_specific_class` of its labels; its properties
    become a row as :func:`kg.codec.node_row` reads them (conflicting values included).
    """
    t = tables(vocab)
    nodes: list[NodeRow] = []
    skipped: list[str] = []
    for record in store.read(_NODES):
        props = dict(record["props"] or {})
        uri = props.pop("uri", None)
        cls = t.most_specific(record["labels"])
        if cls is None or not isinstance(uri, str):
            skipped.append(f"node with labels {record['labels']} and uri {uri!r}: not an acsn resource")
            continue
        nodes.append(node_row(uri, cls, props, t))
    rels: list[RelRow] = []
    for record in store.read(_RELS):
        scls, tcls = t.most_specific(record["sl"]), t.most_specific(record["ol"])
        if scls is None or tcls is None or record["s"] is None or record["o"] is None:
            continue
        rels.append(
            RelRow(
                type=record["type"],
                source=record["s"],
                source_cls=scls,
                target=record["o"],
                target_cls=tcls,
                evidence=tuple(sorted(set(record["ev"] or ()))),
            )
        )
    nodes.sort(key=lambda n: n.uri)
    rels.sort(key=lambda r: (r.type, r.source, r.target))
    return GraphRows(nodes=tuple(nodes), rels=tuple(rels), skipped=tuple(skipped))


def read_graph(store: Store, *, base: str | None = None) -> Graph:
    """The database as RDF under the ontology (see :func:`kg.codec.rows_to_graph`)."""
    rows = read_rows(store)
    return rows_to_graph(rows.nodes, rows.rels, base=base)


@dataclass
class ExportSource:
    """What an export writer may use; rows and graph are read once, when first asked for."""

    store: Store | None
    """``None`` for a format that does not read the database."""
    base: str | None = None

    @cached_property
    def rows(self) -> GraphRows:
        """The database's node and relationship rows."""
        if self.store is None:
            raise StoreError("this export format reads no database")
        return read_rows(self.store)

    @cached_property
    def graph(self) -> Graph:
        """The database as RDF."""
        return rows_to_graph(self.rows.nodes, self.rows.rels, base=self.base)


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One output format of ``kg export``."""

    name: str
    suffixes: tuple[str, ...]
    write: Callable[[ExportSource, str], None]
    """Writes the export to a path (``-``: standard output, where that makes sense)."""
    help: str = ""
    reads_database: bool = True
    """False for a format derived from the ontology alone, which ``kg export`` writes without connecting."""


FORMATS: dict[str, ExportFormat] = {}
"""Registered formats by name."""


def register_format(fmt: ExportFormat) -> ExportFormat:
    """Add (or replace) an export format; returns it."""
    FORMATS[fmt.name] = fmt
    return fmt


def format_for(output: str, name: str | None = None) -> ExportFormat:
    """The format named ``name``, else the one claiming the output's suffix (``-`` is Turtle).

    Raises
    ------
    InputError
        An unknown format name or suffix.
    """
    if name:
        key = name.lower()
        if key not in FORMATS:
            raise InputError(
                f"--format: unknown export format {name!r}; use one of {', '.join(sorted(FORMATS))}"
            )
        return FORMATS[key]
    if output == "-":
        return FORMATS["turtle"]
    suffix = Path(output).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    known = ", ".join(sorted({s for f in FORMATS.values() for s in f.suffixes}))
    raise InputError(
        f"{output}: unknown export suffix {suffix or '(none)'!r}; use one of {known} or --format"
    )


def export(store: Store, output: str, *, fmt: str | None = None, base: str | None = None) -> ExportFormat:
    """Write the database to ``output`` in a format (by name, else by suffix); returns the format used."""
    chosen = format_for(output, fmt)
    chosen.write(ExportSource(store=store, base=base), output)
    return chosen


def _rdf_writer(rdflib_format: str) -> Callable[[ExportSource, str], None]:
    def write(source: ExportSource, output: str) -> None:
        from kg.export import RDF_SUFFIXES, write_rdf

        target = output
        if output != "-" and RDF_SUFFIXES.get(Path(output).suffix.lower()) != rdflib_format:
            raise InputError(f"{output}: the {rdflib_format} format needs one of its suffixes")
        write_rdf(source.graph, target, base=source.base)

    return write


for _name, _suffixes, _fmt in (
    ("turtle", (".ttl",), "turtle"),
    ("nt", (".nt",), "nt"),
    ("jsonld", (".jsonld", ".json-ld"), "json-ld"),
    ("trig", (".trig",), "trig"),
):
    register_format(
        ExportFormat(name=_name, suffixes=_suffixes, write=_rdf_writer(_fmt), help=f"RDF ({_fmt})")
    )
