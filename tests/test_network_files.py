"""GEXF 1.2 and GraphML files follow their schemas' rules on ids and edge types, and read back.

The checks are the rules the official schemas state and that graph readers
(graphology, Gephi) enforce: GEXF ``<edge type>`` is directed, undirected or mutual,
``<graph>`` has no ``name``; GraphML node and edge ids are unique XML name tokens and
every edge end is a node of the file.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.netx import to_networkx, write_gexf, write_graphml
from kg.pipeline import extract_inputs
from kg.terms import REL_TYPES

EXAMPLES = Path(__file__).parents[1] / "examples"
GEXF = "{http://www.gexf.net/1.2draft}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
# XML 1.0 NMTOKEN (GraphML's id type), restricted to the characters the writer could produce
NMTOKEN = re.compile(r"^[\w.:\-·\u0300-\u036f\u203f-\u2040]+$")


@pytest.fixture(scope="module")
def example_graph() -> Graph:
    return extract_inputs([str(EXAMPLES)]).graph


def test_gexf_is_1_2_with_relationship_types_as_labels_and_attribute(
    example_graph: Graph, tmp_path: Path
) -> None:
    path = tmp_path / "g.gexf"
    write_gexf(example_graph, path)
    root = ET.parse(path).getroot()
    assert root.tag == GEXF + "gexf" and root.get("version") == "1.2"
    graph = root.find(GEXF + "graph")
    assert graph is not None and "name" not in graph.attrib
    assert graph.get("defaultedgetype") == "directed"
    edges = graph.findall(f"{GEXF}edges/{GEXF}edge")
    assert edges
    assert {e.get("type", "directed") for e in edges} <= {"directed", "undirected", "mutual"}
    ids = Counter(e.get("id") for e in edges)
    assert all(n == 1 for n in ids.values())
    declared = {
        a.get("title"): a.get("id") for a in graph.findall(f"{GEXF}attributes[@class='edge']/{GEXF}attribute")
    }
    assert "relationship" in declared
    relationship_types = set(REL_TYPES.values())
    for edge in edges:
        values = {v.get("for"): v.get("value") for v in edge.iter(GEXF + "attvalue")}
        assert values[declared["relationship"]] == edge.get("label") in relationship_types
    nodes = {n.get("id") for n in graph.iter(GEXF + "node")}
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    back = nx.read_gexf(path, version="1.3")
    expected = to_networkx(example_graph)
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        expected.number_of_nodes(),
        expected.number_of_edges(),
    )
    assert Counter(d["relationship"] for *_, d in back.edges(data=True)) == Counter(
        d["type"] for *_, d in expected.edges(data=True)
    )


def test_graphml_ids_are_unique_name_tokens(example_graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(example_graph, path)
    root = ET.parse(path).getroot()
    graph = root.find(GRAPHML + "graph")
    assert graph is not None
    nodes = [n.get("id") for n in graph.findall(GRAPHML + "node")]
    edges = graph.findall(GRAPHML + "edge")
    assert edges
    edge_ids = [e.get("id") for e in edges]
    for ids in (nodes, edge_ids):
        assert len(ids) == len(set(ids))
        assert all(i and NMTOKEN.match(i) for i in ids), [i for i in ids if not (i and NMTOKEN.match(i))][:3]
    assert all(e.get("source") in set(nodes) and e.get("target") in set(nodes) for e in edges)
    back = nx.read_graphml(path)
    expected = to_networkx(example_graph)
    assert {d["uri"] for _, d in back.nodes(data=True)} == set(expected.nodes)
    assert Counter(d["relationship"] for *_, d in back.edges(data=True)) == Counter(
        d["type"] for *_, d in expected.edges(data=True)
    )


JS = Path(__file__).parent / "js"


@pytest.mark.parametrize(("fmt", "writer"), [("gexf", write_gexf), ("graphml", write_graphml)])
def test_graphology_reads_the_files_with_every_edge_and_its_type(
    example_graph: Graph, tmp_path: Path, fmt: str, writer: Callable[[Graph, Path], None]
) -> None:
    # graphology-gexf / graphology-graphml, installed by `make test` (tests/js, npm ci)
    assert (JS / "node_modules" / "graphology").is_dir(), "run `make test` (npm ci in tests/js)"
    path = tmp_path / f"g.{fmt}"
    writer(example_graph, path)
    run = subprocess.run(
        ["node", str(JS / "read-graph.js"), fmt, str(path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    read = json.loads(run.stdout)
    expected = to_networkx(example_graph)
    assert (read["nodes"], read["edges"]) == (expected.number_of_nodes(), expected.number_of_edges())
    assert read["types"] == dict(Counter(d["type"] for *_, d in expected.edges(data=True)))
