"""The Cypher query library: analysts' questions as parameterised, read-only queries.

Each question is one file ``queries/<name>.cypher`` whose leading ``//`` comment block is
a header this module reads::

    // name: round-targets
    // title.zh: 一轮巡视的巡视对象与巡视组
    // title.en: Targets of an inspection round and the teams that inspected them
    // answers: Which organizations and regions did a round inspect ...
    //   (indented comment lines continue the answer)
    // param: round | string | "十四届省委第七轮巡视" | "十四届浙江省委第八轮巡视" | The round: ...
    // column: round | the round's canonical name

A ``param`` line gives the name, the type, the default and an example (both as JSON) and
a description. Types: ``string``, ``int``, ``float``, ``bool``, ``int:1..4`` (a range),
``choice:a,b,c`` and ``measure`` (a controlled value of ``Statistic.measure``). Every
parameter has a default, so each query runs without any. ``column`` lines list the
returned columns in order.

Queries run in read transactions through :mod:`kg.store.query`, after a check of the text
for writing clauses; :func:`run_cypher` runs ad hoc statements the same way, or writes when
asked to.

:mod:`kg.queries.library` reads and checks the files, :mod:`kg.queries.run` runs them and
:mod:`kg.queries.results` formats what they return.
"""

from __future__ import annotations

from kg.queries.library import (
    Column,
    Param,
    ParameterError,
    Query,
    QueryError,
    check_read_only,
    get_query,
    library_dir,
    load_library,
    parse_query,
    writing_clause,
)
from kg.queries.results import FORMATS, Result, format_result
from kg.queries.run import guess_value, parse_assignments, run_cypher, run_query

__all__ = [
    "FORMATS",
    "Column",
    "Param",
    "ParameterError",
    "Query",
    "QueryError",
    "Result",
    "check_read_only",
    "format_result",
    "get_query",
    "guess_value",
    "library_dir",
    "load_library",
    "parse_assignments",
    "parse_query",
    "run_cypher",
    "run_query",
    "writing_clause",
]
