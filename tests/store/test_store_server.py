"""The local server's lifecycle through the CLI, credentials errors, and a server killed mid-load."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib.compare import isomorphic
from store_graphs import first_article, synthetic

from kg.errors import ConfigError, StoreError
from kg.export import write_rdf
from kg.store import server
from kg.store.connect import Settings, connect, resolve_settings
from kg.store.load import load_graph
from kg.store.mapping import graph_to_rows
from kg.store.readback import read_graph

pytestmark = pytest.mark.db


def kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    return subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        timeout=180,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_db_start_status_load_export_stop(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = tmp_path / "a.ttl"
    write_rdf(first_article(), data)
    started = kg("db", "start", "--home", str(home), "--port", "0")
    assert started.returncode == 0, started.stderr
    assert "local server started: bolt://127.0.0.1:" in started.stderr
    assert oct((home / "password").stat().st_mode & 0o777) == "0o600"
    again = kg("db", "start", "--home", str(home))
    assert "already running" in again.stderr
    loaded = kg("load", str(data), "--home", str(home), "--quiet")
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stderr == ""
    out = tmp_path / "b.ttl"
    exported = kg("export", "-o", str(out), "--home", str(home))
    assert exported.returncode == 0, exported.stderr
    from kg.export import parse_rdf

    assert isomorphic(parse_rdf(out), parse_rdf(data))
    status = kg("db", "status", "--home", str(home))
    assert status.returncode == 0, status.stderr
    assert "URI:      bolt://127.0.0.1:" in status.stdout and "database: kg" in status.stdout
    assert "PartyCommittee" in status.stdout and "running (pid" in status.stdout
    password = (home / "password").read_text()
    for result in (started, loaded, exported, status):
        assert password not in result.stdout + result.stderr
    stopped = kg("db", "stop", "--home", str(home))
    assert stopped.returncode == 0 and "stopped the local server" in stopped.stderr
    after = kg("db", "status", "--home", str(home))
    assert after.returncode == 1 and "not running" in after.stdout


def test_port_in_use_and_stale_pid_file_get_one_line_messages(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        busy = kg("db", "start", "--home", str(home), "--port", str(port))
    assert busy.returncode == 1
    assert busy.stderr.strip() == (
        f"kg: error: port {port} on 127.0.0.1 is in use by another program; start the local server on "
        "another port with --port (0 picks a free one)"
    )
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    home.mkdir(exist_ok=True)
    (home / "server.pid").write_text(str(dead.pid))
    crashed = kg("db", "status", "--home", str(home))
    assert crashed.returncode == 1
    assert len(crashed.stderr.strip().splitlines()) == 1
    assert f"the local server (pid {dead.pid}) is not running but left its pid file" in crashed.stderr
    stopped = kg("db", "stop", "--home", str(home))
    assert "removed a stale pid file" in stopped.stderr
    assert not (home / "server.pid").exists()


def test_wrong_password_and_unreachable_server_are_one_line_errors(
    kg_server: server.ServerState, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEO4J_URI", kg_server.uri)
    monkeypatch.setenv("NEO4J_USERNAME", "root")
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    with pytest.raises(StoreError, match="NEO4J_PASSWORD") as wrong:
        connect(resolve_settings())
    assert "\n" not in str(wrong.value) and "not-the-password" not in str(wrong.value)
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    with pytest.raises(StoreError, match="NEO4J_URI") as unreachable:
        connect(resolve_settings())
    assert "\n" not in str(unreachable.value)
    monkeypatch.setenv("NEO4J_URI", "http://127.0.0.1:7474")
    with pytest.raises(ConfigError, match="NEO4J_URI"):
        resolve_settings()
    monkeypatch.setenv("NEO4J_URI", kg_server.uri)
    monkeypatch.delenv("NEO4J_PASSWORD")
    with pytest.raises(ConfigError, match="NEO4J_PASSWORD"):
        resolve_settings()
    monkeypatch.setenv("NEO4J_PASSWORD", server.read_password(kg_server.home))
    with pytest.raises(ConfigError, match="NEO4J_DATABASE"):
        connect(resolve_settings(database="no_such_database"))
    data = tmp_path / "a.ttl"
    write_rdf(first_article(), data)
    cli = kg(
        "load",
        str(data),
        env={"NEO4J_URI": kg_server.uri, "NEO4J_USERNAME": "root", "NEO4J_PASSWORD": "wrong-pw"},
    )
    assert cli.returncode == 1
    assert cli.stderr.startswith("kg: error: authentication failed") and "NEO4J_PASSWORD" in cli.stderr
    assert len(cli.stderr.strip().splitlines()) == 1 and "wrong-pw" not in cli.stderr


def test_server_killed_between_batches_then_rerun_completes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    state = server.start(home, port=0).state
    try:
        graph = synthetic(400)
        rows = graph_to_rows(graph)
        settings = Settings(
            uri=state.uri,
            user=server.USER,
            password=server.read_password(home),
            database="kg",
            local=state,
            retry_time=1.0,
        )
        batches = 0

        def kill_after_three(kind: str, count: int) -> None:
            nonlocal batches
            batches += 1
            if batches == 3:
                os.kill(state.pid, signal.SIGKILL)

        with connect(settings) as store, pytest.raises(StoreError, match="cannot reach"):
            from kg.store.load import load_rows

            load_rows(store, rows, batch_size=100, progress=kill_after_three)
        assert server.status(home).problem is not None
        restarted = server.start(home, port=state.port)
        assert any("stale pid file" in note for note in restarted.notes)
        assert restarted.state.port == state.port
        with connect(settings) as store:
            summary = load_graph(store, graph, batch_size=100)
            # The three batches committed before the kill survived: the article, the ten
            # organizations and the first hundred persons.
            assert summary.nodes_merged == 1 + 10 + 100
            assert summary.nodes_created + summary.nodes_merged == len(rows.nodes)
            again = load_graph(store, graph, batch_size=100)
            assert (again.nodes_created, again.rels_created) == (0, 0)
            assert store.read("MATCH (n) RETURN count(n) AS c")[0]["c"] == len(rows.nodes)
            assert store.read("MATCH ()-[e]->() RETURN count(e) AS c")[0]["c"] == len(rows.rels)
            assert isomorphic(read_graph(store), graph)
    finally:
        server.stop(home)
