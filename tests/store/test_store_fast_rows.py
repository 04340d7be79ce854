"""``ntriples_to_rows``: the rows of ``graph_to_rows`` straight from N-Triples lines."""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from store_graphs import first_article, iri, second_article

from kg.store.mapping import GraphRows, graph_to_rows, ntriples_to_rows
from kg.terms import ACSN


def _lines(graph: Graph) -> list[str]:
    return graph.serialize(format="nt").splitlines()


def _same(graph: Graph, lines: list[str] | None = None) -> GraphRows:
    """Assert the fast rows equal ``graph_to_rows`` (skipped lines compared as sets); return them."""
    lines = _lines(graph) if lines is None else lines
    fast, slow = ntriples_to_rows(lines), graph_to_rows(graph)
    assert fast.nodes == slow.nodes
    assert fast.rels == slow.rels
    assert sorted(fast.skipped) == sorted(slow.skipped)
    return fast


def test_fast_rows_equal_graph_rows_on_the_articles() -> None:
    for graph in (first_article(), second_article(), first_article() + second_article()):
        rows = _same(graph)
        assert rows.nodes and rows.rels


def test_repeated_and_reordered_lines_count_once() -> None:
    graph = first_article() + second_article()
    lines = _lines(graph)
    _same(graph, list(reversed(lines)) + lines + ["", "# a comment"])


def test_escapes_datatypes_and_skipped_triples() -> None:
    g = Graph()
    node = iri("PartyCommittee", "x-1")
    other = iri("PartyCommittee", "x")  # sorts after x-1 by IRI, before it by token
    person = iri("Person", "p")
    g.add((node, RDF.type, ACSN.Organization))
    g.add((node, RDF.type, ACSN.PartyCommittee))
    g.add((other, RDF.type, ACSN.PartyCommittee))
    g.add((person, RDF.type, ACSN.Person))
    g.add((node, RDFS.label, Literal('引号"与\\反斜杠\n换行\r', lang="zh")))
    g.add((other, RDFS.label, Literal("乙", lang="zh")))
    g.add((other, RDFS.label, Literal("甲", lang="zh")))
    g.add((node, URIRef(str(ACSN) + "level"), Literal("provincial")))
    g.add((node, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal("别名\t一", lang="zh")))
    g.add((node, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal("别名二", lang="zh")))
    g.add((person, ACSN.term, Literal("014", datatype=XSD.integer)))
    g.add((person, ACSN.value, Literal("83.980", datatype=XSD.decimal)))
    g.add((person, ACSN.approximate, Literal("1", datatype=XSD.boolean)))
    g.add((person, ACSN.date, Literal("2019-06", datatype=XSD.gYearMonth)))
    g.add((node, ACSN.locatedIn, URIRef("https://example.org/untyped")))
    g.add((node, ACSN.jurisdiction, Literal("not an IRI")))
    g.add((node, URIRef("https://example.org/unknown"), Literal("x")))
    g.add((node, RDFS.label, URIRef("https://example.org/not-a-literal")))
    g.add((node, ACSN.partOf, other))
    stmt = BNode()
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, node))
    g.add((stmt, RDF.predicate, ACSN.partOf))
    g.add((stmt, RDF.object, other))
    g.add((stmt, ACSN.evidence, iri("Evidence", "e2")))
    g.add((stmt, ACSN.evidence, iri("Evidence", "e1")))
    rows = _same(g)
    assert [n.uri for n in rows.nodes][:2] == [str(other), str(node)]
    assert rows.rels[0].evidence == (str(iri("Evidence", "e1")), str(iri("Evidence", "e2")))
    # IRIs and strings written with \u escapes read as rdflib reads them
    escaped = [
        line.replace("中共", "\\u4E2D\\u5171").replace("省委", "\\U00007701\\u59D4")
        for line in _lines(first_article())
    ]
    assert any("\\u" in line for line in escaped)
    _same(first_article(), escaped)


def test_rows_pickle_to_equal_rows() -> None:
    """Rows travel from the build's worker processes by pickle."""
    import pickle

    rows = ntriples_to_rows(_lines(first_article() + second_article()))
    assert pickle.loads(pickle.dumps(rows)) == rows
