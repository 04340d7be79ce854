"""End-to-end ``kg build`` throughput and peak memory, 1 and 2 workers, with and without the load.

Usage::

    python bench/build.py -n 10000 [--workers 1 2] [--load both|yes|no] [--seed 1] [--keep DIR]

Generates a corpus with ``bench/make_corpus.py``, then runs each configuration in a
fresh Python process (so peak RSS is its own) on a fresh output folder; loads go to a
local server started in a temporary home, a new database per run. Prints articles/s,
peak RSS of the build process and of its worker processes, the server's RSS, and each
stage's share of the time. Targets: 100,000 articles in under 30 minutes on 2 cores,
under 2 GiB RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["main", "run_one"]

HERE = Path(__file__).resolve().parent


def run_one(
    corpus: str, out: str, workers: int, load: bool, settings: dict[str, str] | None
) -> dict[str, object]:
    """Build once in this process; the figures as a dictionary."""
    from kg.build import build

    kwargs: dict[str, object] = {"workers": workers, "load": load}
    if load and settings:
        from kg.store.connect import Settings

        kwargs["store_settings"] = Settings(
            uri=settings["uri"],
            user=settings["user"],
            password=settings["password"],
            database=settings["database"],
        )
    sampler = _ChildRss(server_pid=int(settings.pop("server_pid", 0) or 0) if settings else 0)
    sampler.start()
    start = time.perf_counter()
    try:
        report = build([corpus], out, **kwargs)  # type: ignore[arg-type]
    finally:
        sampler.stop()
    seconds = time.perf_counter() - start
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, sampler.peak_one)
    stages = report.seconds_by_stage
    return {
        "articles": report.articles_read,
        "workers": workers,
        "load": load,
        "seconds": round(seconds, 1),
        "articles_per_s": round(report.articles_read / seconds, 1),
        "peak_rss_mib": round(self_rss),
        "peak_worker_rss_mib": round(child_rss),
        "peak_workers_total_rss_mib": round(sampler.peak_total),
        "peak_server_rss_mib": round(sampler.peak_server),
        "peak_all_rss_mib": round(sampler.peak_all),
        "triples": report.triples,
        "stage_share": {k: round(v / seconds, 3) for k, v in stages.items()},
        "stage_seconds": {k: round(v, 1) for k, v in stages.items()},
        "validation": report.validation.get("checked"),
        "html": report.html.get("written"),
    }


class _ChildRss:
    """Samples the RSS of this process's descendants (forkserver workers are not waited-for children,
    so ``RUSAGE_CHILDREN`` misses them): the largest one and the largest sum, in MiB; and the
    largest sum of this process, its descendants and the database server (``server_pid``) together."""

    def __init__(self, interval: float = 0.5, server_pid: int = 0) -> None:
        import threading

        self.interval = interval
        self.server_pid = server_pid
        self.peak_one = 0.0
        self.peak_total = 0.0
        self.peak_all = 0.0
        self.peak_server = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        me = psutil.Process()
        while not self._done.wait(self.interval):
            sizes = []
            for child in me.children(recursive=True):
                try:
                    sizes.append(child.memory_info().rss / 2**20)
                except psutil.Error:
                    continue
            if sizes:
                self.peak_one = max(self.peak_one, max(sizes))
                self.peak_total = max(self.peak_total, sum(sizes))
            server = (_server_rss(self.server_pid) or 0.0) if self.server_pid else 0.0
            self.peak_server = max(self.peak_server, server)
            self.peak_all = max(self.peak_all, me.memory_info().rss / 2**20 + sum(sizes) + server)


SHARD_ARTICLES = 10_000
"""Articles per file when the corpus is split (``kg build`` reads files of at most 64 MiB)."""


def _shard(corpus: Path) -> Path:
    """The corpus itself when it is small, else a folder of files of :data:`SHARD_ARTICLES` articles."""
    if corpus.stat().st_size <= 48 * 2**20:
        return corpus
    folder = corpus.with_suffix("")
    done = folder / ".complete"
    if not done.exists():
        folder.mkdir(exist_ok=True)
        with corpus.open(encoding="utf-8") as fh:
            part, lines = 0, []
            for line in fh:
                lines.append(line)
                if len(lines) == SHARD_ARTICLES:
                    (folder / f"part-{part:04d}.jsonl").write_text("".join(lines), encoding="utf-8")
                    part, lines = part + 1, []
            if lines:
                (folder / f"part-{part:04d}.jsonl").write_text("".join(lines), encoding="utf-8")
        done.touch()
    return folder


def _server_rss(pid: int) -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    try:
        return psutil.Process(pid).memory_info().rss / 2**20
    except psutil.Error:
        return None


def main(argv: list[str] | None = None) -> int:
    """Run the configurations and print one JSON line each, then a table."""
    parser = argparse.ArgumentParser(description="kg build throughput and memory")
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--load", choices=("both", "yes", "no"), default="both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="folder for the corpus and outputs (default: a temporary one)")
    parser.add_argument("--one", nargs=5, help=argparse.SUPPRESS)  # corpus out workers load settings-json
    args = parser.parse_args(argv)
    if args.one:
        one_corpus, one_out, one_workers, one_load, one_settings = args.one
        print(
            json.dumps(
                run_one(
                    one_corpus, one_out, int(one_workers), one_load == "1", json.loads(one_settings) or None
                )
            )
        )
        return 0
    work = Path(args.keep or tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"corpus-{args.n}-{args.seed}.jsonl"
    if not corpus.exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "make_corpus.py"),
                "-n",
                str(args.n),
                "-o",
                str(corpus),
                "--seed",
                str(args.seed),
            ],
            check=True,
        )
    corpus = _shard(corpus)
    loads = {"both": [False, True], "yes": [True], "no": [False]}[args.load]
    server_state = None
    if True in loads:
        from kg.store import server

        server_state = server.start(work / "server-home", port=0, heap="1g").state
    rows = []
    try:
        for load in loads:
            for workers in args.workers:
                settings: dict[str, str] = {}
                if load and server_state is not None:
                    from kg.store import server

                    name = f"bench{args.n}w{workers}"
                    server.create_database(server_state, name)
                    settings = {
                        "uri": server_state.uri,
                        "user": server.USER,
                        "password": server.read_password(server_state.home),
                        "database": name,
                        "server_pid": str(server_state.pid),
                    }
                out = work / f"out-{args.n}-w{workers}-{'load' if load else 'noload'}"
                proc = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--one",
                        str(corpus),
                        str(out),
                        str(workers),
                        "1" if load else "0",
                        json.dumps(settings),
                    ],
                    check=True,
                    capture_output=True,
                    text=True,
                    env={**os.environ, "PYTHONWARNINGS": "ignore"},
                )
                row = json.loads(proc.stdout.strip().splitlines()[-1])
                rows.append(row)
                print(json.dumps(row), flush=True)
    finally:
        if server_state is not None:
            from kg.store import server

            server.stop(server_state.home)
    print(
        f"\n{'articles':>8} {'workers':>7} {'load':>5} {'seconds':>8} {'art/s':>7} "
        f"{'RSS MiB':>8} {'worker MiB':>10} {'workers MiB':>11} {'server MiB':>10} {'all MiB':>8}"
    )
    for r in rows:
        print(
            f"{r['articles']:>8} {r['workers']:>7} {'yes' if r['load'] else 'no':>5} {r['seconds']:>8} "
            f"{r['articles_per_s']:>7} {r['peak_rss_mib']:>8} {r['peak_worker_rss_mib']:>10} "
            f"{r['peak_workers_total_rss_mib']:>11} {r['peak_server_rss_mib']:>10} "
            f"{r['peak_all_rss_mib']:>8}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
