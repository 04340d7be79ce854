"""Connection settings, the driver, and what kind of server answers: the one place for server differences.

Settings come from options first, then the environment (``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``). The password is never an
option: it comes from ``NEO4J_PASSWORD`` or, for the local server, from the file in its
home. Without a URI, ``kg`` uses the local server (:mod:`kg.store.server`), starting it
when needed.

The server is identified once, when :func:`connect` opens the driver, from the agent
string of the Bolt handshake (``Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)`` for
ArcadeDB). Everything that differs between servers is a field of :class:`Dialect`.

Example
-------
>>> s = Settings(uri="bolt://db.example:7687", user="neo4j", password="secret", database=None)
>>> "secret" in repr(s)
False
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import neo4j
from neo4j import exceptions as neo_exc

from kg.errors import ConfigError, StoreError
from kg.store import server

__all__ = [
    "SCHEMES",
    "Dialect",
    "Settings",
    "Store",
    "connect",
    "detect_dialect",
    "resolve_settings",
]

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Settings:
    """Where and as whom to connect. The password never appears in ``repr``."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None
    """``None``: the server's default database."""
    local: server.ServerState | None = None
    """The local server, when it is the target."""
    retry_time: float = 30.0
    """Seconds a write transaction is retried on transient errors and lost connections."""

    @property
    def password_source(self) -> str:
        """Where the password came from, to name in error messages."""
        return f"the local server's password file in {self.local.home}" if self.local else "NEO4J_PASSWORD"


@dataclass(frozen=True, slots=True)
class Dialect:
    """What the server is, and how its Cypher differs from Neo4j 5's."""

    name: str
    """``"neo4j"`` or ``"arcadedb"``."""
    agent: str
    """The server's agent string."""
    merge_uses_index_with_labels: bool = True
    """Whether ``MERGE (n:A:B {uri: ...})`` finds the node through the uniqueness index.
    ArcadeDB scans instead (quadratic time), so there nodes are matched on their most
    specific label and the missing ones created with all their labels
    (:func:`kg.store.load.node_queries`)."""

    @property
    def is_arcadedb(self) -> bool:
        """Whether the server is ArcadeDB's Bolt plugin."""
        return self.name == "arcadedb"


def detect_dialect(agent: str) -> Dialect:
    """The dialect of a server from its Bolt agent string.

    Examples
    --------
    >>> detect_dialect("Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)").name
    'arcadedb'
    >>> detect_dialect("Neo4j/5.20.0").merge_uses_index_with_labels
    True
    """
    if "arcadedb" in agent.lower():
        return Dialect(name="arcadedb", agent=agent, merge_uses_index_with_labels=False)
    return Dialect(name="neo4j", agent=agent)


def resolve_settings(
    uri: str | None = None,
    user: str | None = None,
    database: str | None = None,
    *,
    home: Path | None = None,
    port: int | None = None,
    start_local: bool = True,
    retry_time: float = 30.0,
) -> Settings:
    """Settings from options, then the environment, else the local server.

    Parameters
    ----------
    uri, user, database
        Options; each falls back to ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_DATABASE``.
    home, port
        The local server's home and Bolt port, used when no URI is set; the port falls back
        to ``KG_PORT`` (as ``kg db start``), else the server's last port.
    start_local
        Start the local server when it is the target and not running.

    Raises
    ------
    ConfigError
        A URI with an unsupported scheme, or a remote URI without ``NEO4J_PASSWORD``.
    StoreError
        The local server cannot be started.
    """
    uri = uri or os.environ.get("NEO4J_URI") or None
    database = database or os.environ.get("NEO4J_DATABASE") or None
    if uri is None:
        if port is None and os.environ.get("KG_PORT", "").isdigit():
            port = int(os.environ["KG_PORT"])
        if start_local:
            state = server.ensure_running(home, port=port).state
        else:
            current = server.status(home)
            if current.state is None:
                raise StoreError(
                    current.problem or "the local server is not running; start it with `kg db start`"
                )
            state = current.state
        return Settings(
            uri=state.uri,
            user=server.USER,
            password=server.read_password(state.home),
            database=database or state.database,
            local=state,
            retry_time=retry_time,
        )
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in SCHEMES:
        raise ConfigError(f"NEO4J_URI: {_redact(uri)!r} is not a Bolt URI; use one of {', '.join(SCHEMES)}")
    password = os.environ.get("NEO4J_PASSWORD")
    if password is None:
        raise ConfigError(f"NEO4J_PASSWORD is not set; it is needed to connect to {_redact(uri)}")
    return Settings(
        uri=uri,
        user=user or os.environ.get("NEO4J_USERNAME") or "neo4j",
        password=password,
        database=database,
        retry_time=retry_time,
    )


def _redact(uri: str) -> str:
    """A URI without any ``user:password@`` part."""
    return re.sub(r"//[^/@]*@", "//", uri)


