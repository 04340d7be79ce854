"""Run the extractor on one short article and look at what it found, by class and name."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Article, Extraction


def run(text: str, publisher: str | None = None, date: str | None = "2021-06-15") -> Extraction:
    return extract(Article(id="t", text=text, publisher=publisher, date=date))


def names(ex: Extraction, cls: str) -> set[str]:
    return {e.name for e in ex.entities.values() if e.cls == cls}


def props(ex: Extraction, cls: str, name: str) -> dict[str, object]:
    (entity,) = [e for e in ex.entities.values() if e.cls == cls and e.name == name]
    return dict(entity.props)


def related(ex: Extraction, predicate: str) -> set[tuple[str, str]]:
    return {
        (ex.entities[r.subject].name, ex.entities[r.object].name)
        for r in ex.relations
        if r.predicate == predicate
    }


def inspected(ex: Extraction) -> set[tuple[str, str]]:
    """(round or team, target) pairs, as an analyst reads them."""
    out = set()
    for ref, e in ex.entities.items():
        if e.cls != "Inspection":
            continue
        rels = [r for r in ex.relations if r.subject == ref]
        targets = [ex.entities[r.object].name for r in rels if r.predicate == "target"]
        agents = [ex.entities[r.object].name for r in rels if r.predicate in ("inRound", "byTeam")]
        out |= {(a, t) for a in agents for t in targets}
    return out
