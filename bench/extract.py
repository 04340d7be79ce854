"""Extraction speed on one core, next to jieba.posseg's on the same text in the same run.

Usage::

    python bench/extract.py [-n 1000] [--seed 1] [--corpus FILE.jsonl]

Without ``--corpus`` the articles come from ``bench/make_corpus.py``. Prints articles per
second of :func:`kg.extract.extract` (and of extract + :func:`kg.graph.to_graph`), of
``jieba.posseg.lcut`` over the same texts, and the ratio. Target: >= 100 articles/s and
no slower than jieba.posseg.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

__all__ = ["main"]


def _articles(n: int, seed: int, corpus: str | None) -> list[object]:
    from kg.ingest import record_to_article

    if corpus:
        records = [json.loads(line) for line in Path(corpus).read_text(encoding="utf-8").splitlines() if line]
        records = [dict(r, id=f"{r.get('id')}-{i}") for i, r in enumerate(records * (n // len(records) + 1))][
            :n
        ]
    else:
        from make_corpus import generate

        records = list(generate(n, seed))
    return [record_to_article(r, f"bench#{i}") for i, r in enumerate(records)]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures (and a JSON line)."""
    parser = argparse.ArgumentParser(description="extraction speed vs jieba.posseg")
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", help="JSON Lines corpus to repeat instead of generated articles")
    args = parser.parse_args(argv)
    from dataclasses import replace

    from kg.extract import extract
    from kg.graph import to_graph

    articles = _articles(args.n, args.seed, args.corpus)
    chars = sum(len(a.text) for a in articles)  # type: ignore[attr-defined]
    extract(replace(articles[0]))  # type: ignore[type-var]  # warm the lexicons
    fresh = [replace(a) for a in articles]  # type: ignore[type-var]  # no cached sentences
    t = time.perf_counter()
    for a in fresh:
        extract(a)
    t_extract = time.perf_counter() - t
    fresh = [replace(a) for a in articles]  # type: ignore[type-var]
    t = time.perf_counter()
    for a in fresh:
        to_graph(extract(a))
    t_graph = time.perf_counter() - t

    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    pseg.lcut(articles[0].text)  # type: ignore[attr-defined]  # load the dictionary
    t = time.perf_counter()
    for a in articles:
        pseg.lcut(a.text)  # type: ignore[attr-defined]
    t_jieba = time.perf_counter() - t

    n = len(articles)
    figures = {
        "articles": n,
        "mean_chars": round(chars / n),
        "extract_per_s": round(n / t_extract, 1),
        "extract_to_graph_per_s": round(n / t_graph, 1),
        "jieba_posseg_per_s": round(n / t_jieba, 1),
        "ratio_extract_vs_jieba": round(t_jieba / t_extract, 2),
    }
    print(f"{n} articles, {chars / n:.0f} characters on average, one core")
    print(f"kg.extract.extract        {figures['extract_per_s']:>9} articles/s")
    print(f"extract + to_graph        {figures['extract_to_graph_per_s']:>9} articles/s")
    print(f"jieba.posseg.lcut         {figures['jieba_posseg_per_s']:>9} articles/s")
    print(f"extract / jieba speed     {figures['ratio_extract_vs_jieba']:>9}x")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
