"""Writing graphs to files: the one module that serialises RDF.

The format follows the output's suffix (``.ttl``, ``.nt``, ``.jsonld``, ``.trig``);
``-`` writes Turtle to standard output. Files are written to a temporary name and
renamed, so an interrupted run never leaves an output that looks complete.

Example
-------
>>> from rdflib import Graph
>>> rdf_format("graph.trig")
'trig'
"""

from __future__ import annotations

import os
import sys
import tempfile
import warnings
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import InputError
from kg.terms import ACSN

__all__ = ["RDF_SUFFIXES", "bind_prefixes", "parse_rdf", "rdf_format", "serialize", "write_rdf", "write_text"]

RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json-ld": "json-ld", ".trig": "trig"}

_PREFIXES = {
    "acsn": str(ACSN._NS),
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


def rdf_format(path: str | Path) -> str:
    """rdflib format name for an output path, from its suffix.

    Raises
    ------
    InputError
        When the suffix is not one of ``RDF_SUFFIXES``.
    """
    if str(path) == "-":
        return "turtle"
    suffix = Path(path).suffix.lower()
    if suffix not in RDF_SUFFIXES:
        known = ", ".join(sorted(RDF_SUFFIXES))
        raise InputError(f"{path}: unknown RDF output suffix {suffix or '(none)'!r}; use one of {known}")
    return RDF_SUFFIXES[suffix]


def bind_prefixes(graph: Graph, base: str | None = None) -> Graph:
    """Declare the project's prefixes (and ``id:`` for instance IRIs) on a graph."""
    for prefix, ns in _PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    if base:
        graph.bind("id", base, override=True)
    return graph


def write_text(path: str | Path, text: str | bytes) -> None:
    """Write a file atomically: to a temporary file beside it, then rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; outputs are ordinary files
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def serialize(graph: Graph, fmt: str) -> bytes:
    """Serialise a graph (or a Dataset for ``trig``) to bytes in an rdflib format."""
    with warnings.catch_warnings():
        warnings.simplefilter(
            "ignore", DeprecationWarning
        )  # rdflib's TriG writer calls its own deprecated API
        return graph.serialize(format=fmt, encoding="utf-8")


def write_rdf(
    graph: Graph,
    path: str | Path,
    *,
    named_graphs: Iterable[tuple[URIRef, Graph]] = (),
    base: str | None = None,
) -> None:
    """Write ``graph`` to ``path`` in the format of its suffix (``-``: Turtle on stdout).

    For ``.trig`` the ``named_graphs`` (one per article, each named by the article IRI)
    are written; when none are given the graph is split by article (:func:`article_graphs`),
    and what belongs to no article goes into the default graph.
    """
    fmt = rdf_format(path)
    if fmt == "trig":
        ds = Dataset()
        bind_prefixes(ds, base)
        parts = list(named_graphs)
        if parts:
            for name, part in parts:
                target = ds.graph(name)
                for triple in part:
                    target.add(triple)
        else:
            split, rest = article_graphs(graph)
            for name, part in split:
                target = ds.graph(name)
                for triple in part:
                    target.add(triple)
            for triple in rest:
                ds.add(triple)
        data = serialize(ds, "trig")
    else:
        bind_prefixes(graph, base)
        data = serialize(graph, fmt)
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_text(path, data)


def article_graphs(graph: Graph) -> tuple[list[tuple[URIRef, Graph]], Graph]:
    """Split a merged graph into one graph per article (as ``kg extract`` writes TriG) and the rest.

    A resource belongs to the articles it was derived from (``prov:wasDerivedFrom``), an
    evidence sentence to its article (``acsn:inArticle``), a reified statement to the
    articles of its evidence; its triples go into each of their graphs. A relationship
    goes where its statement is, else into the articles its two ends share. Triples of
    resources without an article (rare: a hand-made graph) are returned as the rest.
    """
    from rdflib import RDF
    from rdflib.namespace import PROV

    from kg.terms import ACSN

    articles = {a for a in graph.subjects(RDF.type, ACSN.Article) if isinstance(a, URIRef)}
    owners: dict[object, set[URIRef]] = {a: {a} for a in articles}
    for ev, art in graph.subject_objects(ACSN.inArticle):
        owners.setdefault(ev, set()).add(art)  # type: ignore[arg-type]
    for node, art in graph.subject_objects(PROV.wasDerivedFrom):
        if art in articles:
            owners.setdefault(node, set()).add(art)  # type: ignore[arg-type]
    for node, ev in graph.subject_objects(ACSN.evidence):
        owners.setdefault(node, set()).update(owners.get(ev, ()))
    statement_of = {
        (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object)): st
        for st in graph.subjects(RDF.type, RDF.Statement)
    }
    parts: dict[URIRef, Graph] = {a: Graph() for a in sorted(articles, key=str)}
    rest = Graph()
    for s, p, o in graph:
        where = owners.get(s, set())
        if (s, p, o) in statement_of:
            where = owners.get(statement_of[(s, p, o)], where)
        elif o in owners and p not in (ACSN.inArticle, PROV.wasDerivedFrom, ACSN.evidence):
            where = (where & owners[o]) or where
        for art in where:
            parts[art].add((s, p, o))
        if not where:
            rest.add((s, p, o))
    return list(parts.items()), rest


def parse_rdf(path: str | Path) -> Graph:
    """Read an RDF file (format from its suffix) into one graph; TriG named graphs are merged."""
    fmt = rdf_format(path)
    try:
        with warnings.catch_warnings():
            # rdflib's own parsers still use its deprecated ConjunctiveGraph internally
            warnings.simplefilter("ignore", DeprecationWarning)
            return _parse(path, fmt)
    except (OSError, ValueError, SyntaxError) as exc:
        raise InputError(f"{path}: cannot read RDF: {str(exc).splitlines()[0] if str(exc) else exc}") from exc
    except Exception as exc:  # rdflib's parsers raise their own exception classes
        raise InputError(f"{path}: not valid RDF ({type(exc).__name__}: {str(exc).splitlines()[0]})") from exc


def _parse(path: str | Path, fmt: str) -> Graph:
    if fmt == "trig":
        ds = Dataset()
        ds.parse(str(path), format="trig")
        merged = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
        return bind_prefixes(merged)
    g = Graph()
    g.parse(str(path), format=fmt)
    return bind_prefixes(g)


from kg.verbs import make_verb  # noqa: E402

make_verb(__name__)
