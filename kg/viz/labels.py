"""The viewer's words: labels on the canvas, property lines and tooltips.

Everything here is plain text: vis-network shows string tooltips with ``innerText`` and the
side panel puts text on screen with ``textContent``, so nothing is markup.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from kg.codec import CONFLICTS, VALUES_SUFFIX
from kg.netx import EvidenceRecord
from kg.ontology import vocabulary

__all__ = ["canvas_label", "edge_tooltip", "node_tooltip", "property_lines"]

_LABEL_MAX = 16
_TIP_EVIDENCE = 2
_TIP_SENTENCE = 160
_VALUE_ZH = {
    "province": "省级",
    "prefecture": "地级",
    "county": "县级",
    "township": "乡级",
    "central": "中央",
    "provincial": "省级",
    "municipal": "市级",
    "party": "党组织",
    "state": "国家机关",
    "enterprise": "企业",
    "institution": "事业单位",
}
"""Chinese beside the English values of adminLevel, level and category."""
_NOT_PROPERTIES = {"cls", "label", "name", "aliases", "evidence", "sources"}


def _short(text: str, limit: int = _LABEL_MAX) -> str:
    """``text`` in at most ``limit`` characters, shortened in the middle (both ends tell nodes apart)."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def canvas_label(G: nx.MultiDiGraph, v: Hashable) -> str:
    """The label drawn on the canvas.

    An inspection reads "round · target", each side shortened in the middle so the target
    is never cut off; a figure reads "measure: value unit (scope, period)".

    Examples
    --------
    >>> _short("十四届浙江省委第七轮巡视", 9)
    '十四届浙…七轮巡视'
    """
    attrs = G.nodes[v]
    label = str(attrs["label"])
    if attrs["cls"] == "Inspection" and "·" in label:
        agent, _, target = label.partition("·")
        return f"{_short(agent, 10)}·{_short(target, 12)}"
    if attrs["cls"] == "Statistic":
        measure = vocabulary().measures.get(str(attrs.get("measure", "")))
        what = measure.label_zh if measure else str(attrs.get("measure", ""))
        scope = next((G.nodes[t]["label"] for _, t, k in G.out_edges(v, keys=True) if k == "SCOPE"), None)
        where = ", ".join(str(x) for x in (_short(scope, 10) if scope else None, attrs.get("period")) if x)
        value = f"{_number(attrs.get('value'))}{attrs.get('unit', '') or ''}"
        return f"{what}: {value}" + (f" ({where})" if where else "")
    return _short(label)


def property_lines(
    attrs: Mapping[str, Any], labels: Mapping[str, str], measures: Mapping[str, str]
) -> list[tuple[str, str]]:
    """A node's properties as (Chinese name, value) lines, in the order of their names.

    ``labels`` names the datatype properties, ``measures`` the measures of figures.
    """
    out = []
    for key in sorted(attrs):
        if key in _NOT_PROPERTIES or attrs[key] in (None, "", []):
            continue
        value = attrs[key]
        if key == "measure":
            value = f"{measures.get(str(value), value)} ({value})"
        elif str(value) in _VALUE_ZH:
            value = f"{_VALUE_ZH[str(value)]} {value}"
        elif isinstance(value, bool):
            value = "是" if value else "否"
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        elif isinstance(value, (list, tuple)):
            value = "、".join(str(v) for v in value)  # aliases, the values of a conflict
        out.append((_property_name(key, labels), str(value)))
    return out


def _property_name(key: str, labels: Mapping[str, str]) -> str:
    """The Chinese name of a property key, the conflict record's included."""
    if key == CONFLICTS:
        return "取值不一的属性 conflicts"
    if key.endswith(VALUES_SUFFIX) and key[: -len(VALUES_SUFFIX)] in labels:
        return f"{labels[key[: -len(VALUES_SUFFIX)]]}(各来源的值)"
    return labels.get(key, key)


def _cite(article: Mapping[str, Any] | None) -> str:
    if not article:
        return ""
    title = f"《{article.get('title')}》" if article.get("title") else ""
    parts = [title, article.get("publisher"), article.get("published")]
    return " · ".join(str(p) for p in parts if p)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _evidence_lines(G: nx.MultiDiGraph, ids: Iterable[str]) -> list[str]:
    """The first sentences stating a node or an edge, each with its article."""
    evidence: Mapping[str, EvidenceRecord] = G.graph.get("evidence", {})
    articles: Mapping[str, Mapping[str, Any]] = G.graph.get("articles", {})
    stated = [e for e in ids if e in evidence]
    if not stated:
        return []
    lines = ["", f"证据 Evidence ({len(stated)}):"]
    for e in stated[:_TIP_EVIDENCE]:
        record = evidence[e]
        lines.append(f"“{_clip(record.text, _TIP_SENTENCE)}”")
        cite = _cite(articles.get(record.article or ""))
        if cite:
            lines.append(f"  —— {cite}")
    if len(stated) > _TIP_EVIDENCE:
        lines.append(f"… {len(stated) - _TIP_EVIDENCE} more: click for all 点击查看全部")
    return lines


def node_tooltip(G: nx.MultiDiGraph, v: Hashable, props: Iterable[tuple[str, str]]) -> str:
    """A node's tooltip: class, name, aliases, the first properties and evidence."""
    attrs = G.nodes[v]
    cls = attrs["cls"]
    cls_def = vocabulary().classes.get(cls)
    lines = [f"{cls_def.label_zh} {cls_def.label_en}" if cls_def else cls, _clip(str(attrs["label"]), 80)]
    aliases = list(attrs.get("aliases", ()))
    if aliases:
        more = f" …(+{len(aliases) - 6})" if len(aliases) > 6 else ""
        lines.append("别名 aliases: " + "、".join(_clip(a, 40) for a in aliases[:6]) + more)
    for label, value in list(props)[:8]:
        lines.append(f"{label}: {_clip(value, 60)}")
    lines += _evidence_lines(G, attrs.get("evidence", ()))
    return "\n".join(lines)


def edge_tooltip(
    G: nx.MultiDiGraph, u: Hashable, v: Hashable, names: tuple[str, str], evidence: Iterable[str]
) -> str:
    """An edge's tooltip: the relationship's ``names`` (Chinese, English), its ends and evidence."""
    zh, en = names
    lines = [
        f"{zh} {en}",
        f"{_clip(str(G.nodes[u]['label']), 40)} → {_clip(str(G.nodes[v]['label']), 40)}",
    ]
    lines += _evidence_lines(G, evidence)
    return "\n".join(lines)
