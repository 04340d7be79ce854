"""Shared fixtures. Database fixtures: one local Bolt server per test session, a fresh database per module."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import server
from kg.store.connect import Settings, Store, connect


@pytest.fixture(scope="session")
def kg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[server.ServerState]:
    """The local server, started once on a free loopback port in a temporary home."""
    home = tmp_path_factory.mktemp("kg-home")
    state = server.start(home, port=0).state
    try:
        yield state
    finally:
        server.stop(home)


def _settings(state: server.ServerState, database: str) -> Settings:
    return Settings(
        uri=state.uri,
        user=server.USER,
        password=server.read_password(state.home),
        database=database,
        local=state,
        retry_time=5.0,
    )


@pytest.fixture(scope="module")
def kg_database(kg_server: server.ServerState, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database of its own for the test module, dropped afterwards."""
    stem = re.sub(r"[^A-Za-z0-9]", "_", Path(str(request.fspath)).stem)[:40]
    name = f"t_{stem}_{uuid.uuid4().hex[:6]}"
    server.create_database(kg_server, name)
    try:
        yield name
    finally:
        server.drop_database(kg_server, name)


@pytest.fixture(scope="module")
def kg_settings(kg_server: server.ServerState, kg_database: str) -> Settings:
    """Connection settings of the module's database."""
    return _settings(kg_server, kg_database)


@pytest.fixture(scope="module")
def kg_store(kg_settings: Settings) -> Iterator[Store]:
    """An open store on the module's database."""
    with connect(kg_settings) as store:
        yield store


@pytest.fixture
def kg_fresh_store(kg_server: server.ServerState) -> Iterator[Store]:
    """An open store on a new, empty database of its own, dropped after the test."""
    name = f"t_fresh_{uuid.uuid4().hex[:8]}"
    server.create_database(kg_server, name)
    try:
        with connect(_settings(kg_server, name)) as store:
            yield store
    finally:
        server.drop_database(kg_server, name)
