"""The rows of the tables, read from the codec's property graph (:mod:`kg.codec`).

Every value is the one the property graph holds: a node's class is its most specific
class, a single-valued property its single value, and of several targets of a
relationship (a round conducted by two committees) the first by IRI. A row's
``conflicts`` cell names the properties of the row's thing whose values disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from rdflib import Graph

from kg.codec import decode_graph
from kg.codec.view import GraphView

__all__ = ["ROWS", "Cell", "Row", "TableView"]

Cell = str | int | float | bool | None
"""One cell of a table."""
Row = dict[str, Cell]
"""One row of a table, by column name."""


class TableView(GraphView):
    """The graph as the tables read it: a :class:`~kg.codec.view.GraphView` with regions and articles."""

    def __init__(self, graph: Graph) -> None:
        super().__init__(decode_graph(graph))

    def ref(self, column: str, node: str | None) -> Row:
        """The name of a node and its IRI, in ``column`` and ``column_id``."""
        return {column: self.name(node), f"{column}_id": node}

    def region_code(self, node: str | None) -> str | None:
        """The GB/T 2260 code of a region, of an organization's region, of a committee's or round's."""
        for _ in range(4):
            if node is None:
                return None
            kind = self.cls(node)
            if kind == "Region":
                code = self.value(node, "adminCode")
                return str(code) if code is not None else None
            if kind == "PartyCommittee":
                node = self.target(node, "JURISDICTION") or self.target(node, "LOCATED_IN")
            elif kind == "InspectionRound":
                node = self.target(node, "CONDUCTED_BY")
            elif kind == "InspectionTeam":
                node = self.target(node, "TEAM_OF")
            else:
                node = self.target(node, "LOCATED_IN")
        return None

    def conflicts(self, *nodes: str | None) -> str | None:
        """``key: value | value`` for each property of the nodes whose values disagree (``; `` between)."""
        parts = []
        for node in nodes:
            row = self.rows.get(node) if node is not None else None
            if row is not None:
                parts += [f"{k}: {' | '.join(map(str, v))}" for k, v in row.values.items()]
        return "; ".join(parts) or None

    def articles(self, node: str) -> list[Row]:
        """The article columns, once per article that states the node."""
        evidence = self.targets(node, "EVIDENCE")
        out: list[Row] = []
        for article in self.targets(node, "DERIVED_FROM"):
            sentences = sorted(
                (_int(self.value(e, "charStart")), str(self.value(e, "text") or ""))
                for e in evidence
                if article in self.targets(e, "IN_ARTICLE")
            )
            out.append(
                {
                    "article_id": self.value(article, "sourceId"),
                    "article_url": self.value(article, "url"),
                    "article_date": self.value(article, "published"),
                    "evidence": " | ".join(text for _, text in sentences if text) or None,
                }
            )
        return out


def _int(value: Cell) -> int:
    return value if isinstance(value, int) else 0


def _with_sources(view: TableView, row: Row, *nodes: str | None) -> Iterator[Row]:
    """The row once per article that states the first of ``nodes`` that has an article."""
    row["conflicts"] = view.conflicts(*nodes)
    for node in nodes:
        found = view.articles(node) if node is not None else []
        if found:
            for source in found:
                yield {**row, **source}
            return
    yield row


def _inspections(view: TableView) -> Iterator[Row]:
    for n in view.nodes_of("Inspection"):
        round_, team, target = (view.target(n, t) for t in ("IN_ROUND", "BY_TEAM", "TARGET"))
        committee = view.target(round_, "CONDUCTED_BY") or view.target(team, "TEAM_OF")
        row = {
            "id": n,
            "label": view.name(n),
            "round": view.name(round_),
            "round_id": round_,
            "term": view.value(round_, "term"),
            "ordinal": view.value(round_, "ordinal"),
            **view.ref("committee", committee),
            **view.ref("team", team),
            **view.ref("target", target),
            "target_class": view.cls(target),
            "target_region_code": view.region_code(target),
            "inspection_type": view.value(n, "inspectionType"),
            "topic": view.value(n, "topic"),
            "start_date": view.value(n, "startDate"),
            "feedback_date": view.value(n, "feedbackDate"),
        }
        yield from _with_sources(view, row, n)


