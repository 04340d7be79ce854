"""A build killed with -9 leaves no process behind, and the next run removes its temporary folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest
from build_helpers import GOOD, SLOW, write_jsonl

from kg.build import build

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _wait(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return bool(condition())


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_a_killed_build_leaves_no_worker_and_its_folder_goes_next_run(tmp_path: Path) -> None:
    records = [*GOOD, *({"id": f"slow{i}", "text": f"{SLOW}省委第二巡视组进驻省林业局。"} for i in range(4))]
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    out = tmp_path / "out"
    script = textwrap.dedent(
        f"""
        import sys
        sys.path[:0] = [{str(HERE)!r}, {str(ROOT)!r}]
        from build_helpers import slow_extractor
        from kg.build import build

        if __name__ == "__main__":
            build([{str(corpus)!r}], {str(out)!r}, workers=2, chunk_size=1, load=False, html=False,
                  extractor=slow_extractor, article_seconds=None)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        parent = psutil.Process(proc.pid)
        # the forkserver and its two workers, busy with the slow articles
        assert _wait(lambda: len(parent.children(recursive=True)) >= 3, 30), parent.children(recursive=True)
        assert _wait(lambda: any(out.glob(".build-*")), 10)
        descendants = parent.children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)

        def gone() -> bool:
            return not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in descendants)

        assert _wait(gone, 10), [p for p in descendants if p.is_running()]
    finally:
        if proc.poll() is None:
            proc.kill()
    (stale,) = out.glob(".build-*")
    build([str(write_jsonl(tmp_path / "g.jsonl", GOOD))], out, workers=1, load=False, html=False)
    assert not stale.exists()
    assert list(out.glob(".build-*")) == []