class Store:
    """An open connection: the driver, the target database and the server's dialect.

    Use :func:`connect` to make one, as a context manager.
    """

    def __init__(self, settings: Settings, driver: neo4j.Driver, dialect: Dialect) -> None:
        self.settings = settings
        self.driver = driver
        self.dialect = dialect

    @property
    def uri(self) -> str:
        """The URI connected to (without credentials)."""
        return _redact(self.settings.uri)

    @property
    def database(self) -> str | None:
        """The database written to (``None``: the server's default)."""
        return self.settings.database

    def session(self) -> neo4j.Session:
        """A session on the target database."""
        return self.driver.session(database=self.settings.database)

    def write(self, work: Callable[..., _T], *args: Any) -> _T:
        """Run ``work(tx, *args)`` in a managed write transaction, retried on transient errors."""
        try:
            with self.session() as session:
                return session.execute_write(work, *args)
        except neo_exc.Neo4jError as exc:
            raise self.translate(exc) from exc
        except (neo_exc.DriverError, OSError) as exc:
            raise self.translate(exc) from exc

    def read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """The records of a read query, as dictionaries."""

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return tx.run(query, params).data()

        try:
            with self.session() as session:
                return session.execute_read(work)
        except (neo_exc.Neo4jError, neo_exc.DriverError, OSError) as exc:
            raise self.translate(exc) from exc

    def translate(self, exc: BaseException) -> Exception:
        """A one-line :class:`kg.errors.KgError` for a driver exception, naming the setting to check."""
        return _translate(exc, self.settings)

    def close(self) -> None:
        """Close the driver."""
        self.driver.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _first_line(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return str(message).strip().splitlines()[0]


def _is_own_password(settings: Settings) -> bool:
    assert settings.local is not None
    try:
        return settings.password == server.read_password(settings.local.home)
    except (OSError, ConfigError):
        return False


def _translate(exc: BaseException, settings: Settings) -> Exception:
    uri = _redact(settings.uri)
    if isinstance(exc, neo_exc.AuthError):
        if settings.local is not None and _is_own_password(settings):
            # the right password refused: the server locks logins out for a while after
            # repeated wrong passwords, which anyone on this machine can send to its port
            return StoreError(
                f"the local server at {uri} refuses its own password ({settings.password_source}): "
                "logins are locked out after repeated wrong passwords; try again in 30 s"
            )
        return StoreError(
            f"authentication failed for user {settings.user!r} at {uri}: check {settings.password_source}"
            + ("" if settings.local else " and NEO4J_USERNAME")
        )
    if isinstance(exc, neo_exc.ServiceUnavailable | neo_exc.SessionExpired | OSError):
        hint = (
            "check the server with `kg db status`, or restart it with `kg db stop` and `kg db start`"
            if settings.local
            else "check that the server runs and listens there, the URI's scheme (bolt+s:// for TLS), "
            "or unset NEO4J_URI to use the local server"
        )
        if settings.local is not None and not os.environ.get("NEO4J_URI"):
            return StoreError(
                f"cannot reach the local server at {uri} (home {settings.local.home}): "
                f"{_first_line(exc)}; {hint}"
            )
        return StoreError(f"cannot reach the graph database at {uri} (NEO4J_URI): {_first_line(exc)}; {hint}")
    code = getattr(exc, "code", None) or ""
    if code == "Neo.ClientError.Database.DatabaseNotFound":
        return ConfigError(f"NEO4J_DATABASE: database {settings.database!r} does not exist at {uri}")
    if isinstance(exc, neo_exc.ConstraintError):
        return StoreError(f"constraint violated at {uri}: {_first_line(exc)}")
    return StoreError(f"the graph database at {uri} refused the operation: {_first_line(exc)}")


def connect(settings: Settings | None = None, **options: Any) -> Store:
    """Open the driver, check the credentials and identify the server.

    Parameters
    ----------
    settings
        Resolved settings; by default ``resolve_settings(**options)``.

    Raises
    ------
    StoreError
        Wrong credentials or an unreachable server (one line, naming the setting).
    ConfigError
        An invalid URI or a database that does not exist.
    """
    settings = settings or resolve_settings(**options)
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            max_transaction_retry_time=settings.retry_time,
            connection_timeout=10.0,
        )
    except (neo_exc.ConfigurationError, ValueError) as exc:
        raise ConfigError(f"NEO4J_URI: {_redact(settings.uri)!r}: {_first_line(exc)}") from exc
    try:
        info = driver.get_server_info()
        dialect = detect_dialect(info.agent or "")
        with driver.session(database=settings.database) as session:
            session.run("RETURN 1").consume()
    except (neo_exc.Neo4jError, neo_exc.DriverError, OSError) as exc:
        driver.close()
        raise _translate(exc, settings) from exc
    return Store(settings, driver, dialect)
