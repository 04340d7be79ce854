"""Whether a Cypher statement only reads: an allow-list of clauses, functions and procedures, parsed.

Pure (imports no driver), so that the CLI can refuse a statement before it connects.
Accepted: the reading clauses (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN,
ORDER BY, SKIP, LIMIT, UNION, CALL of a subquery), Cypher's own functions
(:data:`READ_FUNCTIONS`) and the schema procedures of :data:`READ_PROCEDURES`. Anything
else is refused, whatever it is called: GQL ``INSERT``, ``apoc.do.when``,
``apoc.merge.node``, ``refactor.mergeNodes``, ``apoc.cypher.runWrite`` as much as
``CREATE`` or ``DETACH DELETE``. Strings and comments are never read as clauses.
:func:`kg.store.query.run` also rolls back every read, which undoes what a server
might let a read do (ArcadeDB executes writes in READ transactions).
"""

from __future__ import annotations

import re

__all__ = ["READ_FUNCTIONS", "READ_KEYWORDS", "READ_PROCEDURES", "read_only_problem"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words a reading statement may use as keywords (upper case).
READ_KEYWORDS = _words(
    """MATCH OPTIONAL WHERE RETURN WITH UNWIND ORDER BY SKIP LIMIT OFFSET UNION ALL DISTINCT AS CALL
    YIELD AND OR NOT XOR CASE WHEN THEN ELSE END IN IS NULL TRUE FALSE STARTS ENDS CONTAINS EXISTS
    COUNT COLLECT ASC DESC ASCENDING DESCENDING ANY NONE SINGLE NAN INF INFINITY"""
)

#: Functions a reading statement may call (lower case): Cypher's own, none of which writes.
READ_FUNCTIONS = _words(
    """abs acos all allshortestpaths any asin atan atan2 avg ceil coalesce collect cos cot count date
    datetime degrees duration e elementid endnode exists exp floor haversin head id isempty keys labels
    last left length localdatetime localtime log log10 ltrim max min nodes none percentilecont
    percentiledisc pi point properties radians rand range reduce relationships replace reverse right
    round rtrim shortestpath sign sin single size split sqrt startnode stdev stdevp substring sum tail
    tan time timestamp toboolean tofloat tointeger tolower tostring toupper trim type tobooleanornull
    tofloatornull tointegerornull tostringornull valuetype point.distance distance
    duration.between duration.inmonths duration.indays duration.inseconds
    date.truncate datetime.truncate"""
)

#: Procedures a reading statement may call (lower case): schema and server information only.
READ_PROCEDURES = _words(
    """db.labels db.relationshiptypes db.propertykeys db.indexes db.constraints db.schema.visualization
    db.schema.nodetypeproperties db.schema.reltypeproperties dbms.components"""
)

_TOKEN = re.compile(
    r"(?P<skip>\s+|//[^\n]*|/\*.*?\*/)"
    r"|(?P<string>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
    r"|(?P<quoted>`(?:[^`]|``)*`)"
    r"|(?P<number>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"|(?P<word>[^\W\d]\w*)"
    r"|(?P<punct><>|<=|>=|=~|->|<-|\.\.|[-+*/%^=<>(){}\[\],.:;|$!&?~@#])",
    re.DOTALL,
)


def _tokens(cypher: str) -> list[tuple[str, str]]:
    out = []
    pos = 0
    while pos < len(cypher):
        m = _TOKEN.match(cypher, pos)
        if m is None:
            out.append(("bad", cypher[pos]))
            break
        pos = m.end()
        kind = m.lastgroup or "bad"
        if kind != "skip":
            out.append((kind, m.group(0)))
    return out


def read_only_problem(cypher: str) -> str | None:
    """Why ``cypher`` is not a reading statement, or ``None`` when it is.

    Every bare word must be a reading keyword, a variable the statement binds, a map key,
    or the name of an allowed function (``READ_FUNCTIONS``) or procedure (``READ_PROCEDURES``);
    a variable may not be named like a clause.

    Examples
    --------
    >>> read_only_problem("MATCH (n) WHERE n.name = 'CREATE' RETURN n.set AS `SET` // DELETE")
    >>> read_only_problem("MATCH (n) DETACH DELETE n")
    'DETACH is not a reading clause'
    >>> read_only_problem("CALL apoc.do.when(true, 'MATCH (n) DELETE n', '', {}) YIELD value RETURN value")
    'the procedure apoc.do.when is not known to be read-only'
    """
    tokens = _tokens(cypher)
    for kind, text in tokens:
        if kind == "bad":
            return f"{text!r} is not part of a reading statement"
    while tokens and tokens[-1] == ("punct", ";"):
        tokens.pop()
    if not tokens:
        return "the statement is empty"
    if ("punct", ";") in tokens:
        return "one statement at a time (no ;)"

    def at(i: int) -> tuple[str, str]:
        return tokens[i] if 0 <= i < len(tokens) else ("", "")

    bound: set[str] = set()
    for i, (kind, text) in enumerate(tokens):
        if kind != "word" or at(i - 1)[1] in (".", ":", "$"):
            continue
        before, after = at(i - 1), at(i + 1)
        if (
            before[1] in ("(", "[", ",")
            or before[1].upper() in ("AS", "YIELD")
            or after[1] in ("=", ")", "]", ":", ",")
            or after[1].upper() == "IN"
        ):
            if after[1] == ":" and before[1] in ("{", ","):
                continue  # a map key
            if text.upper() not in READ_KEYWORDS:
                bound.add(text)
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        prev = at(i - 1)
        if kind != "word" or prev[1] in (".", "$"):
            i += 1  # not a word, a parameter, or the rest of a name judged with its head
            continue
        j, parts = i, [text]
        while at(j + 1)[1] == "." and at(j + 2)[0] in ("word", "quoted"):
            parts.append(at(j + 2)[1])
            j += 2
        dotted, upper, following = ".".join(parts).lower(), text.upper(), at(j + 1)[1]
        is_name = prev[1] == ":" or (following == ":" and prev[1] in ("{", ","))
        if prev[0] == "word" and prev[1].upper() == "CALL":
            if dotted not in READ_PROCEDURES:
                return f"the procedure {'.'.join(parts)} is not known to be read-only"
        elif upper in _CLAUSES and not is_name:
            return f"{upper} is not a reading clause"
        elif following == "(":
            if not (j == i and upper in READ_KEYWORDS) and dotted not in READ_FUNCTIONS:
                return f"the function {'.'.join(parts)} is not known to be read-only"
        elif is_name:
            pass  # a label, a relationship type or a map key
        elif prev[1] in ("|", "&", "!") and upper not in READ_KEYWORDS:
            pass  # one of several labels or types: [:PART_OF|LOCATED_IN]
        elif upper in READ_KEYWORDS:
            if upper == "CALL" and following not in ("{", "(") and at(i + 1)[0] != "word":
                return "CALL must name a procedure or open a subquery"
        elif text not in bound:
            return f"{text} is neither a reading clause nor a variable of the statement"
        i = j + 1
    return None


# Clause words of Cypher and GQL that a variable may not be named like.
_CLAUSES = _words(
    """CREATE MERGE DELETE DETACH SET REMOVE DROP FOREACH LOAD CSV INSERT ALTER RENAME GRANT REVOKE DENY
    USE SHOW START STOP TERMINATE FINISH FILTER LET NEXT TRANSACTIONS"""
)
