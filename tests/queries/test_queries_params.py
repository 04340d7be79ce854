"""The library's headers, parameter checking and the read-only guard (no database needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.ontology import vocabulary
from kg.queries import (
    ParameterError,
    QueryError,
    Result,
    check_read_only,
    format_result,
    get_query,
    load_library,
    parse_assignments,
    parse_query,
)
from kg.terms import MEASURES

HEADER = """// name: demo
// title.zh: 演示
// title.en: Demo
// answers: A demo
//   over two lines.
// param: n | int:1..4 | 2 | 3 | A number.
// param: flag | bool | false | true | A switch.
// param: kind | choice:any,Person | "any" | "Person" | A label.
// param: m | measure | "problemsFound" | "coverageRate" | A measure.
// param: x | float | 1.5 | 2 | A float.
// column: n | the number
"""


def demo(body: str = "RETURN $n AS n") -> str:
    return HEADER + body


def test_library_has_at_least_fifteen_queries_with_complete_headers() -> None:
    library = load_library()
    assert len(library) >= 15
    for q in library.values():
        assert q.title_zh and q.title_en and q.answers and q.columns, q.name
        assert q.body.lstrip().upper().startswith(("MATCH", "WITH", "OPTIONAL", "UNWIND", "RETURN")), q.name
        for p in q.params:
            assert p.description, (q.name, p.name)
            assert q.bind({p.name: p.example})[p.name] == p.example


def test_queries_use_only_the_public_vocabulary() -> None:
    import re

    vocab = vocabulary()
    labels = set(vocab.classes)
    types = {p.pg_name for p in vocab.properties.values() if p.kind == "object"} | {
        "DERIVED_FROM",
        "EVIDENCE",
        "IN_ARTICLE",
    }
    superclasses = {s for c in vocab.classes.values() for s in c.superclasses}
    assert superclasses == {"Event", "Organization"}  # the label filter in the queries assumes this
    for q in load_library().values():
        body = re.sub(r"'[^']*'", "''", q.body)
        for label in re.findall(r"[(\s]\w*:(?!\s)([A-Z]\w*)", body):
            assert label in labels | types, (q.name, label)
        for group in re.findall(r"\[\w*:([A-Z_|]+)", body):
            assert set(group.split("|")) <= types, (q.name, group)


def test_header_parsing() -> None:
    q = parse_query(demo())
    assert q.answers == "A demo over two lines."
    assert [p.name for p in q.params] == ["n", "flag", "kind", "m", "x"]
    assert q.bind() == {"n": 2, "flag": False, "kind": "any", "m": "problemsFound", "x": 1.5}
    assert q.param("m").choices == MEASURES
    assert q.body == "RETURN $n AS n"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"n": "abc"}, "query 'demo': parameter 'n' must be an integer, not 'abc'"),
        ({"n": 7}, "query 'demo': parameter 'n' must be between 1 and 4, not 7"),
        ({"n": True}, "parameter 'n' must be an integer"),
        ({"flag": "maybe"}, "parameter 'flag' must be true or false, not 'maybe'"),
        ({"kind": "Dog"}, "parameter 'kind' must be one of any, Person; not 'Dog'"),
        ({"m": "problems"}, "parameter 'm' must be one of cluesTransferred"),
        ({"x": "1,5"}, "parameter 'x' must be a number, not '1,5'"),
        ({"nn": "1"}, "query 'demo' has no parameter 'nn' (its parameters: n, flag, kind, m, x)"),
    ],
)
def test_bad_parameters_get_one_line_messages(values: dict[str, object], message: str) -> None:
    with pytest.raises(ParameterError) as info:
        parse_query(demo()).bind(values)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, KgError)


def test_text_values_are_converted() -> None:
    assert parse_query(demo()).bind({"n": "3", "flag": "yes", "x": "2"}) == {
        "n": 3,
        "flag": True,
        "kind": "any",
        "m": "problemsFound",
        "x": 2.0,
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (demo("MATCH (n) SET n.x = 1 RETURN n"), "read-only, but in this one SET is not a reading clause"),
        (demo().replace("// name: demo\n", ""), "the header lacks name"),
        (demo().replace("int:1..4 | 2", "int:1..4 | 9"), "default or example of 'n' does not fit"),
        (demo().replace("| bool |", "| boolean |"), "unknown type 'boolean'"),
        (demo().replace('"any" | "Person"', "any | Person"), "must be JSON"),
    ],
)
def test_malformed_queries_are_refused(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query(text)


def test_file_name_must_match(tmp_path: Path) -> None:
    (tmp_path / "other.cypher").write_text(demo(), encoding="utf-8")
    with pytest.raises(QueryError, match=r"the file must be demo\.cypher"):
        load_library(tmp_path)


def test_unknown_query_name_suggests() -> None:
    with pytest.raises(QueryError, match="no query named 'round'; try round-targets, rounds"):
        get_query("round")


def test_read_only_guard() -> None:
    check_read_only("MATCH (n) WHERE n.name = 'CREATE' RETURN n.set AS `SET` // DELETE")
    for statement in ("CREATE (n)", "MATCH (n) DETACH DELETE n", "MATCH (n) SET n.a = 1", "MERGE (n:X)"):
        with pytest.raises(QueryError, match="--write"):
            check_read_only(statement)


def test_assignments() -> None:
    assert parse_assignments(["a=1", "b=x=y"]) == {"a": "1", "b": "x=y"}
    with pytest.raises(ParameterError, match="key=value"):
        parse_assignments(["a"])


def test_formats() -> None:
    result = Result(["name", "values", "ok"], [{"name": "宁波市", "values": [1.0, 2.5], "ok": None}])
    table = format_result(result, "table").splitlines()
    assert table[0].split() == ["name", "values", "ok"]
    assert table[2].startswith("宁波市  [1, 2.5]") or table[2].startswith("宁波市  ")
    assert table[-1] == "(1 row)"
    assert format_result(result, "csv") == 'name,values,ok\n宁波市,"[1.0, 2.5]",\n'
    with pytest.raises(QueryError, match="--format"):
        format_result(result, "xml")
