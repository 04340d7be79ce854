"""The local Bolt server: ArcadeDB with its Bolt plugin, run in a background process.

The JVM starts inside the Python process that hosts it (JPype), so the server gets a
process of its own: ``python -m kg.store.server --home DIR --port N`` runs it in the
foreground, and :func:`start` spawns that detached and returns once Bolt answers.

Everything lives in the home folder (``--home``, else ``$KG_HOME``, else
``~/.local/share/acsn-kg``)::

    password       the generated root password (mode 0600)
    server.pid     the pid of the server process while it runs
    server.json    pid, ports and database of the running server
    server.log     its output; log/ holds ArcadeDB's own logs
    arcadedb/      the databases

Every listener binds to 127.0.0.1. The Bolt port is ``--port`` (default 7687; ``0``
picks a free one); the HTTP port, used only for database administration, is always a
free one. The user is ``root`` and the database ``kg``.

Example
-------
>>> from pathlib import Path
>>> status(Path("/nonexistent/kg-home")).running
False
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ConfigError, StoreError
from kg.store.home import (
    DATABASE,
    HOST,
    SERVER_MODULE,
    ServerState,
    ServerStatus,
    clear_run_files,
    default_home,
    home_paths,
    log_hint,
    log_tail,
    make_private,
    read_password,
    read_pid,
    read_state,
    server_alive,
    status,
)

__all__ = [
    "DATABASE",
    "DEFAULT_PORT",
    "HOST",
    "USER",
    "ServerState",
    "ServerStatus",
    "StartResult",
    "admin_command",
    "create_database",
    "default_home",
    "drop_database",
    "ensure_running",
    "main",
    "read_password",
    "start",
    "status",
    "stop",
]

DEFAULT_PORT = 7687
USER = "root"
_START_TIMEOUT = 120.0
_STOP_TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class StartResult:
    """The outcome of :func:`start`."""

    state: ServerState
    already_running: bool
    notes: list[str] = field(default_factory=list)
    """One-line remarks (a stale pid file removed...)."""


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # As the JVM's server sockets do: connections a killed server left in TIME_WAIT
        # must not make its port look taken.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def start(
    home: Path | None = None, *, port: int = DEFAULT_PORT, heap: str = "1g", timeout: float = _START_TIMEOUT
) -> StartResult:
    """Start the local server in the background (or find it running) and wait until Bolt answers.

    Parameters
    ----------
    home
        The home folder (default :func:`default_home`).
    port
        Bolt port on 127.0.0.1; ``0`` picks a free one. Ignored when the server already runs.
    heap
        Maximum Java heap.
    timeout
        Seconds to wait for Bolt.

    Raises
    ------
    StoreError
        The port is in use, or the server exits or stays silent during start-up.
    """
    home = (home or default_home()).expanduser().resolve()
    notes: list[str] = []
    current = status(home)
    if current.running and current.state is not None and _answers(current.state.port):
        return StartResult(state=current.state, already_running=True)
    if current.running:
        pid = read_pid(home)
        raise StoreError(
            f"the local server (pid {pid}) is running but Bolt does not answer; "
            f"stop it with `kg db stop` ({log_hint(home)})"
        )
    if current.problem:
        notes.append(f"removed a stale pid file: {current.problem}")
    clear_run_files(home)
    port = _bolt_port(port)
    read_password(home, create=True)
    make_private(home)
    _launch(home, port, _free_port(), heap)
    return StartResult(state=_wait_for_bolt(home, port, timeout), already_running=False, notes=notes)


def _bolt_port(port: int) -> int:
    """The port the server is to listen on: ``port``, or a free one for ``0``, checked to be free."""
    if port < 0 or port > 65535:
        raise ConfigError(f"--port: {port} is not a TCP port")
    if port == 0:
        return _free_port()
    if not _port_free(port):
        raise StoreError(
            f"port {port} on {HOST} is in use by another program; start the local server on another "
            "port with --port (0 picks a free one)"
        )
    return port


def _launch(home: Path, port: int, http_port: int, heap: str) -> None:
    """Launch the server detached, its output going to ``server.log``."""
    with open(home_paths(home)["log"], "ab") as log:
        # The launcher forks the server off and exits at once (see --detach), so the server
        # is nobody's child here and outlives this process without being reaped by it.
        launcher = subprocess.run(
            [
                sys.executable,
                "-m",
                SERVER_MODULE,
                "--detach",
                "--home",
                str(home),
                "--port",
                str(port),
                "--http-port",
                str(http_port),
                "--heap",
                heap,
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            cwd=home,
            start_new_session=True,
            close_fds=True,
            check=False,
            timeout=60,
        )
    if launcher.returncode != 0:
        raise StoreError(
            f"the local server could not be launched (exit code {launcher.returncode}); {log_hint(home)}"
        )


def _wait_for_bolt(home: Path, port: int, timeout: float) -> ServerState:
    """The state the launched server writes once Bolt answers; a server that exits or stays silent raises."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid = read_pid(home)
        if pid is not None and not server_alive(pid):
            tail = log_tail(home)
            clear_run_files(home)
            raise StoreError(
                f"the local server (pid {pid}) exited during start-up"
                + (f": {tail}" if tail else "")
                + f"; {log_hint(home)}"
            )
        state = read_state(home)
        if state is not None and state.pid == pid and _answers(state.port):
            return state
        time.sleep(0.2)
    pid = read_pid(home)
    if pid is not None and server_alive(pid):
        os.kill(pid, signal.SIGTERM)
    raise StoreError(
        f"the local server did not answer on port {port} within {timeout:.0f} s; {log_hint(home)}"
    )


