"""What the report's charts show, from the part of the graph they use (:class:`ReportData`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rdflib import Graph

from kg.ontology import ACSN_IRI

__all__ = [
    "ReportData",
    "collect_graph",
    "inspections_per_committee_year",
    "measures_over_time",
    "rounds_timeline",
]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_KEPT_TYPES = {
    "Inspection",
    "InspectionRound",
    "Statistic",
    "PartyCommittee",
    "Region",
    "Organization",
    "Article",
}
_KEPT_PROPS = {
    "inRound",
    "byTeam",
    "conductedBy",
    "teamOf",
    "startDate",
    "feedbackDate",
    "term",
    "ordinal",
    "year",
    "measure",
    "value",
    "unit",
    "period",
    "scope",
    "jurisdiction",
    "locatedIn",
    "adminCode",
    "adminLevel",
    "partOf",
    "published",
}


@dataclass
class ReportData:
    """The part of the graph the charts use: a few properties of a few kinds of node."""

    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    labels: dict[str, str] = field(default_factory=dict)
    props: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, s: str, p: str, o: str) -> None:
        """Keep one triple when the charts use it."""
        if p == _RDF_TYPE:
            if o.startswith(ACSN_IRI) and o[len(ACSN_IRI) :] in _KEPT_TYPES:
                self.types[s].add(o[len(ACSN_IRI) :])
        elif p == _LABEL:
            self.labels.setdefault(s, o)
        elif p == _DERIVED:
            self.props[s].setdefault("article", o)
        elif p.startswith(ACSN_IRI) and p[len(ACSN_IRI) :] in _KEPT_PROPS:
            self.props[s].setdefault(p[len(ACSN_IRI) :], o)

    def of(self, kind: str) -> list[str]:
        return sorted(s for s, t in self.types.items() if kind in t)

    def get(self, node: str | None, prop: str) -> str | None:
        return self.props.get(node, {}).get(prop) if node else None

    def label(self, node: str | None) -> str:
        return self.labels.get(node or "", "") or (node or "").rsplit("/", 1)[-1]


def collect_graph(graph: Graph) -> ReportData:
    """The chart data of an rdflib graph."""
    data = ReportData()
    for s, p, o in graph:
        data.add(str(s), str(p), str(o))
    return data


# ---------------------------------------------------------------- what the charts show
def _year(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def _committee(data: ReportData, inspection: str) -> str | None:
    round_ = data.get(inspection, "inRound")
    return data.get(round_, "conductedBy") or data.get(data.get(inspection, "byTeam"), "teamOf")


def inspections_per_committee_year(data: ReportData) -> tuple[dict[str, Counter[int]], int]:
    """Inspections by committee and year (stationed, else the round's year, else the article's);
    and how many have no year."""
    out: dict[str, Counter[int]] = defaultdict(Counter)
    undated = 0
    for n in data.of("Inspection"):
        round_ = data.get(n, "inRound")
        year = (
            _year(data.get(n, "startDate"))
            or _year(data.get(round_, "year"))
            or _year(data.get(n, "feedbackDate"))
            or _year(data.get(data.get(n, "article"), "published"))
        )
        if year is None:
            undated += 1
            continue
        out[data.label(_committee(data, n)) or "?"][year] += 1
    return dict(out), undated


def _province(data: ReportData, region: str | None) -> str | None:
    for _ in range(5):
        if region is None:
            return None
        code = data.get(region, "adminCode")
        if data.get(region, "adminLevel") == "province" or (code and code.endswith("0000")):
            return data.label(region)
        region = data.get(region, "partOf")
    return data.label(region) if region else None


def _series(data: ReportData, scope: str | None) -> str:
    """A figure's series: the committee it counts over, else its province."""
    if scope is None:
        return "未注明范围 no scope"
    kinds = data.types.get(scope, set())
    if "InspectionRound" in kinds:
        return data.label(data.get(scope, "conductedBy"))
    if "PartyCommittee" in kinds:
        return data.label(scope)
    if "Region" in kinds:
        return _province(data, scope) or data.label(scope)
    return _province(data, data.get(scope, "locatedIn")) or data.label(scope)


def measures_over_time(data: ReportData) -> dict[str, dict[str, dict[int, float]]]:
    """Per measure, per series, per year of the period: the largest figure reported."""
    out: dict[str, dict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(dict))
    for n in data.of("Statistic"):
        measure, value = data.get(n, "measure"), data.get(n, "value")
        year = _year(data.get(n, "period")) or _year(data.get(data.get(n, "article"), "published"))
        if not measure or value is None or year is None:
            continue
        try:
            number = float(value)
        except ValueError:
            continue
        points = out[measure][_series(data, data.get(n, "scope"))]
        points[year] = max(points.get(year, number), number)
    return {m: dict(s) for m, s in out.items()}


def _when(value: str | None) -> float | None:
    """A partial ISO date as a year with the month as a fraction (2019-07 -> 2019.5)."""
    year = _year(value)
    if year is None or value is None:
        return None
    month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else 1
    return year + (month - 1) / 12


def rounds_timeline(data: ReportData) -> dict[str, list[tuple[float, str, str]]]:
    """Per committee, its rounds as (time in years, short mark ``14-8``, name), earliest first.

    The time is the earliest stationing of its teams, else the round's year, else the earliest
    date of an article about it.
    """
    starts: dict[str, list[float]] = defaultdict(list)
    published: dict[str, list[float]] = defaultdict(list)
    for n in data.of("Inspection"):
        round_ = data.get(n, "inRound")
        if not round_:
            continue
        start = _when(data.get(n, "startDate"))
        if start is not None:
            starts[round_].append(start)
        seen = _when(data.get(data.get(n, "article"), "published"))
        if seen is not None:
            published[round_].append(seen)
    out: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    for r in data.of("InspectionRound"):
        own = _when(data.get(data.get(r, "article"), "published"))
        when = (
            min(starts[r])
            if starts.get(r)
            else _year(data.get(r, "year"))
            or min([*published.get(r, []), *([own] if own else [])], default=None)
        )
        if when is None:
            continue
        mark = f"{data.get(r, 'term') or '?'}-{data.get(r, 'ordinal') or '?'}"
        out[data.label(data.get(r, "conductedBy"))].append((float(when), mark, data.label(r)))
    return {c: sorted(v) for c, v in out.items()}
