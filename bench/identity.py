"""Identity across articles on a generated corpus with planted truth, against an exact-name baseline.

Usage::

    python bench/identity.py -n 400 --seed 1

The corpus plants what breaks naive identity: namesakes (the same name held by officials of
different provinces), one official across several articles with his post worded differently
(厅长 / 原厅长 / 党组书记、厅长, full or short body names), central rounds under three namings
(十八届中央第三轮巡视 / 2014年中央第一轮巡视 / 中央第三轮巡视 in a dated article) and bodies named with
and without their 党组, in short forms (省民政厅) that only the newspaper's province places.

Every planted mention is matched to the node the extractor made for it in its article, then
the clusters the IRIs form are scored against the truth (pairwise and B-cubed precision and
recall), next to the baseline that merges every mention of the same class with the same name
as written. A mention the extractor missed is a cluster of its own (it costs recall).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from kg.model import Article
from kg.pipeline import extract_articles
from kg.terms import ACSN

DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
PROVINCES = ("浙江", "河南", "江苏", "湖北", "四川", "福建", "安徽", "湖南")
BODIES = ("民政厅", "财政厅", "水利厅", "商务厅", "自然资源厅", "交通运输厅")
GIVEN = "勇军伟强刚明华建国平志红斌涛波辉鹏宇峰"
SURNAMES = "王李张刘陈杨黄赵吴周"
# (truth id, the namings of that round); the article's date makes the term-less one resolvable
ROUNDS = (
    ("18-3", ("十八届中央第三轮巡视", "2014年中央第一轮巡视", "中央第三轮巡视"), "2014-04-10"),
    ("18-7", ("十八届中央第七轮巡视", "2015年中央第二轮巡视", "中央第七轮巡视"), "2015-08-01"),
    ("19-2", ("十九届中央第二轮巡视", "2018年中央第二轮巡视", "中央第二轮巡视"), "2018-11-05"),
    ("19-5", ("十九届中央第五轮巡视", "2020年中央第一轮巡视", "中央第五轮巡视"), "2020-06-01"),
)


@dataclass(frozen=True)
class Mention:
    """One planted mention: its article, class, truth id, the name as written, and the node's label."""

    article: str
    cls: str
    truth: str
    surface: str
    label: str


@dataclass(frozen=True)
class Official:
    name: str
    province: str
    body: str


def officials(rng: random.Random, n: int) -> list[Official]:
    """``n`` officials; about a third share their name with an official of another province."""
    out: list[Official] = []
    names: list[str] = []
    while len(out) < n:
        if names and rng.random() < 0.35:
            name = rng.choice(names)  # a namesake
            taken = {o.province for o in out if o.name == name}
            free = [p for p in PROVINCES if p not in taken]
            if not free:
                continue
            province = rng.choice(free)
        else:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            if name in names:
                continue
            names.append(name)
            province = rng.choice(PROVINCES)
        out.append(Official(name, province, rng.choice(BODIES)))
    return out


