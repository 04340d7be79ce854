"""The RDF <-> property-graph codec: one mapping for the loader, the viewer, and every export.

An RDF graph under the acsn ontology (an rdflib graph, or N-Triples lines) is decoded
once (:mod:`kg.codec.decode`) into node rows and relationship rows
(:mod:`kg.codec.records`); the Neo4j loader (:mod:`kg.store.load`), the networkx graph
of the viewer and of GEXF/GraphML (:mod:`kg.netx`), neo4j-admin CSV
(:mod:`kg.neo4j_admin`) and the tables (:mod:`kg.tables`) are views of those rows, and
the rows read back from a database go to RDF with the same tables
(:mod:`kg.codec.encode`, :mod:`kg.codec.schema`). ``docs/graph-model.md`` gives the model.

- **Nodes**: one per IRI typed with an acsn class. Its class is
  :func:`most_specific_class` of its types (superclasses left out, then the most acsn
  superclasses, then the first name); its labels that class and its superclasses.
  ``name`` is the ``rdfs:label``, ``aliases`` the ``skos:altLabel`` s, every other datatype
  property its property-graph key (values: :mod:`kg.codec.values`).
- **Relationships**: one per object-property triple between two nodes, typed by the
  property's property-graph name, with the ``acsn:evidence`` of its reified
  ``rdf:Statement`` as ``evidence``. Reified statements are not nodes.
- **Conflicting single values**: a single-valued property given several different
  values keeps them all. The property holds the smallest
  (:func:`~kg.codec.values.single_value`), ``<key>_values`` every value in that order, and
  ``conflicts`` the keys whose values disagree, so ``MATCH (n) WHERE n.conflicts IS NOT
  NULL`` finds them; the node's evidence (its ``EVIDENCE`` relationships, each sentence
  with its article) holds the sentences the values were read from. Read back, every
  value is a triple again.
- N-Triples lines and terms: :mod:`kg.codec.ntriples`, a parser other readers of
  N-Triples can use.

Example
-------
>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF
>>> from kg.terms import ACSN
>>> g = Graph()
>>> i = URIRef("https://w3id.org/acsn/id/Inspection/x")
>>> _ = g.add((i, RDF.type, ACSN.Inspection)).add((i, ACSN.startDate, Literal("2019-07")))
>>> _ = g.add((i, ACSN.startDate, Literal("2019-06")))
>>> (node,) = decode_graph(g).nodes
>>> node.props["startDate"], node.values["startDate"], node.conflicts
('2019-06', ('2019-06', '2019-07'), ('startDate',))
>>> len(rows_to_graph([node], [])) == len(g)
True
"""

from __future__ import annotations

from kg.codec.decode import Decoded, decode_graph, decode_ntriples
from kg.codec.encode import node_row, rows_to_graph
from kg.codec.records import (
    DEFAULT_BASE,
    GraphRows,
    NodeParam,
    NodeRow,
    RelParam,
    RelRow,
    group_nodes,
    group_rels,
    statement_iri,
)
from kg.codec.schema import (
    CONFLICTS,
    VALUES_SUFFIX,
    CodecTables,
    class_of_labels,
    most_specific_class,
    tables,
)
from kg.codec.values import Scalar, decimal_lexical, literal_for, python_value, single_value, value_order

__all__ = [
    "CONFLICTS",
    "DEFAULT_BASE",
    "VALUES_SUFFIX",
    "CodecTables",
    "Decoded",
    "GraphRows",
    "NodeParam",
    "NodeRow",
    "RelParam",
    "RelRow",
    "Scalar",
    "class_of_labels",
    "decimal_lexical",
    "decode_graph",
    "decode_ntriples",
    "group_nodes",
    "group_rels",
    "literal_for",
    "most_specific_class",
    "node_row",
    "python_value",
    "rows_to_graph",
    "single_value",
    "statement_iri",
    "tables",
    "value_order",
]
