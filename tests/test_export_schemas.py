"""GEXF and GraphML exports validate against the official XML Schemas (vendored in ``tests/schemas``).

``xmllint --schema`` (Debian's libxml2-utils) checks every element, attribute and id of
the files, offline (``--nonet``): what Gephi, yEd and other schema-aware readers expect.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.netx import write_gexf, write_graphml
from kg.pipeline import extract_inputs
from kg.terms import ACSN

SCHEMAS = Path(__file__).parent / "schemas"
EXAMPLES = Path(__file__).parents[1] / "examples"


def _xmllint(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["xmllint", "--noout", "--nonet", "--schema", str(SCHEMAS / schema), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    example = extract_inputs([str(EXAMPLES)]).graph
    hostile = Graph()
    person = URIRef('https://w3id.org/acsn/id/Person/<王>&"勇"')
    team = URIRef("https://w3id.org/acsn/id/InspectionTeam/第一 巡视组")
    hostile.add((person, RDF.type, ACSN.Person))
    hostile.add((person, RDFS.label, Literal('王"勇" <b>&amp;</b>\u2028')))
    hostile.add((team, RDF.type, ACSN.InspectionTeam))
    hostile.add((team, ACSN.number, Literal(1)))
    hostile.add((person, ACSN.involves, team))
    return {"example": example, "hostile": hostile}


@pytest.mark.parametrize("name", ["example", "hostile"])
def test_graphml_validates_against_the_graphml_schema(
    graphs: dict[str, Graph], tmp_path: Path, name: str
) -> None:
    path = tmp_path / f"{name}.graphml"
    write_graphml(graphs[name], path)
    done = _xmllint("graphml.xsd", path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "validates" in done.stderr


@pytest.mark.parametrize("name", ["example", "hostile"])
def test_gexf_validates_against_the_gexf_schema(graphs: dict[str, Graph], tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.gexf"
    write_gexf(graphs[name], path)
    done = _xmllint("gexf.xsd", path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "validates" in done.stderr


def test_the_schemas_catch_a_broken_file(graphs: dict[str, Graph], tmp_path: Path) -> None:
    gexf, graphml = tmp_path / "g.gexf", tmp_path / "g.graphml"
    write_gexf(graphs["example"], gexf)
    write_graphml(graphs["example"], graphml)
    text = gexf.read_text(encoding="utf-8")
    gexf.write_text(
        text.replace('defaultedgetype="directed"', 'defaultedgetype="sideways"', 1), encoding="utf-8"
    )
    assert _xmllint("gexf.xsd", gexf).returncode != 0
    text = graphml.read_text(encoding="utf-8")
    graphml.write_text(text.replace("<edge ", '<edge directed="maybe" ', 1), encoding="utf-8")
    assert _xmllint("graphml.xsd", graphml).returncode != 0
