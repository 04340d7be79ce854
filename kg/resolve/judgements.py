"""Analysts' judgements: one JSON Lines file, applied to every article's triples on every run.

Each line is one judgement with who/when/why::

    {"id": "j1", "op": "merge", "a": "<IRI kept>", "b": "<IRI merged into it>",
     "who": "li", "when": "2026-01-05T09:00:00Z", "why": "same post, same province"}
    {"id": "j2", "op": "split", "a": "<IRI>"}            # one node per article again
    {"id": "j3", "op": "reject", "fact": "<IRI>"}        # a node, or a relationship's Statement IRI
    {"id": "j4", "op": "rename", "a": "<IRI>", "name": "新名称"}
    {"id": "j5", "op": "undo", "target": "j3"}           # reverses one earlier judgement

The file only grows (an undo is a line too), so it diffs and merges well under version control.
Judgements are applied per article, in file order, to the triples the extractor produced:
merges and splits rewrite IRIs (a merged node keeps the other IRI as ``owl:sameAs`` and in its
``uris`` list), then rejections drop facts and renames relabel. A judgement naming an IRI no
article has is reported, not fatal; a bad line stops everything before anything is applied.

Example
-------
>>> from rdflib import URIRef
>>> js = Judgements.parse('{"id":"j1","op":"merge","a":"urn:x:A","b":"urn:x:B"}\\n', "j.jsonl")
>>> js.map_iri(URIRef("urn:x:B"), "art1")
rdflib.term.URIRef('urn:x:A')
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.errors import InputError
from kg.terms import ACSN

__all__ = [
    "DEFAULT_NAME",
    "OPS",
    "Judgement",
    "Judgements",
    "append",
    "default_path",
]

DEFAULT_NAME = "judgements.jsonl"
OPS: dict[str, tuple[str, ...]] = {
    "merge": ("a", "b"),
    "split": ("a",),
    "reject": ("fact",),
    "rename": ("a", "name"),
    "undo": ("target",),
}
_IRI_FIELDS = ("a", "b", "fact")
_DERIVED = PROV.wasDerivedFrom


@dataclass(frozen=True, slots=True)
class Judgement:
    """One line of the judgements file."""

    id: str
    op: str
    line: int
    a: str = ""
    b: str = ""
    fact: str = ""
    name: str = ""
    target: str = ""
    who: str = ""
    when: str = ""
    why: str = ""

    def iris(self) -> list[str]:
        """The IRIs this judgement names."""
        return [v for v in (self.a, self.b, self.fact) if v]

    def describe(self) -> str:
        """One line for listings."""
        what = {
            "merge": f"{self.b} -> {self.a}",
            "split": self.a,
            "reject": self.fact,
            "rename": f"{self.a} = {self.name}",
            "undo": self.target,
        }[self.op]
        extra = f"  ({self.why})" if self.why else ""
        return f"{self.id} {self.op:6} {what}  [{self.who} {self.when}]{extra}"


def default_path(inputs: Iterable[str] = ()) -> Path | None:
    """The judgements file used when none is named: ``$KG_JUDGEMENTS``, beside the corpus, or under the home.

    Beside the corpus means ``judgements.jsonl`` in the first input folder (or the folder of the
    first input file); under the home, ``~/.config/kg/judgements.jsonl``. Only an existing file is used.
    """
    env = os.environ.get("KG_JUDGEMENTS")
    if env:
        return Path(env)
    for item in inputs:
        if item == "-" or any(ch in item for ch in "*?["):
            continue
        p = Path(item)
        folder = p if p.is_dir() else p.parent
        candidate = folder / DEFAULT_NAME
        if candidate.is_file():
            return candidate
        break
    home = Path.home() / ".config" / "kg" / DEFAULT_NAME
    return home if home.is_file() else None


def _split_iri(iri: str, article_id: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else f"%{ord(ch):02X}" for ch in article_id)
    return f"{iri}~{safe}"


def _statement_iri(s: URIRef, p: URIRef, o: URIRef, like: URIRef) -> URIRef:
    base = str(like).rsplit("Statement/", 1)[0]
    digest = hashlib.sha1(f"{s} {p} {o}".encode()).hexdigest()[:20]
    return URIRef(f"{base}Statement/{digest}")


@dataclass
class Judgements:
    """The judgements of one file, checked, with the undone ones set aside."""

    path: str = ""
    all: list[Judgement] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    """IRIs met while applying (to report the judgements naming none)."""

    @classmethod
    def parse(cls, text: str, path: str) -> Judgements:
        """Check every line; the first bad one raises InputError naming ``path:line``."""
        out: list[Judgement] = []
        ids: set[str] = set()
        for n, raw in enumerate(text.splitlines(), 1):
            if not raw.strip():
                continue
            where = f"{path}:{n}"
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not a JSON object ({exc.msg})") from None
            if not isinstance(rec, dict):
                raise InputError(f"{where}: not a JSON object")
            op = rec.get("op")
            if op not in OPS:
                raise InputError(f"{where}: unknown op {op!r} (use one of {', '.join(OPS)})")
            values: dict[str, str] = {}
            for key in ("id", *OPS[op], "who", "when", "why"):
                value = rec.get(key, "")
                if not isinstance(value, str):
                    raise InputError(f"{where}: {key!r} must be a string")
                values[key] = value.strip()
            for key in OPS[op]:
                if not values[key]:
                    raise InputError(f"{where}: {op} needs {key!r}")
                if key in _IRI_FIELDS and ":" not in values[key]:
                    raise InputError(f"{where}: {key!r} is not an IRI: {values[key]!r}")
            jid = values.pop("id") or f"j{n}"
            if jid in ids:
                raise InputError(f"{where}: id {jid!r} used twice")
            if op == "undo" and values["target"] not in ids:
                raise InputError(f"{where}: undo of {values['target']!r}, which no earlier line has")
            ids.add(jid)
            out.append(Judgement(id=jid, op=op, line=n, **values))
        return cls(path=path, all=out)

    @classmethod
    def read(cls, path: str | Path | None) -> Judgements:
        """The judgements of ``path`` (none when ``path`` is None or does not exist)."""
        if path is None or not Path(path).exists():
            return cls(path=str(path or ""))
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read the judgements file ({exc})") from None
        return cls.parse(text, str(path))

    # ------------------------------------------------------------------ what is in force
    @property
    def active(self) -> list[Judgement]:
        """The judgements in force: not undo lines, and not undone."""
        undone = {j.target for j in self.all if j.op == "undo"}
        return [j for j in self.all if j.op != "undo" and j.id not in undone]

    def __bool__(self) -> bool:
        return bool(self.active)

    def digest(self) -> str:
        """A hash of the judgements in force (a build reloads everything when it changes)."""
        h = hashlib.sha256()
        for j in self.active:
            h.update(json.dumps([j.op, j.a, j.b, j.fact, j.name]).encode())
        return h.hexdigest()[:16]

    def named_iris(self) -> set[str]:
        """Every IRI a judgement in force names."""
        return {i for j in self.active for i in j.iris()}

    def map_iri(self, node: URIRef, article_id: str) -> URIRef:
        """Where merges and splits send ``node`` in article ``article_id`` (no split without one)."""
        x = str(node)
        for j in self.active:
            if j.op == "merge" and x == j.b:
                x = j.a
            elif j.op == "split" and x == j.a and article_id:
                x = _split_iri(x, article_id)
        return URIRef(x)

    # ------------------------------------------------------------------ applying
    def apply(self, graph: Graph, article_id: str) -> Graph:
        """One article's triples with the judgements applied (``graph`` itself when none touch it)."""
        named = self.named_iris()
        if not named:
            return graph
        subjects = {str(t) for t in graph.all_nodes() if isinstance(t, URIRef)}
        hit = named & subjects
        if not hit:
            return graph
        self.seen |= hit
        mapping = {URIRef(i): self.map_iri(URIRef(i), article_id) for i in hit}
        mapping = {k: v for k, v in mapping.items() if k != v}
        out = Graph()
        statements: dict[URIRef, URIRef] = {}
        for st in graph.subjects(RDF.type, RDF.Statement):
            s, p, o = (graph.value(st, t) for t in (RDF.subject, RDF.predicate, RDF.object))
            if isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef):
                ns, no = mapping.get(s, s), mapping.get(o, o)
                if (ns, no) != (s, o) and isinstance(st, URIRef):
                    statements[st] = _statement_iri(ns, p, no, st)
        for s, p, o in graph:
            s2 = statements.get(s, mapping.get(s, s)) if isinstance(s, URIRef) else s
            o2 = mapping.get(o, o) if isinstance(o, URIRef) and p != _DERIVED else o
            if s2 == o2 and p not in (RDF.type,):
                continue
            out.add((s2, p, o2))
        for old, new in mapping.items():
            if (old, RDF.type, None) in graph and str(new).split("~")[0] != str(old):
                out.add((new, OWL.sameAs, old))
                out.add((new, ACSN.uris, Literal(str(old), datatype=XSD.anyURI)))
        for j in self.active:
            if j.op == "reject":
                self._reject(out, URIRef(j.fact))
            elif j.op == "rename":
                self._rename(out, URIRef(j.a), j.name)
        return out

    @staticmethod
    def _reject(g: Graph, fact: URIRef) -> None:
        if (fact, RDF.type, RDF.Statement) in g:
            s, p, o = (g.value(fact, t) for t in (RDF.subject, RDF.predicate, RDF.object))
            g.remove((s, p, o))
            g.remove((fact, None, None))
            return
        g.remove((fact, None, None))
        g.remove((None, None, fact))
        for st in list(g.subjects(RDF.type, RDF.Statement)):
            if g.value(st, RDF.subject) is None or g.value(st, RDF.object) is None:
                continue
            s, o = g.value(st, RDF.subject), g.value(st, RDF.object)
            if s == fact or o == fact:
                g.remove((st, None, None))

    @staticmethod
    def _rename(g: Graph, node: URIRef, name: str) -> None:
        if (node, RDF.type, None) not in g:
            return
        for old in list(g.objects(node, RDFS.label)):
            if str(old) != name:
                g.add((node, SKOS.altLabel, old))
        g.remove((node, RDFS.label, None))
        g.remove((node, SKOS.altLabel, Literal(name, lang="zh")))
        g.add((node, RDFS.label, Literal(name, lang="zh")))

    def apply_nt(self, nt: str, article_id: str) -> str:
        """:meth:`apply` on one article's N-Triples text (unchanged when no judgement names its IRIs)."""
        if not any(f"<{i}>" in nt for i in self.named_iris()):
            return nt
        g = Graph().parse(data=nt, format="nt")
        out = self.apply(g, article_id)
        return out.serialize(format="nt")

    def unmatched(self) -> Iterator[str]:
        """One message per judgement in force naming an IRI no article had (after applying)."""
        for j in self.active:
            missing = [i for i in j.iris() if i not in self.seen]
            if missing:
                yield (
                    f"{self.path}:{j.line}: {j.op} {j.id} names {missing[0]}, "
                    "which is not in the graph (skipped)"
                )


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _who() -> str:
    try:
        return os.environ.get("KG_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def append(path: str | Path, op: str, *, why: str = "", who: str | None = None, **fields: Any) -> Judgement:
    """Record one judgement at the end of ``path`` (created when missing); the file is checked first."""
    path = Path(path)
    existing = Judgements.read(path)
    taken = {j.id for j in existing.all}
    n = len(existing.all) + 1
    while f"j{n}" in taken:
        n += 1
    rec: dict[str, str] = {"id": f"j{n}", "op": op}
    rec.update({k: str(v) for k, v in fields.items()})
    rec.update(who=who or _who(), when=_now(), why=why)
    line = json.dumps(rec, ensure_ascii=False)
    Judgements.parse(
        (path.read_text(encoding="utf-8") if path.exists() else "") + line + "\n", str(path)
    )  # refuse to write a line the reader would refuse
    path.parent.mkdir(parents=True, exist_ok=True)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    with path.open("a", encoding="utf-8") as f:
        if text and not text.endswith("\n"):
            f.write("\n")
        f.write(line + "\n")
    return Judgements.parse(
        text + ("\n" if text and not text.endswith("\n") else "") + line + "\n", str(path)
    ).all[-1]