def stop(home: Path | None = None, *, timeout: float = _STOP_TIMEOUT) -> str:
    """Stop the local server cleanly (SIGTERM, then SIGKILL after ``timeout`` s); a one-line report."""
    home = (home or default_home()).expanduser().resolve()
    current = status(home)
    pid = read_pid(home)
    if pid is None:
        return f"the local server is not running (home {home})"
    if not current.running:
        clear_run_files(home)
        return f"removed a stale pid file: {current.problem}"
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server_alive(pid):
        time.sleep(0.1)
    if server_alive(pid):
        os.kill(pid, signal.SIGKILL)
        clear_run_files(home)
        return f"the local server (pid {pid}) did not stop within {timeout:.0f} s and was killed"
    clear_run_files(home)
    return f"stopped the local server (pid {pid})"


def ensure_running(home: Path | None = None, *, port: int | None = None) -> StartResult:
    """The running local server, started when it is not (on ``port``, else the last one, else 7687)."""
    home = (home or default_home()).expanduser().resolve()
    current = status(home)
    if current.running and current.state is not None:
        return StartResult(state=current.state, already_running=True)
    if port is None:
        port = _last_port(home)
    return start(home, port=port)


def _last_port(home: Path) -> int:
    try:
        return int(json.loads((home / "last-port").read_text())["port"])
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_PORT


def admin_command(state: ServerState, command: str) -> object:
    """Run an ArcadeDB server command (``create database x``...) over the local HTTP API.

    Raises
    ------
    StoreError
        When the server refuses the command.
    """
    password = read_password(state.home)
    token = base64.b64encode(f"{USER}:{password}".encode()).decode()
    request = urllib.request.Request(
        f"http://{HOST}:{state.http_port}/api/v1/server",
        data=json.dumps({"command": command}).encode(),
        headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read().decode("utf-8")).get("result")
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", errors="replace")[:200]
        raise StoreError(f"the local server refused {command!r}: {detail}") from exc
    except OSError as exc:
        raise StoreError(f"cannot reach the local server's HTTP port {state.http_port}: {exc}") from exc


def create_database(state: ServerState, name: str) -> None:
    """Create a database on the local server (nothing happens when it exists)."""
    existing = admin_command(state, "list databases")
    if not isinstance(existing, list) or name not in existing:
        admin_command(state, f"create database {_db_name(name)}")


def drop_database(state: ServerState, name: str) -> None:
    """Drop a database of the local server (nothing happens when it does not exist)."""
    existing = admin_command(state, "list databases")
    if isinstance(existing, list) and name in existing:
        admin_command(state, f"drop database {_db_name(name)}")


def _db_name(name: str) -> str:
    if not name.replace("_", "").replace("-", "").isalnum() or not name.isascii():
        raise ConfigError(f"NEO4J_DATABASE: {name!r} is not a valid database name (letters, digits, - and _)")
    return name


def _serve(home: Path, port: int, http_port: int, heap: str) -> int:
    """Run the server in this process until SIGTERM or SIGINT; the body of ``python -m kg.store.server``."""
    paths = home_paths(home)
    make_private(home)
    os.umask(0o077)  # what the server writes (databases, logs, state) is its user's alone
    # Block the stop signals before the JVM starts so that every Java thread inherits the
    # mask and the main thread alone receives them, through sigwait, and can stop cleanly.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    os.chdir(home)  # ArcadeDB writes its log/ folder into the working directory
    os.environ.setdefault("ARCADEDB_JVM_ERROR_FILE", str(home / "log" / "hs_err_pid%p.log"))
    paths["pid"].write_text(str(os.getpid()))
    from arcadedb_embedded.server import ArcadeDBServer

    server = ArcadeDBServer(
        root_path=str(paths["data"]),
        root_password=read_password(home),
        config={
            "host": HOST,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": port,
            "http_port": http_port,
            "server_httpsIncomingPort": _free_port(),
        },
        jvm_kwargs={"heap_size": heap, "jvm_args": "-Xrs", "interrupt": False},
    )
    server.start()
    try:
        server.create_database(DATABASE)
        state = {"pid": os.getpid(), "port": port, "http_port": http_port, "database": DATABASE}
        tmp = paths["state"].with_suffix(".tmp")
        tmp.write_text(json.dumps(state))
        os.replace(tmp, paths["state"])
        (home / "last-port").write_text(json.dumps({"port": port}))
        print(f"kg local server ready: bolt://{HOST}:{port} (pid {os.getpid()})", flush=True)
        signal.sigwait({signal.SIGTERM, signal.SIGINT})
    finally:
        server.stop()
        for key in ("state", "pid"):
            with contextlib.suppress(OSError):
                if key != "pid" or read_pid(home) == os.getpid():
                    paths[key].unlink()
        print("kg local server stopped", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m kg.store.server``: run the local server in the foreground."""
    parser = argparse.ArgumentParser(prog="python -m kg.store.server", description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--http-port", type=int, default=0)
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--detach", action="store_true", help="fork, and run the server in the child")
    args = parser.parse_args(argv)
    home = (args.home or default_home()).expanduser().resolve()
    home.mkdir(parents=True, exist_ok=True)
    if args.detach:
        # Forked before the JVM exists, while this process has a single thread.
        if os.fork() > 0:
            os._exit(0)
        os.setsid()
        home_paths(home)["pid"].write_text(str(os.getpid()))
    return _serve(home, args.port or _free_port(), args.http_port or _free_port(), args.heap)


if __name__ == "__main__":
    sys.exit(main())
