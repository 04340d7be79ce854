"""Rounds, teams and inspections, read from sentences written for these tests."""

from __future__ import annotations

from tests.extract.helpers import inspected, names, props, related, run


def test_round_with_term_committee_and_ordinal_resolved_by_publisher():
    ex = run("近日,十三届省委第五轮巡视进驻省交通运输厅党组。", publisher="湖北日报")
    assert names(ex, "InspectionRound") == {"十三届湖北省委第五轮巡视"}
    assert props(ex, "InspectionRound", "十三届湖北省委第五轮巡视") == {
        "term": 13,
        "ordinal": 5,
        "scheme": "巡视",
    }
    assert related(ex, "conductedBy") == {("十三届湖北省委第五轮巡视", "中共湖北省委")}
    assert inspected(ex) == {("十三届湖北省委第五轮巡视", "湖北省交通运输厅党组")}


def test_central_round_and_team():
    ex = run("十九届中央第六轮巡视启动,中央第十二巡视组进驻国家统计局。")
    assert names(ex, "InspectionRound") == {"十九届中央第六轮巡视"}
    assert names(ex, "InspectionTeam") == {"中央第十二巡视组"}
    assert props(ex, "InspectionTeam", "中央第十二巡视组")["number"] == 12
    assert ("中央第十二巡视组", "国家统计局") in inspected(ex)
    assert related(ex, "teamOf") == {("中央第十二巡视组", "中共中央")}


def test_municipal_inspection_round_and_feedback_to_target():
    ex = run(
        "根据市委统一部署,6月3日,市委第二巡察组向市卫生健康委员会党组反馈巡察情况。"
        "会议传达了四届市委第七轮巡察情况汇报会议精神。",
        publisher="绍兴日报",
    )
    assert names(ex, "InspectionRound") == {"四届绍兴市委第七轮巡察"}
    assert names(ex, "InspectionTeam") == {"绍兴市委第二巡察组"}
    pairs = inspected(ex)
    assert ("绍兴市委第二巡察组", "绍兴市卫生健康委员会党组") in pairs
    assert ("四届绍兴市委第七轮巡察", "绍兴市卫生健康委员会党组") in pairs  # the article's only round
    (insp,) = [e for e in ex.entities.values() if e.cls == "Inspection"]
    assert dict(insp.props)["feedbackDate"] == "2021-06-03"


def test_enumeration_members_inherit_the_shared_prefix():
    ex = run(
        "十四届省委第三轮巡视对宁波市海曙区、镇海区、北仑区等3个地区党组织开展常规巡视。",
        publisher="浙江日报",
    )
    targets = {t for _, t in inspected(ex)}
    assert targets == {"宁波市海曙区", "宁波市镇海区", "宁波市北仑区"}
    (insp, *_) = [e for e in ex.entities.values() if e.cls == "Inspection"]
    assert dict(insp.props)["inspectionType"] == "常规"
    assert ("宁波市北仑区", "宁波市") in related(ex, "partOf")


def test_long_list_of_bodies_ending_in_deng():
    ex = run(
        "十九届中央第二轮巡视将对26家单位党组织开展巡视,包括中央组织部、中央统战部、国家民委、"
        "中国科学院、新华社、中华全国总工会等。"
    )
    targets = {t for _, t in inspected(ex)}
    assert targets == {
        "中共中央组织部",
        "中共中央统一战线工作部",
        "国家民族事务委员会",
        "中国科学院",
        "新华通讯社",
        "中华全国总工会",
    }


def test_team_list_with_two_bodies():
    ex = run("省委第一巡视组巡视省民政厅、省粤科金融集团。", publisher="南方日报")
    assert {t for _, t in inspected(ex)} == {"广东省民政厅", "广东省粤科金融集团"}


def test_this_round_and_year_numbered_first_round():
    ex = run(
        "2018年初,十二届区委第一轮巡察启动。2018年首轮巡察发现问题35个。本轮巡察对区教育局开展了专项巡察。"
    )
    assert len(names(ex, "InspectionRound")) == 1
    ((agent, target),) = inspected(ex)
    assert target.endswith("区教育局") and agent.endswith("第一轮巡察")


def test_special_team_names():
    ex = run("县委专项巡察二组进驻县人民医院。", publisher="某县融媒体中心")
    (team,) = names(ex, "InspectionTeam")
    assert team.endswith("专项巡察二组")
    assert props(ex, "InspectionTeam", team)["number"] == 2


def test_this_round_is_the_round_the_article_is_about():
    ex = run(
        "今年第三轮巡视的15个中央巡视组已全部进驻。在2015年第一轮巡视中,他任第二巡视组组长。"
        "本轮巡视,他担任中央第九巡视组组长,进驻湖南。"
    )
    pairs = inspected(ex)
    assert any(a.endswith("第三轮巡视") and t == "湖南省" for a, t in pairs)
    assert not any("第一轮" in a for a, _ in pairs)


def test_unnumbered_teams_feed_back_in_the_articles_round_and_a_shared_committee_suffix():
    ex = run(
        "近日,十一届省委第十一轮巡视完成反馈。各巡视组分别向漳州市、三明市、宁德市委及福建师范大学党委反馈了巡视情况。",
        "福建日报",
    )
    assert inspected(ex) == {
        ("十一届福建省委第十一轮巡视", "中共漳州市委"),
        ("十一届福建省委第十一轮巡视", "中共三明市委"),
        ("十一届福建省委第十一轮巡视", "中共宁德市委"),
        ("十一届福建省委第十一轮巡视", "福建师范大学党委"),
    }


