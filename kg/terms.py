"""Term constants and the property-graph mapping.

Generated from ontology/acsn.ttl by `kg ontology --generate`; do not edit.
"""

from typing import Literal, get_args

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class ACSN(DefinedNamespace):
    """The acsn vocabulary; a misspelt term raises AttributeError."""

    _fail = True
    _NS = Namespace("https://w3id.org/acsn#")

    Admonishment: URIRef
    Article: URIRef
    Document: URIRef
    Event: URIRef
    Evidence: URIRef
    Inspection: URIRef
    InspectionRound: URIRef
    InspectionTeam: URIRef
    Investigation: URIRef
    JudicialReferral: URIRef
    Measures: URIRef
    Organization: URIRef
    PartialDate: URIRef
    PartyCommittee: URIRef
    Person: URIRef
    Position: URIRef
    Region: URIRef
    Sanction: URIRef
    Statistic: URIRef
    Surrender: URIRef
    adminCode: URIRef
    adminLevel: URIRef
    approximate: URIRef
    byTeam: URIRef
    category: URIRef
    charEnd: URIRef
    charStart: URIRef
    cluesTransferred: URIRef
    conductedBy: URIRef
    coverageRate: URIRef
    date: URIRef
    during: URIRef
    evidence: URIRef
    feedbackDate: URIRef
    former: URIRef
    holds: URIRef
    inArticle: URIRef
    inOrganization: URIRef
    inRound: URIRef
    inspectionType: URIRef
    involves: URIRef
    issuedBy: URIRef
    judicialReferrals: URIRef
    jurisdiction: URIRef
    level: URIRef
    locatedIn: URIRef
    measure: URIRef
    number: URIRef
    ordinal: URIRef
    other: URIRef
    page: URIRef
    partOf: URIRef
    period: URIRef
    personsAdmonished: URIRef
    personsInvestigated: URIRef
    personsSanctioned: URIRef
    personsSurrendered: URIRef
    problemsFound: URIRef
    problemsRectified: URIRef
    published: URIRef
    publisher: URIRef
    rank: URIRef
    rectificationRate: URIRef
    reportsTransferred: URIRef
    roundsConducted: URIRef
    scheme: URIRef
    scope: URIRef
    section: URIRef
    sourceId: URIRef
    startDate: URIRef
    subOrganizationOf: URIRef
    subtitle: URIRef
    suspectsDetained: URIRef
    target: URIRef
    teamOf: URIRef
    term: URIRef
    text: URIRef
    title: URIRef
    topic: URIRef
    unit: URIRef
    unitsInspected: URIRef
    uris: URIRef
    url: URIRef
    value: URIRef
    year: URIRef


#: a class of the ontology, which is also a node label
ClassName = Literal[
    "Admonishment",
    "Article",
    "Document",
    "Event",
    "Evidence",
    "Inspection",
    "InspectionRound",
    "InspectionTeam",
    "Investigation",
    "JudicialReferral",
    "Organization",
    "PartyCommittee",
    "Person",
    "Position",
    "Region",
    "Sanction",
    "Statistic",
    "Surrender",
]

#: a relationship type of the property graph
RelType = Literal[
    "DERIVED_FROM",
    "BY_TEAM",
    "CONDUCTED_BY",
    "DURING",
    "EVIDENCE",
    "HOLDS",
    "IN_ARTICLE",
    "IN_ORGANIZATION",
    "IN_ROUND",
    "INVOLVES",
    "ISSUED_BY",
    "JURISDICTION",
    "LOCATED_IN",
    "PART_OF",
    "SCOPE",
    "SUB_ORGANIZATION_OF",
    "TARGET",
    "TEAM_OF",
]

#: a node property key of the property graph
PropertyKey = Literal[
    "name",
    "aliases",
    "adminCode",
    "adminLevel",
    "approximate",
    "category",
    "charEnd",
    "charStart",
    "date",
    "feedbackDate",
    "former",
    "inspectionType",
    "level",
    "measure",
    "number",
    "ordinal",
    "page",
    "period",
    "published",
    "publisher",
    "rank",
    "scheme",
    "section",
    "sourceId",
    "startDate",
    "subtitle",
    "term",
    "text",
    "title",
    "topic",
    "unit",
    "uris",
    "url",
    "value",
    "year",
]

#: a controlled value of acsn:measure
Measure = Literal[
    "cluesTransferred",
    "coverageRate",
    "judicialReferrals",
    "other",
    "personsAdmonished",
    "personsInvestigated",
    "personsSanctioned",
    "personsSurrendered",
    "problemsFound",
    "problemsRectified",
    "rectificationRate",
    "reportsTransferred",
    "roundsConducted",
    "suspectsDetained",
    "unitsInspected",
]

#: node labels of each class (the class first, then its superclasses)
LABELS: dict[str, tuple[ClassName, ...]] = {
    "Admonishment": ("Admonishment", "Event"),
    "Article": ("Article",),
    "Document": ("Document",),
    "Event": ("Event",),
    "Evidence": ("Evidence",),
    "Inspection": ("Inspection",),
    "InspectionRound": ("InspectionRound",),
    "InspectionTeam": ("InspectionTeam", "Organization"),
    "Investigation": ("Investigation", "Event"),
    "JudicialReferral": ("JudicialReferral", "Event"),
    "Organization": ("Organization",),
    "PartyCommittee": ("PartyCommittee", "Organization"),
    "Person": ("Person",),
    "Position": ("Position",),
    "Region": ("Region",),
    "Sanction": ("Sanction", "Event"),
    "Statistic": ("Statistic",),
    "Surrender": ("Surrender", "Event"),
}

