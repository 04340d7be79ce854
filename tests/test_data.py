"""Tests for kg.data: every reference data file loads, has its sources, its shape and its entries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from kg import data
from kg.errors import InputError
from kg.extract import lexicon

FILES = sorted({*data.WORD_FILES.values(), *data.BODY_FILES.values(), "measures.tsv"})


@pytest.mark.parametrize("filename", FILES)
def test_every_file_opens_with_its_sources(filename: str) -> None:
    text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
    header = [line for line in text.splitlines()[:20] if line.startswith("#")]
    assert any("Source" in line for line in header), filename
    assert not text.startswith("\ufeff")


def _all_bodies() -> tuple[data.Body, ...]:
    return (*data.central_bodies(), *data.central_units(), *data.region_named_bodies())


def test_body_tables_have_unique_names_and_known_kinds() -> None:
    kinds = {
        "central_bodies": {"party", "state", "group", "npc", "cppcc", "court", "procuratorate", "people"}
        | {"institution", "enterprise"},
        "central_units": {"中管企业", "中央企业", "中管金融企业", "金融单位", "中管高校"},
        "region_named_bodies": {"兵团", "农垦", "林区", "开发区", "流域机构", "军区"},
    }
    for table, allowed in kinds.items():
        bodies = getattr(data, table)()
        names = [b.name for b in bodies]
        assert len(names) == len(set(names)), table
        assert {b.kind for b in bodies} <= allowed, table


def test_every_form_names_one_body_across_tables() -> None:
    owner: dict[str, str] = {}
    for body in _all_bodies():
        for form in (body.name, *body.forms):
            assert owner.setdefault(form, body.name) == body.name, form


def test_successors_and_years_are_consistent() -> None:
    known = {**lexicon.CENTRAL_BODIES, **lexicon.CENTRAL_UNITS, **lexicon.REGION_NAMED_BODIES}
    for body in _all_bodies():
        if body.successor is not None:
            assert body.successor in known, (body.name, body.successor)
            assert body.until is not None, body.name
        if body.since is not None and body.until is not None:
            assert 1949 <= body.since <= body.until <= 2030, body.name


def test_central_bodies_cover_the_reorganisations() -> None:
    bodies = {b.name: b for b in data.central_bodies()}
    assert len(bodies) >= 290
    # abolished or merged, with successor and last year
    assert (bodies["中华人民共和国人事部"].until, bodies["中华人民共和国人事部"].successor) == (
        2008,
        "中华人民共和国人力资源和社会保障部",
    )
    assert bodies["中华人民共和国铁道部"].until == 2013
    assert bodies["中华人民共和国监察部"].successor == "国家监察委员会"
    assert bodies["国家食品药品监督管理总局"].since == 2013
    assert bodies["国家食品药品监督管理总局"].successor == "国家市场监督管理总局"
    assert bodies["国家卫生和计划生育委员会"].successor == "国家卫生健康委员会"
    assert bodies["国务院扶贫开发领导小组办公室"].successor == "国家乡村振兴局"
    assert bodies["国家乡村振兴局"].until == 2023
    kinds = {b.kind for b in bodies.values()}
    assert {"party", "state", "group", "npc", "cppcc", "court", "procuratorate", "people"} <= kinds


@pytest.mark.parametrize(
    ("form", "canonical"),
    [
        ("人事部", "人事部"),
        ("中华人民共和国人事部", "人事部"),
        ("国土资源部", "国土资源部"),
        ("国家质检总局", "国家质量监督检验检疫总局"),
        ("国家工商总局", "国家工商行政管理总局"),
        ("国家卫生计生委", "国家卫生和计划生育委员会"),
        ("国务院扶贫办", "国务院扶贫开发领导小组办公室"),
        ("中央和国家机关工委", "中央和国家机关工作委员会"),
        ("中央书记处", "中共中央书记处"),
        ("中央编办", "中央机构编制委员会办公室"),
        ("中央财办", "中央财经委员会办公室"),
        ("全国人大", "全国人民代表大会"),
        ("全国人大监察司法委", "全国人民代表大会监察和司法委员会"),
        ("中国残联", "中国残疾人联合会"),
        ("审计署", "审计署"),  # the convention on 中华人民共和国 is kept
        ("中央纪委", "中共中央纪律检查委员会"),  # an entry of the former lists
    ],
)
def test_central_body_forms(form: str, canonical: str) -> None:
    assert lexicon.CENTRAL_BODIES[form] == canonical


def test_central_units() -> None:
    units = {b.name: b for b in data.central_units()}
    kinds = [b.kind for b in units.values()]
    assert kinds.count("中管高校") == 32  # the 31 and 北京医科大学, merged in 2000
    assert sum(1 for b in units.values() if b.kind == "中管高校" and b.until is None) == 31
    assert kinds.count("中管金融企业") >= 20
    assert kinds.count("中管企业") + kinds.count("中央企业") >= 100
    assert lexicon.CENTRAL_UNITS["中国石化"] == "中国石油化工集团有限公司"
    assert lexicon.CENTRAL_UNITS["工商银行"] == "中国工商银行股份有限公司"
    assert lexicon.CENTRAL_UNITS["中国华融"] == "中国华融资产管理股份有限公司"
    assert units["中国华融资产管理股份有限公司"].successor == "中国中信金融资产管理股份有限公司"
    assert lexicon.CENTRAL_UNITS["哈工大"] == "哈尔滨工业大学"


def test_region_named_bodies() -> None:
    bodies = lexicon.REGION_NAMED_BODIES
    assert bodies["新疆生产建设兵团"] == "新疆生产建设兵团"
    assert bodies["黑龙江农垦"] == "黑龙江省农垦总局"
    assert bodies["北大荒集团"] == "北大荒农垦集团有限公司"
    assert bodies["海南农垦"] == "海南省农垦集团有限公司"
    assert bodies["大兴安岭地委"] == "中共大兴安岭地区委员会"
    assert len(data.region_named_bodies()) >= 30


def test_region_named_bodies_are_not_regions() -> None:
    from kg import regions

    for body in data.region_named_bodies():
        found = regions.scan(body.name)
        assert not (found and found[0][0] == 0 and found[0][1] == len(body.name)), body.name


def test_surnames_are_complete_not_top_n() -> None:
    everything = data.surnames()
    assert len(everything) == len(set(everything))
    assert all(1 <= len(s) <= 2 for s in everything)
    assert len(lexicon.SURNAMES) >= 500
    assert len(lexicon.COMPOUND_SURNAMES) >= 60
    for ch in "傅付萧肖阎闫赵钱孙李覃冼谌庹":
        assert ch in lexicon.SURNAMES, ch
    for pair in ("欧阳", "司马", "上官", "诸葛", "第五", "独孤", "万俟"):
        assert pair in lexicon.COMPOUND_SURNAMES, pair
    assert "的" not in lexicon.SURNAMES


def test_titles_ranks_and_suffixes() -> None:
    for title in (
        "党组成员",
        "二级巡视员",
        "一级调研员",
        "监察专员",
        "纪检监察组组长",
        "四级主任科员",
        "书记",
    ):
        assert title in lexicon.TITLES, title
    assert all(len(a) >= len(b) for a, b in zip(lexicon.TITLES, lexicon.TITLES[1:], strict=False))
    assert len(lexicon.TITLES) >= 150
    for rank in ("副厅长级", "正处级", "副部长级", "正县处级", "副乡科级"):
        assert rank in lexicon.RANKS, rank
    assert all(len(a) >= len(b) for a, b in zip(lexicon.ORG_SUFFIXES, lexicon.ORG_SUFFIXES[1:], strict=False))
    assert {"委员会", "领导小组", "集团", "银行", "大学"} <= set(lexicon.ORG_SUFFIXES)


def test_word_tables() -> None:
    assert lexicon.LOCAL_ABBREVIATIONS["民宗委"] == "民族宗教事务委员会"
    assert lexicon.LOCAL_ABBREVIATIONS["人社局"] == "人力资源和社会保障局"
    assert lexicon.PUBLISHER_REGIONS["南方日报"] == "广东省"
    assert lexicon.PUBLISHER_REGIONS["新华网"] == ""
    assert {"全省", "王某", "宁波"} <= lexicon.NOT_NAMES
    assert len(lexicon.NOT_NAMES) >= 400


def test_lexicon_types_unchanged() -> None:
    assert isinstance(lexicon.CENTRAL_BODIES, dict)
    assert isinstance(lexicon.SURNAMES, frozenset)
    assert isinstance(lexicon.COMPOUND_SURNAMES, frozenset)
    assert isinstance(lexicon.NOT_NAMES, frozenset)
    assert isinstance(lexicon.TITLES, tuple)
    assert isinstance(lexicon.RANKS, tuple)
    assert isinstance(lexicon.ORG_SUFFIXES, tuple)
    assert isinstance(lexicon.LOCAL_ABBREVIATIONS, dict)
    assert isinstance(lexicon.PUBLISHER_REGIONS, dict)


def test_a_malformed_row_names_the_file_and_line() -> None:
    lines = ["# header", "", "国家统计局\t\tstate\t2000\t\t\t\textra\tfields"]
    with pytest.raises(InputError, match=r"^mine\.tsv:3: expected"):
        list(data.read_rows(lines, "mine.tsv", (1, 2, 3, 4, 5, 6)))
    row = next(data.read_rows(["国家统计局\t\tstate\tlater\t\t"], "mine.tsv", (6,)))
    with pytest.raises(InputError, match=r"mine\.tsv:1: a year must be four digits"):
        data.parse_body(row, "mine.tsv:1")


def _kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # a process of its own: the lists are read when the extractors are first imported
    script = Path(sys.executable).with_name("kg")
    return subprocess.run(
        [str(script), *args], capture_output=True, text=True, timeout=120, env=env, check=False
    )


def test_kg_extract_lexicon_extends_the_lists(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "标题：巡视动员会召开\n\n2025年3月，中央第三巡视组进驻低空局党组开展常规巡视。组长禤志明主持会议。\n",
        encoding="utf-8",
    )
    lexicon_file = tmp_path / "mine.txt"
    lexicon_file.write_text(
        "# invented for the test\n[central_bodies]\n"
        "国家低空经济管理局\t低空局\tstate\t2025\n[surnames]\n禤\n",
        encoding="utf-8",
    )
    assert "禤" not in lexicon.SURNAMES
    plain, extended = tmp_path / "plain.ttl", tmp_path / "ext.ttl"
    assert _kg("extract", str(article), "-o", str(plain)).returncode == 0
    done = _kg("extract", str(article), "-o", str(extended), "--lexicon", str(lexicon_file))
    assert done.returncode == 0, done.stderr
    before, after = plain.read_text(encoding="utf-8"), extended.read_text(encoding="utf-8")
    assert '"禤志明"' not in before and '"国家低空经济管理局"' not in before
    assert '"禤志明"' in after and '"国家低空经济管理局党组"' in after


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[titles\n", "mine.txt:1: an entry before the first [section] line"),
        ("[people]\n王\n", "mine.txt:1: unknown section [people]"),
        ("[surnames]\n禤\t百家姓\textra\n", "mine.txt:2: expected 1 or 2 tab-separated fields, found 3"),
        ("# x\n[central_bodies]\n某局\t\tstate\tsoon\n", "mine.txt:3: a year must be four digits"),
    ],
)
def test_a_bad_lexicon_file_is_one_line_and_nothing_is_written(
    tmp_path: Path, text: str, message: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("标题：一\n\n省委巡视组进驻某县。\n", encoding="utf-8")
    (tmp_path / "mine.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.ttl"
    done = _kg("extract", str(article), "-o", str(out), "--lexicon", str(tmp_path / "mine.txt"))
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_read_lexicons_merges_files_in_order(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("[titles]\n首席监察官\n", encoding="utf-8")
    two.write_text("[titles]\n副首席监察官\n[publisher_regions]\n某某晚报\t福建省\n", encoding="utf-8")
    merged = data.read_lexicons(os.pathsep.join([str(one), str(two)]))
    assert merged == {
        "titles": [["首席监察官"], ["副首席监察官"]],
        "publisher_regions": [["某某晚报", "福建省"]],
    }


@pytest.mark.slow
def test_kg_build_lexicon_reaches_the_workers_and_the_cache(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in (1, 2):
        (corpus / f"a{n}.txt").write_text(
            f"标题：巡视动员会{n}\n\n2025年3月，中央第三巡视组进驻低空局党组开展常规巡视。组长禤志明主持会议。\n",
            encoding="utf-8",
        )
    lexicon_file = tmp_path / "mine.txt"
    lexicon_file.write_text("[surnames]\n禤\n", encoding="utf-8")
    out = tmp_path / "out"
    common = ["build", str(corpus), "--out", str(out), "--no-load", "--no-html", "--validate", "none", "-q"]
    done = _kg(*common, "--workers", "2", "--lexicon", str(lexicon_file))
    assert done.returncode == 0, done.stderr
    assert '"禤志明"' in (out / "graph.ttl").read_text(encoding="utf-8")
    # without the file the cached extractions no longer apply
    done = _kg(*common, "--workers", "2")
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles_reused"] == 0
    assert '"禤志明"' not in (out / "graph.ttl").read_text(encoding="utf-8")


def test_measure_wordings_name_only_controlled_measures_and_compile() -> None:
    import re

    from kg.terms import MEASURES

    rows = data.measures()
    assert {m for m, _, _ in rows} <= set(MEASURES) - {"other"}
    assert {"unitsInspected", "problemsFound", "cluesTransferred"} <= {m for m, _, _ in rows}
    for measure, units, pattern in rows:
        assert units and "#" in pattern, measure
        re.compile(pattern)
