"""``kg build`` into the test database: a load, an incremental load, and a re-run after an unfinished load."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from build_helpers import write_jsonl
from rdflib import RDF, Graph
from rdflib.compare import isomorphic

import kg.build.loading as loading
from kg.build import MANIFEST_NAME, build
from kg.build.loading import LoadBatch
from kg.errors import StoreError
from kg.store.connect import Settings, Store, connect
from kg.store.load import LoadSummary
from kg.store.mapping import GraphRows
from kg.store.readback import read_graph

pytestmark = pytest.mark.db


def _clear(store: Store) -> None:
    store.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())


def test_incremental_and_interrupted_loads_equal_a_clean_load(
    tmp_path: Path,
    kg_settings: Settings,
    synthetic: Callable[..., list[dict[str, object]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    records = synthetic(16)
    quick = {"workers": 1, "html": False, "validate": "none", "store_settings": kg_settings}
    small = write_jsonl(tmp_path / "a.jsonl", records[:10])
    grown = write_jsonl(tmp_path / "b.jsonl", records)
    with connect(kg_settings) as store:
        _clear(store)
        build([str(grown)], tmp_path / "clean", **quick)  # type: ignore[arg-type]
        clean = read_graph(store)
        # the database holds the graph the build wrote, evidence of shared relationships included
        written = Graph().parse(tmp_path / "clean" / "graph.ttl")
        assert len(clean) > 0 and isomorphic(clean, written)
        assert len(set(written.subjects(RDF.type, RDF.Statement))) > 10
        _clear(store)
        out = tmp_path / "inc"
        build([str(small)], out, **quick)  # type: ignore[arg-type]
        report = build([str(grown)], out, **quick)  # type: ignore[arg-type]
        assert report.load["incremental"] is True
        assert isomorphic(read_graph(store), clean)

        # a load that dies between batches (at the first batch of articles, after the shared
        # nodes and relationships): the manifest says so, and the re-run loads everything
        _clear(store)
        calls = {"n": 0}
        real = loading._write_rows

        def dying(
            store: Store, batch: LoadBatch, rows: GraphRows, total: LoadSummary, *, schema: bool
        ) -> None:
            if batch.phase != "articles":
                real(store, batch, rows, total, schema=schema)
                return
            calls["n"] += 1
            raise StoreError("server lost")

        monkeypatch.setattr(loading, "_write_rows", dying)
        out = tmp_path / "killed"
        with pytest.raises(StoreError):
            build([str(grown)], out, **quick)  # type: ignore[arg-type]
        assert json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["load"]["complete"] is False
        monkeypatch.setattr(loading, "_write_rows", real)
        report = build([str(grown)], out, **quick)  # type: ignore[arg-type]
        assert report.load["incremental"] is False and calls["n"] == 1
        assert isomorphic(read_graph(store), clean)


def test_two_workers_load_the_same_graph_as_one(
    tmp_path: Path, kg_settings: Settings, synthetic: Callable[..., list[dict[str, object]]]
) -> None:
    """Load rows made ahead in worker processes give the same database as rows made in order here."""
    corpus = write_jsonl(tmp_path / "c.jsonl", synthetic(24))
    # validation of every article, in batches: it runs in a process of its own beside the load
    quick = {"html": False, "validate": "full", "store_settings": kg_settings}
    with connect(kg_settings) as store:
        graphs = []
        for workers in (1, 2):
            _clear(store)
            report = build([str(corpus)], tmp_path / f"w{workers}", workers=workers, **quick)  # type: ignore[arg-type]
            assert report.load["relationships_dangling"] == 0
            assert report.validation["conforms"] is True
            assert report.validation["checked"].startswith("every article")
            graphs.append(read_graph(store))
        assert len(graphs[0]) > 0
        assert isomorphic(graphs[0], graphs[1])
