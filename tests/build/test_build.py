"""The corpus pipeline: outputs, parallel and incremental runs, bad input, poison articles, interruption."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from build_helpers import GOOD, POISON, poison_extractor, write_jsonl
from rdflib import Dataset
from rdflib.compare import isomorphic

import kg.build.validation
from kg.build import MANIFEST_NAME, REPORT_NAME, build
from kg.export import parse_rdf
from kg.pipeline import extract_inputs

Synthetic = Callable[..., list[dict[str, object]]]


def _named_graphs(path: Path) -> dict[str, int]:
    ds = Dataset()
    with warnings.catch_warnings():  # rdflib 7 warns about its own Dataset.default_context
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(data=path.read_text(encoding="utf-8"), format="trig")
    return {str(g.identifier): len(g) for g in ds.graphs() if len(g)}


def test_build_writes_every_output(tmp_path: Path, synthetic: Synthetic) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", GOOD + synthetic(20))
    report = build([str(corpus)], tmp_path / "out", workers=1, load=False)
    out = tmp_path / "out"
    for name in ("graph.ttl", "graph.trig", "graph.html", MANIFEST_NAME, REPORT_NAME):
        assert (out / name).is_file(), name
    data = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
    assert data["articles_read"] == 22 == report.articles_read
    for key in ("articles_skipped", "entities_by_class", "relationships_by_type", "statistics_by_measure"):
        assert key in data
    assert {"ingest", "extract", "merge", "write", "validate"} <= set(data["seconds_by_stage"])
    assert data["validation"]["violations"] == 0
    assert data["entities_by_class"]["Article"] == 22
    expected = extract_inputs([str(corpus)]).graph
    assert isomorphic(parse_rdf(out / "graph.ttl"), expected)
    assert len(_named_graphs(out / "graph.trig")) == 22
    assert not list(out.glob(".build-*"))


def test_two_workers_equal_one(tmp_path: Path, synthetic: Synthetic) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", synthetic(40))
    build([str(corpus)], tmp_path / "one", workers=1, load=False, html=False)
    report = build([str(corpus)], tmp_path / "two", workers=2, chunk_size=4, load=False, html=False)
    assert report.executor == "processes"
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == (tmp_path / "two" / "graph.ttl").read_bytes()
    assert (tmp_path / "one" / "graph.trig").read_bytes() == (tmp_path / "two" / "graph.trig").read_bytes()


def test_incremental_equals_from_scratch(tmp_path: Path, synthetic: Synthetic) -> None:
    records = synthetic(30)
    first, grown = records[:20], [*records]
    grown[3] = dict(grown[3], text=str(grown[3]["text"]) + "省委第九巡视组进驻省审计厅。")  # changed
    out = tmp_path / "inc"
    build([str(write_jsonl(tmp_path / "a.jsonl", first))], out, workers=1, load=False, html=False)
    both = write_jsonl(tmp_path / "b.jsonl", grown)
    report = build([str(both)], out, workers=1, load=False, html=False)
    assert report.articles_extracted == 11 and report.articles_reused == 19
    scratch = tmp_path / "scratch"
    build([str(both)], scratch, workers=1, load=False, html=False)
    assert isomorphic(parse_rdf(out / "graph.ttl"), parse_rdf(scratch / "graph.ttl"))
    assert _named_graphs(out / "graph.trig") == _named_graphs(scratch / "graph.trig")
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert len(manifest["articles"]) == 30


def test_bad_input_is_reported_and_good_input_processed(
    tmp_path: Path, bad_corpus: tuple[Path, dict[str, str]]
) -> None:
    root, kinds = bad_corpus
    report = build([str(root)], tmp_path / "out", workers=1, load=False, html=False)
    reasons = {s["reason"] for s in report.articles_skipped}
    assert all("\n" not in r for r in reasons)
    for name, kind in kinds.items():
        if kind.startswith("valid"):
            continue
        assert any(name in r for r in reasons), f"{kind}: no reason for {name} in {reasons}"
    assert any("duplicate id 'dup' with different content" in r for r in reasons)
    read = json.loads((tmp_path / "out" / REPORT_NAME).read_text(encoding="utf-8"))
    # the two good records, the GBK and the Big5 article and the first 'dup'
    assert read["articles_read"] == 5, reasons
    titles = {str(o) for o in parse_rdf(tmp_path / "out" / "graph.ttl").objects() if "巡" in str(o)}
    assert any("财政厅" in t for t in titles) and any("教育" in t for t in titles)


@pytest.mark.parametrize("workers", [1, 2])
def test_poison_article_is_reported_and_the_run_goes_on(tmp_path: Path, workers: int) -> None:
    records = [
        *GOOD,
        {"id": "p", "text": f"{POISON}省委第二巡视组进驻省林业局。"},
        {"id": "g3", "text": "省委第四巡视组进驻省体育局。"},
    ]
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    report = build(
        [str(corpus)],
        tmp_path / "out",
        workers=workers,
        chunk_size=2,
        load=False,
        html=False,
        extractor=poison_extractor,
    )
    assert report.articles_read == 3
    (failed,) = [s for s in report.articles_skipped if "extraction failed" in s["reason"]]
    assert "RuntimeError: poisoned article p" in failed["reason"]


def test_interrupted_build_leaves_no_report(
    tmp_path: Path, synthetic: Synthetic, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", synthetic(5))
    out = tmp_path / "out"
    build([str(corpus)], out, workers=1, load=False, html=False)
    assert (out / REPORT_NAME).exists()

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.build.validation.Validation, "start", boom)
    with pytest.raises(KeyboardInterrupt):
        build([str(corpus)], out, workers=1, load=False, html=False)
    assert not (out / REPORT_NAME).exists()
    assert not list(out.glob(".build-*")) and not list(out.glob("*.part"))


def test_dask_cluster_equals_local(tmp_path: Path, synthetic: Synthetic) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = write_jsonl(tmp_path / "c.jsonl", synthetic(12))
    build([str(corpus)], tmp_path / "local", workers=1, load=False, html=False)
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: 8787 may be taken
    ) as cluster:
        report = build(
            [str(corpus)],
            tmp_path / "dask",
            dask_address=cluster.scheduler_address,
            chunk_size=3,
            load=False,
            html=False,
        )
    assert report.executor == "dask" and report.workers == 2
    assert (tmp_path / "local" / "graph.ttl").read_bytes() == (tmp_path / "dask" / "graph.ttl").read_bytes()


def test_neo4j_admin_files(tmp_path: Path) -> None:
    from kg.neo4j_admin import write_neo4j_admin

    corpus = write_jsonl(tmp_path / "c.jsonl", GOOD)
    files = write_neo4j_admin(extract_inputs([str(corpus)]).graph, tmp_path / "adm")
    heads = {p.name: p.read_text(encoding="utf-8").strip() for p in (tmp_path / "adm").glob("*_header.csv")}
    assert heads["nodes_InspectionRound_header.csv"].startswith("uri:ID,")
    assert "term:int" in heads["nodes_InspectionRound_header.csv"]
    assert heads["nodes_InspectionRound_header.csv"].endswith(":LABEL")
    assert heads["rels_TARGET_header.csv"] == ":START_ID,:END_ID,:TYPE,evidence:string[]"
    assert any("aliases:string[]" in h for h in heads.values())
    assert "--nodes=nodes_Person_header.csv,nodes_Person.csv" in files.command()
    assert files.node_count > 0 and files.relationship_count > 0


def test_cli_build(tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from kg.cli.build import register

    app = typer.Typer()
    register(app)

    @app.command()
    def other() -> None:
        """A second command, so that ``build`` is a subcommand."""

    corpus = write_jsonl(tmp_path / "c.jsonl", GOOD)
    result = CliRunner().invoke(
        app, ["build", str(corpus), "--out", str(tmp_path / "o"), "--no-load", "-w", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "2 article(s) read" in result.output
    assert (tmp_path / "o" / REPORT_NAME).exists()


def test_the_cache_signature_covers_every_file_that_makes_triples() -> None:
    from kg.build.cache import signature_sources

    package = Path(kg.build.__file__).resolve().parents[1]
    sources = set(signature_sources())
    assert all(p.is_file() for p in sources)
    for folder in ("extract", "regions", "resolve", "data"):
        for path in (package / folder).rglob("*.py"):
            assert path in sources, path
    assert package / "data" / "surnames.tsv" in sources
