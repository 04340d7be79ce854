"""Two ``kg load`` at once on overlapping inputs: both exit 0 and nothing is doubled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.store import server
from kg.store.connect import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "queries" / "articles.jsonl"
EXAMPLES = ROOT / "examples"

pytestmark = pytest.mark.db


def test_two_loads_at_once_double_nothing(kg_fresh_store: Store) -> None:
    settings = kg_fresh_store.settings
    assert settings.local is not None
    env = {
        **os.environ,
        "NEO4J_URI": settings.uri,
        "NEO4J_USERNAME": settings.user,
        "NEO4J_PASSWORD": server.read_password(settings.local.home),
        "NEO4J_DATABASE": str(settings.database),
        "KG_HOME": str(settings.local.home),
    }
    kg = [sys.executable, "-m", "kg.cli", "load", "-q", "--batch-size", "50"]
    loads = [
        subprocess.Popen([*kg, str(CORPUS), str(EXAMPLES)], env=env, stderr=subprocess.PIPE),
        subprocess.Popen([*kg, str(EXAMPLES), str(CORPUS)], env=env, stderr=subprocess.PIPE),
    ]
    for proc in loads:
        _, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err.decode()
    nodes = kg_fresh_store.read("MATCH (n) WITH n.uri AS uri, count(*) AS c WHERE c > 1 RETURN count(*) AS d")
    assert nodes[0]["d"] == 0
    rels = kg_fresh_store.read(
        "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(r) AS c WHERE c > 1 RETURN count(*) AS d"
    )
    assert rels[0]["d"] == 0
    total = kg_fresh_store.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    assert total > 100
