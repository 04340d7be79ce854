"""Two ``kg load`` at once on overlapping inputs: both exit 0 and nothing is doubled."""

from __future__ import annotations

import os
import subprocess
import sys
import time
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


def _status(home: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "db", "status", "--home", str(home)],
        capture_output=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")},
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def test_a_killed_load_is_recorded_and_kg_db_status_says_so(kg_fresh_store: Store) -> None:
    settings = kg_fresh_store.settings
    assert settings.local is not None
    home = Path(settings.local.home)
    # the local server named by its home (no URI): its loads are recorded in that home
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(KG_HOME=str(home), NEO4J_DATABASE=str(settings.database))
    kg = [sys.executable, "-m", "kg.cli", "load", "-q", "--batch-size", "5", str(EXAMPLES)]
    proc = subprocess.Popen(kg, env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        markers: list[Path] = []
        while time.monotonic() < deadline and not markers and proc.poll() is None:
            markers = list(home.glob("load-*.lock.incomplete"))
            time.sleep(0.05)
        assert markers, "the load never recorded itself as running"
        proc.kill()
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    line = f"incomplete load: database {settings.database}, started "
    assert line in _status(home)
    again = subprocess.run(kg, env=env, capture_output=True, timeout=240)
    assert again.returncode == 0, again.stderr.decode()
    assert line not in _status(home)
