"""The local server's home folder: its password, pid and state files and log, and what they say.

The layout of the folder is described in :mod:`kg.store.server`.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError

__all__ = [
    "DATABASE",
    "HOST",
    "SERVER_MODULE",
    "ServerState",
    "ServerStatus",
    "clear_run_files",
    "default_home",
    "home_paths",
    "log_hint",
    "log_tail",
    "make_private",
    "read_password",
    "read_pid",
    "read_state",
    "server_alive",
    "status",
]

HOST = "127.0.0.1"
DATABASE = "kg"
SERVER_MODULE = "kg.store.server"
"""The module whose process is the server: it names the server in the process table."""


@dataclass(frozen=True, slots=True)
class ServerState:
    """Where a running local server listens (from ``server.json``)."""

    home: Path
    pid: int
    port: int
    http_port: int
    database: str = DATABASE

    @property
    def uri(self) -> str:
        """The Bolt URI of the server."""
        return f"bolt://{HOST}:{self.port}"


@dataclass(frozen=True, slots=True)
class ServerStatus:
    """What the home folder says about the local server, checked against the process table."""

    home: Path
    state: ServerState | None
    running: bool
    problem: str | None = None
    """A one-line description of a stale pid file or a crashed server."""


def default_home() -> Path:
    """The home folder: ``$KG_HOME``, else ``~/.local/share/acsn-kg``."""
    env = os.environ.get("KG_HOME")
    return Path(env).expanduser() if env else Path.home() / ".local" / "share" / "acsn-kg"


def home_paths(home: Path) -> dict[str, Path]:
    """The files of the home folder, by role: password, pid, state, log and data."""
    return {
        "password": home / "password",
        "pid": home / "server.pid",
        "state": home / "server.json",
        "log": home / "server.log",
        "data": home / "arcadedb",
    }


def read_password(home: Path, *, create: bool = False) -> str:
    """The local server's root password, generated (mode 0600) when ``create`` and absent.

    Raises
    ------
    ConfigError
        When there is no password file and ``create`` is false.
    """
    path = home_paths(home)["password"]
    if not path.exists():
        if not create:
            raise ConfigError(f"no local server password in {home} (KG_HOME); run `kg db start` first")
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(24))
    os.chmod(path, 0o600)
    return path.read_text(encoding="utf-8").strip()


def server_alive(pid: int) -> bool:
    """Whether ``pid`` is a live local server process (not merely a recycled pid)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True
    if SERVER_MODULE.encode() not in cmdline:
        return False
    # A killed child that nobody reaped yet is a zombie: gone for our purposes.
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def read_pid(home: Path) -> int | None:
    """The pid in ``server.pid``, or ``None`` when there is none."""
    try:
        return int(home_paths(home)["pid"].read_text().strip())
    except (OSError, ValueError):
        return None


def read_state(home: Path) -> ServerState | None:
    """What ``server.json`` says of the running server, or ``None`` when it is absent or unreadable."""
    try:
        data = json.loads(home_paths(home)["state"].read_text(encoding="utf-8"))
        return ServerState(
            home=home,
            pid=int(data["pid"]),
            port=int(data["port"]),
            http_port=int(data["http_port"]),
            database=str(data.get("database", DATABASE)),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def clear_run_files(home: Path) -> None:
    """Remove the pid and state files of a server that no longer runs."""
    for key in ("pid", "state"):
        home_paths(home)[key].unlink(missing_ok=True)


def log_hint(home: Path) -> str:
    """Where to look for the details: the server's log."""
    return f"see {home_paths(home)['log']}"


def status(home: Path | None = None) -> ServerStatus:
    """The local server's status, from its pid and state files and the process table."""
    home = (home or default_home()).expanduser().resolve()
    pid = read_pid(home)
    state = read_state(home)
    if pid is None:
        return ServerStatus(home=home, state=None, running=False)
    if not server_alive(pid):
        return ServerStatus(
            home=home,
            state=state,
            running=False,
            problem=f"the local server (pid {pid}) is not running but left its pid file: "
            f"it crashed or was killed ({log_hint(home)})",
        )
    if state is None or state.pid != pid:
        return ServerStatus(
            home=home, state=None, running=True, problem=f"the local server (pid {pid}) is starting"
        )
    return ServerStatus(home=home, state=state, running=True)


def make_private(home: Path) -> None:
    """The home and everything in it readable by its user alone (0700 folders, 0600 files)."""
    home.chmod(0o700)
    for root, dirs, files in os.walk(home):
        for name in dirs:
            with contextlib.suppress(OSError):
                os.chmod(os.path.join(root, name), 0o700)
        for name in files:
            with contextlib.suppress(OSError):
                os.chmod(os.path.join(root, name), 0o600)


def log_tail(home: Path, lines: int = 3) -> str:
    """The last error lines of the server's log, joined with ``|`` (empty when there are none)."""
    try:
        text = home_paths(home)["log"].read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    picked = [
        line.strip()
        for line in text.splitlines()
        if "SEVER" in line or "Error" in line or "Exception" in line
    ]
    return " | ".join(picked[-lines:])
