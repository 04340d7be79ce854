"""Read-only means read-only: the parsed allow-list, and the rolled-back read transaction behind it.

The attacks are those that changed data on the local server before (GQL INSERT and the
writing procedures that ArcadeDB executes even in a READ transaction), plus the plain
writing clauses. Each must leave the database as it was, through ``kg cypher``,
``kg viz --from-db --cypher`` and a library file given with ``kg query run --library``,
and each must be refused with one line that says why, exit code 1.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_graphs import run_kg

from kg.errors import KgError
from kg.queries import load_library
from kg.store.connect import Store
from kg.store.query import run
from kg.store.readonly import read_only_problem

DELETE_ALL = "CALL do.when(true, 'MATCH (n) DETACH DELETE n RETURN 1 AS x', '', {}) YIELD value RETURN value"

#: Statements that write (or may), whatever they look like.
ATTACKS = [
    DELETE_ALL,
    "CALL apoc.do.when(true, 'MATCH (n) DETACH DELETE n RETURN 1 AS x', '', {}) YIELD value RETURN value",
    "INSERT (:Scratch {a: 1})",
    "MATCH (n:Probe) INSERT (:Scratch {a: 1})",
    "CALL apoc.merge.node(['Scratch'], {a: 2}) YIELD node RETURN node",
    "CALL merge.node(['Scratch'], {a: 2}) YIELD node RETURN node",
    "MATCH (a:Probe), (b:Probe) WHERE a.i < b.i CALL refactor.mergeNodes([a, b]) YIELD node RETURN node",
    "MATCH (a:Probe) CALL apoc.refactor.mergeNodes([a]) YIELD node RETURN node",
    "MATCH (a:Probe) CALL refactor.cloneNodesWithRelationships([a]) YIELD output RETURN output",
    "MATCH (a:Probe) CALL apoc.refactor.cloneNodesWithRelationships([a]) YIELD output RETURN output",
    "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN value",
    "CALL apoc.cypher.doIt('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN value",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    "MATCH (n:Probe) CALL apoc.create.setProperty(n, 'i', 0) YIELD node RETURN node",
    "RETURN apoc.do.when(true, 'MATCH (n) DETACH DELETE n')",
    "CREATE (:Scratch)",
    "create (:Scratch)",
    "MATCH (n:Probe) DETACH DELETE n",
    "MATCH (n:Probe) DELETE n",
    "MATCH (n:Probe) SET n.i = 0",
    "MATCH (n:Probe) REMOVE n.i",
    "MERGE (:Scratch {a: 1})",
    "MATCH (n:Probe) FOREACH (x IN [1] | CREATE (:Scratch))",
    "MATCH (n:Probe) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS",
    "MATCH (n:Probe) RETURN n; MATCH (n) DETACH DELETE n",
    "MATCH (create) RETURN create",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "DROP INDEX probe IF EXISTS",
    "CREATE INDEX probe IF NOT EXISTS FOR (n:Probe) ON (n.i)",
    "MATCH (n:Probe) /* harmless */ DETACH /* really */ DELETE n",
]

#: Statements that only read, which must still run.
READS = [
    "MATCH (n:Probe) WHERE n.name = 'CREATE' RETURN n.set AS `SET` // DELETE",
    "MATCH (n:Probe) RETURN n.i AS i ORDER BY i DESC SKIP 1 LIMIT 2",
    "MATCH (n:Probe) WITH n, {set: n.i, delete: 1} AS m RETURN m.set AS s ORDER BY s",
    "MATCH (n:Probe) RETURN [x IN range(1, 3) | x * n.i] AS xs, count { (n)--() } AS d",
    "UNWIND [1, 2] AS x RETURN x",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (n:Probe) CALL { WITH n RETURN n.i * 2 AS twice } RETURN twice",
    "MATCH p = (a:Probe)-[:NEXT|LINKED*0..2]->(b) RETURN length(p) AS hops",
]


@pytest.mark.parametrize("statement", ATTACKS)
def test_the_guard_refuses_every_writing_statement(statement: str) -> None:
    assert read_only_problem(statement) is not None


@pytest.mark.parametrize("statement", READS)
def test_the_guard_accepts_reads(statement: str) -> None:
    assert read_only_problem(statement) is None


def test_every_library_query_passes_the_guard() -> None:
    for query in load_library().values():
        assert read_only_problem(query.body) is None, query.name


def test_the_reason_names_what_is_not_allowed() -> None:
    assert read_only_problem(DELETE_ALL) == "the procedure do.when is not known to be read-only"
    assert read_only_problem("INSERT (:X)") == "INSERT is not a reading clause"
    assert read_only_problem("MATCH (n) RETURN n;") is None
    assert read_only_problem("MATCH (n) RETURN frobnicate(n)") == (
        "the function frobnicate is not known to be read-only"
    )


# ---------------------------------------------------------------- against the local server

PROBES = 6


def _count(store: Store) -> int:
    rows = store.read("MATCH (n) RETURN count(n) AS c")
    return int(rows[0]["c"])


@pytest.fixture
def probed(kg_fresh_store: Store) -> Iterator[Store]:
    kg_fresh_store.write(
        lambda tx: tx.run(
            "UNWIND range(1, $n) AS i CREATE (:Probe {i: i, uri: 'urn:probe:' + toString(i)})", n=PROBES
        ).consume()
    )
    assert _count(kg_fresh_store) == PROBES
    yield kg_fresh_store


@pytest.mark.db
def test_a_read_is_rolled_back_even_when_the_server_lets_it_write(probed: Store) -> None:
    """The second layer: the text check bypassed, the statements the server runs change nothing."""
    for statement in (
        DELETE_ALL,
        "INSERT (:Scratch {a: 1})",
        "CREATE (:Scratch)",
        "MATCH (n) DETACH DELETE n",
    ):
        with contextlib.suppress(KgError):  # a refusal is as good as a rollback
            run(probed, statement)
        assert _count(probed) == PROBES, statement


LIBRARY_HEADER = (
    "// name: attack\n// title.zh: 攻击\n// title.en: Attack\n// answers: nothing\n// column: x | x\n"
)


@pytest.mark.db
def test_no_command_runs_a_writing_statement(
    probed: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    for statement in ATTACKS:
        (library / "attack.cypher").write_text(LIBRARY_HEADER + statement + "\n", encoding="utf-8")
        for args in (
            ["cypher", statement],
            ["viz", "--from-db", "--cypher", statement, "-o", str(tmp_path / "x.html")],
            ["query", "run", "attack", "--library", str(library)],
        ):
            code = run_kg(monkeypatch, probed, *args)
            err = capsys.readouterr().err
            assert code == 1, (args, err)
            lines = [line for line in err.splitlines() if line.strip()]
            assert len(lines) == 1 and lines[0].startswith("kg: error: "), (args, err)
            assert "read-only" in lines[0] or "reading clause" in lines[0], lines[0]
            assert _count(probed) == PROBES, args
    assert not (tmp_path / "x.html").exists()


@pytest.mark.db
def test_reads_still_run_through_kg_cypher(
    probed: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_kg(monkeypatch, probed, "cypher", "MATCH (n:Probe) RETURN n.i AS i ORDER BY i", "-f", "csv")
    out = capsys.readouterr().out
    assert code == 0
    assert out.split() == ["i", *[str(i) for i in range(1, PROBES + 1)]]
