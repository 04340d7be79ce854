"""The formats of ``kg export``: a registry, ready as soon as this module is imported.

A format is a name, the output suffixes it claims, and a writer that gets an
:class:`ExportSource` (the database's rows and RDF, read once when first asked for);
:func:`format_for` picks one by name or by the output's suffix, :func:`export` writes one.
Besides the four RDF serialisations, ``grass`` is a Neo4j Browser style sheet derived
from the ontology; ``gexf`` and ``graphml`` open the graph in Gephi and other network
tools; ``neo4j-admin`` writes the CSV files of ``neo4j-admin database import``; ``tables``
writes tidy CSV files with a Frictionless ``datapackage.json`` (:mod:`kg.tables`).
:func:`register_format` adds one of your own.

Example
-------
>>> format_for("graph.gexf").name
'gexf'
>>> sorted(FORMATS)[:3]
['gexf', 'graphml', 'grass']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError, StoreError
from kg.export import write_text

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.codec import GraphRows
    from kg.store.connect import Store

__all__ = ["FORMATS", "ExportFormat", "ExportSource", "export", "format_for", "register_format"]


@dataclass
class ExportSource:
    """What an export writer may use; rows and graph are read once, when first asked for."""

    store: Store | None
    """``None`` for a format that does not read the database, or one written from ``given``."""
    base: str | None = None
    given: Graph | None = None
    """A graph to export instead of the database's."""

    @cached_property
    def rows(self) -> GraphRows:
        """The database's node and relationship rows."""
        if self.store is None:
            if self.given is None:
                raise StoreError("this export format reads no database")
            from kg.store.mapping import graph_to_rows

            return graph_to_rows(self.given)
        from kg.store.readback import read_rows

        return read_rows(self.store)

    @cached_property
    def graph(self) -> Graph:
        """The database as RDF (or the graph given)."""
        if self.given is not None:
            return self.given
        from kg.codec import rows_to_graph

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


def _grass(source: ExportSource, output: str) -> None:
    from kg.grass import grass_stylesheet

    write_text(output, grass_stylesheet())


def _gexf(source: ExportSource, output: str) -> None:
    from kg.netx import write_gexf

    write_gexf(source.graph, output)


def _graphml(source: ExportSource, output: str) -> None:
    from kg.netx import write_graphml

    write_graphml(source.graph, output)


def _neo4j_admin(source: ExportSource, output: str) -> None:
    from kg.neo4j_admin import write_neo4j_admin

    write_neo4j_admin(source.graph, output)


def _tables(source: ExportSource, output: str) -> None:
    from kg.tables import write_tables

    write_tables(source.graph, output)


def _register_builtins() -> None:
    """The four RDF serialisations and the formats above."""
    for name, suffixes, rdflib_format in (
        ("turtle", (".ttl",), "turtle"),
        ("nt", (".nt",), "nt"),
        ("jsonld", (".jsonld", ".json-ld"), "json-ld"),
        ("trig", (".trig",), "trig"),
    ):
        register_format(ExportFormat(name, suffixes, _rdf_writer(rdflib_format), f"RDF ({rdflib_format})"))
    register_format(
        ExportFormat(
            "grass", (".grass",), _grass, "Neo4j Browser style sheet from the ontology", reads_database=False
        )
    )
    register_format(ExportFormat("gexf", (".gexf",), _gexf, "GEXF for Gephi"))
    register_format(ExportFormat("graphml", (".graphml",), _graphml, "GraphML"))
    register_format(
        ExportFormat("neo4j-admin", (), _neo4j_admin, "CSV files for neo4j-admin database import (a folder)")
    )
    register_format(
        ExportFormat(
            "tables", (), _tables, "Tidy CSV tables with datapackage.json, for pandas, R and Stata (a folder)"
        )
    )


_register_builtins()
