"""The local server's files are its user's alone, and a lockout is reported as a lockout."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import neo4j
import pytest

from kg.errors import StoreError
from kg.store import server
from kg.store.connect import Settings, connect

pytestmark = pytest.mark.db


def test_files_are_private_and_a_lockout_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    state = server.start(home, port=0).state
    try:
        for root, dirs, files in os.walk(home):
            for name in [*dirs, *files]:
                path = Path(root) / name
                if path.name == "server.log":
                    continue  # opened by the launcher before the server starts; inside the 0700 home
                mode = stat.S_IMODE(path.stat().st_mode)
                assert mode & 0o077 == 0, f"{path}: {oct(mode)}"
        assert stat.S_IMODE(home.stat().st_mode) == 0o700
        for _ in range(6):  # anyone on the machine can send wrong passwords to the port
            with (
                pytest.raises(neo4j.exceptions.AuthError),
                neo4j.GraphDatabase.driver(state.uri, auth=(server.USER, "wrong")) as driver,
            ):
                driver.verify_connectivity()
        settings = Settings(
            uri=state.uri,
            user=server.USER,
            password=server.read_password(home),
            database=state.database,
            local=state,
            retry_time=1.0,
        )
        with pytest.raises(StoreError, match="locked out after repeated wrong passwords; try again in 30 s"):
            connect(settings).close()
    finally:
        server.stop(home)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(StoreError) as lost:
        connect(settings).close()
    assert str(lost.value).startswith(f"cannot reach the local server at {state.uri} (home {home})")
    assert "NEO4J_URI" not in str(lost.value)
