"""The library's front door: inputs (articles or RDF files) in, one graph out.

Example
-------
>>> result = extract_inputs(["examples/seed-zjrb-20200110.txt"])
>>> result.article_count
1
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from kg.errors import InputError
from kg.export import RDF_SUFFIXES, parse_rdf
from kg.extract import Extractor, extract
from kg.graph import DEFAULT_BASE, article_iri, to_graph
from kg.ingest import ARTICLE_SUFFIXES, Skipped, expand_inputs, read_inputs
from kg.model import Article
from kg.resolve.judgements import Judgements

__all__ = ["ExtractResult", "extract_articles", "extract_graph", "extract_inputs"]


@dataclass
class ExtractResult:
    """The graph of a set of inputs, what each article contributed, and what was skipped."""

    graph: Graph
    base: str = DEFAULT_BASE
    articles: list[Article] = field(default_factory=list)
    per_article: dict[URIRef, Graph] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Judgements that named IRIs no article had (reported, not fatal)."""

    @property
    def article_count(self) -> int:
        """How many articles were extracted."""
        return len(self.articles)

    @property
    def node_count(self) -> int:
        """How many nodes the graph makes in the database: typed subjects, reified statements aside.

        This is what ``kg db status`` counts after a load (a node once, whatever its labels).
        """
        return self.property_graph_counts()[0]

    def property_graph_counts(self) -> tuple[int, int]:
        """The nodes and relationships this graph makes in the property graph (``kg load``'s rows)."""
        from kg.store.mapping import graph_to_rows

        rows = graph_to_rows(self.graph)
        return len(rows.nodes), len(rows.rels)

    def named_graphs(self) -> list[tuple[URIRef, Graph]]:
        """One graph per article, named by the article's IRI (for TriG)."""
        return list(self.per_article.items())


def extract_articles(
    articles: Iterable[Article],
    *,
    base: str | None = None,
    extractor: Extractor = extract,
    judgements: Judgements | None = None,
) -> ExtractResult:
    """Extract articles already read into one graph (and one graph per article), judgements applied."""
    base = base or DEFAULT_BASE
    result = ExtractResult(graph=Graph(), base=base)
    for article in articles:
        part = to_graph(extractor(article), base)
        if judgements:
            part = judgements.apply(part, article.id)
        result.per_article[article_iri(article, base)] = part
        result.graph += part
        result.articles.append(article)
    if judgements:
        result.notes = list(judgements.unmatched())
    return result


def extract_graph(articles: Iterable[Article], *, base: str | None = None) -> Graph:
    """The graph of some articles (see :func:`extract_articles`)."""
    return extract_articles(articles, base=base).graph


SHAPES_CHECK_TRIPLES = 200_000
"""RDF inputs up to this size are checked against the shapes before a load (larger ones are trusted)."""


def extract_inputs(
    inputs: Iterable[str],
    *,
    on_error: str = "skip",
    base: str | None = None,
    extractor: Extractor = extract,
    judgements: Judgements | None = None,
    check_shapes: bool = False,
) -> ExtractResult:
    """Read every input and extract it; RDF files (.ttl .nt .jsonld .trig) are read as graphs.

    ``judgements`` (see :mod:`kg.resolve.judgements`) are applied to every article's triples.
    With ``check_shapes`` an RDF file that does not conform to the ontology's shapes is
    refused like an unreadable input (``kg load``: what the database holds must read back).

    Raises
    ------
    InputError
        For any bad or missing input when ``on_error="fail"`` (else it is in ``skipped``).
    """
    inputs = list(inputs)
    skipped: list[Skipped] = []
    rdf_paths = []
    for item in inputs:
        try:
            rdf_paths += [
                p
                for p, _ in expand_inputs([item], set(RDF_SUFFIXES))
                if Path(p).suffix.lower() in RDF_SUFFIXES
            ]
        except InputError as exc:
            if on_error != "skip":
                raise
            if Path(item).suffix.lower() in RDF_SUFFIXES:
                skipped.append(Skipped(item, str(exc)))
            # else read_inputs reports the missing path or the empty pattern, below
    article_inputs = [i for i in inputs if Path(i).suffix.lower() not in RDF_SUFFIXES]
    result = extract_articles(
        (
            a
            for _, a in read_inputs(
                article_inputs, on_error=on_error, skipped=skipped, suffixes=ARTICLE_SUFFIXES
            )
        ),
        base=base,
        extractor=extractor,
        judgements=judgements,
    )
    result.skipped = skipped
    for path in rdf_paths:
        graph = parse_rdf(path)
        if check_shapes and len(graph) <= SHAPES_CHECK_TRIPLES:
            from kg.validate import validate_graph

            report = validate_graph(graph)
            if not report.conforms:
                reason = (
                    f"{path}: does not conform to the shapes ({report.violations} violation(s)); "
                    f"not read (`kg validate {path}` lists them)"
                )
                if on_error != "skip":
                    raise InputError(reason)
                skipped.append(Skipped(str(path), reason))
                continue
        result.graph += judgements.apply(graph, "") if judgements else graph
    if judgements and rdf_paths:
        result.notes = list(judgements.unmatched())
    return result
