"""Benchmark of ``kg load``'s writer against the raw driver ceiling and a naive baseline.

Run ``python bench/load.py`` (``--help`` for options). It starts a local server in a
temporary home (or uses ``--home``), builds a synthetic graph of persons, posts,
organizations, articles and evidence (at least 50,000 nodes and 100,000 relationships
by default), and loads the same rows three ways, each into a fresh database that has
the ontology's constraints and indexes:

- ``kg``: :func:`kg.store.load.load_rows`, the code behind ``kg load``;
- ``raw``: a bare ``UNWIND $rows ... MERGE`` per class and relationship type, same
  batches, no label sets, no list unions, no counting: the ceiling of the approach;
- ``naive``: one ``MERGE`` statement (and transaction) per row, on a small sample.

It prints nodes/s and relationships/s of each and the ratios kg/raw and kg/naive.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import neo4j

from kg.store import server
from kg.store.connect import Settings, Store, connect
from kg.store.load import ensure_schema, load_rows
from kg.store.mapping import GraphRows, NodeRow, RelRow, group_nodes, group_rels

BASE = "https://w3id.org/acsn/id/"


def synthetic_rows(people: int) -> GraphRows:
    """``people`` persons and posts, people/4 organizations, people/5 evidence, people/20 articles.

    Relationships: HOLDS (with evidence) and IN_ORGANIZATION per post, DERIVED_FROM per person
    and post, EVIDENCE per person: five per person.
    """
    orgs = [
        NodeRow(f"{BASE}Organization/o{i}", "Organization", {"name": f"单位{i}", "category": "state"})
        for i in range(max(1, people // 4))
    ]
    articles = [
        NodeRow(f"{BASE}Article/a{i}", "Article", {"sourceId": f"a{i}", "published": "2020-01-10"})
        for i in range(max(1, people // 20))
    ]
    evidence = [
        NodeRow(f"{BASE}Evidence/e{i}", "Evidence", {"text": f"第{i}句。", "charStart": i, "charEnd": i + 4})
        for i in range(max(1, people // 5))
    ]
    persons = [
        NodeRow(f"{BASE}Person/p{i}", "Person", {"name": f"人{i}"}, {"aliases": (f"别名{i}",)})
        for i in range(people)
    ]
    posts = [
        NodeRow(f"{BASE}Position/p{i}-post", "Position", {"title": "主任", "former": i % 2 == 0})
        for i in range(people)
    ]
    rels: list[RelRow] = []
    for i, (person, post) in enumerate(zip(persons, posts, strict=True)):
        ev = evidence[i % len(evidence)].uri
        article = articles[i % len(articles)].uri
        rels.append(RelRow("HOLDS", person.uri, "Person", post.uri, "Position", (ev,)))
        rels.append(RelRow("IN_ORGANIZATION", post.uri, "Position", orgs[i % len(orgs)].uri, "Organization"))
        rels.append(RelRow("DERIVED_FROM", person.uri, "Person", article, "Article"))
        rels.append(RelRow("DERIVED_FROM", post.uri, "Position", article, "Article"))
        rels.append(RelRow("EVIDENCE", person.uri, "Person", ev, "Evidence"))
    return GraphRows(nodes=tuple(orgs + articles + evidence + persons + posts), rels=tuple(rels))


def fresh_store(state: server.ServerState, name: str) -> Store:
    """A store on a new database with the ontology's schema."""
    server.drop_database(state, name)
    server.create_database(state, name)
    store = connect(
        Settings(
            uri=state.uri,
            user=server.USER,
            password=server.read_password(state.home),
            database=name,
            local=state,
        )
    )
    ensure_schema(store)
    return store


