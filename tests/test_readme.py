"""The README's Quick tour, run as a newcomer would paste it, its printed lines compared with the README's.

Every ```console block of README.md is a list of ``$ command`` lines, each followed by what
it prints. The blocks run in order in one fresh folder with ``examples/`` in it, after the
set-up (``make demo``'s recipe, read from the Makefile; ``. .venv/bin/activate`` puts this
interpreter's ``kg`` on the PATH), against a local server of their own on a free port. What
varies from run to run (pids, the port, the server's home, seconds) is normalised on both sides.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

pytestmark = [pytest.mark.db, pytest.mark.slow]


def console_blocks(text: str) -> list[list[tuple[str, list[str]]]]:
    """The ```console blocks: per block, (command, printed lines) in order."""
    blocks = []
    for body in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        steps: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        blocks.append(steps)
    return blocks


def setup_commands(text: str) -> list[str]:
    """The set-up block's commands (the ```sh block under 'Quick start')."""
    section = text.split("## Quick start", 1)[1]
    body = re.search(r"```sh\n(.*?)```", section, flags=re.S)
    assert body, "README: the Quick start has no ```sh block"
    return [
        line.split("#", 1)[0].strip() for line in body.group(1).splitlines() if line.split("#", 1)[0].strip()
    ]


def demo_recipe() -> str:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n\t(.+)$", makefile, flags=re.M)
    assert recipe
    return recipe.group(1).replace("$(VENV)/bin/", "")


def normalise(lines: list[str], home: str, work: str) -> list[str]:
    out = []
    for line in lines:
        line = line.replace(home, "~/.local/share/acsn-kg").replace(work + "/", "").replace(work, ".")
        line = re.sub(r"pid \d+", "pid N", line)
        line = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:7687", line)
        line = re.sub(r"\d+\.\d+ ?s\b", "N s", line)
        line = re.sub(r"\d+\.\d+ MB", "N MB", line)
        out.append(line.rstrip())
    while out and not out[-1]:
        out.pop()
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_readme_blocks_parse() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = console_blocks(text)
    assert len(blocks) >= 2 and all(blocks)
    assert setup_commands(text) == ["make demo", "make test"]
    assert demo_recipe().startswith("kg build examples/")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == "make test", "CI runs the README's test command, and nothing else"


def run_tour(tmp_path: Path, text: str) -> list[list[tuple[str, list[str], list[str]]]]:
    """Run the set-up and every console block; per block, (command, shown, printed) with the
    run's paths, pids and port put back as the README writes them."""
    work = tmp_path / "clone"
    work.mkdir()
    shutil.copytree(ROOT / "examples", work / "examples")
    home = tmp_path / "home"
    bindir = Path(sys.executable).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env |= {
        "KG_HOME": str(home),
        "KG_PORT": str(free_port()),
        "PATH": f"{bindir}{os.pathsep}{env.get('PATH', '')}",
        "PYTHONUNBUFFERED": "1",
        "COLUMNS": "100",
        "NO_COLOR": "1",
    }

    def run(command: str) -> list[str]:
        done = subprocess.run(
            ["bash", "-c", f"{command} 2>&1"],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, f"README command failed: $ {command}\n{done.stdout}{done.stderr}"
        return [
            re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:7687", line)
            .replace(str(home), "~/.local/share/acsn-kg")
            .replace(str(work) + "/", "")
            for line in done.stdout.splitlines()
        ]

    out = []
    try:
        run(demo_recipe())  # make demo, once .venv is set up
        for block in console_blocks(text):
            out.append([(command, shown, run(command)) for command, shown in block])
    finally:
        subprocess.run(
            [str(bindir / "kg"), "db", "stop", "--home", str(home)],
            capture_output=True,
            timeout=120,
            check=False,
        )
    return out


def test_the_quick_tour_runs_as_written(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    for block in run_tour(tmp_path, text):
        for command, shown, printed in block:
            home, work = "~/.local/share/acsn-kg", str(tmp_path / "clone")
            assert normalise(printed, home, work) == normalise(shown, home, work), (
                f"$ {command}: the README shows\n"
                + "\n".join(shown)
                + "\nbut it prints\n"
                + "\n".join(printed)
                + "\n(python tests/test_readme.py --update rewrites the README's outputs)"
            )


def update_readme() -> None:
    """Rewrite the printed lines of the README's console blocks with what the commands print now."""
    import tempfile

    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        blocks = run_tour(Path(tmp), text)
    bodies = iter(
        "".join(f"$ {command}\n" + "".join(f"{line}\n" for line in printed) for command, _, printed in block)
        for block in blocks
    )
    README.write_text(
        re.sub(r"```console\n.*?```", lambda m: f"```console\n{next(bodies)}```", text, flags=re.S)
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update_readme()
    else:
        sys.exit("usage: python tests/test_readme.py --update")
