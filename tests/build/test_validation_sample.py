"""Validation of a sample of articles, as on a build too large to validate whole: the report
names each conflict it finds, as a validation of the whole graph does, and says it is a sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from build_helpers import write_jsonl

import kg.build.run
import kg.build.validation
from kg.build import REPORT_NAME, build

_VISIT = "2021年{month}月{day}日,浙江省委{team}巡视组进驻浙江省{unit}党组开展常规巡视。"


def test_a_sample_names_the_conflicts_it_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # no graph is small enough to hold, and two articles of four are validated: the first and the third
    monkeypatch.setattr(kg.build.run, "IN_MEMORY_TRIPLES", 0)
    monkeypatch.setattr(kg.build.validation, "VALIDATE_SAMPLE", 2)
    visits = [
        (3, 1, "第一", "交通运输厅"),
        (4, 2, "第二", "水利厅"),
        (3, 5, "第一", "交通运输厅"),
        (5, 6, "第三", "财政厅"),
    ]
    records: list[dict[str, object]] = [
        {"title": f"进驻{k}", "text": _VISIT.format(month=m, day=d, team=t, unit=u), "publisher": "浙江日报"}
        for k, (m, d, t, u) in enumerate(visits)
    ]
    corpus = write_jsonl(tmp_path / "four.jsonl", records)
    report = build([str(corpus)], tmp_path / "out", load=False, html=False, workers=1)
    validation = report.validation
    assert validation["sample"] is True
    assert validation["checked"].startswith("a sample of 2 of 4 articles")
    assert validation["conforms"] is False and validation["violations"] >= 1
    (conflict,) = validation["conflicts"]
    assert conflict["property"] == "startDate" and "/Inspection/" in conflict["node"]
    assert conflict["values"] == ["2021-03-01", "2021-03-05"]
    assert len(conflict["articles"]) == 2 and len(conflict["evidence"]) == 2
    assert f"{conflict['node']} has 2 startDate" in validation["text"]
    assert validation["text"].endswith("(a sample of 2 of 4 articles)")
    assert any(
        r["node"] == conflict["node"] and r["constraint"] == "MaxCountConstraintComponent"
        for r in validation["results"]
    )
    written = json.loads((tmp_path / "out" / REPORT_NAME).read_text(encoding="utf-8"))["validation"]
    assert written["conflicts"] == validation["conflicts"] and written["sample"] is True
