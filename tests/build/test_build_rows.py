"""The build's rows from N-Triples equal ``graph_to_rows`` on real extractor output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from build_helpers import GOOD, write_jsonl
from rdflib import Graph

from kg.build import extract_chunk
from kg.ingest import read_inputs
from kg.store.mapping import graph_to_rows, ntriples_to_rows

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _check(nt: str) -> None:
    graph = Graph()
    graph.parse(data=nt, format="nt")
    fast, slow = ntriples_to_rows(nt.splitlines()), graph_to_rows(graph)
    assert fast.nodes == slow.nodes
    assert fast.rels == slow.rels
    assert sorted(fast.skipped) == sorted(slow.skipped)


def test_rows_from_extracted_ntriples_equal_graph_rows(
    tmp_path: Path, synthetic: Callable[..., list[dict[str, object]]]
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", synthetic(40) + GOOD)
    articles = [article for _, article in read_inputs([str(corpus), str(EXAMPLES)], on_error="skip")]
    results = extract_chunk(articles)
    parts = [nt for nt, error in results if nt]
    assert len(parts) == len(articles)
    for nt in parts:
        _check(nt)
    _check("".join(parts))  # many articles together: shared entities, evidence from several articles
