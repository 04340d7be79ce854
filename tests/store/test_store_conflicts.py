"""On the real server: one class per node, and conflicting values kept by load, read-back and export."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
from codec_graphs import INSPECTION, ROUND, TEAM, agreeing, disagreeing
from rdflib import RDF

from kg.netx import write_gexf
from kg.store.connect import Store
from kg.store.load import load_graph
from kg.store.readback import read_graph, read_rows
from kg.tables import write_tables
from kg.terms import ACSN

_CONFLICTS = (
    "MATCH (n) WHERE n.conflicts IS NOT NULL "
    "RETURN n.uri AS uri, n.conflicts AS conflicts, n.startDate AS start, n.startDate_values AS starts, "
    "n.term AS term, n.term_values AS terms ORDER BY uri"
)


def test_conflicting_values_load_read_back_and_export(kg_fresh_store: Store, tmp_path: Path) -> None:
    store = kg_fresh_store
    load_graph(store, disagreeing())
    found = {r["uri"]: r for r in store.read(_CONFLICTS)}
    assert set(found) == {str(INSPECTION), str(ROUND)}
    insp, rnd = found[str(INSPECTION)], found[str(ROUND)]
    assert (insp["conflicts"], insp["start"], insp["starts"]) == (
        ["startDate"],
        "2019-06",
        ["2019-06", "2019-07"],
    )
    assert (rnd["conflicts"], rnd["term"], rnd["terms"]) == (["term"], 9, [9, 10])
    (team,) = store.read("MATCH (n {uri: $uri}) RETURN labels(n) AS labels", uri=str(TEAM))
    assert sorted(team["labels"]) == ["InspectionTeam", "Organization"]
    assert store.read("MATCH (n:PartyCommittee) RETURN count(n) AS c")[0]["c"] == 0

    rows = {n.uri: n for n in read_rows(store).nodes}
    assert rows[str(TEAM)].cls == "InspectionTeam"
    assert rows[str(INSPECTION)].values == {"startDate": ("2019-06", "2019-07")}
    back = read_graph(store)
    assert {str(o) for o in back.objects(INSPECTION, ACSN.startDate)} == {"2019-06", "2019-07"}
    assert {o.toPython() for o in back.objects(ROUND, ACSN.term)} == {9, 10}
    assert set(back.objects(TEAM, RDF.type)) == {ACSN.InspectionTeam}

    # what `kg export` writes: the read-back graph through each writer
    write_gexf(back, tmp_path / "db.gexf")
    nodes = dict(nx.read_gexf(tmp_path / "db.gexf").nodes(data=True))
    assert nodes[str(TEAM)]["cls"] == "InspectionTeam"
    assert (nodes[str(INSPECTION)]["startDate_values"], nodes[str(INSPECTION)]["conflicts"]) == (
        "2019-06; 2019-07",
        "startDate",
    )
    write_tables(back, tmp_path / "tables")
    with (tmp_path / "tables" / "inspections.csv").open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert {(r["target_class"], r["start_date"], r["conflicts"]) for r in table} == {
        ("InspectionTeam", "2019-06", "startDate: 2019-06 | 2019-07")
    }


def test_a_row_whose_values_agree_clears_the_record(kg_fresh_store: Store) -> None:
    store = kg_fresh_store
    load_graph(store, disagreeing())
    load_graph(store, agreeing())
    assert store.read(_CONFLICTS) == []
    (insp,) = store.read("MATCH (n:Inspection) RETURN properties(n) AS p")
    assert insp["p"]["startDate"] == "2019-08"
    assert not any(key.endswith("_values") for key in insp["p"])
    assert {str(o) for o in read_graph(store).objects(INSPECTION, ACSN.startDate)} == {"2019-08"}
