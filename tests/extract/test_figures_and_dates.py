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