def _rounds(view: TableView) -> Iterator[Row]:
    for n in view.nodes_of("InspectionRound"):
        committee = view.target(n, "CONDUCTED_BY")
        row = {
            "id": n,
            "name": view.name(n),
            **view.ref("committee", committee),
            "committee_region_code": view.region_code(committee),
            **{key: view.value(n, key) for key in ("scheme", "term", "ordinal", "year")},
            "inspections": len(view.sources(n, "IN_ROUND")),
        }
        yield from _with_sources(view, row, n)


def _is_leader(title: Cell) -> bool:
    return bool(title) and "组长" in str(title) and "副组长" not in str(title)


def _teams(view: TableView) -> Iterator[Row]:
    for n in view.nodes_of("InspectionTeam"):
        leaders: list[str] = []
        deputies: list[str] = []
        for position in view.sources(n, "IN_ORGANIZATION"):
            title = view.value(position, "title")
            for person in view.sources(position, "HOLDS"):
                name = view.name(person) or ""
                (leaders if _is_leader(title) else deputies if "副组长" in str(title) else []).append(name)
        row = {
            "id": n,
            "name": view.name(n),
            **view.ref("committee", view.target(n, "TEAM_OF")),
            "scheme": view.value(n, "scheme"),
            "number": view.value(n, "number"),
            "leaders": "、".join(sorted(set(leaders))) or None,
            "deputy_leaders": "、".join(sorted(set(deputies))) or None,
            "inspections": len(view.sources(n, "BY_TEAM")),
        }
        yield from _with_sources(view, row, n)


def _persons(view: TableView) -> Iterator[Row]:
    for person in view.nodes_of("Person"):
        positions: list[str | None] = [*view.targets(person, "HOLDS")] or [None]
        for position in positions:
            org = view.target(position, "IN_ORGANIZATION")
            former = view.value(position, "former")
            row = {
                "person_id": person,
                "person": view.name(person),
                "position_id": position,
                "post": view.name(position),
                "title": view.value(position, "title"),
                "rank": view.value(position, "rank"),
                **view.ref("organization", org),
                "organization_region_code": view.region_code(org),
                "former": bool(former) if position is not None else None,
            }
            yield from _with_sources(view, row, position, person)


def _events(view: TableView) -> Iterator[Row]:
    for n in view.nodes_of("Event"):
        during = view.targets(n, "DURING")
        inspection = next((d for d in during if view.cls(d) == "Inspection"), None)
        round_ = next((d for d in during if view.cls(d) == "InspectionRound"), None)
        row = {
            "id": n,
            "event_type": view.cls(n),
            "label": view.name(n),
            **view.ref("person", view.target(n, "INVOLVES")),
            "date": view.value(n, "date"),
            **view.ref("during_inspection", inspection),
            "during_round": view.name(round_ or view.target(inspection, "IN_ROUND")),
        }
        yield from _with_sources(view, row, n)


def _statistics(view: TableView) -> Iterator[Row]:
    zh = {m.name: m.label_zh for m in view.vocab.measures.values()}
    for n in view.nodes_of("Statistic"):
        scope = view.target(n, "SCOPE")
        measure, value = view.value(n, "measure"), view.value(n, "value")
        row = {
            "id": n,
            "measure": measure,
            "measure_zh": zh.get(str(measure)),
            "value": float(value) if value is not None else None,
            **{key: view.value(n, key) for key in ("unit", "approximate", "period")},
            **view.ref("scope", scope),
            "scope_class": view.cls(scope),
            "scope_region_code": view.region_code(scope),
            "text": view.name(n),
        }
        yield from _with_sources(view, row, n)


def _documents(view: TableView) -> Iterator[Row]:
    for n in view.nodes_of("Document"):
        row = {
            "id": n,
            "name": view.name(n),
            **view.ref("issued_by", view.target(n, "ISSUED_BY")),
            "date": view.value(n, "date"),
        }
        yield from _with_sources(view, row, n)


ROWS: dict[str, Callable[[TableView], Iterator[Row]]] = {
    "inspections": _inspections,
    "rounds": _rounds,
    "teams": _teams,
    "persons": _persons,
    "events": _events,
    "statistics": _statistics,
    "documents": _documents,
}
"""The row function of each table, by table name."""