def timed(work: Callable[[], Any]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def run_kg(store: Store, rows: GraphRows, batch_size: int) -> tuple[float, float]:
    """Seconds for the nodes and for the relationships, through load_rows."""
    marks: dict[str, float] = {}
    written = {"nodes": 0}
    start = time.perf_counter()

    def progress(kind: str, count: int) -> None:
        if kind == "nodes":
            written["nodes"] += count
            if written["nodes"] == len(rows.nodes):
                marks["nodes"] = time.perf_counter()

    load_rows(store, rows, batch_size=batch_size, progress=progress, schema=False)
    end = time.perf_counter()
    return marks["nodes"] - start, end - marks["nodes"]


def _batches(rows: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def run_raw(store: Store, rows: GraphRows, batch_size: int) -> tuple[float, float]:
    """Seconds for a bare UNWIND ... MERGE of the same rows, nodes then relationships."""

    def write(tx: neo4j.ManagedTransaction, query: str, batch: list[dict[str, Any]]) -> None:
        tx.run(query, rows=batch).consume()

    def nodes() -> None:
        for cls, group in group_nodes(rows.nodes).items():
            query = f"UNWIND $rows AS r MERGE (n:{cls} {{uri: r.uri}}) SET n += r.props"
            for batch in _batches(group, batch_size):
                store.write(write, query, [{"uri": n.uri, "props": dict(n.props)} for n in batch])

    def rels() -> None:
        for (typ, scls, tcls), group in group_rels(rows.rels).items():
            query = (
                f"UNWIND $rows AS r MATCH (a:{scls} {{uri: r.s}}) MATCH (b:{tcls} {{uri: r.o}}) "
                f"MERGE (a)-[e:{typ}]->(b)"
            )
            for batch in _batches(group, batch_size):
                store.write(write, query, [{"s": r.source, "o": r.target} for r in batch])

    return timed(nodes), timed(rels)


def run_naive(store: Store, rows: GraphRows, sample: int) -> tuple[float, float, int, int]:
    """Seconds for one statement per row: ``sample`` relationships and the nodes they join."""
    rels = list(rows.rels[:sample])
    ends = {r.source for r in rels} | {r.target for r in rels}
    nodes = [n for n in rows.nodes if n.uri in ends]

    def one(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> None:
        tx.run(query, params).consume()

    def write_nodes() -> None:
        for n in nodes:
            query = f"MERGE (n:{n.cls} {{uri: $uri}}) SET n += $props"
            store.write(one, query, {"uri": n.uri, "props": dict(n.props)})

    def write_rels() -> None:
        for r in rels:
            query = (
                f"MATCH (a:{r.source_cls} {{uri: $s}}) MATCH (b:{r.target_cls} {{uri: $o}}) "
                f"MERGE (a)-[:{r.type}]->(b)"
            )
            store.write(one, query, {"s": r.source, "o": r.target})

    return timed(write_nodes), timed(write_rels), len(nodes), len(rels)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--people", type=int, default=20_000, help="persons (nodes = 2.7x, relationships = 5x)"
    )
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=2000, help="rows of the naive baseline")
    parser.add_argument("--repeat", type=int, default=2, help="runs of kg and raw; the best counts")
    parser.add_argument(
        "--home", type=Path, default=None, help="local server home (default: a temporary one)"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        home = args.home or Path(tmp)
        started = server.start(home, port=0)
        state = started.state
        try:
            rows = synthetic_rows(args.people)
            n_nodes, n_rels = len(rows.nodes), len(rows.rels)
            print(f"synthetic graph: {n_nodes} nodes, {n_rels} relationships; batch size {args.batch_size}")
            print(f"server: {state.uri} ({home})")

            # Warm the JVM's JIT on a small load of each kind so that neither measured run pays for it.
            warm = synthetic_rows(3000)
            with fresh_store(state, "bench_warm") as store:
                run_raw(store, warm, args.batch_size)
            with fresh_store(state, "bench_warm") as store:
                run_kg(store, warm, args.batch_size)
            server.drop_database(state, "bench_warm")
            # Alternate the two, best of --repeat each: the server's speed drifts as its files grow.
            raw_n = raw_r = kg_n = kg_r = float("inf")
            for _ in range(args.repeat):
                with fresh_store(state, "bench_raw") as store:
                    n, r = run_raw(store, rows, args.batch_size)
                    raw_n, raw_r = min(raw_n, n), min(raw_r, r)
                server.drop_database(state, "bench_raw")
                with fresh_store(state, "bench_kg") as store:
                    n, r = run_kg(store, rows, args.batch_size)
                    kg_n, kg_r = min(kg_n, n), min(kg_r, r)
                    # The same load again: everything merges, nothing is created.
                    again = load_rows(store, rows, batch_size=args.batch_size, schema=False)
                    assert again.nodes_created == 0 and again.rels_created == 0
                    assert store.read("MATCH (n) RETURN count(n) AS c")[0]["c"] == n_nodes
                    assert store.read("MATCH ()-[e]->() RETURN count(e) AS c")[0]["c"] == n_rels
                server.drop_database(state, "bench_kg")
            with fresh_store(state, "bench_naive") as store:
                nv_n, nv_r, nv_nodes, nv_rels = run_naive(store, rows, args.sample)
            for name in ("bench_raw", "bench_kg", "bench_naive"):
                server.drop_database(state, name)
        finally:
            if not started.already_running:
                server.stop(home)

    rates = {
        "kg load": (n_nodes / kg_n, n_rels / kg_r),
        "raw UNWIND MERGE": (n_nodes / raw_n, n_rels / raw_r),
        f"naive (sample {nv_nodes}/{nv_rels})": (nv_nodes / nv_n, nv_rels / nv_r),
    }
    print(f"{'':28} {'nodes/s':>10} {'rels/s':>10}")
    for name, (nps, rps) in rates.items():
        print(f"{name:28} {nps:10.0f} {rps:10.0f}")
    kg_rates, raw_rates = rates["kg load"], rates["raw UNWIND MERGE"]
    naive_rates = next(v for k, v in rates.items() if k.startswith("naive"))
    print(f"{'kg / raw':28} {kg_rates[0] / raw_rates[0]:10.2f} {kg_rates[1] / raw_rates[1]:10.2f}")
    print(f"{'kg / naive':28} {kg_rates[0] / naive_rates[0]:10.1f} {kg_rates[1] / naive_rates[1]:10.1f}")
    total_kg = (n_nodes + n_rels) / (kg_n + kg_r)
    total_raw = (n_nodes + n_rels) / (raw_n + raw_r)
    print(
        f"overall rows/s: kg {total_kg:.0f}, raw {total_raw:.0f} ({total_kg / total_raw:.0%} of the ceiling)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
