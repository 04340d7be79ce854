"""The ontology is the single source of truth: every public term defined, derived files fresh."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph
from rdflib.namespace import SH

from kg import codegen
from kg.ontology import ACSN_IRI, ontology_graph, vocabulary

# The public vocabulary analysts depend on (labels, relationship types, properties, measures).
PUBLIC_CLASSES = [
    "Article",
    "PartyCommittee",
    "InspectionRound",
    "InspectionTeam",
    "Inspection",
    "Organization",
    "Region",
    "Person",
    "Position",
    "Event",
    "Surrender",
    "Investigation",
    "Sanction",
    "JudicialReferral",
    "Admonishment",
    "Statistic",
    "Document",
]
PUBLIC_OBJECT = {
    "conductedBy": "CONDUCTED_BY",
    "teamOf": "TEAM_OF",
    "inRound": "IN_ROUND",
    "byTeam": "BY_TEAM",
    "target": "TARGET",
    "jurisdiction": "JURISDICTION",
    "locatedIn": "LOCATED_IN",
    "subOrganizationOf": "SUB_ORGANIZATION_OF",
    "partOf": "PART_OF",
    "holds": "HOLDS",
    "inOrganization": "IN_ORGANIZATION",
    "involves": "INVOLVES",
    "during": "DURING",
    "scope": "SCOPE",
    "issuedBy": "ISSUED_BY",
}
PUBLIC_DATATYPE = [
    "title",
    "subtitle",
    "publisher",
    "published",
    "section",
    "page",
    "url",
    "sourceId",
    "level",
    "term",
    "ordinal",
    "scheme",
    "year",
    "number",
    "inspectionType",
    "topic",
    "startDate",
    "feedbackDate",
    "category",
    "adminCode",
    "adminLevel",
    "rank",
    "date",
    "measure",
    "value",
    "unit",
    "approximate",
    "period",
]
PUBLIC_MEASURES = [
    "roundsConducted",
    "unitsInspected",
    "coverageRate",
    "problemsFound",
    "problemsRectified",
    "rectificationRate",
    "cluesTransferred",
    "personsSurrendered",
    "personsInvestigated",
    "personsSanctioned",
    "judicialReferrals",
    "personsAdmonished",
    "reportsTransferred",
    "suspectsDetained",
    "other",
]


def test_every_public_class_is_defined_with_labels_and_definition():
    v = vocabulary()
    for name in PUBLIC_CLASSES:
        c = v.classes[name]
        assert c.label_zh and c.label_en and c.definition, name
    assert v.classes["PartyCommittee"].superclasses == ("Organization",)
    assert v.classes["InspectionTeam"].superclasses == ("Organization",)
    for event in ("Surrender", "Investigation", "Sanction", "JudicialReferral", "Admonishment"):
        assert v.classes[event].superclasses == ("Event",)


def test_every_public_property_maps_to_its_property_graph_name():
    v = vocabulary()
    for local, rel_type in PUBLIC_OBJECT.items():
        prop = v.properties[ACSN_IRI + local]
        assert (prop.kind, prop.pg_name) == ("object", rel_type)
        assert prop.domain and prop.range and prop.label_zh and prop.label_en
    for local in PUBLIC_DATATYPE:
        prop = v.properties[ACSN_IRI + local]
        assert (prop.kind, prop.pg_name) == ("datatype", local)
    assert v.properties["http://www.w3.org/ns/prov#wasDerivedFrom"].pg_name == "DERIVED_FROM"
    assert v.properties[str(RDFS.label)].pg_name == "name"
    assert list(v.measures) == sorted(PUBLIC_MEASURES)


def test_ontology_aligns_with_standard_vocabularies():
    g = ontology_graph()
    org = "http://www.w3.org/ns/org#"
    assert (None, RDF.type, OWL.Ontology) in g
    supers = {str(o) for o in g.objects(None, RDFS.subClassOf)}
    assert {org + "Organization", org + "Post", "https://schema.org/AdministrativeArea"} <= supers
    assert any(str(o) == org + "holds" for o in g.objects(None, RDFS.subPropertyOf))


def test_derived_files_are_up_to_date():
    stale = codegen.stale_files()
    assert not stale, f"run `kg ontology --generate`: {stale}"


def test_staleness_is_detected(tmp_path, monkeypatch):
    paths = {name: tmp_path / name for name in ("terms.py", "shapes.ttl", "vocabulary.md")}
    monkeypatch.setattr(codegen, "generated_paths", lambda: paths)
    codegen.write_all()
    assert codegen.stale_files() == []
    paths["shapes.ttl"].write_text(paths["shapes.ttl"].read_text() + "\n# edited by hand\n")
    assert codegen.stale_files() == [paths["shapes.ttl"]]


def test_shapes_parse_and_cover_every_class():
    shapes = Graph().parse(codegen.generated_paths()["shapes.ttl"], format="turtle")
    targets = {str(o).rsplit("#", 1)[-1] for o in shapes.objects(None, SH.targetClass)}
    assert set(PUBLIC_CLASSES) <= targets


_TERM_USE = re.compile(r"ACSN(?:\.(\w+)|\[\"(\w+)\"\])")
_REL_USE = re.compile(r"relate\([^,]+,\s*\"(\w+)\"")


@pytest.mark.parametrize("path", sorted(Path(__file__).parents[1].joinpath("kg").rglob("*.py")), ids=str)
def test_code_uses_only_terms_the_ontology_defines(path):
    v = vocabulary()
    defined = (
        {c for c in v.classes} | {p.iri[len(ACSN_IRI) :] for p in v.properties.values()} | set(v.measures)
    )
    defined |= {str(t)[len(ACSN_IRI) :] for t in ontology_graph().subjects() if str(t).startswith(ACSN_IRI)}
    defined |= {"_NS"}
    source = path.read_text(encoding="utf-8")
    used = {a or b for a, b in _TERM_USE.findall(source)}
    used |= set(_REL_USE.findall(source))
    assert used <= defined, f"{path.name} uses undefined terms: {sorted(used - defined)}"


def test_misspelt_term_raises():
    from kg.terms import ACSN

    with pytest.raises(AttributeError):
        ACSN.inspectedBy  # noqa: B018


def test_mypy_rejects_a_misspelt_relationship_type_class_or_measure(tmp_path):
    from mypy import api

    good = tmp_path / "good.py"
    good.write_text(
        "from kg.terms import ClassName, Measure, RelType\n"
        'rel: RelType = "TARGET"\ncls: ClassName = "InspectionTeam"\nmeasure: Measure = "cluesTransferred"\n',
        encoding="utf-8",
    )
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from kg.terms import ClassName, Measure, RelType\n"
        'rel: RelType = "TARGETS"\ncls: ClassName = "InspectionTeams"\n'
        'measure: Measure = "clueTransferred"\n',
        encoding="utf-8",
    )
    options = ["--follow-imports=silent", "--no-incremental", "--cache-dir=/dev/null"]
    out, _, status = api.run([*options, str(good)])
    assert status == 0, out
    out, _, status = api.run([*options, str(bad)])
    assert status == 1
    assert out.count("Incompatible types in assignment") == 3, out
