"""How extraction time grows with the length of one article: real-looking text and repetitions.

Usage::

    python bench/scaling.py                       # 10 kB, 100 kB, 1 MB and 10 MB (UTF-8) of each text
    python bench/scaling.py --sizes 10000 100000  # a quick look
    python bench/scaling.py --only team digits

Each text is one article of the given size in UTF-8 bytes, extracted by
:func:`kg.extract.extract` in this process (one core). The texts:

| name | what it repeats |
|---|---|
| ``corpus`` | articles of ``bench/make_corpus.py`` joined into one |
| ``seed`` | the shipped article ``examples/seed-zjrb-20200110.txt`` |
| ``team`` | 第一巡视组 with no punctuation (one sentence) |
| ``surrender`` | 王伟主动投案 with no punctuation |
| ``digits`` | decimal digits |
| ``line`` | the seed article with its line breaks and sentence ends removed (one 10 MB sentence) |

For each text it prints the seconds per size and the exponent ``k`` of the least-squares fit
``seconds ~ size^k`` over the sizes; linear extraction has ``k`` near 1. Targets: every ``k`` at
most 1.2, and 10 MB under 60 s.
"""

from __future__ import annotations

import argparse
import gc
import math
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

__all__ = ["TEXTS", "fit_exponent", "main", "text_of"]

SIZES = (10_000, 100_000, 1_000_000, 10_000_000)


def _seed() -> str:
    return (ROOT / "examples" / "seed-zjrb-20200110.txt").read_text(encoding="utf-8")


def _corpus() -> str:
    from make_corpus import generate

    return "\n".join(str(r["text"]) for r in generate(200, 1))


def _line() -> str:
    return re.sub(r"[\n。!?!?]", ",", _seed())


TEXTS: dict[str, Callable[[], str]] = {
    "corpus": _corpus,
    "seed": _seed,
    "team": lambda: "第一巡视组",
    "surrender": lambda: "王伟主动投案",
    "digits": lambda: "1234567890",
    "line": _line,
}


def text_of(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` bytes of UTF-8 (cut at a character)."""
    per_char = len(unit.encode("utf-8")) / len(unit)
    chars = int(size / per_char)
    return (unit * (chars // len(unit) + 1))[:chars]


def fit_exponent(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log(seconds) against log(size), by least squares."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-4)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else float("nan")


def _time(text: str) -> float:
    from kg.extract import extract
    from kg.model import Article

    article = Article(id="scaling", text=text, date="2020-01-10", publisher="浙江日报")
    gc.collect()
    start = time.perf_counter()
    extract(article)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="sizes in UTF-8 bytes")
    parser.add_argument("--only", nargs="+", choices=sorted(TEXTS), help="these texts only")
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    _time("暖身:省委第一巡视组进驻省人防办。")  # import and warm the tables outside the timings
    header = f"{'text':<10}" + "".join(f"{_label(s):>10}" for s in sizes) + f"{'k':>7}"
    print(header)
    worst = 0.0
    for name in args.only or list(TEXTS):
        unit = TEXTS[name]()
        seconds = [_time(text_of(unit, size)) for size in sizes]
        k = fit_exponent(sizes, seconds) if len(sizes) > 1 else float("nan")
        worst = max(worst, k) if not math.isnan(k) else worst
        print(f"{name:<10}" + "".join(f"{t:>10.2f}" for t in seconds) + f"{k:>7.2f}", flush=True)
    print(f"largest exponent {worst:.2f} (target <= 1.2)")
    return 0


def _label(size: int) -> str:
    for unit, div in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= div:
            return f"{size / div:g} {unit}"
    return f"{size} B"


if __name__ == "__main__":
    raise SystemExit(main())
