"""The typed records that flow through the pipeline: article -> mentions -> entities and relations.

Every stage takes and returns these frozen dataclasses; no stage reaches back
into an earlier one. Offsets are character offsets into :attr:`Article.text`
(end exclusive); the normalised text used for matching has the same length, so
an offset found in it is an offset into the original.

Example
-------
>>> a = Article(id="x", text="省委第一巡视组进驻省人防办。")
>>> a.sentences[0].text
'省委第一巡视组进驻省人防办。'
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from functools import cached_property

from kg.text import normalize, split_sentences

__all__ = ["Article", "Entity", "Extraction", "Relation", "Sentence"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article, with its offsets into the article's text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One source article as read from its file, before extraction."""

    id: str
    text: str
    title: str | None = None
    subtitle: str | None = None
    publisher: str | None = None
    date: str | None = None
    """Publication date, ISO ``YYYY-MM-DD``, when known."""
    section: str | None = None
    page: str | None = None
    url: str | None = None
    source: str | None = None
    """Where it was read from (file name, and record number for JSON Lines)."""

    @cached_property
    def norm(self) -> str:
        """The text in simplified script with half-width digits and punctuation, same length."""
        return normalize(self.text)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences of the text, in order."""
        return tuple(
            Sentence(index=i, start=s, end=e, text=self.text[s:e])
            for i, (s, e) in enumerate(split_sentences(self.norm))
        )

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing character ``offset`` (else the last one)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return self.sentences[-1]


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved entity of one article: its class, canonical key and name, and where it was read.

    ``key`` identifies the entity across articles (it becomes the IRI's last segment);
    ``props`` holds datatype properties by their local name in the ontology.
    """

    cls: str
    key: str
    name: str
    aliases: frozenset[str] = frozenset()
    props: tuple[tuple[str, object], ...] = ()
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def ref(self) -> tuple[str, str]:
        """``(class, key)``: what relations point at."""
        return (self.cls, self.key)


@dataclass(frozen=True, slots=True)
class Relation:
    """A relationship between two entities, with the spans that state it."""

    subject: tuple[str, str]
    predicate: str
    """Local name of the acsn object property (``target``, ``partOf``…)."""
    object: tuple[str, str]
    spans: tuple[tuple[int, int], ...] = ()


@dataclass
class Extraction:
    """What the extractors found in one article.

    Spans accumulate in side tables and join their entity or relation when it is read
    through :attr:`entities` or :attr:`relations`: a name said 100,000 times costs linear
    time, not a re-sorted tuple per mention. :meth:`get` reads an entity without its
    latest spans, for the passes that need only its name, class or properties.
    """

    article: Article
    _entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    _relations: dict[tuple[tuple[str, str], str, tuple[str, str]], Relation] = field(default_factory=dict)
    _new_spans: dict[tuple[str, str], set[tuple[int, int]]] = field(default_factory=dict)
    _resort: set[tuple[str, str]] = field(default_factory=set)
    _changes: dict[str, int] = field(default_factory=dict)
    """How often entities of each class were added or changed (see :meth:`changes`)."""
    _rel_spans: dict[tuple[tuple[str, str], str, tuple[str, str]], list[tuple[int, int]]] = field(
        default_factory=dict
    )
    _rel_seen: dict[tuple[tuple[str, str], str, tuple[str, str]], set[tuple[int, int]]] = field(
        default_factory=dict
    )

    @property
    def entities(self) -> dict[tuple[str, str], Entity]:
        """The entities by ``(class, key)``, each with every span recorded so far."""
        if self._new_spans:
            for ref, extra in self._new_spans.items():
                entity = self._entities[ref]
                have = set(entity.spans)
                if ref in self._resort or not extra <= have:  # as if each span had been added in turn
                    self._entities[ref] = replace(entity, spans=tuple(sorted(have | extra)))
            self._new_spans.clear()
            self._resort.clear()
        return self._entities

    def changes(self, cls: str) -> int:
        """A number that changes whenever an entity of class ``cls`` is added or changed."""
        return self._changes.get(cls, 0)

    def _changed(self, cls: str) -> None:
        self._changes[cls] = self._changes.get(cls, 0) + 1

    def get(self, ref: tuple[str, str]) -> Entity:
        """The entity behind ``ref``; its ``spans`` may lack the latest ones (see :attr:`entities`)."""
        return self._entities[ref]

    @property
    def relations(self) -> list[Relation]:
        """The relations, in the order they were first found."""
        if self._rel_spans:
            for key, spans in self._rel_spans.items():
                rel = self._relations[key]
                self._relations[key] = replace(rel, spans=(*rel.spans, *spans))
            self._rel_spans.clear()
        return list(self._relations.values())

    def add(self, entity: Entity) -> tuple[str, str]:
        """Add an entity, merging aliases, properties and spans with an earlier one of the same key."""
        self._changed(entity.cls)
        old = self._entities.get(entity.ref)
        if old is not None:
            self._new_spans.setdefault(entity.ref, set()).update(entity.spans)
            self._resort.add(entity.ref)
            props = dict(old.props)
            for k, v in entity.props:
                props.setdefault(k, v)
            entity = Entity(
                cls=old.cls,
                key=old.key,
                name=old.name,
                aliases=old.aliases | entity.aliases | ({entity.name} - {old.name}),
                props=tuple(sorted(props.items())),
                spans=old.spans,
            )
        self._entities[entity.ref] = entity
        return entity.ref

    def add_alias(self, ref: tuple[str, str], alias: str) -> None:
        """Record one more name of an entity already added."""
        entity = self._entities[ref]
        if alias and alias != entity.name and alias not in entity.aliases:
            self._changed(entity.cls)
            self._entities[ref] = replace(entity, aliases=entity.aliases | {alias})

    def set_prop(self, ref: tuple[str, str], name: str, value: object) -> None:
        """Set a datatype property of an entity already added (an existing value is kept)."""
        entity = self._entities[ref]
        props = dict(entity.props)
        if name not in props:
            self._changed(entity.cls)
            props[name] = value
            self._entities[ref] = replace(entity, props=tuple(sorted(props.items())))

    def add_span(self, ref: tuple[str, str], span: tuple[int, int]) -> None:
        """Record one more span that names an entity already added."""
        self._changed(self._entities[ref].cls)
        self._new_spans.setdefault(ref, set()).add(span)

    def drop(self, ref: tuple[str, str]) -> None:
        """Remove an entity and every relation that touches it."""
        if ref in self._entities:
            self._changed(ref[0])
        self._entities.pop(ref, None)
        self._new_spans.pop(ref, None)
        self._resort.discard(ref)
        for key in [k for k in self._relations if ref in (k[0], k[2])]:
            del self._relations[key]
            self._rel_spans.pop(key, None)
            self._rel_seen.pop(key, None)

    def relate(
        self, subject: tuple[str, str], predicate: str, obj: tuple[str, str], span: tuple[int, int] | None
    ) -> None:
        """Add a relation (once per subject, predicate and object; spans accumulate)."""
        if subject == obj:
            return
        key = (subject, predicate, obj)
        if key not in self._relations:
            self._relations[key] = Relation(subject, predicate, obj, ())
            self._rel_seen[key] = set()
        if span and span not in self._rel_seen[key]:
            self._rel_seen[key].add(span)
            self._rel_spans.setdefault(key, []).append(span)
