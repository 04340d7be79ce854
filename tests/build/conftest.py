"""Corpora for the build tests: small valid ones, and one full of bad input, written by fixtures."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from build_helpers import GOOD, write_jsonl
from make_corpus import generate


@pytest.fixture
def synthetic() -> Callable[[int, int], list[dict[str, object]]]:
    """``synthetic(n, seed)``: generated articles."""
    return lambda n, seed=1: list(generate(n, seed))


@pytest.fixture
def bad_corpus(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder with every kind of bad input next to valid articles; returns it and {file: kind}."""
    root = tmp_path / "bad"
    root.mkdir()
    kinds: dict[str, str] = {}

    def put(name: str, data: bytes, kind: str) -> None:
        (root / name).write_bytes(data)
        kinds[name] = kind

    put("01-empty.txt", b"", "empty")
    put("02-blank.txt", b"  \n\n ", "empty")
    put("03-binary.txt", bytes(range(256)) * 20, "binary")
    put("04-truncated.txt", "省委第十一巡视组进驻省人防办。".encode()[:-1], "truncated UTF-8")
    put("05-huge-line.txt", ("巡视" * 400_000).encode(), "one enormous line")
    put(
        "06-scripts.html",
        (
            "<html><head><script>" + "var x=1;" * 2000 + "</script></head><body><script>alert(1)</script>"
            "<style>p{}</style></body></html>"
        ).encode(),
        "HTML full of scripts",
    )
    put(
        "07-wrong-types.json",
        json.dumps({"id": "w1", "text": ["不是", "文本"]}).encode(),
        "JSON with wrong types",
    )
    put("08-no-text.jsonl", b'{"id": "n1", "title": "\\u6ca1\\u6709\\u6b63\\u6587"}\n', "record without text")
    dup = [
        {"id": "dup", "text": "省委第一巡视组进驻省交通运输厅。"},
        {"id": "dup", "text": "省委第二巡视组进驻省水利厅。"},
    ]
    put(
        "09-duplicates.jsonl",
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dup).encode(),
        "duplicate id",
    )
    put("10-malformed.jsonl", b'{"id": "m1", "text": \n', "malformed JSON")
    put("11-not-chinese.txt", bytes(range(0xA1, 0xFF)) * 40, "undecodable bytes")
    # valid articles in other encodings, which must be read
    put(
        "20-gbk.txt",
        "浙江省委巡视组\n\n近日,省委第三巡视组进驻省财政厅开展常规巡视。\n".encode("gbk"),
        "valid GBK",
    )
    put(
        "21-big5.txt",
        "巡視組進駐\n\n近日,省委第五巡視組進駐省教育廳開展常規巡視。\n".encode("big5"),
        "valid Big5",
    )
    write_jsonl(root / "22-good.jsonl", GOOD)
    kinds["22-good.jsonl"] = "valid"
    loop = root / "loop"
    loop.mkdir()
    os.symlink("..", loop / "back")  # a symlink loop in the folder
    kinds["loop/back"] = "symlink loop"
    return root, kinds
