"""``kg query list|show|run`` and ``kg cypher`` through Typer's runner, against the corpus database."""

from __future__ import annotations

import csv
import io
import json

import pytest
import typer
from typer.testing import CliRunner

from kg.cli.query import register
from kg.errors import KgError
from kg.store import server
from kg.store.connect import Settings, Store

pytestmark = pytest.mark.db


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """The kg app, with the query commands only."""

    register(app)
    return app


def _env(settings: Settings) -> dict[str, str]:
    assert settings.local is not None
    return {
        "COLUMNS": "250",  # tables are fitted to the terminal's width
        "NEO4J_URI": settings.uri,
        "NEO4J_USERNAME": settings.user,
        "NEO4J_PASSWORD": server.read_password(settings.local.home),
        "NEO4J_DATABASE": str(settings.database),
    }


@pytest.fixture(scope="module")
def invoke(app: typer.Typer, corpus_store: Store, kg_settings: Settings):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    env = _env(kg_settings)

    def call(*args: str, env_override: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), env={**env, **(env_override or {})})

    return call


def test_list_and_show(invoke) -> None:  # type: ignore[no-untyped-def]
    listed = invoke("query", "list")
    assert listed.exit_code == 0
    assert "round-targets" in listed.stdout and "一轮巡视的巡视对象与巡视组" in listed.stdout
    shown = invoke("query", "show", "neighbourhood")
    assert shown.exit_code == 0
    assert "depth (int:1..4, default 2" in shown.stdout and "MATCH (n)" in shown.stdout


def test_run_json(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("query", "run", "team-targets", "-p", "team=浙江省委第一巡视组", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["ordinal"], r["target"]) for r in rows] == [(1, "浙江省交通运输厅党组"), (2, "宁波市镇海区")]


def test_run_csv(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("query", "run", "measure-by-province", "-p", "measure=problemsFound", "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["province"], r["year"], r["largest"]) for r in rows] == [
        ("江苏省", "2021", "1200"),
        ("江苏省", "2022", "1500"),
        ("浙江省", "2021", "800"),
        ("浙江省", "2022", "950"),
    ]


def test_run_table(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("query", "run", "neighbourhood", "-p", "entity=张建国", "-p", "depth=1")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["distance", "neighbour", "label", "via", "uri"]
    assert any(line.split()[:4] == ["1", "张建国主动投案", "Surrender", "INVOLVES"] for line in lines)
    assert lines[-1] == "(2 rows)"


def test_run_table_fits_the_terminal(invoke) -> None:  # type: ignore[no-untyped-def]
    from rich.cells import cell_len

    result = invoke(
        "query",
        "run",
        "neighbourhood",
        "-p",
        "entity=张建国",
        "-p",
        "depth=1",
        env_override={"COLUMNS": "60"},
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= 60 for line in lines[:-1])
    assert any(line.rstrip().endswith("…") or "… " in line for line in lines[2:-1])  # the uri column is cut
    assert "--format csv or json shows them whole" in lines[-1]
    whole = invoke("query", "run", "neighbourhood", "-p", "entity=张建国", "-p", "depth=1", "-f", "csv")
    assert "https://w3id.org/acsn/id/" in whole.stdout and "…" not in whole.stdout


def test_bad_parameter_is_a_kg_error(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("query", "run", "neighbourhood", "-p", "depth=deep")
    assert isinstance(result.exception, KgError)
    assert str(result.exception) == "query 'neighbourhood': parameter 'depth' must be an integer, not 'deep'"


def test_server_error_names_the_query(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "broken.cypher").write_text(
        "// name: broken\n// title.zh: 坏\n// title.en: Broken\n// answers: nothing\n// column: x | x\n"
        "MATCH (n RETURN n AS x\n",
        encoding="utf-8",
    )
    result = invoke("query", "run", "broken", "--library", str(tmp_path))
    assert isinstance(result.exception, KgError)
    message = str(result.exception)
    assert message.startswith("query 'broken' failed: ") and "refused" in message


def test_cypher_reads_and_refuses_writes(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "cypher",
        "MATCH (r:Region) WHERE r.adminLevel = $level RETURN r.name AS name ORDER BY name",
        "-p",
        "level=province",
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"name": "江苏省"}, {"name": "浙江省"}]
    refused = invoke("cypher", "CREATE (n:Scratch) RETURN n")
    assert isinstance(refused.exception, KgError) and "--write" in str(refused.exception)


def test_cypher_write(app: typer.Typer, kg_fresh_store: Store) -> None:
    runner = CliRunner()
    env = _env(kg_fresh_store.settings)
    created = runner.invoke(
        app, ["cypher", "--write", "CREATE (n:Scratch {name: 'x'}) RETURN n.name AS name"], env=env
    )
    assert created.exit_code == 0, created.output
    counted = runner.invoke(app, ["cypher", "MATCH (n:Scratch) RETURN count(n) AS n", "-f", "json"], env=env)
    assert json.loads(counted.stdout) == [{"n": 1}]
