"""The library verbs at ``kg``: from Python, without the command line having run."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.errors import InputError
from kg.terms import ACSN

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-zjrb-20200110.txt"


def test_a_fresh_interpreter_exports_every_format_without_the_cli(tmp_path):
    script = textwrap.dedent(
        f"""
        import json, sys
        import kg
        graph = kg.extract({str(SEED)!r})
        out = {str(tmp_path)!r}
        names = [kg.export(graph, out + "/g" + suffix) for suffix in (".ttl", ".gexf", ".graphml")]
        names.append(kg.export(graph, out + "/tables", fmt="tables"))
        names.append(kg.export(graph, out + "/admin", fmt="neo4j-admin"))
        print(json.dumps({{"names": names, "cli": "kg.cli" in sys.modules, "triples": len(graph)}}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["names"] == ["turtle", "gexf", "graphml", "tables", "neo4j-admin"]
    assert result["cli"] is False
    written = Graph().parse(tmp_path / "g.ttl")
    assert len(written) == result["triples"]
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() > 10
    assert (tmp_path / "tables" / "datapackage.json").is_file()
    assert list((tmp_path / "admin").glob("*.csv"))


def test_extract_takes_paths_and_articles_alike():
    from_path = kg.extract(SEED)
    article = kg.read_articles(SEED)[0]
    from_article = kg.extract([article])
    assert isomorphic(from_path, from_article)
    assert any(from_path.triples((None, None, ACSN.InspectionTeam)))


def test_modules_that_are_verbs_stay_modules():
    import kg.extract as extract_module

    assert callable(kg.extract) and kg.extract is extract_module
    assert callable(extract_module.extract)
    assert kg.validate(kg.extract(SEED)).conforms


def test_viewer_and_validation_from_a_file(tmp_path):
    ttl = tmp_path / "g.ttl"
    kg.export(kg.extract(SEED), ttl)
    assert kg.validate(ttl).conforms
    page = kg.viz(ttl, tmp_path / "g.html")
    assert page.nodes > 10
    assert (tmp_path / "g.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_unreadable_input_is_a_one_line_kg_error(tmp_path):
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(InputError, match=r"nowhere\.txt"):
        kg.extract(missing)
    folder = tmp_path / "out"
    folder.write_text("a file where a folder is expected", encoding="utf-8")
    with pytest.raises(kg.KgError) as info:
        kg.export(kg.extract(SEED), folder / "g.ttl")
    assert "\n" not in str(info.value) and str(folder) in str(info.value)


@pytest.mark.db
def test_load_query_and_export_through_the_verbs(kg_settings, monkeypatch, tmp_path):
    monkeypatch.setenv("NEO4J_PASSWORD", kg_settings.password)
    graph = kg.extract(SEED)
    with kg.connect(kg_settings.uri, user=kg_settings.user, database=kg_settings.database) as store:
        summary = kg.load(graph, store)
        assert summary.nodes_created > 10
        rows = kg.query("rounds", store).rows
        assert rows and any("巡视" in json.dumps(row, ensure_ascii=False) for row in rows)
        assert kg.export(store, tmp_path / "db.ttl") == "turtle"
    read_back = Graph().parse(tmp_path / "db.ttl")
    assert set(read_back.subjects(None, ACSN.InspectionTeam)) == set(
        graph.subjects(None, ACSN.InspectionTeam)
    )
