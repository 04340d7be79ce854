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

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing character ``offset``."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
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
    """What the extractors found in one article."""

    article: Article
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    _relations: dict[tuple[tuple[str, str], str, tuple[str, str]], Relation] = field(default_factory=dict)

    @property
    def relations(self) -> list[Relation]:
        """The relations, in the order they were first found."""
        return list(self._relations.values())

    def add(self, entity: Entity) -> tuple[str, str]:
        """Add an entity, merging aliases, properties and spans with an earlier one of the same key."""
        old = self.entities.get(entity.ref)
        if old is not None:
            props = dict(old.props)
            for k, v in entity.props:
                props.setdefault(k, v)
            entity = Entity(
                cls=old.cls,
                key=old.key,
                name=old.name,
                aliases=old.aliases | entity.aliases | ({entity.name} - {old.name}),
                props=tuple(sorted(props.items())),
                spans=tuple(sorted(set(old.spans) | set(entity.spans))),
            )
        self.entities[entity.ref] = entity
        return entity.ref

    def add_alias(self, ref: tuple[str, str], alias: str) -> None:
        """Record one more name of an entity already added."""
        entity = self.entities[ref]
        if alias and alias != entity.name and alias not in entity.aliases:
            self.entities[ref] = replace(entity, aliases=entity.aliases | {alias})

    def set_prop(self, ref: tuple[str, str], name: str, value: object) -> None:
        """Set a datatype property of an entity already added (an existing value is kept)."""
        entity = self.entities[ref]
        props = dict(entity.props)
        if name not in props:
            props[name] = value
            self.entities[ref] = replace(entity, props=tuple(sorted(props.items())))

    def add_span(self, ref: tuple[str, str], span: tuple[int, int]) -> None:
        """Record one more span that names an entity already added."""
        entity = self.entities[ref]
        if span not in entity.spans:
            self.entities[ref] = replace(entity, spans=tuple(sorted((*entity.spans, span))))

    def drop(self, ref: tuple[str, str]) -> None:
        """Remove an entity and every relation that touches it."""
        self.entities.pop(ref, None)
        for key in [k for k in self._relations if ref in (k[0], k[2])]:
            del self._relations[key]

    def relate(
        self, subject: tuple[str, str], predicate: str, obj: tuple[str, str], span: tuple[int, int] | None
    ) -> None:
        """Add a relation (once per subject, predicate and object; spans accumulate)."""
        if subject == obj:
            return
        key = (subject, predicate, obj)
        old = self._relations.get(key)
        spans = old.spans if old else ()
        if span and span not in spans:
            spans = (*spans, span)
        self._relations[key] = Relation(subject, predicate, obj, spans)
