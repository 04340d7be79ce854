"""Statistics with their measures, approximate values, and dates."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.dates import find_dates
from tests.extract.helpers import run


def figures(text: str, **kw: object) -> set[tuple[str, Decimal, bool]]:
    ex = run(text, **kw)  # type: ignore[arg-type]
    out = set()
    for e in ex.entities.values():
        if e.cls == "Statistic":
            p = dict(e.props)
            out.add((p["measure"], p["value"], p["approximate"]))
    return out


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "2020年,省委开展2轮巡视,巡视45个党组织,发现问题1530个。",
            {("roundsConducted", 2), ("unitsInspected", 45), ("problemsFound", 1530)},
        ),
        (
            "截至目前,已整改到位812个,整改率91.5%。",
            {("problemsRectified", 812), ("rectificationRate", Decimal("91.5"))},
        ),
        ("向有关部门移交问题线索67件。", {("cluesTransferred", 67)}),
        (
            "共有15人主动投案,党纪政务处分203人,移送司法机关处理12人。",
            {("personsSurrendered", 15), ("personsSanctioned", 203), ("judicialReferrals", 12)},
        ),
        (
            "对6名干部进行纪律审查和监察调查,21名党组织负责人被约谈。",
            {("personsInvestigated", 6), ("personsAdmonished", 21)},
        ),
        ("移送7个专题报告,依法拘捕5名犯罪嫌疑人。", {("reportsTransferred", 7), ("suspectsDetained", 5)}),
        ("本届以来巡视覆盖率达100%。", {("coverageRate", 100)}),
    ],
)
def test_measures(sentence, expected):
    found = {(m, v) for m, v, _ in figures(sentence)}
    assert {(m, Decimal(v)) for m, v in expected} <= found


def test_approximate_and_chinese_numerals():
    found = figures("巡察组发现问题三百余个,其中涉及民生问题50多个。")
    assert ("problemsFound", Decimal(300), True) in found
    assert ("problemsFound", Decimal(50), True) in found


def test_ordinals_years_and_slogans_are_not_figures():
    assert figures("2019年6月,十四届省委第七轮巡视坚持“两个维护”,落实“四个落实”。") == set()


@pytest.mark.parametrize(
    ("text", "article_date", "iso"),
    [
        ("2019年6月", None, "2019-06"),
        ("2019年6月5日", None, "2019-06-05"),
        ("去年", "2021-03-01", "2020"),
        ("今年8月", "2021-03-01", "2021-08"),
        ("8月26日", "2021-09-30", "2021-08-26"),
        ("12月3日", "2021-01-10", "2020-12-03"),
        ("近日", "2021-09-30", "2021-09"),
        ("二〇一九年", None, "2019"),
    ],
)
def test_dates(text, article_date, iso):
    assert find_dates(text, article_date)[0][2] == iso


def test_relative_dates_without_an_article_date_stay_unknown():
    assert find_dates("去年8月26日,近日", None) == []


def test_counts_of_teams_subtotals_and_deployments_are_other():
    found = figures("12个省委巡视组分别进驻。对9个乡镇共87个村党组织开展巡察。在30个县部署开展巡视带巡察。")
    assert ("other", Decimal(12), False) in found
    assert ("other", Decimal(9), False) in found and ("unitsInspected", Decimal(87), False) in found
    assert ("other", Decimal(30), False) in found


def test_a_figure_repeated_in_an_article_is_one_statistic():
    ex = run("巡视组向28个被巡视党组织反馈。会上指出了28个被巡视党组织存在的问题。")
    stats = [e for e in ex.entities.values() if e.cls == "Statistic"]
    assert len(stats) == 1 and len(stats[0].spans) == 2


def test_problems_pointed_out_at_feedback():
    assert ("problemsFound", Decimal(12), False) in figures("巡视组指出了4个方面12个问题。")


def test_admonishment_talks_count_as_admonished():
    assert ("personsAdmonished", Decimal(14), False) in figures("给予诫勉谈话14人。")


def test_every_member_of_a_counted_enumeration_takes_its_measure():
    found = figures(
        "截至去年底,衡阳市委巡察已覆盖12个乡镇、57个村(社区)、33个市直部门、8家市属国企和2所中职学校。"
    )
    assert {v for m, v, _ in found if m == "unitsInspected"} == {12, 57, 33, 8, 2}
    found = figures("自换届以来,省委完成了对9个设区市、64个县(市、区)、45个省直单位和17所高校的巡视。")
    assert {v for m, v, _ in found if m == "unitsInspected"} == {9, 64, 45, 17}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("巡察组向市委呈报7份专题报告。", ("reportsTransferred", 7)),
        ("巡察覆盖面达到应巡总数的72.5%。", ("coverageRate", Decimal("72.5"))),
        ("整改完结率96.3%。", ("rectificationRate", Decimal("96.3"))),
        ("督促立行立改问题9个。", ("problemsRectified", 9)),
        ("去年主动投案的党员干部有48人,今年1至5月又有17人。", ("personsSurrendered", 17)),
        ("去年主动投案的党员干部有48人,今年1至5月又有17人。", ("personsSurrendered", 48)),
    ],
)
def test_measure_wordings_and_elliptical_clauses(sentence, expected):
    measure, value = expected
    assert (measure, Decimal(value)) in {(m, v) for m, v, _ in figures(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "每轮巡视为期约3个半月。",
        "机动巡视为1个半月左右。",
        "十二届县纪委五次全会作出部署。",
        "他曾两次以上担任组长。",
    ],
)
def test_durations_sessions_and_vague_frequencies_are_no_figures(sentence):
    assert figures(sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    ["每个巡察组负责3个单位。", "目前已有19个省区市出台巡察工作规划。", "尚在整改问题7个。"],
)
def test_rates_adoptions_and_rectification_states_are_other(sentence):
    assert {m for m, _, _ in figures(sentence)} == {"other"}


def test_a_figure_repeated_elsewhere_is_one_fact_and_equal_figures_in_one_sentence_are_two():
    ex = run("本轮巡视9个巡视组组长已全部公布。十届湖南省委第四轮巡视的9个巡视组将于下周进驻。")
    assert len([e for e in ex.entities.values() if e.cls == "Statistic"]) == 1
    ex = run("十届湖南省委第四轮巡视对3所高校和3家医院开展专项巡视。")
    stats = [dict(e.props) for e in ex.entities.values() if e.cls == "Statistic"]
    assert [(s["measure"], s["value"]) for s in stats] == [("unitsInspected", 3)] * 2


def test_money_times_and_approximate_prefixes():
    found = figures("巡察组督促清退违规资金12.5万元,线索数是去年的2.4倍,近30名干部被约谈。")
    values = {(v, a) for _, v, a in found}
    assert (Decimal("12.5"), False) in values and (Decimal("2.4"), False) in values
    assert ("personsAdmonished", Decimal(30), True) in found
