"""Identity across articles and analysts' judgements: automatic keys, the file, and where they apply."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.build import build
from kg.errors import InputError
from kg.model import Article
from kg.pipeline import extract_articles
from kg.resolve.candidates import candidates
from kg.resolve.judgements import Judgements, append
from kg.terms import ACSN

ROOT = Path(__file__).parents[2]
ID = "https://w3id.org/acsn/id/"
DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
ZJ = Article(id="zj", text="浙江省民政厅厅长王勇接受纪律审查和监察调查。", date="2020-03-01")
ZJ2 = Article(id="zj2", text="省民政厅原厅长王勇严重违纪违法。", date="2021-05-01", publisher="浙江日报")
HN = Article(id="hn", text="河南省民政厅厅长王勇接受纪律审查和监察调查。", date="2020-04-01")
BARE = Article(id="bare", text="王勇主动投案。", date="2020-05-01")
BARE2 = Article(id="bare2", text="王勇被开除党籍。", date="2020-06-01")


def persons(g: Graph, name: str = "王勇") -> set[str]:
    return {str(s) for s in g.subjects(RDF.type, ACSN.Person) if str(g.value(s, RDFS.label)) == name}


def rounds(g: Graph) -> set[str]:
    return {str(s) for s in g.subjects(RDF.type, ACSN.InspectionRound)}


def kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "KG_JUDGEMENTS": "", **(env or {})},
    )


# ---------------------------------------------------------------- automatic identity


def test_namesakes_in_two_provinces_stay_apart_and_one_official_stays_one() -> None:
    g = extract_articles([ZJ, HN, ZJ2]).graph
    assert persons(g) == {f"{ID}Person/王勇@330000", f"{ID}Person/王勇@410000"}
    # the same official, a post worded differently in a later article, one node derived from both
    zj = URIRef(f"{ID}Person/王勇@330000")
    assert {
        str(a).rsplit("/", 1)[-1] for a in g.objects(zj, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
    } == {
        "zj",
        "zj2",
    }


def test_a_person_without_context_keeps_the_bare_name_and_is_a_candidate() -> None:
    g = extract_articles([ZJ, HN, BARE]).graph
    assert f"{ID}Person/王勇" in persons(g)
    found = candidates(g)
    pairs = {(c.a.iri, c.b.iri) for c in found}
    assert (f"{ID}Person/王勇", f"{ID}Person/王勇@330000") in pairs
    best = found[0]
    assert "say" in " ".join(best.reasons) and best.a.evidence and best.b.evidence
    # namesakes placed in two provinces rank below the pairs one side cannot place
    apart = next(c for c in found if c.a.iri.endswith("@330000") and c.b.iri.endswith("@410000"))
    assert apart.score < best.score


def test_iris_do_not_change_when_articles_are_added() -> None:
    small = extract_articles([ZJ, BARE]).graph
    grown = extract_articles([HN, ZJ, BARE, ZJ2]).graph
    assert persons(small) <= persons(grown)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("十八届中央第三轮巡视启动。", "2014-03-20"),
        ("2014年中央第一轮巡视启动。", "2014-03-20"),
        ("中央第三轮巡视启动。", "2014-04-02"),
    ],
)
def test_one_central_round_under_three_namings_has_one_iri(text: str, date: str) -> None:
    g = extract_articles([Article(id="r", text=text, date=date)]).graph
    assert rounds(g) == {f"{ID}InspectionRound/中共中央-巡视-18-3"}


def test_a_term_less_round_the_table_cannot_place_stays_as_written() -> None:
    g = extract_articles([Article(id="r", text="中央第三轮巡视启动。", date="2013-06-01")]).graph
    assert rounds(g) == {f"{ID}InspectionRound/中共中央-巡视-第3轮@r"}  # round 3 began in 2014


def test_the_rounds_table_has_sources_and_a_row_per_round() -> None:
    from kg.resolve.auto import central_rounds

    table = central_rounds()
    assert [r.ordinal for r in table if r.term == 18] == list(range(1, 13))
    assert all(r.source for r in table)
    assert len({(r.year, r.batch) for r in table}) == len(table)


# ---------------------------------------------------------------- the judgements file


def write(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_bad_line_is_reported_with_its_line_number(tmp_path: Path) -> None:
    f = write(tmp_path / "j.jsonl", {"op": "merge", "a": f"{ID}Person/a", "b": f"{ID}Person/b"})
    with f.open("a") as out:
        out.write('{"op": "merge", "a": "urn:x"}\n')
    with pytest.raises(InputError, match=r"j\.jsonl:2: merge needs 'b'"):
        Judgements.read(f)
    f.write_text('{"op": "merge"\n')
    with pytest.raises(InputError, match=r"j\.jsonl:1: not a JSON object"):
        Judgements.read(f)


def test_kg_extract_with_a_bad_judgements_file_fails_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ZJ.text, encoding="utf-8")
    good = {"op": "rename", "a": f"{ID}Person/王勇@330000", "name": "王永"}
    write(corpus / "judgements.jsonl", good, {"op": "frobnicate"})
    out = tmp_path / "g.ttl"
    done = kg("extract", str(corpus), "-o", str(out))
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr
    assert "judgements.jsonl:2: unknown op 'frobnicate'" in done.stderr
    assert not out.exists()  # the good first line was not applied half-way either


def test_a_judgement_naming_a_gone_iri_is_reported_not_fatal(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ZJ.text, encoding="utf-8")
    write(
        corpus / "judgements.jsonl",
        {"op": "reject", "fact": f"{ID}Person/nobody"},
        {"op": "rename", "a": f"{ID}Person/王勇@330000", "name": "王永"},
    )
    out = tmp_path / "g.ttl"
    done = kg("extract", str(corpus), "-o", str(out))  # the file beside the corpus is found
    assert done.returncode == 0, done.stderr
    assert "judgements.jsonl:1: reject j1 names https://w3id.org/acsn/id/Person/nobody" in done.stderr
    g = Graph().parse(out)
    assert persons(g, "王永") == {f"{ID}Person/王勇@330000"}
    assert persons(g, "王勇") == set()  # the old name is an alias now


def test_merge_keeps_the_other_iri_as_alias_and_undo_reverses_it(tmp_path: Path) -> None:
    f = tmp_path / "j.jsonl"
    kept, gone = f"{ID}Person/王勇@330000", f"{ID}Person/王勇"
    done = kg("resolve", "merge", kept, gone, "--why", "same case", "--who", "li", "--judgements", str(f))
    assert done.returncode == 0, done.stderr
    [rec] = [json.loads(line) for line in f.read_text().splitlines()]
    assert (rec["op"], rec["who"], rec["why"]) == ("merge", "li", "same case") and rec["when"]
    g = extract_articles([ZJ, BARE], judgements=Judgements.read(f)).graph
    assert persons(g) == {kept}
    assert (URIRef(kept), OWL.sameAs, URIRef(gone)) in g
    assert str(g.value(URIRef(kept), ACSN.uris)) == gone
    assert kg("resolve", "undo", "--judgements", str(f)).returncode == 0
    assert len(f.read_text().splitlines()) == 2  # the history stays
    g = extract_articles([ZJ, BARE], judgements=Judgements.read(f)).graph
    assert persons(g) == {kept, gone}


def test_split_gives_each_article_its_own_node(tmp_path: Path) -> None:
    f = tmp_path / "j.jsonl"
    append(f, "split", a=f"{ID}Person/王勇", why="two people")
    g = extract_articles([BARE, BARE2], judgements=Judgements.read(f)).graph
    assert persons(g) == {f"{ID}Person/王勇~bare", f"{ID}Person/王勇~bare2"}
    # the events follow their own article's node
    for event in g.subjects(ACSN.involves, None):
        [who] = g.objects(event, ACSN.involves)
        art = str(g.value(event, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))).rsplit("/", 1)[-1]
        assert str(who).endswith("~" + art)


def test_reject_drops_a_relationship_with_its_statement_and_a_statistic(tmp_path: Path) -> None:
    art = Article(id="s", text="省委第一巡视组进驻省民政厅。巡视发现问题12个。", date="2020-01-01")
    g0 = extract_articles([art]).graph
    [(insp, team)] = list(g0.subject_objects(ACSN.byTeam))
    [st] = [s for s in g0.subjects(RDF.subject, insp) if g0.value(s, RDF.predicate) == ACSN.byTeam]
    [stat] = g0.subjects(RDF.type, ACSN.Statistic)
    f = tmp_path / "j.jsonl"
    append(f, "reject", fact=str(st))
    append(f, "reject", fact=str(stat))
    g = extract_articles([art], judgements=Judgements.read(f)).graph
    assert (insp, ACSN.byTeam, team) not in g
    assert (insp, ACSN.target, None) in g  # the rest of the inspection stays
    assert (st, None, None) not in g
    assert (stat, None, None) not in g and (None, None, stat) not in g


# ---------------------------------------------------------------- builds


def test_judgements_survive_a_rebuild_and_a_grown_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "zj.txt").write_text(ZJ.text, encoding="utf-8")
    (corpus / "bare.txt").write_text(BARE.text, encoding="utf-8")
    f = tmp_path / "j.jsonl"
    kept, gone = f"{ID}Person/王勇@330000", f"{ID}Person/王勇"
    append(f, "merge", a=kept, b=gone)
    append(f, "rename", a=kept, name="王永")
    out = tmp_path / "out"

    def built() -> Graph:
        build([str(corpus)], out, workers=1, load=False, html=False, judgements=Judgements.read(f))
        return Graph().parse(out / "graph.ttl")

    first = built()
    assert persons(first, "王永") == {kept} and persons(first) == set()
    again = built()  # every article from the cache now
    assert persons(again, "王永") == {kept} and len(again) == len(first)
    (corpus / "bare2.txt").write_text(BARE2.text, encoding="utf-8")
    grown = built()
    assert persons(grown, "王永") == {kept} and persons(grown) == set()
    derived = set(grown.objects(URIRef(kept), URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
    assert len(derived) == 3  # the new article's mention joined the merged node


# ---------------------------------------------------------------- Neo4j (a real Bolt server)


@pytest.mark.db
def test_a_merge_and_a_split_round_trip_through_the_database(kg_fresh_store, tmp_path: Path) -> None:
    from rdflib.compare import isomorphic

    from kg.store.load import load_graph
    from kg.store.readback import read_graph

    f = tmp_path / "j.jsonl"
    kept, gone = f"{ID}Person/王勇@330000", f"{ID}Person/王勇"
    append(f, "merge", a=kept, b=gone)
    append(f, "split", a=f"{ID}Person/王勇@410000")
    hn2 = Article(id="hn2", text=HN.text, date="2021-04-01")
    g = extract_articles([ZJ, BARE, HN, hn2], judgements=Judgements.read(f)).graph
    assert persons(g) == {kept, f"{ID}Person/王勇@410000~hn", f"{ID}Person/王勇@410000~hn2"}
    load_graph(kg_fresh_store, g)
    rows = kg_fresh_store.read("MATCH (n:Person) RETURN n.uri AS uri, n.uris AS uris ORDER BY uri")
    assert [(r["uri"], r["uris"]) for r in rows] == [
        (kept, [gone]),
        (f"{ID}Person/王勇@410000~hn", None),
        (f"{ID}Person/王勇@410000~hn2", None),
    ]
    # an old link still finds the merged node
    [hit] = kg_fresh_store.read("MATCH (n:Person) WHERE $old IN n.uris RETURN n.uri AS uri", old=gone)
    assert hit["uri"] == kept
    back = read_graph(kg_fresh_store)
    assert (URIRef(kept), OWL.sameAs, URIRef(gone)) in back
    people = lambda graph: {  # noqa: E731
        (s, p, o) for s in graph.subjects(RDF.type, ACSN.Person) for p, o in graph.predicate_objects(s)
    }
    expected, actual = Graph(), Graph()
    for t in people(g):
        expected.add(t)
    for t in people(back):
        actual.add(t)
    assert isomorphic(expected, actual)


# ---------------------------------------------------------------- the benchmark


def test_the_identity_benchmark_beats_the_exact_name_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import identity

    results = identity.run(60, seed=3)
    for cls, by_method in results.items():
        assert by_method["resolver"]["b3_f"] >= 0.95, cls
    # exact names merge namesakes and different provinces' 省民政厅, and split a round's namings
    assert results["Person"]["exact-name"]["b3_p"] < 0.9
    assert results["Organization"]["exact-name"]["b3_p"] < 0.9
    assert results["InspectionRound"]["exact-name"]["b3_r"] < 0.9
    assert "exact-name" in capsys.readouterr().out


def test_the_benchmark_scores_see_a_wrong_merge() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import identity

    s = identity.scores(["a", "a", "b"], ["x", "x", "x"])
    assert s["b3_r"] == 1.0 and s["b3_p"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert s["pair_p"] == pytest.approx(1 / 3)


def test_kg_load_reads_its_inputs_with_the_judgements_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.cli.db import _read_inputs

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "zj.txt").write_text(ZJ.text, encoding="utf-8")
    (corpus / "bare.txt").write_text(BARE.text, encoding="utf-8")
    kept, gone = f"{ID}Person/王勇@330000", f"{ID}Person/王勇"
    append(corpus / "judgements.jsonl", "merge", a=kept, b=gone)
    monkeypatch.delenv("KG_JUDGEMENTS", raising=False)
    graph, skipped = _read_inputs([str(corpus)], "skip", None)  # the file beside the articles
    assert skipped == [] and persons(graph) == {kept}
    # an RDF input written before the judgement gets it too
    raw = tmp_path / "raw.ttl"
    extract_articles([ZJ, BARE]).graph.serialize(raw, format="turtle")
    graph, _ = _read_inputs([str(raw)], "skip", None, corpus / "judgements.jsonl")
    assert persons(graph) == {kept} and (URIRef(kept), OWL.sameAs, URIRef(gone)) in graph


def test_reject_takes_several_facts_one_judgement_each(tmp_path: Path) -> None:
    f = tmp_path / "judgements.jsonl"
    first, second = f"{ID}Statistic/a", f"{ID}Statistic/b"
    done = kg("resolve", "reject", first, second, first, "--why", "misread", "--judgements", str(f))
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines()]
    assert [(j["op"], j["fact"], j["why"]) for j in lines] == [
        ("reject", first, "misread"),
        ("reject", second, "misread"),
    ]


def test_rename_to_an_empty_name_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "judgements.jsonl"
    done = kg("resolve", "rename", f"{ID}Person/王勇", "  ", "--judgements", str(f))
    assert done.returncode == 1 and "empty" in done.stderr
    assert not f.exists()
