"""The suite collects every test folder and the package's docstring examples, or fails loudly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def collect(*options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_whole_suite_collects_build_tests_and_doctests() -> None:
    run = collect()
    assert run.returncode == 0, run.stdout + run.stderr
    folders = {line.split("::")[0].rsplit("/", 1)[0] for line in run.stdout.splitlines() if "::" in line}
    assert {
        "tests/build",
        "tests/queries",
        "tests/store",
        "tests/extract",
        "tests/viz",
        "kg",
        "kg/store",
    } <= folders
    assert "kg/codegen.py::kg.codegen" in run.stdout


def test_a_folder_left_out_fails_the_run() -> None:
    run = collect("-o", "norecursedirs=.* __pycache__ build")
    assert run.returncode != 0
    assert "test files not collected: tests/build/test_build.py" in run.stdout + run.stderr