#: relationship type of each object property IRI
REL_TYPES: dict[str, RelType] = {
    "http://www.w3.org/ns/prov#wasDerivedFrom": "DERIVED_FROM",
    "https://w3id.org/acsn#byTeam": "BY_TEAM",
    "https://w3id.org/acsn#conductedBy": "CONDUCTED_BY",
    "https://w3id.org/acsn#during": "DURING",
    "https://w3id.org/acsn#evidence": "EVIDENCE",
    "https://w3id.org/acsn#holds": "HOLDS",
    "https://w3id.org/acsn#inArticle": "IN_ARTICLE",
    "https://w3id.org/acsn#inOrganization": "IN_ORGANIZATION",
    "https://w3id.org/acsn#inRound": "IN_ROUND",
    "https://w3id.org/acsn#involves": "INVOLVES",
    "https://w3id.org/acsn#issuedBy": "ISSUED_BY",
    "https://w3id.org/acsn#jurisdiction": "JURISDICTION",
    "https://w3id.org/acsn#locatedIn": "LOCATED_IN",
    "https://w3id.org/acsn#partOf": "PART_OF",
    "https://w3id.org/acsn#scope": "SCOPE",
    "https://w3id.org/acsn#subOrganizationOf": "SUB_ORGANIZATION_OF",
    "https://w3id.org/acsn#target": "TARGET",
    "https://w3id.org/acsn#teamOf": "TEAM_OF",
}

#: node property key of each datatype property IRI
PROPERTY_KEYS: dict[str, PropertyKey] = {
    "http://www.w3.org/2000/01/rdf-schema#label": "name",
    "http://www.w3.org/2004/02/skos/core#altLabel": "aliases",
    "https://w3id.org/acsn#adminCode": "adminCode",
    "https://w3id.org/acsn#adminLevel": "adminLevel",
    "https://w3id.org/acsn#approximate": "approximate",
    "https://w3id.org/acsn#category": "category",
    "https://w3id.org/acsn#charEnd": "charEnd",
    "https://w3id.org/acsn#charStart": "charStart",
    "https://w3id.org/acsn#date": "date",
    "https://w3id.org/acsn#feedbackDate": "feedbackDate",
    "https://w3id.org/acsn#former": "former",
    "https://w3id.org/acsn#inspectionType": "inspectionType",
    "https://w3id.org/acsn#level": "level",
    "https://w3id.org/acsn#measure": "measure",
    "https://w3id.org/acsn#number": "number",
    "https://w3id.org/acsn#ordinal": "ordinal",
    "https://w3id.org/acsn#page": "page",
    "https://w3id.org/acsn#period": "period",
    "https://w3id.org/acsn#published": "published",
    "https://w3id.org/acsn#publisher": "publisher",
    "https://w3id.org/acsn#rank": "rank",
    "https://w3id.org/acsn#scheme": "scheme",
    "https://w3id.org/acsn#section": "section",
    "https://w3id.org/acsn#sourceId": "sourceId",
    "https://w3id.org/acsn#startDate": "startDate",
    "https://w3id.org/acsn#subtitle": "subtitle",
    "https://w3id.org/acsn#term": "term",
    "https://w3id.org/acsn#text": "text",
    "https://w3id.org/acsn#title": "title",
    "https://w3id.org/acsn#topic": "topic",
    "https://w3id.org/acsn#unit": "unit",
    "https://w3id.org/acsn#uris": "uris",
    "https://w3id.org/acsn#url": "url",
    "https://w3id.org/acsn#value": "value",
    "https://w3id.org/acsn#year": "year",
}

#: controlled values of acsn:measure
MEASURES: tuple[Measure, ...] = get_args(Measure)

#: viewer colour and shape of each class
STYLES: dict[str, tuple[str, str]] = {
    "Admonishment": ("#f06292", "dot"),
    "Article": ("#9e9e9e", "box"),
    "Document": ("#546e7a", "box"),
    "Event": ("#d81b60", "dot"),
    "Evidence": ("#cfd8dc", "text"),
    "Inspection": ("#8d6e63", "square"),
    "InspectionRound": ("#6a1b9a", "diamond"),
    "InspectionTeam": ("#ef6c00", "triangle"),
    "Investigation": ("#b71c1c", "dot"),
    "JudicialReferral": ("#4a148c", "dot"),
    "Organization": ("#1e88e5", "dot"),
    "PartyCommittee": ("#c62828", "star"),
    "Person": ("#f9a825", "ellipse"),
    "Position": ("#ffe082", "ellipse"),
    "Region": ("#2e7d32", "hexagon"),
    "Sanction": ("#880e4f", "dot"),
    "Statistic": ("#00838f", "box"),
    "Surrender": ("#ad1457", "dot"),
}