def corpus(n_articles: int, seed: int) -> tuple[list[Article], list[Mention]]:
    """Articles and the truth of their mentions."""
    rng = random.Random(seed)
    people = officials(rng, max(4, n_articles // 3))
    articles: list[Article] = []
    mentions: list[Mention] = []
    for i in range(n_articles):
        o = rng.choice(people)
        rid, namings, date = rng.choice(ROUNDS)
        naming = rng.choice(namings)
        aid = f"id{i:05d}"
        full = f"{o.province}省{o.body}"
        post = rng.choice(("厅长", "原厅长", "党组书记、厅长", "党组副书记、厅长"))
        short = rng.random() < 0.5  # 省民政厅: the newspaper's province places it
        body_text = f"省{o.body}" if short else full
        party = rng.random() < 0.5
        lines = [
            f"{naming}于近日启动。",
            f"{body_text}{post}{o.name}接受纪律审查和监察调查。",
        ]
        if party:
            lines.append(f"{body_text}党组召开专题会议，研究整改工作。")
        articles.append(
            Article(id=aid, text="".join(lines), date=date, publisher=f"{o.province}日报", title=naming)
        )
        person_truth = f"{o.name}|{o.province}"
        mentions.append(Mention(aid, "Person", person_truth, o.name, o.name))
        mentions.append(Mention(aid, "InspectionRound", rid, naming, ""))
        mentions.append(Mention(aid, "Organization", full, body_text, full))
        if party:
            mentions.append(Mention(aid, "Organization", full + "党组", body_text + "党组", full + "党组"))
    return articles, mentions


def _names(g: Graph, node: URIRef) -> set[str]:
    return {str(x) for p in (RDFS.label, SKOS.altLabel) for x in g.objects(node, p)}


def system_clusters(g: Graph, articles: Sequence[Article], mentions: Sequence[Mention]) -> list[Hashable]:
    """The IRI each mention got (a fresh token when the extractor missed it)."""
    by_article: dict[tuple[str, str], list[URIRef]] = defaultdict(list)
    art_of = {str(g.value(a, ACSN.sourceId)): a for a in g.subjects(RDF.type, ACSN.Article)}
    for node, art in g.subject_objects(DERIVED):
        for t in g.objects(node, RDF.type):
            by_article[(str(art), str(t).removeprefix(str(ACSN)))].append(node)
    out: list[Hashable] = []
    for m in mentions:
        nodes = by_article.get((str(art_of.get(m.article)), m.cls), [])
        hit = next((n for n in sorted(nodes) if not m.label or m.label in _names(g, n)), None)
        out.append(hit if hit is not None else ("missed", m))
    return out


def scores(truth: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """Pairwise and B-cubed precision, recall and F1 of ``pred`` clusters against ``truth``."""
    by_t: dict[Hashable, list[int]] = defaultdict(list)
    by_p: dict[Hashable, list[int]] = defaultdict(list)
    for i, (t, p) in enumerate(zip(truth, pred, strict=True)):
        by_t[t].append(i)
        by_p[p].append(i)
    n = len(truth)
    bp = sum(sum(1 for j in by_p[pred[i]] if truth[j] == truth[i]) / len(by_p[pred[i]]) for i in range(n)) / n
    br = sum(sum(1 for j in by_t[truth[i]] if pred[j] == pred[i]) / len(by_t[truth[i]]) for i in range(n)) / n
    both: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    for t, p in zip(truth, pred, strict=True):
        both[(t, p)] += 1
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts)  # noqa: E731
    tp = pairs(both.values())
    pp, tt = pairs(len(v) for v in by_p.values()), pairs(len(v) for v in by_t.values())
    prf = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0  # noqa: E731
    pw_p, pw_r = (tp / pp if pp else 1.0), (tp / tt if tt else 1.0)
    return {
        "pair_p": pw_p,
        "pair_r": pw_r,
        "pair_f": prf(pw_p, pw_r),
        "b3_p": bp,
        "b3_r": br,
        "b3_f": prf(bp, br),
    }


def run(n_articles: int, seed: int) -> dict[str, dict[str, dict[str, float]]]:
    """Scores by class for the system and the baseline; also printed."""
    articles, mentions = corpus(n_articles, seed)
    started = time.monotonic()
    g = extract_articles(articles).graph
    elapsed = time.monotonic() - started
    system = system_clusters(g, articles, mentions)
    results: dict[str, dict[str, dict[str, float]]] = {}
    missed = sum(1 for c in system if isinstance(c, tuple))
    print(
        f"{len(articles)} articles, {len(mentions)} planted mentions ({missed} not found by the extractor), "
        f"extracted in {elapsed:.1f} s"
    )
    print(
        f"{'class':16} {'method':10} "
        + " ".join(f"{h:>7}" for h in ("pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1"))
    )
    for cls in ("Person", "InspectionRound", "Organization"):
        idx = [i for i, m in enumerate(mentions) if m.cls == cls]
        truth = [mentions[i].truth for i in idx]
        for method, pred in (
            ("resolver", [system[i] for i in idx]),
            ("exact-name", [(cls, mentions[i].surface) for i in idx]),
        ):
            s = scores(truth, pred)
            results.setdefault(cls, {})[method] = s
            print(
                f"{cls:16} {method:10} {s['pair_p']:7.3f} {s['pair_r']:7.3f} {s['pair_f']:7.3f} "
                f"{s['b3_p']:7.3f} {s['b3_r']:7.3f} {s['b3_f']:7.3f}"
            )
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=400, help="articles (default 400)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    results = run(args.n, args.seed)
    worst = min(r["resolver"]["b3_f"] for r in results.values())
    print(f"lowest B-cubed F1 of the resolver: {worst:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
