"""Extraction: one article in, its entities and relations (with the spans that state them) out.

The extractor is a sequence of passes over one :class:`~kg.extract.doc.Doc`;
each pass claims the spans it reads so that later passes do not read the same
characters as something else. Another extractor (a local model, say) plugs in
as any callable ``Article -> Extraction``: see :data:`Extractor`.

Example
-------
>>> from kg.model import Article
>>> ex = extract(Article(id="t", text="省委第十一巡视组进驻省人防办。", publisher="浙江日报"))
>>> sorted(e.name for e in ex.entities.values() if e.cls == "InspectionTeam")
['浙江省委第十一巡视组']
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.doc import Doc
from kg.extract.inspections import extract_inspections
from kg.extract.orgs import (
    drop_unstated_bodies,
    extract_committees,
    extract_documents,
    extract_organizations,
    extract_regions,
    link_documents,
)
from kg.extract.persons import extract_persons
from kg.extract.stats import extract_statistics
from kg.model import Article, Extraction

__all__ = ["PASSES", "Extractor", "extract"]

#: What any extractor is: an article in, an extraction out.
Extractor = Callable[[Article], Extraction]

#: The passes of the rule-based extractor, in order.
PASSES: tuple[Callable[[Doc], None], ...] = (
    extract_documents,
    extract_inspections,
    extract_organizations,
    extract_committees,
    extract_persons,
    extract_regions,
    link_documents,
    extract_statistics,
    drop_unstated_bodies,
)


def extract(article: Article) -> Extraction:
    """Run the rule-based passes over one article."""
    doc = Doc.of(article)
    for step in PASSES:
        step(doc)
    return doc.out


from kg.verbs import make_verb  # noqa: E402

make_verb(__name__)
