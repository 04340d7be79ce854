"""Fixtures for the query library tests: a small corpus of test articles loaded into the module's database.

The articles (``articles.jsonl``) are short sentences written for these tests. Together
they hold: two rounds of 中共浙江省委's fourteenth term with teams 1-3; targets that are
organizations and regions (宁波市海曙区 and 镇海区, inside 宁波市, inside 浙江省); one
organization (浙江省交通运输厅党组) inspected in both rounds; two officials with posts,
one who surrendered and one investigated during an inspection; problemsFound figures for
2021 and 2022 in 浙江 and 江苏; and an unresolved 省委第二巡视组 that duplicates 浙江省委第二巡视组.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kg.pipeline import extract_inputs
from kg.queries import run_query
from kg.store.connect import Store
from kg.store.load import load_graph

CORPUS = Path(__file__).with_name("articles.jsonl")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

Run = Callable[..., list[dict[str, Any]]]


def article_texts() -> dict[str, str]:
    """The text of each test article, by title."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["title"]: r["text"] for r in records}


@pytest.fixture(scope="module")
def corpus_store(kg_store: Store) -> Store:
    """The module's database, loaded with the test articles."""
    load_graph(kg_store, extract_inputs([str(CORPUS)]).graph)
    return kg_store


@pytest.fixture(scope="module")
def run(corpus_store: Store) -> Run:
    """Run a library query on the corpus: ``run("round-targets", round="...")`` -> rows."""

    def runner(name: str, **params: Any) -> list[dict[str, Any]]:
        return run_query(corpus_store, name, params).rows

    return runner
