"""Fixtures for the viewer tests: example graphs and a headless Chromium with a fresh profile."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from viz_graphs import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, Loaded, build_big, build_hostile, build_sample


@pytest.fixture(scope="session")
def sample_graph() -> Graph:
    return build_sample()


@pytest.fixture(scope="session")
def hostile_graph() -> Graph:
    return build_hostile()


@pytest.fixture(scope="session")
def big_graph() -> Graph:
    return build_big()


@pytest.fixture(scope="session")
def corpus_300(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 generated articles (``bench/make_corpus.py``, seed 3), as JSON Lines, made once."""
    corpus = tmp_path_factory.mktemp("corpus") / "c.jsonl"
    make = Path(__file__).resolve().parents[2] / "bench" / "make_corpus.py"
    cmd = [sys.executable, str(make), "-n", "300", "-o", str(corpus), "--seed", "3"]
    subprocess.run(cmd, check=True, timeout=120)
    return corpus


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    # Screenshots are for people to look at, not for the repository.
    (ARTIFACTS / ".gitignore").write_text("*\n", encoding="utf-8")
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            "headless browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    profile = tempfile.mkdtemp(prefix="kg-viz-chromium-")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Loaded]]:
    """Open a page offline (any request but file: and data: is aborted and recorded), watching
    dialogs and errors; a viewer page is waited for until its script says it is ready."""
    pages: list[Any] = []

    def opener(path: Path, *, viewer: bool = True) -> Loaded:
        page = browser.new_page()
        pages.append(page)
        loaded = Loaded(page)

        def on_route(route: Any) -> None:
            loaded.requests.append(route.request.url)
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                route.abort()

        page.route("**/*", on_route)
        page.on("request", lambda req: loaded.requests.append(req.url))
        page.on("dialog", lambda d: (loaded.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda exc: loaded.errors.append(str(exc)))
        page.goto(path.resolve().as_uri())
        if not viewer:
            page.wait_for_load_state("load")
            return loaded
        # Poll from here: Playwright's wait_for_function evaluates a string in the page, which the
        # page's content security policy (rightly) forbids.
        deadline = time.monotonic() + 60
        while not page.evaluate("() => Boolean(window.kgViewer && window.kgViewer.ready === true)"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the viewer in {path} did not become ready within 60 s")
            page.wait_for_timeout(50)
        return loaded

    yield opener
    for page in pages:
        page.close()
