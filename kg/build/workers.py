"""The build's worker processes: started by forkserver, each exits when the build process is gone.

Example
-------
>>> import os
>>> pid_alive(os.getpid())
True
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

__all__ = ["pid_alive", "worker_pool"]


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs."""
    try:
        with contextlib.suppress(PermissionError):  # someone else's process
            os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _watch_parent(parent: int) -> None:
    """In a worker process: exit as soon as the build process ``parent`` is gone (killed with -9)."""

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if not pid_alive(parent):
                os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` processes that end with this one.

    forkserver: no fork of a process that runs threads (the progress bar, the driver).
    """
    import multiprocessing

    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("forkserver"),
        initializer=_watch_parent,
        initargs=(os.getpid(),),
    )
