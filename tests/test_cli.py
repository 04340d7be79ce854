"""The command line: help everywhere, formats by suffix, one-line errors and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import _register_extensions, app

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "seed-zjrb-20200110.txt"


def kg(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, input=stdin, cwd=ROOT, timeout=120
    )


def _commands(typer_app, prefix=()):
    import typer.main

    group = typer.main.get_command(typer_app)
    stack = [(prefix, group)]
    while stack:
        path, cmd = stack.pop()
        yield path, cmd
        for name, sub in getattr(cmd, "commands", {}).items():
            stack.append(((*path, name), sub))


def test_every_command_has_help_text():
    _register_extensions()
    seen = 0
    for path, cmd in _commands(app):
        assert (cmd.help or "").strip(), f"kg {' '.join(path)} has no help"
        for param in cmd.params:
            if param.param_type_name == "option" and param.name != "help":
                assert (getattr(param, "help", "") or "").strip(), (
                    f"kg {' '.join(path)} {param.name} has no help"
                )
        seen += 1
    assert seen >= 4


def test_extract_writes_turtle_to_stdout():
    done = kg("extract", str(EXAMPLE), "-o", "-", "-q")
    assert done.returncode == 0, done.stderr
    g = Graph().parse(data=done.stdout.decode(), format="turtle")
    assert len(g) > 100


def test_extract_then_validate(tmp_path):
    out = tmp_path / "g.ttl"
    done = kg("extract", str(EXAMPLE), "-o", str(out))
    assert done.returncode == 0 and out.exists()
    assert b"1 article(s)" in done.stderr
    valid = kg("validate", str(out))
    assert valid.returncode == 0 and b"conforms" in valid.stdout


def test_validate_fails_on_nonconforming_data(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix acsn: <https://w3id.org/acsn#> .\n"
        '<http://x/r> a acsn:InspectionRound ; acsn:ordinal "eight" .\n'
    )
    done = kg("validate", str(bad))
    assert done.returncode == 1 and b"does not conform" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("extract", "missing.txt", "-o", "x.ttl", "--on-error", "fail"),
            b"missing.txt: no such file or folder",
        ),
        (("extract", str(EXAMPLE), "-o", "x.docx"), b"unknown RDF output suffix"),
        (("validate", "nowhere.ttl"), b"nowhere.ttl"),
    ],
)
def test_library_errors_are_one_line_with_exit_1(args, message):
    done = kg(*args)
    assert done.returncode == 1
    assert message in done.stderr
    assert done.stderr.decode().strip().count("\n") == 0


def test_bad_inputs_are_skipped_with_a_summary_or_fail(tmp_path):
    (tmp_path / "good.txt").write_text("省委第一巡视组进驻省财政厅。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "g.ttl"
    done = kg("extract", str(tmp_path), "-o", str(out))
    assert done.returncode == 1 and out.exists()  # everything else is written, and the exit code tells
    assert len(Graph().parse(out)) > 10
    assert b"empty.txt: empty file" in done.stderr and b"1 input(s) skipped" in done.stderr
    failed = kg("extract", str(tmp_path), "-o", str(tmp_path / "h.ttl"), "--on-error", "fail")
    assert failed.returncode == 1 and not (tmp_path / "h.ttl").exists()


def test_usage_errors_exit_2():
    assert kg("extract").returncode == 2
    assert kg("extract", str(EXAMPLE), "-o", "x.ttl", "--on-error", "maybe").returncode == 2


def test_ontology_command_prints_and_checks():
    done = kg("ontology")
    assert done.returncode == 0
    text = done.stdout.decode()
    assert "InspectionRound" in text and "巡视轮次" in text and "PART_OF" in text and "problemsFound" in text
    assert kg("ontology", "--check").returncode == 0
