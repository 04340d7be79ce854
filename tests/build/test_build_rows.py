"""The build's rows from N-Triples equal ``graph_to_rows`` on real extractor output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from build_helpers import GOOD, write_jsonl
from rdflib import Graph

from kg.build import extract_chunk, split_article
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


def test_split_files_each_statement_with_its_relationship() -> None:
    acsn, rdf = "https://w3id.org/acsn#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    art, ev, org, reg = "<urn:t:art>", "<urn:t:ev>", "<urn:t:org>", "<urn:t:reg>"
    lines = [
        f"{art} <{rdf}type> <{acsn}Article> .",
        f"{ev} <{rdf}type> <{acsn}Evidence> .",
        f"{org} <{acsn}locatedIn> {reg} .",
        f"{org} <{acsn}evidence> {ev} .",
    ]
    for stmt, (s, o) in {"<urn:t:st1>": (org, reg), "<urn:t:st2>": (ev, art)}.items():
        lines += [
            f"{stmt} <{rdf}type> <{rdf}Statement> .",
            f"{stmt} <{rdf}subject> {s} .",
            f"{stmt} <{rdf}predicate> <{acsn}partOf> .",
            f"{stmt} <{rdf}object> {o} .",
            f"{stmt} <{acsn}evidence> {ev} .",
        ]
    local, shared, stmts, _, _ = split_article(art, "\n".join(lines))
    # a shared relationship's statement is filed under the relationship's subject...
    assert sorted(stmts) == sorted((org, line) for line in lines if line.startswith("<urn:t:st1>"))
    assert shared == [(org, f"<{acsn}locatedIn> {reg} .")]
    # ...and one that touches the article's own nodes stays with the article
    assert set(local.splitlines()) == set(lines) - {line for _, line in stmts} - {f"{org} {shared[0][1]}"}
