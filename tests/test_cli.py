"""The command line: help everywhere, formats by suffix, one-line errors and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import app

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


def test_version():
    from kg import __version__

    done = kg("--version")
    assert done.returncode == 0 and done.stdout.decode().strip() == f"kg (acsn-kg) {__version__}"


def test_help_placeholders_read_as_words_and_flags_have_none():
    from typer.testing import CliRunner

    from kg.cli.app import _plain_placeholders

    _plain_placeholders()
    runner = CliRunner()
    checked = 0
    for path, cmd in _commands(app):
        if getattr(cmd, "commands", None):
            continue
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"}, terminal_width=200)
        assert result.exit_code == 0, result.output
        text = result.output
        for python_type in ("<str>", "<bool>", "<int", "<path>", "list[", "{"):
            assert python_type not in text, f"kg {' '.join(path)} --help shows {python_type}"
        checked += 1
    assert checked >= 10
    load_help = runner.invoke(app, ["load", "--help"], env={"COLUMNS": "200"}, terminal_width=200).output
    assert "[skip|fail]" in load_help and "INPUTS..." in load_help and "INTEGER" in load_help
    flag_line = next(line for line in load_help.splitlines() if "--quiet" in line)
    assert "TEXT" not in flag_line and "BOOL" not in flag_line.upper().replace("--QUIET", "")
    export_help = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "200"}, terminal_width=200).output
    assert "gexf" in export_help and "tables" in export_help and "turtle" in export_help


def test_choices_are_validated_with_the_choices_named():
    bad_format = kg("export", "--format", "excel", "-o", "x.xlsx")
    assert bad_format.returncode == 2
    assert b"'excel' is not one of" in bad_format.stderr and b"graphml" in bad_format.stderr
    bad_validate = kg("build", str(EXAMPLE), "-o", "out-x", "--validate", "most", "--no-load")
    assert bad_validate.returncode == 2 and b"auto" in bad_validate.stderr
    upper = kg("extract", str(EXAMPLE), "-o", "-", "-q", "--on-error", "FAIL")
    assert upper.returncode == 0


def test_one_parser_for_query_parameters():
    from kg.cli.params import params_from
    from kg.errors import KgError

    assert params_from(["n=3", "name=3", "x=a=b"]) == {"n": "3", "name": "3", "x": "a=b"}
    assert params_from(["n=3", "flag=true", "name=张建国"], ad_hoc=True) == {
        "n": 3,
        "flag": True,
        "name": "张建国",
    }
    with pytest.raises(KgError, match="key=value"):
        params_from(["depth"])
    viz = kg("viz", "--from-db", "-o", "x.html", "-p", "oops")
    assert viz.returncode == 1 and b"-p 'oops': write parameters as key=value" in viz.stderr


def test_extract_counts_nodes_as_the_database_does(tmp_path):
    from kg.pipeline import extract_inputs
    from kg.store.mapping import graph_to_rows

    done = kg("extract", str(EXAMPLE), "-o", str(tmp_path / "g.ttl"))
    rows = graph_to_rows(extract_inputs([str(EXAMPLE)]).graph)
    assert (
        f"1 article(s): {len(rows.nodes)} node(s) and {len(rows.rels)} relationship(s) "
        "(as `kg db status` counts them)"
    ).encode() in done.stderr


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(**extra: str) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    return env | extra


@pytest.mark.parametrize("command", [("load", "nowhere/"), ("build", "nowhere/", "-o", "out-never")])
def test_the_database_is_checked_before_the_inputs_are_read(command, tmp_path):
    uri = f"bolt://127.0.0.1:{_closed_port()}"
    no_password = subprocess.run(
        [sys.executable, "-m", "kg.cli", *command, "--uri", uri],
        capture_output=True,
        cwd=tmp_path,
        env=_env(KG_HOME=str(tmp_path / "home")),
        timeout=120,
    )
    assert no_password.returncode == 1
    assert f"NEO4J_PASSWORD is not set; it is needed to connect to {uri}".encode() in no_password.stderr
    unreachable = subprocess.run(
        [sys.executable, "-m", "kg.cli", *command],
        capture_output=True,
        cwd=tmp_path,
        env=_env(NEO4J_URI=uri, NEO4J_PASSWORD="x", KG_HOME=str(tmp_path / "home")),
        timeout=120,
    )
    message = unreachable.stderr.decode()
    assert unreachable.returncode == 1 and message.count("\n") == 1, message
    assert f"kg: error: cannot reach the graph database at {uri} (NEO4J_URI)" in message
    assert "unset NEO4J_URI to use the local server" in message
    assert "nowhere" not in message  # the inputs were not read yet
    assert not (tmp_path / "out-never").exists() and not (tmp_path / "home").exists()


def test_choices_are_completed_by_the_shell():
    import os

    script = Path(sys.executable).parent / "kg"

    def complete(words: str) -> list[str]:
        env = {**os.environ, "_KG_COMPLETE": "complete_bash", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        done = subprocess.run([str(script)], capture_output=True, text=True, env=env, timeout=60)
        return done.stdout.split()

    assert complete("kg load --on-error ") == ["skip", "fail"]
    assert complete("kg export --format g") == ["gexf", "graphml", "grass"]
    assert "table" in complete("kg query run rounds --format ")


def test_an_unwritable_output_is_one_line_and_exit_1(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    done = kg("extract", str(EXAMPLE), "-o", str(blocker / "sub" / "g.ttl"))
    assert done.returncode == 1
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and str(blocker) in lines[0], lines
