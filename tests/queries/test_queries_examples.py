"""Every library query with its defaults on ``examples/``: the defaults give an answer there."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

from kg.pipeline import extract_inputs
from kg.queries import load_library, run_query
from kg.store.connect import Store
from kg.store.load import load_graph

pytestmark = pytest.mark.db

# Nothing in the example article is inspected twice or named twice: an empty answer is right.
# Nor has anything been judged there.
EMPTY_ON_EXAMPLES = {"repeat-inspections", "possible-duplicates", "candidates", "judgements"}


@pytest.fixture(scope="module")
def examples_store(kg_store: Store) -> Store:
    load_graph(kg_store, extract_inputs([str(EXAMPLES)]).graph)
    return kg_store


@pytest.mark.parametrize("name", sorted(load_library()))
def test_defaults_answer_on_examples(examples_store: Store, name: str) -> None:
    query = load_library()[name]
    result = run_query(examples_store, query)
    assert result.columns == [c.name for c in query.columns]
    if name not in EMPTY_ON_EXAMPLES:
        assert result.rows, f"{name} with its defaults finds nothing in examples/"


def test_readme_example(examples_store: Store) -> None:
    rows = run_query(examples_store, "events-during-inspections").rows
    assert [(r["person"], r["eventType"], r["target"]) for r in rows] == [
        ("钟昌明", "Surrender", "浙江省民族宗教事务委员会党组")
    ]
