"""The codec: one class per node, conflicting values kept, and every output agrees on both."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from codec_graphs import INSPECTION, ROUND, TEAM, disagreeing
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.codec import decode_graph, most_specific_class, ntriples, rows_to_graph, single_value
from kg.neo4j_admin import ARRAY_DELIMITER, write_neo4j_admin
from kg.netx import to_networkx, write_gexf, write_graphml
from kg.store.mapping import graph_to_rows, ntriples_to_rows
from kg.tables import table_rows
from kg.terms import ACSN


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        ({"Organization", "PartyCommittee"}, "PartyCommittee"),
        ({"PartyCommittee", "InspectionTeam"}, "InspectionTeam"),
        ({"InspectionTeam", "PartyCommittee", "Organization"}, "InspectionTeam"),
        ({"Event", "Surrender", "Person"}, "Surrender"),
        ({"Person", "Organization"}, "Organization"),
        ({"Statement", "Person"}, "Person"),
        ({"NotAClass"}, None),
        (set(), None),
    ],
)
def test_most_specific_class(classes: set[str], expected: str | None) -> None:
    assert most_specific_class(classes) == expected
    assert most_specific_class(sorted(classes, reverse=True)) == expected


def test_single_value_is_the_smallest_and_keeps_every_value() -> None:
    assert single_value(["2019-07", "2019-06", "2019-07"]) == ("2019-06", ("2019-06", "2019-07"))
    assert single_value(["2019-06", "2019"]) == ("2019", ("2019", "2019-06"))
    assert single_value([10, 9]) == (9, (9, 10))
    assert single_value([83.98, 100.0]) == (83.98, (83.98, 100.0))
    assert single_value([14, "十四"]) == ("14", ("14", "十四"))  # mixed types: all text
    assert single_value(["钟一"]) == ("钟一", ("钟一",))


def test_rows_keep_conflicting_values_and_give_them_back() -> None:
    graph = disagreeing()
    rows = graph_to_rows(graph)
    nodes = {n.uri: n for n in rows.nodes}
    insp, rnd = nodes[str(INSPECTION)], nodes[str(ROUND)]
    assert insp.props["startDate"] == "2019-06" and insp.props["inspectionType"] == "常规"
    assert insp.values == {"startDate": ("2019-06", "2019-07")} and insp.conflicts == ("startDate",)
    assert (rnd.props["term"], rnd.values, rnd.conflicts) == (9, {"term": (9, 10)}, ("term",))
    param = insp.param()["props"]
    assert param["startDate_values"] == ["2019-06", "2019-07"] and param["conflicts"] == ["startDate"]
    assert "conflicts" not in nodes[str(TEAM)].param()["props"]
    assert ntriples_to_rows(graph.serialize(format="nt").splitlines()) == rows
    back = rows_to_graph(rows.nodes, rows.rels)
    starts = {str(o) for o in back.objects(INSPECTION, ACSN.startDate)}
    assert starts == {"2019-06", "2019-07"}
    assert {o.toPython() for o in back.objects(ROUND, ACSN.term)} == {9, 10}
    without_team_types = Graph()
    for triple in graph:
        if not (triple[0] == TEAM and triple[1] == RDF.type):
            without_team_types.add(triple)
    without_team_types.add((TEAM, RDF.type, ACSN.InspectionTeam))
    assert isomorphic(back, without_team_types)  # all but the type the property graph leaves out


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_every_output_agrees_on_class_and_values(tmp_path: Path) -> None:
    graph = disagreeing()
    assert {n.uri: n.cls for n in graph_to_rows(graph).nodes}[str(TEAM)] == "InspectionTeam"
    G = to_networkx(graph)
    assert G.nodes[str(TEAM)]["cls"] == "InspectionTeam"
    assert G.nodes[str(INSPECTION)]["startDate"] == "2019-06"
    assert G.nodes[str(INSPECTION)]["startDate_values"] == ["2019-06", "2019-07"]
    assert G.nodes[str(INSPECTION)]["conflicts"] == ["startDate"]
    assert "conflicts" not in G.nodes[str(TEAM)]
    for writer, reader in ((write_gexf, nx.read_gexf), (write_graphml, nx.read_graphml)):
        path = tmp_path / f"g.{writer.__name__}"
        writer(graph, path)
        back = {attrs.get("uri", node): attrs for node, attrs in reader(path).nodes(data=True)}
        assert back[str(TEAM)]["cls"] == "InspectionTeam", writer.__name__
        insp = back[str(INSPECTION)]
        assert (insp["startDate"], insp["startDate_values"], insp["conflicts"]) == (
            "2019-06",
            "2019-06; 2019-07",
            "startDate",
        )
        assert back[str(ROUND)]["term"] == 9 and back[str(ROUND)]["term_values"] == "9; 10"
    files = write_neo4j_admin(graph, tmp_path / "admin")
    assert [cls for cls, _, _ in files.nodes if cls in ("InspectionTeam", "PartyCommittee")] == [
        "InspectionTeam"
    ]
    (header,) = _csv_rows(tmp_path / "admin" / "nodes_Inspection_header.csv")
    (row,) = _csv_rows(tmp_path / "admin" / "nodes_Inspection.csv")
    cells = dict(zip(header, row, strict=True))
    assert cells["startDate:string"] == "2019-06"
    assert cells["startDate_values:string[]"] == ARRAY_DELIMITER.join(["2019-06", "2019-07"])
    assert cells["conflicts:string[]"] == "startDate"
    (header,) = _csv_rows(tmp_path / "admin" / "nodes_InspectionRound_header.csv")
    assert "term_values:int[]" in header
    inspections = table_rows(graph, "inspections")
    assert {r["target_class"] for r in inspections} == {"InspectionTeam"}
    assert {r["start_date"] for r in inspections} == {"2019-06"}
    assert {r["conflicts"] for r in inspections} == {"startDate: 2019-06 | 2019-07"}
    assert {r["conflicts"] for r in table_rows(graph, "rounds")} == {"term: 9 | 10"}


def test_ntriples_terms_read_as_rdflib_reads_them() -> None:
    g = Graph()
    s = URIRef("https://w3id.org/acsn/id/Person/钟")
    g.add((s, ACSN.text, Literal('引号"与\\反斜杠\n换行', lang="zh")))
    g.add((s, ACSN.term, Literal("014", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))))
    g.add((s, ACSN.partOf, BNode("b1")))
    line_of = {}
    for line in g.serialize(format="nt").splitlines():
        if line.strip():
            line_of[line.split()[1]] = line.replace("钟", "\\u949F")
    assert ntriples.lines('<a> <b> "x\u2028y" .\n\n<c> <d> <e> .\n') == [
        '<a> <b> "x\u2028y" .',
        "<c> <d> <e> .",
    ]
    assert ntriples.split("") is None and ntriples.split("# a comment") is None
    with pytest.raises(ValueError, match="not an N-Triples line"):
        ntriples.split("<a> <b> <c>")
    for (subject, predicate, obj), line in zip(
        sorted(g), [line_of[f"<{p}>"] for _, p, _ in sorted(g)], strict=True
    ):
        spo = ntriples.split(line)
        assert spo is not None
        s_tok, p_tok, o_tok = spo
        assert ntriples.term(s_tok) == subject and ntriples.text(p_tok) == str(predicate)
        if isinstance(obj, BNode):
            assert ntriples.n3(o_tok) == "_:b1" and ntriples.text(o_tok) == "b1"
        else:
            assert ntriples.term(o_tok) == obj and ntriples.n3(o_tok) == obj.n3()
            assert ntriples.text(o_tok) == str(obj)
    assert ntriples.value('"014"^^<http://www.w3.org/2001/XMLSchema#integer>') == 14
    assert ntriples.value('"a\\tb"@zh') == "a\tb" and ntriples.unescape("\\u949F") == "钟"
    assert ntriples.iri("<https://x/\\u949F>") == "<https://x/钟>"


def test_decoded_relationships_keep_the_order_of_the_triples() -> None:
    graph = disagreeing()
    decoded = decode_graph(graph)
    order = [(str(s), str(o)) for s, p, o in graph if isinstance(o, URIRef) and p != RDF.type]
    kept = [(r.source, r.target) for r in decoded.rels]
    assert kept == [pair for pair in order if pair in set(kept)]
    assert decoded.rows().rels == graph_to_rows(graph).rels
