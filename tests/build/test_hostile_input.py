"""Hostile input: one article never stops a build, an extract or a load.

Line and paragraph separators and other characters that :meth:`str.splitlines` splits at,
a lone surrogate in a JSON escape, a raw U+2028 inside a JSON Lines string, JSON nested
too deeply to parse, a missing path and an empty pattern next to good input, UTF-16 with a
BOM, and an article whose extraction runs past its time budget.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from build_helpers import GOOD, SLOW, slow_extractor, write_jsonl
from rdflib import Literal

from kg.build import REPORT_NAME, build
from kg.cli import run
from kg.export import parse_rdf
from kg.ingest import decode, read_inputs

#: Characters that str.splitlines splits at besides \n and \r.
SEPARATORS = {
    "u2028": "\u2028",
    "u2029": "\u2029",
    "formfeed": "\x0c",
    "vtab": "\x0b",
    "nel": "\x85",
    "filesep": "\x1c",
}


def _hostile_records() -> list[dict[str, object]]:
    records: list[dict[str, object]] = [
        {"id": f"sep-{name}", "text": f"省委第十一巡视组进驻省人{ch}防办。李明主动投案。"}
        for name, ch in SEPARATORS.items()
    ]
    records.append({"id": "surrogate", "text": "省委第三巡视组进驻省林业局\ud800。"})
    return records


def _write_hostile(path: Path) -> Path:
    # json.dumps writes the lone surrogate as the escape \ud800 (ensure_ascii): valid JSON text
    lines = [json.dumps(r) for r in [*GOOD, *_hostile_records()]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_separators_and_surrogates_do_not_stop_a_build(tmp_path: Path, workers: int) -> None:
    corpus = _write_hostile(tmp_path / "hostile.jsonl")
    report = build([str(corpus)], tmp_path / "out", workers=workers, load=False, html=False)
    assert report.articles_skipped == []
    assert report.articles_read == len(GOOD) + len(SEPARATORS) + 1
    graph = parse_rdf(tmp_path / "out" / "graph.ttl")
    texts = {str(o) for o in graph.objects() if isinstance(o, Literal)}
    for ch in SEPARATORS.values():
        assert f"省委第十一巡视组进驻省人{ch}防办。" in texts, repr(ch)
    assert "省委第三巡视组进驻省林业局\ufffd。" in texts
    assert json.loads((tmp_path / "out" / REPORT_NAME).read_text(encoding="utf-8"))["articles_read"] == 9


def test_a_raw_line_separator_inside_a_json_lines_string_is_one_record(tmp_path: Path) -> None:
    path = tmp_path / "raw.jsonl"
    record = json.dumps({"id": "raw", "text": "省委第十一巡视组\u2028进驻省人防办。"}, ensure_ascii=False)
    assert "\u2028" in record
    path.write_text(record + "\n" + json.dumps(GOOD[0], ensure_ascii=False) + "\n", encoding="utf-8")
    skipped: list[object] = []
    articles = [a for _, a in read_inputs([str(path)], skipped=skipped)]  # type: ignore[arg-type]
    assert skipped == []
    assert [a.id for a in articles] == ["raw", "g1"]


def test_deep_json_missing_paths_and_empty_patterns_are_skipped(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    good = write_jsonl(tmp_path / "good.jsonl", GOOD)
    missing, empty = str(tmp_path / "missing.txt"), str(tmp_path / "*.nothing")
    report = build(
        [str(deep), missing, empty, str(good)], tmp_path / "out", workers=1, load=False, html=False
    )
    reasons = [s["reason"] for s in report.articles_skipped]
    assert reasons == [
        f"{deep}: JSON nested too deeply to read",
        f"{missing}: no such file or folder",
        f"{empty}: no file matches this pattern",
    ]
    assert report.articles_read == len(GOOD)
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_on_error_fail_still_stops_at_a_missing_path(tmp_path: Path) -> None:
    from kg.errors import InputError

    with pytest.raises(InputError, match="no such file or folder"):
        list(read_inputs([str(tmp_path / "missing.txt")], on_error="fail"))


def test_utf16_with_a_bom_is_text() -> None:
    text = "省委第十一巡视组进驻省人防办。"
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        assert decode(data, "x.txt") == text, encoding


def test_kg_extract_to_ntriples_survives_a_lone_surrogate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _write_hostile(tmp_path / "hostile.jsonl")
    out = tmp_path / "x.nt"
    code = run(["extract", str(corpus), "-o", str(out), "-q"])
    assert code == 0, capsys.readouterr().err
    graph = parse_rdf(out)
    assert Literal("省委第三巡视组进驻省林业局\ufffd。") in set(graph.objects())


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_over_its_time_budget_is_skipped_with_its_reason(tmp_path: Path, workers: int) -> None:
    records = [*GOOD, {"id": "slow", "text": f"{SLOW}省委第二巡视组进驻省林业局。"}]
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    started = time.monotonic()
    report = build(
        [str(corpus)],
        tmp_path / "out",
        workers=workers,
        chunk_size=1,
        load=False,
        html=False,
        extractor=slow_extractor,
        article_seconds=3,
    )
    assert time.monotonic() - started < 20
    assert report.articles_read == len(GOOD)  # the articles done; the slow one is skipped
    (slow,) = report.articles_skipped
    assert "extraction took longer than 3 s (--article-seconds); skipped" in slow["reason"]
    texts = {str(o) for o in parse_rdf(tmp_path / "out" / "graph.ttl").objects()}
    assert "近日,省委第十一巡视组进驻省人防办。" in texts
    assert not any("林业局" in t for t in texts)
