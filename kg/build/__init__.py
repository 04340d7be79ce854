"""The corpus pipeline behind ``kg build``: ingest, extract in parallel, merge, validate, write, load.

One call turns a corpus into ``graph.ttl``, ``graph.trig`` (one named graph per
article), ``graph.html`` (when the viewer can draw it), a database load and
``report.json``, with bounded memory:

- articles are read as a stream and sent to worker processes (or a Dask cluster) in
  chunks; results come back in corpus order, a bounded number of chunks in flight;
- no per-article graph is kept: each article's triples travel as sorted N-Triples
  lines. Triples that touch an article's own nodes (the article and its evidence
  sentences, whose IRIs contain the article id) are unique to it and are spooled as
  they come; the others (entities, statistics, shared between articles) are merged by
  subject in an on-disk SQLite table, which removes repeats, and the reified statements
  that carry a shared relationship's evidence are filed under the relationship's subject;
- ``graph.ttl`` is pretty Turtle when the merged graph is small enough to hold
  (:data:`IN_MEMORY_TRIPLES`), else N-Triples lines (valid Turtle) written as a stream;
- the workers also split each article's triples for the merge and compress them for the
  cache, so the main process mostly writes;
- the database is loaded in batches through :mod:`kg.store.load`: shared nodes, then
  their relationships (each once, with the evidence of every article that states it),
  then the articles' own nodes and the relationships that touch them (created, not
  merged, since their article nodes are new). Rows are made straight from the merged
  N-Triples lines (:func:`kg.store.mapping.ntriples_to_rows`, no rdflib graph), ahead of
  their writing and, with several workers, in worker processes; batches are written in order.

Incremental builds: ``cache.sqlite`` keeps each article's triples under its content
hash, and ``manifest.json`` records the articles built and those whose load into the
database completed. A re-run extracts only new or changed articles, writes exports
equal to a from-scratch build, and loads only what is new (everything when the last
load did not finish).

The modules, in the order a build uses them: :mod:`~kg.build.inputs` (reading, content
hashes), :mod:`~kg.build.extraction` (executors, time budgets), :mod:`~kg.build.split`
and :mod:`~kg.build.ntriples` (an article's triples for the merge), :mod:`~kg.build.merge`
(the on-disk merge), :mod:`~kg.build.cache` (cache and manifest),
:mod:`~kg.build.validation`, :mod:`~kg.build.loading`, :mod:`~kg.build.summary` (the
report) and :mod:`~kg.build.run` (:func:`build`).

Example
-------
>>> import tempfile
>>> report = build(["examples/seed-zjrb-20200110.txt"], tempfile.mkdtemp(), load=False, html=False, workers=1)
>>> report.articles_read
1
"""

from __future__ import annotations

from kg.build.cache import CACHE_NAME, MANIFEST_NAME
from kg.build.extraction import ARTICLE_SECONDS, DEFAULT_CHUNK_SIZE, ArticleTriples, extract_chunk
from kg.build.inputs import MAX_ARTICLE_CHARS, content_hash
from kg.build.loading import StoreOptions
from kg.build.ntriples import nt_lines
from kg.build.run import IN_MEMORY_TRIPLES, REPORT_NAME, build
from kg.build.split import ArticleParts, split_article
from kg.build.summary import (
    BuildProgress,
    BuildReport,
    Conflict,
    HtmlSummary,
    LoadReport,
    Skip,
    ValidationSummary,
    Violation,
)
from kg.build.validation import VALIDATE_SAMPLE

__all__ = [
    "ARTICLE_SECONDS",
    "CACHE_NAME",
    "DEFAULT_CHUNK_SIZE",
    "IN_MEMORY_TRIPLES",
    "MANIFEST_NAME",
    "MAX_ARTICLE_CHARS",
    "REPORT_NAME",
    "VALIDATE_SAMPLE",
    "ArticleParts",
    "ArticleTriples",
    "BuildProgress",
    "BuildReport",
    "Conflict",
    "HtmlSummary",
    "LoadReport",
    "Skip",
    "StoreOptions",
    "ValidationSummary",
    "Violation",
    "build",
    "content_hash",
    "extract_chunk",
    "nt_lines",
    "split_article",
]


from kg.verbs import make_verb

make_verb(__name__)
