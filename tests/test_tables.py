"""`kg export --format tables`: tidy CSV (and Parquet) with a Frictionless data dictionary."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import Article
from kg.pipeline import extract_articles
from kg.tables import TABLES, datapackage, table_rows, write_tables

ROOT = Path(__file__).parents[1]
TEXT = (
    "2021年3月,十三届江苏省委第三轮巡视启动。江苏省委第五巡视组进驻南京市鼓楼区开展常规巡视。"
    "江苏省委第五巡视组组长王建华在动员会上讲话。"
    "近日,在十三届省委第三轮巡视进驻省水利厅党组期间,省水利厅原副厅长李明远主动投案。"
    "2021年,江苏全省巡视发现问题1200余个。省委印发《关于加强巡视整改的意见》。"
)


@pytest.fixture(scope="module")
def graph():
    article = Article(id="t1", text=TEXT, date="2021-04-20", url="https://example.org/t1", title="江苏")
    return extract_articles([article]).graph


@pytest.fixture(scope="module")
def folder(graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    write_tables(graph, out)
    return out


def _csv(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_inspections_carry_round_committee_team_target_region_and_source(folder):
    rows = {r["target"]: r for r in _csv(folder, "inspections")}
    gulou = rows["南京市鼓楼区"]
    assert gulou["round"] == "十三届江苏省委第三轮巡视" and gulou["term"] == "13" and gulou["ordinal"] == "3"
    assert gulou["committee"] == "中共江苏省委" and gulou["team"] == "江苏省委第五巡视组"
    assert gulou["target_region_code"] == "320106" and gulou["target_class"] == "Region"
    assert gulou["inspection_type"] == "常规"
    assert (gulou["article_id"], gulou["article_url"], gulou["article_date"]) == (
        "t1",
        "https://example.org/t1",
        "2021-04-20",
    )
    assert gulou["evidence"] == "江苏省委第五巡视组进驻南京市鼓楼区开展常规巡视。"
    water = rows["江苏省水利厅党组"]
    assert water["target_region_code"] == "320000" and water["team"] == ""


def test_persons_events_teams_statistics_documents(folder):
    persons = {r["person"]: r for r in _csv(folder, "persons")}
    assert persons["李明远"]["post"] == "江苏省水利厅副厅长" and persons["李明远"]["former"] == "true"
    assert persons["王建华"]["title"] == "组长" and persons["王建华"]["former"] == "false"
    (team,) = _csv(folder, "teams")
    assert team["leaders"] == "王建华" and team["number"] == "5" and team["inspections"] == "1"
    (event,) = _csv(folder, "events")
    assert event["event_type"] == "Surrender" and event["person"] == "李明远"
    assert event["during_inspection"] == "十三届江苏省委第三轮巡视·江苏省水利厅党组"
    (stat,) = _csv(folder, "statistics")
    assert (stat["measure"], stat["measure_zh"], stat["value"], stat["unit"]) == (
        "problemsFound",
        "发现问题数",
        "1200",
        "个",
    )
    assert stat["approximate"] == "true" and stat["period"] == "2021"
    assert (stat["scope"], stat["scope_class"], stat["scope_region_code"]) == ("江苏省", "Region", "320000")
    (doc,) = _csv(folder, "documents")
    assert doc["name"] == "关于加强巡视整改的意见" and doc["issued_by"] == "中共江苏省委"


def test_the_data_package_describes_every_column_of_every_file(folder):
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    names = {r["name"] for r in package["resources"]}
    assert names == {"inspections", "rounds", "teams", "persons", "events", "statistics", "documents"}
    for resource in package["resources"]:
        with (folder / resource["path"]).open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
            rows = list(csv.reader(fh))
        fields = resource["schema"]["fields"]
        assert header == [f["name"] for f in fields], resource["name"]
        assert resource["rows"] == len(rows)
        for f in fields:
            assert f["type"] in ("string", "integer", "number", "boolean") and f["description"].strip()
            column = [row[header.index(f["name"])] for row in rows]
            for cell in filter(None, column):
                if f["type"] == "integer":
                    int(cell)
                elif f["type"] == "number":
                    float(cell)
                elif f["type"] == "boolean":
                    assert cell in ("true", "false")
    assert datapackage()["resources"][0]["schema"]["fields"][0]["name"] == "id"


def test_pandas_reads_the_files_with_the_right_types(folder):
    pd = pytest.importorskip("pandas")
    stats = pd.read_csv(folder / "statistics.csv", dtype={"scope_region_code": str})
    assert stats["value"].dtype.kind in "if" and stats["approximate"].dtype == bool
    assert stats.loc[0, "scope_region_code"] == "320000"
    inspections = pd.read_csv(folder / "inspections.csv")
    assert len(inspections) == 2 and set(inspections["committee"]) == {"中共江苏省委"}
    for table in TABLES:
        frame = pd.read_csv(folder / f"{table.name}.csv")
        assert list(frame.columns) == [c["name"] for c in _fields(table.name)]


def _fields(name: str) -> list[dict[str, str]]:
    return next(r for r in datapackage()["resources"] if r["name"] == name)["schema"]["fields"]


def test_parquet_when_pyarrow_is_installed(folder, graph, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(folder / "statistics.parquet")
    assert table.schema.field("value").type == "double" and table.schema.field("approximate").type == "bool"
    assert table.to_pylist()[0]["scope"] == "江苏省"
    write_tables(graph, tmp_path / "no-parquet", parquet=False)
    assert not list((tmp_path / "no-parquet").glob("*.parquet"))


def test_rows_per_article_that_states_them(graph):
    from kg.pipeline import extract_articles

    two = extract_articles(
        [
            Article(id="a", text="江苏省委第五巡视组进驻南京市鼓楼区开展常规巡视。", date="2021-04-01"),
            Article(id="b", text="江苏省委第五巡视组进驻南京市鼓楼区开展巡视。", date="2021-04-02"),
        ]
    ).graph
    rows = table_rows(two, "teams")
    assert sorted(r["article_id"] for r in rows) == ["a", "b"]
    assert {r["id"] for r in rows} == {rows[0]["id"]}


def test_a_file_or_stdout_is_refused(graph, tmp_path):
    (tmp_path / "x").write_text("")
    with pytest.raises(InputError, match="is a file; --format tables writes a folder"):
        write_tables(graph, tmp_path / "x")
    with pytest.raises(InputError, match="give -o DIR"):
        write_tables(graph, "-")


@pytest.mark.db
def test_kg_export_format_tables_reads_the_database(kg_store, kg_settings, graph, tmp_path):
    from kg.store import server
    from kg.store.load import load_graph

    load_graph(kg_store, graph)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env |= {
        "NEO4J_URI": kg_settings.uri,
        "NEO4J_USERNAME": kg_settings.user,
        "NEO4J_PASSWORD": server.read_password(kg_settings.local.home),
        "NEO4J_DATABASE": kg_settings.database,
    }
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "export", "--format", "tables", "-o", str(tmp_path / "t")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "as tables ->" in done.stderr
    from_db = {r["target"]: r for r in _csv(tmp_path / "t", "inspections")}
    assert from_db["南京市鼓楼区"]["evidence"] == "江苏省委第五巡视组进驻南京市鼓楼区开展常规巡视。"
    assert from_db["南京市鼓楼区"]["target_region_code"] == "320106"
