"""An RDF file that fails the shapes is not loaded, and a database holding such values still reads back."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_graphs import run_kg

from kg.store.connect import Store
from kg.store.readback import read_graph

pytestmark = pytest.mark.db

BAD = (
    "@prefix acsn: <https://w3id.org/acsn#> .\n"
    '<https://w3id.org/acsn/id/InspectionRound/bad> a acsn:InspectionRound ; acsn:ordinal "eight" .\n'
)


def test_a_nonconforming_rdf_file_is_refused_and_the_rest_loaded(
    kg_fresh_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(BAD, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("省委第十一巡视组进驻省人防办。", encoding="utf-8")
    code = run_kg(monkeypatch, kg_fresh_store, "load", "-q", str(bad), str(good))
    err = capsys.readouterr().err
    assert code == 1
    assert f"skipped: {bad}: does not conform to the shapes (" in err
    assert "Traceback" not in err
    assert kg_fresh_store.read("MATCH (n:InspectionTeam) RETURN count(n) AS c")[0]["c"] == 1
    assert kg_fresh_store.read("MATCH (n:InspectionRound) RETURN count(n) AS c")[0]["c"] == 0
    out = tmp_path / "export.ttl"
    assert run_kg(monkeypatch, kg_fresh_store, "export", "-q", "-o", str(out)) == 0
    assert "人防办" in out.read_text(encoding="utf-8")


def test_a_value_that_does_not_fit_its_range_reads_back_as_text(kg_fresh_store: Store) -> None:
    kg_fresh_store.write(
        lambda tx: tx.run(
            "CREATE (:InspectionRound:Resource {uri: $uri, ordinal: 'eight'})",
            uri="https://w3id.org/acsn/id/InspectionRound/x",
        ).consume()
    )
    graph = read_graph(kg_fresh_store)
    assert any(str(o) == "eight" for o in graph.objects())
