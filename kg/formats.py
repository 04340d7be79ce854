"""The export formats beyond RDF that ``kg export --format`` offers, registered in one place.

``grass`` is a Neo4j Browser style sheet derived from the ontology; ``gexf`` and
``graphml`` open the database's graph in Gephi and other network tools;
``neo4j-admin`` writes the CSV files of ``neo4j-admin database import``; ``tables``
writes tidy CSV files with a Frictionless ``datapackage.json`` (:mod:`kg.tables`).
"""

from __future__ import annotations

from kg.export import write_text
from kg.store.readback import ExportFormat, ExportSource, register_format

__all__ = ["register_formats"]


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


def register_formats() -> None:
    """Add the non-RDF formats to the export registry."""
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
