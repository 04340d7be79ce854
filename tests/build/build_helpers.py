"""Extractors for the build tests, importable by worker processes."""

from __future__ import annotations

import json
from pathlib import Path

from kg.extract import extract
from kg.model import Article, Extraction

POISON = "毒文章"


def poison_extractor(article: Article) -> Extraction:
    """The rule-based extractor, except that it crashes on articles whose text holds :data:`POISON`."""
    if POISON in article.text:
        raise RuntimeError(f"poisoned article {article.id}")
    return extract(article)


GOOD = [
    {
        "id": "g1",
        "title": "进驻",
        "text": "近日,省委第十一巡视组进驻省人防办。",
        "date": "2020-01-10",
        "source": "浙江日报",
    },
    {
        "id": "g2",
        "title": "投案",
        "text": "在十四届省委第八轮巡视进驻省民族宗教事务委员会党组期间,"
        "省民族宗教事务委员会副厅长级干部钟昌明主动投案。",
        "source": "浙江日报",
    },
]


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    """Write records as JSON Lines."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


SLOW = "慢文章"


def slow_extractor(article: Article) -> Extraction:
    """The rule-based extractor, except that articles whose text holds :data:`SLOW` take 30 s."""
    if SLOW in article.text:
        import time

        time.sleep(30)
    return extract(article)
