"""Shared fixtures. Database fixtures: one local Bolt server per test session, a fresh database per module."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from _pytest.doctest import DoctestModule

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


TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> Iterator[list[pytest.Collector]]:
    """Doctests are collected from the package (``--doctest-modules``), not from the test files."""
    collected: list[pytest.Collector] = yield  # type: ignore[misc]
    return [c for c in collected if not isinstance(c, DoctestModule)]


def expected_test_files() -> list[Path]:
    """Every test file under ``tests/`` and every module of ``kg`` (for its docstring examples)."""
    files = sorted(p for p in TESTS.rglob("test_*.py") if "__pycache__" not in p.parts)
    return files + sorted(p for p in (ROOT / "kg").rglob("*.py") if "__pycache__" not in p.parts)


def missing_files(config: pytest.Config, items: list[pytest.Item]) -> list[str]:
    """Test files a whole-suite run did not collect anything from (empty when run on chosen paths)."""
    if config.args_source is not pytest.Config.ArgsSource.TESTPATHS:
        return []
    seen = {Path(str(item.path)).resolve() for item in items}
    missing = []
    for path in expected_test_files():
        if path in seen:
            continue
        # A module of the package without docstring examples has nothing to collect.
        if path.relative_to(ROOT).parts[0] == "kg" and ">>>" not in path.read_text(encoding="utf-8"):
            continue
        missing.append(str(path.relative_to(ROOT)))
    return missing


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """The whole suite fails when a test folder or file is silently not collected (``norecursedirs``...)."""
    missing = missing_files(config, items)
    if missing:
        raise pytest.UsageError("test files not collected: " + ", ".join(missing))