def test_round_named_by_batch_and_its_units():
    ex = run(
        "经省委研究决定,今年第三批巡视将进驻12个地方和单位。省委第五巡视组进驻泉州市、省商务厅。",
        publisher="福建日报",
    )
    assert names(ex, "InspectionRound") == {"2021年福建省委第三批巡视"}
    assert props(ex, "InspectionRound", "2021年福建省委第三批巡视")["ordinal"] == 3
    pairs = inspected(ex)
    assert ("2021年福建省委第三批巡视", "泉州市") in pairs
    assert ("福建省委第五巡视组", "福建省商务厅") in pairs


def test_a_batch_of_units_is_no_round():
    ex = run("目前,各巡视组已全部进驻第二批被巡视单位。", publisher="福建日报")
    assert names(ex, "InspectionRound") == set()


def test_round_without_term_or_year_is_scoped_to_its_article():
    ex = run("省委第二轮巡视已全部完成反馈。", publisher="福建日报", date=None)
    (key,) = [k for k, e in ex.entities.items() if e.cls == "InspectionRound"]
    assert key[1].endswith("@t")


def test_term_given_by_the_congress_or_the_committee_reaches_short_mentions():
    ex = run("十九大以来,中央第三轮巡视共巡视了30个单位。在第一轮巡视中,巡视组发现问题。")
    assert names(ex, "InspectionRound") == {"十九届中央第三轮巡视", "十九届中央第一轮巡视"}
    ex = run("十二届湖北省委着力深化政治巡视。在首轮巡视中发现问题300个。十二届湖北省委第一轮巡视已完成。")
    assert names(ex, "InspectionRound") == {"十二届湖北省委第一轮巡视"}
    # a term of the discipline commission is no term of the committee's rounds
    ex = run("他是十七届中央纪委委员,曾在第二轮巡视中任组长。")
    assert names(ex, "InspectionRound") == {"中央第二轮巡视"}


def test_year_numbered_and_term_numbered_names_in_apposition_are_one_round():
    ex = run(
        "7月1日,福建省委第四巡视组进驻宁德市,2021年省委第三轮巡视即十一届省委第十二轮巡视由此展开。",
        publisher="福建日报",
    )
    assert names(ex, "InspectionRound") == {"十一届福建省委第十二轮巡视"}
    assert props(ex, "InspectionRound", "十一届福建省委第十二轮巡视")["year"] == 2021
    assert ("十一届福建省委第十二轮巡视", "宁德市") in inspected(ex)


def test_the_previous_round_and_the_nearest_team_take_the_clause_s_target():
    ex = run(
        "十九届中央第五轮巡视中,第三巡视组组长李明华,曾在上一轮巡视中担任第八巡视组组长,巡视中国农业银行;"
        "第六巡视组组长赵德明,曾在上一轮巡视中担任第二巡视组组长,巡视甘肃省。"
    )
    pairs = inspected(ex)
    assert ("十九届中央第四轮巡视", "中国农业银行股份有限公司") in pairs  # the bank's full name
    assert ("中央第八巡视组", "中国农业银行股份有限公司") in pairs
    assert ("中央第二巡视组", "甘肃省") in pairs
    assert ("十九届中央第五轮巡视", "甘肃省") not in pairs


def test_bodies_that_received_an_inspection_or_report_on_its_rectification():
    ex = run("十九届中央第六轮巡视期间,国家统计局党组、应急管理部党委接受了中央巡视组的常规巡视。")
    assert inspected(ex) == {
        ("十九届中央第六轮巡视", "国家统计局党组"),
        ("十九届中央第六轮巡视", "应急管理部党委"),
    }
    ex = run("中共湖南省卫生健康委员会党组关于十二届省委第三轮巡视整改进展情况的通报")
    assert inspected(ex) == {("十二届湖南省委第三轮巡视", "湖南省卫生健康委员会党组")}


def test_a_provincial_paper_s_report_on_central_inspection_keeps_its_rounds_central():
    ex = run("3月25日,中央第七巡视组进驻海南省。十九大以来第二轮巡视由此启动。", publisher="浙江日报")
    assert names(ex, "InspectionRound") == {"十九届中央第二轮巡视"}
    ex = run("省委第二巡视组进驻湖州市。中央巡视组此前曾反馈。本次为省委第五轮巡视。", publisher="浙江日报")
    assert {dict(e.props).get("ordinal") for e in ex.entities.values() if e.cls == "InspectionRound"} == {5}
    assert ("InspectionRound", "中共浙江省委-巡视-第5轮@t") in ex.entities


def test_targets_named_as_the_round_s_objects_and_townships_are_no_persons():
    ex = run(
        "七届县委第三轮巡察启动。本轮巡察对象为城关镇、青石镇、白水乡等3个乡镇党委和"
        "县发展和改革局党组、县住房和城乡建设局党组、县农业农村局党组。"
    )
    targets = {t for _, t in inspected(ex)}
    assert {"城关镇", "青石镇", "白水乡"} <= targets
    assert {"县住房和城乡建设局党组", "县农业农村局党组"} <= targets
    assert names(ex, "Person") == set()


def test_a_conjunction_before_a_township_still_separates_two_targets():
    ex = run("县委第三巡察组进驻县交通运输局、县水利局和城关镇开展常规巡察。", publisher="浦江新闻")
    targets = {t for _, t in inspected(ex)}
    assert {"县交通运输局", "县水利局"} <= {t.removeprefix("浦江") for t in targets}
    assert any(t.endswith("城关镇") for t in targets)
    # a body whose own name holds 和 stays one member
    ex = run("省委第五巡视组进驻省文化和旅游厅。", publisher="浙江日报")
    assert {t for _, t in inspected(ex)} == {"浙江省文化和旅游厅"}
