"""The notebooks run top to bottom, on a generated corpus, against a fresh database of the test server."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store import server
from kg.store.connect import Store

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_is_a_notebook() -> None:
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.mark.db
@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(
    path: Path, kg_fresh_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = kg_fresh_store.settings
    assert settings.local is not None
    # The kernel inherits these: the notebook's connect() reaches the test server's fresh
    # database, never a user's, and a missing setting cannot start a server in ~/.
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", server.read_password(settings.local.home))
    monkeypatch.setenv("NEO4J_DATABASE", str(settings.database))
    monkeypatch.setenv("KG_HOME", str(tmp_path / "kg-home"))
    corpus = tmp_path / "generated.jsonl"  # never the evaluation's articles
    import subprocess
    import sys

    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "make_corpus.py"),
            "-n",
            "120",
            "-o",
            str(corpus),
            "--seed",
            "2",
        ],
        check=True,
        timeout=120,
    )
    monkeypatch.setenv("KG_CORPUS", str(corpus))
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    texts = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "generated.jsonl (KG_CORPUS): 120 article(s)" in texts and "round-targets" in texts
    assert "inspected more than once" in texts and "team leaders named" in texts
    from kg.pipeline import extract_inputs
    from kg.store.mapping import graph_to_rows

    rows = graph_to_rows(extract_inputs([str(corpus)]).graph)
    count = kg_fresh_store.read("MATCH (n) RETURN count(n) AS n")
    assert count == [{"n": len(rows.nodes)}]  # the notebook loaded the corpus into the test database
