"""Derive the generated files from the ontology: term constants, SHACL shapes and the vocabulary doc.

``kg ontology --generate`` writes them; ``kg ontology --check`` (and the test suite)
fails when one of them no longer matches ``ontology/acsn.ttl``.

Example
-------
>>> from kg.codegen import render_all
>>> sorted(render_all())
['shapes.ttl', 'terms.py', 'vocabulary.md']
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import RDF, SH, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.ontology import ACSN_IRI, Vocabulary, ontology_dir, vocabulary

__all__ = ["generated_paths", "render_all", "stale_files", "write_all"]

SHAPES = Namespace("https://w3id.org/acsn/shapes#")
_HEADER = "generated from ontology/acsn.ttl by `kg ontology --generate`; do not edit"


def generated_paths() -> dict[str, Path]:
    """Where each generated file lives in the source tree."""
    root = ontology_dir().parent
    return {
        "terms.py": Path(__file__).resolve().parent / "terms.py",
        "shapes.ttl": ontology_dir() / "shapes.ttl",
        "vocabulary.md": root / "docs" / "vocabulary.md",
    }


def _py(value: object) -> str:
    """A literal in the style of the project's formatter (double quotes, trailing comma in 1-tuples)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple):
        items = ", ".join(_py(v) for v in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    return repr(value)


def _render_terms(v: Vocabulary) -> str:
    acsn_terms = sorted(
        {c.name for c in v.classes.values()}
        | {p.iri[len(ACSN_IRI) :] for p in v.properties.values() if p.iri.startswith(ACSN_IRI)}
        | set(v.measures)
        | {"Measures", "PartialDate"}
    )
    lines = [
        f'"""Term constants and the property-graph mapping.\n\n{_HEADER[0].upper()}{_HEADER[1:]}.\n"""',
        "",
        "from typing import Literal, get_args",
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class ACSN(DefinedNamespace):",
        '    """The acsn vocabulary; a misspelt term raises AttributeError."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{ACSN_IRI}")',
        "",
    ]
    lines += [f"    {name}: URIRef" for name in acsn_terms]
    classes = [c.name for c in v.classes.values()]
    rel_types = [p.pg_name for p in v.properties.values() if p.kind == "object"]
    keys = [p.pg_name for p in v.properties.values() if p.kind == "datatype"]
    lines += ["", ""]
    lines += _literal_type("ClassName", "a class of the ontology, which is also a node label", classes)
    lines += _literal_type("RelType", "a relationship type of the property graph", rel_types)
    lines += _literal_type("PropertyKey", "a node property key of the property graph", keys)
    lines += _literal_type("Measure", "a controlled value of acsn:measure", list(v.measures))
    lines += ["#: node labels of each class (the class first, then its superclasses)"]
    lines += ["LABELS: dict[str, tuple[ClassName, ...]] = {"]
    lines += [f"    {_py(c.name)}: {_py(v.labels_of(c.name))}," for c in v.classes.values()]
    lines += ["}", "", "#: relationship type of each object property IRI"]
    lines += ["REL_TYPES: dict[str, RelType] = {"]
    lines += [f"    {_py(p.iri)}: {_py(p.pg_name)}," for p in v.properties.values() if p.kind == "object"]
    lines += ["}", "", "#: node property key of each datatype property IRI"]
    lines += ["PROPERTY_KEYS: dict[str, PropertyKey] = {"]
    lines += [f"    {_py(p.iri)}: {_py(p.pg_name)}," for p in v.properties.values() if p.kind == "datatype"]
    lines += [
        "}",
        "",
        "#: controlled values of acsn:measure",
        "MEASURES: tuple[Measure, ...] = get_args(Measure)",
        "",
    ]
    lines += ["#: viewer colour and shape of each class", "STYLES: dict[str, tuple[str, str]] = {"]
    lines += [f"    {_py(c.name)}: {_py((c.color, c.shape))}," for c in v.classes.values()]
    lines += ["}", ""]
    return "\n".join(lines)


def _literal_type(name: str, doc: str, values: list[str]) -> list[str]:
    """A ``Literal`` alias of the names, so that mypy rejects a misspelt one."""
    lines = [f"#: {doc}", f"{name} = Literal["]
    lines += [f"    {_py(value)}," for value in values]
    return [*lines, "]", ""]


def _datatype_constraint(g: Graph, shape: BNode, rng: str, v: Vocabulary) -> None:
    if rng in v.datatypes:
        alternatives: list[Node] = []
        for member in v.datatypes[rng]:
            alt = BNode()
            g.add((alt, SH.datatype, URIRef(member)))
            alternatives.append(alt)
        head = BNode()
        Collection(g, head, alternatives)
        g.add((shape, SH["or"], head))
    else:
        g.add((shape, SH.datatype, URIRef(rng)))


def _class_constraint(g: Graph, shape: Node, classes: tuple[str, ...], v: Vocabulary) -> None:
    """``sh:class`` of the range, listing its subclasses too (``sh:or``).

    SHACL reads ``rdfs:subClassOf`` in the data graph, and data carries only each node's
    own class: listing the subclasses keeps the shapes usable with the data alone.
    """
    names = [c for c in v.classes if any(v.is_a(c, name) for name in classes)]
    for name in classes:
        if name not in names:
            names.append(name)
    if len(names) == 1:
        g.add((shape, SH["class"], URIRef(ACSN_IRI + names[0])))
        return
    alternatives: list[Node] = []
    for name in names:
        alt = BNode()
        g.add((alt, SH["class"], URIRef(ACSN_IRI + name)))
        alternatives.append(alt)
    head = BNode()
    Collection(g, head, alternatives)
    g.add((shape, SH["or"], head))


def _shapes_graph(v: Vocabulary) -> Graph:
    g = Graph()
    g.bind("sh", SH)
    g.bind("acsn", ACSN_IRI)
    g.bind("shape", SHAPES)
    g.bind("xsd", XSD)
    for cls in v.classes.values():
        node_shape = SHAPES[cls.name + "Shape"]
        g.add((node_shape, RDF.type, SH.NodeShape))
        g.add((node_shape, SH.targetClass, URIRef(cls.iri)))
        own = set(v.labels_of(cls.name))
        for prop in v.properties.values():
            applies = (not prop.domain and prop.iri in cls.required) or bool(own & set(prop.domain))
            if not applies and prop.iri not in cls.required:
                continue
            ps = SHAPES[f"{cls.name}-{prop.pg_name}"]
            g.add((node_shape, SH.property, ps))
            g.add((ps, SH.path, URIRef(prop.iri)))
            g.add((ps, SH.name, Literal(prop.pg_name)))
            if prop.iri in cls.required:
                g.add((ps, SH.minCount, Literal(1)))
            if prop.functional:
                g.add((ps, SH.maxCount, Literal(1)))
            if prop.kind == "object":
                _class_constraint(g, ps, prop.range, v)  # type: ignore[arg-type]
            else:
                for rng in prop.range:
                    _datatype_constraint(g, ps, rng, v)  # type: ignore[arg-type]
            if prop.pg_name == "measure":
                head = BNode()
                Collection(g, head, [Literal(m) for m in v.measures])
                g.add((ps, SH["in"], head))
            if prop.pg_name == "name":
                g.add((ps, SH.languageIn, _lang_list(g)))
        if cls.name not in ("Article", "Evidence"):
            ps = SHAPES[f"{cls.name}-DERIVED_FROM"]
            g.add((node_shape, SH.property, ps))
            g.add((ps, SH.path, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
            g.add((ps, SH.minCount, Literal(1)))
            _class_constraint(g, ps, ("Article",), v)
    return g


def _lang_list(g: Graph) -> BNode:
    head = BNode()
    Collection(g, head, [Literal("zh")])
    return head


def _render_shapes(v: Vocabulary) -> str:
    body = _shapes_graph(v).serialize(format="turtle")
    return f"# SHACL shapes, {_HEADER}.\n" + body


def _table(title: str, header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown section with one table."""
    lines = ["", f"## {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _render_doc(v: Vocabulary) -> str:
    out = [
        "# The acsn vocabulary",
        "",
        f"<!-- {_HEADER} -->",
        "",
        f"Namespace `acsn: <{ACSN_IRI}>`. Instance IRIs: `https://w3id.org/acsn/id/<Class>/<key>`.",
        "In Neo4j a class is a node label (with its superclasses' labels), an object property a",
        "relationship type, a datatype property a node property; the IRI is the node property `uri`.",
    ]
    classes = [
        [
            c.name,
            c.label_zh,
            ", ".join(c.superclasses),
            ", ".join(v.properties[r].pg_name for r in c.required if r in v.properties),
            c.definition,
        ]
        for c in v.classes.values()
    ]
    out += _table(
        "Classes (node labels)", ["class", "中文", "superclasses", "required", "definition"], classes
    )
    relations = [
        [p.curie, p.pg_name, p.label_zh, " or ".join(p.domain) or "any", " or ".join(p.range), p.definition]
        for p in v.properties.values()
        if p.kind == "object"
    ]
    header = ["property", "type", "中文", "from", "to", "definition"]
    out += _table("Relationship types (object properties)", header, relations)
    keys = [
        [
            p.curie,
            p.pg_name + (" (list)" if p.list_valued else ""),
            p.label_zh,
            " or ".join(p.domain) or "any",
            ", ".join(r.rsplit("#", 1)[-1] for r in p.range),
            p.definition,
        ]
        for p in v.properties.values()
        if p.kind == "datatype"
    ]
    header = ["property", "key", "中文", "on", "datatype", "definition"]
    out += _table("Node properties (datatype properties)", header, keys)
    measures = [[m.name, m.label_zh, m.example] for m in v.measures.values()]
    out += _table("Statistic measures (values of `measure`)", ["measure", "中文", "example"], measures)
    return "\n".join(out) + "\n"


def render_all() -> dict[str, str]:
    """The text each generated file should have, by file name."""
    v = vocabulary()
    return {"terms.py": _render_terms(v), "shapes.ttl": _render_shapes(v), "vocabulary.md": _render_doc(v)}


def write_all() -> list[Path]:
    """Write every generated file; returns the paths written."""
    paths = generated_paths()
    written = []
    for name, text in render_all().items():
        path = paths[name]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_files() -> list[Path]:
    """Generated files whose content differs from what the ontology gives now."""
    paths = generated_paths()
    stale = []
    for name, text in render_all().items():
        path = paths[name]
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale
