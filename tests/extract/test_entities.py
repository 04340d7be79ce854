"""Organizations, regions, persons, posts, events and documents."""

from __future__ import annotations

import pytest

from kg import regions
from kg.extract import extract
from kg.extract.hosts import host_region
from kg.model import Article
from tests.extract.helpers import inspected, names, props, related, run


def test_abbreviations_resolve_to_full_names_with_the_home_province():
    ex = run("省纪委省监委、省人防办和省民宗委有关负责同志参加了会议。", publisher="浙江日报")
    orgs = names(ex, "Organization")
    assert {"浙江省纪委省监委", "浙江省人民防空办公室", "浙江省民族宗教事务委员会"} <= orgs


def test_central_abbreviations():
    ex = run("中央纪委国家监委、国家民委和团中央派员参加。")
    assert {"中央纪委国家监委", "国家民族事务委员会", "中国共产主义青年团中央委员会"} <= names(
        ex, "Organization"
    )


def test_party_group_is_a_sub_organization_of_its_body_when_both_are_named():
    ex = run(
        "十四届省委第八轮巡视进驻省民族宗教事务委员会党组。省民族宗教事务委员会表示将配合。",
        publisher="浙江日报",
    )
    assert ("浙江省民族宗教事务委员会党组", "浙江省民族宗教事务委员会") in related(ex, "subOrganizationOf")


def test_a_body_named_only_through_its_party_group_is_no_node_of_its_own():
    ex = run("十一届福建省委第五轮巡视对省林业局党组、省能源集团有限公司党委开展常规巡视。")
    assert names(ex, "Organization") == {"福建省林业局党组", "福建省能源集团有限公司党委"}


def test_regions_carry_codes_levels_and_parents():
    ex = run("巡视组先后到杭州市、台州市黄岩区和开化县调研。", publisher="浙江日报")
    assert {"杭州市", "台州市黄岩区", "开化县"} <= names(ex, "Region")
    assert props(ex, "Region", "台州市黄岩区") == {"adminCode": "331003", "adminLevel": "county"}
    assert {("台州市黄岩区", "台州市"), ("开化县", "衢州市"), ("衢州市", "浙江省")} <= related(ex, "partOf")


def test_my_province_is_the_publishers_province():
    ex = run("2020年以来,全省已有120人主动投案。", publisher="河南日报")
    assert "河南省" in names(ex, "Region")


def test_person_with_rank_title_and_employer_surrenders():
    ex = run("近日,省水利厅原副厅长级干部李明华主动投案。", publisher="安徽日报")
    assert names(ex, "Person") == {"李明华"}
    (position,) = [e for e in ex.entities.values() if e.cls == "Position"]
    assert dict(position.props) == {"title": "副厅长级干部", "rank": "副厅长级", "former": True}
    assert related(ex, "inOrganization") == {(position.name, "安徽省水利厅")}
    assert related(ex, "involves") == {("李明华主动投案", "李明华")}
    (event,) = [e for e in ex.entities.values() if e.cls == "Surrender"]
    assert dict(event.props)["date"] == "2021-06"  # 近日, in an article of June 2021


def test_person_with_several_posts():
    ex = run(
        "张建国曾任甘肃省纪委书记、甘肃省政协副主席,是十八届中央纪委委员。本轮巡视,他担任中央第六巡视组组长。"
    )
    posts = related(ex, "holds")
    employers = {org for _, org in related(ex, "inOrganization")}
    assert {p for p, _ in posts} == {"张建国"}
    assert {"甘肃省纪委", "甘肃省政协", "中共中央纪律检查委员会", "中央第六巡视组"} <= employers


def test_names_in_a_list_and_events():
    ex = run("赵志强、钱永红、孙立新等人被开除党籍。省委书记周振东主持会议。")
    assert {"赵志强", "钱永红", "孙立新", "周振东"} <= names(ex, "Person")
    assert ("赵志强受到处分", "赵志强") in related(ex, "involves")
    assert "开除" not in "".join(names(ex, "Person"))


def test_common_words_are_not_names():
    ex = run("巡视组坚持高质量发展,全面从严治党,方面问题得到解决,必须有权威性,成为利器。")
    assert names(ex, "Person") == set()


def test_documents_in_book_title_marks():
    ex = run("根据《中国共产党巡视工作条例》和《人民日报》报道,省委印发《关于加强巡察工作的意见》。")
    assert names(ex, "Document") == {"中国共产党巡视工作条例", "关于加强巡察工作的意见"}


def test_traditional_script_extracts_as_simplified_and_keeps_the_original_form():
    ex = run("浙江省委第三巡視組進駐溫州大學,發現問題三十餘個。", publisher="中評社")
    assert "浙江省委第三巡视组" in names(ex, "InspectionTeam")
    (org,) = [e for e in ex.entities.values() if e.cls == "Organization" and e.name == "温州大学"]
    assert "溫州大學" in org.aliases


def test_in_a_municipality_the_city_committee_is_the_provincial_level_one():
    ex = run("十一届市委第十轮巡视对黄浦区、静安区和市教委开展常规巡视。", publisher="解放日报")
    assert names(ex, "InspectionRound") == {"十一届上海市委第十轮巡视"}
    assert {"上海市黄浦区", "上海市静安区"} <= names(ex, "Region")
    assert "上海市教委" in names(ex, "Organization")


def test_a_mayor_holds_a_post_in_the_city_government_not_the_committee():
    ex = run("会议由铜仁市委副书记、市长张吉刚主持。", publisher="贵州日报")
    employers = related(ex, "inOrganization")
    assert ("中共铜仁市委副书记", "中共铜仁市委") in employers
    assert ("铜仁市人民政府市长", "铜仁市人民政府") in employers


def test_a_level_word_alone_is_no_committee():
    ex = run("各地约谈县委书记35人。")
    assert names(ex, "PartyCommittee") == set()


def test_post_in_a_committee_whose_name_ends_in_dangwei():
    ex = run("中央第十三巡视组向广西壮族自治区党委反馈巡视情况。广西壮族自治区党委书记刘宁主持会议。")
    assert ("刘宁", "中共广西壮族自治区党委书记") in related(ex, "holds")


def test_branch_bodies_and_a_district_committee_as_targets():
    ex = run(
        "十一届省委第五轮巡视将对省人民检察院、中国银行河南省分行等单位党组织开展常规巡视。",
        publisher="河南日报",
    )
    assert {t for _, t in inspected(ex)} == {"河南省人民检察院", "中国银行河南省分行"}
    ex = run(
        "省委第七巡视组进驻长沙市开福区,对区委、区直部门开展巡视。组长由刘文杰担任。", publisher="湖南日报"
    )
    assert ("湖南省委第七巡视组", "中共长沙市开福区委") in inspected(ex)
    assert names(ex, "Person") == {"刘文杰"}


def test_who_issued_a_document_and_when():
    ex = run("2018年,省委印发《关于加强巡察工作的意见》。", publisher="浙江日报")
    assert related(ex, "issuedBy") == {("关于加强巡察工作的意见", "中共浙江省委")}
    assert props(ex, "Document", "关于加强巡察工作的意见") == {"date": "2018"}


def test_counters_are_not_surnames_and_names_keep_their_characters():
    ex = run("记者孙乾报道,有5位曾担任省纪委委员。")
    assert names(ex, "Person") == {"孙乾"}


def test_a_name_established_once_is_read_again_with_its_post():
    ex = run("周振华、吴立新等人现身说法。周振华,2010年到2016年担任山西省委书记。")
    assert ("周振华", "中共山西省委书记") in related(ex, "holds")


def test_state_bodies_go_by_their_short_official_names():
    ex = run("十九届中央第三轮巡视对文化和旅游部、审计署开展巡视。")
    assert {"文化和旅游部", "审计署"} <= names(ex, "Organization")


def test_titles_split_between_a_body_and_its_party_group():
    ex = run("中央第八巡视组组长王正谱、副组长杨晓超向国家发展改革委党组书记、主任徐绍史反馈巡视情况。")
    holds = related(ex, "holds")
    assert ("徐绍史", "国家发展和改革委员会党组书记") in holds
    assert ("徐绍史", "国家发展和改革委员会主任") in holds
    assert not any(p == "杨晓超" and "发展" in post for p, post in holds)
    ex = run(
        "省委第六巡视组巡视西安交通大学党委工作动员会召开,西安交通大学党委书记张迈曾主持会议。", "陕西日报"
    )
    assert ("张迈曾", "西安交通大学党委书记") in related(ex, "holds")
    assert {t for _, t in inspected(ex)} == {"西安交通大学党委"}


def test_a_bare_district_the_tables_place_in_another_province_stays_unresolved():
    ex = run("五届市委第九轮巡视对渝中区、江北区等区县开展常规巡视。", "重庆日报")
    assert names(ex, "Region") >= {"重庆市渝中区"}
    assert not any(name.startswith("宁波") for name in names(ex, "Region"))


def test_party_committee_of_a_central_body_takes_the_bodys_full_name():
    ex = run("中央巡视组发现,中国证监会党委存在监管不力问题。")
    assert "中国证券监督管理委员会党委" in names(ex, "Organization")


def test_events_belong_to_the_person_they_are_said_of():
    ex = run(
        "黄冈市委原常委张明接受纪律审查和监察调查;咸宁市人大常委会原副主任李华平被开除党籍和公职。",
        "湖北日报",
    )
    involved = related(ex, "involves")
    assert ("张明接受审查调查", "张明") in involved and ("李华平受到处分", "李华平") in involved
    assert ("张明受到处分", "张明") not in involved


def test_local_bodies_with_open_heads_and_unowned_leading_groups():
    ex = run("衡阳市委第二巡察组对市国有林场、市委党校、市农业科学研究会开展巡察。", publisher="衡阳日报")
    targets = {t for _, t in inspected(ex)}
    assert {"衡阳市国有林场", "衡阳市委党校", "衡阳市农业科学研究会"} <= targets
    ex = run("根据衡阳市委部署,巡察工作领导小组研究确定了本轮巡察对象。")
    assert "衡阳市委巡察工作领导小组" in names(ex, "Organization")
    assert "各级巡察办" not in str(
        names(run("全省各级巡察办要加强指导。", publisher="浙江日报"), "Organization")
    )


def test_a_central_body_s_unit_and_a_shared_parent_in_a_coordination():
    ex = run("巡视组还向国务院扶贫开发领导小组通报情况。")
    assert "国务院扶贫开发领导小组" in names(ex, "Organization")
    ex = run("中国科学院科技战略咨询研究院、科技政策研究中心的专家参加座谈。")
    assert {"中国科学院科技战略咨询研究院", "中国科学院科技政策研究中心"} <= names(ex, "Organization")


def test_officials_are_no_bodies_and_bracketed_bodies_are_no_targets():
    assert names(run("巡察组组长由县处级正职干部担任。"), "Organization") == set()
    ex = run("十届衡阳市委第六轮巡察对市委办公室(市档案馆、市保密办)、市人大常委会机关开展常规巡察。")
    targets = {t for _, t in inspected(ex)}
    assert targets == {"衡阳市委办公室", "衡阳市人大常委会机关"}


def test_a_common_word_is_no_place():
    assert names(run("被巡察单位修订和新建制度31项。"), "Region") == set()


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("http://www.jsdyjw.gov.cn/show.asp?id=1", "丹阳市"),
        ("http://www.zjsjw.gov.cn/a/1.html", "浙江省"),
        ("http://www.hbjw.gov.cn/x", None),  # hb: 湖北 or 河北
        ("http://bbs.example.com/thread-1.html", None),
    ],
)
def test_the_home_a_local_site_s_address_names(url, home):
    code = host_region(url)
    assert (regions.get(code).name if code else None) == home


def test_a_county_level_city_s_site_resolves_its_city_committee():
    ex = extract(
        Article(id="t", text="十四届市委第十一轮巡察完成进驻。", url="http://www.jsdyjw.gov.cn/show.asp?id=9")
    )
    assert {e.name for e in ex.entities.values() if e.cls == "InspectionRound"} == {
        "十四届丹阳市委第十一轮巡察"
    }


def test_central_enterprises_and_universities_by_name_and_words_that_contain_a_body():
    assert "中国石油天然气集团有限公司" in names(
        run("中央巡视组对中国石油天然气集团有限公司开展巡视。"), "Organization"
    )
    assert names(run("中国石油大学党委书记王海出席。"), "Organization") >= {"中国石油大学"}
    assert names(run("人事部门要加强管理。"), "Organization") == set()
    ex = run("北京大学廉政建设研究中心、公共政策研究中心副主任庄德水认为,要标本兼治。")
    assert {o for _, o in related(ex, "holds")} == {
        "北京大学廉政建设研究中心副主任",
        "北京大学公共政策研究中心副主任",
    }


def test_a_leading_group_a_committee_set_up_for_a_task():
    ex = run(
        "及时成立市委落实省委巡视组反馈意见整改工作领导小组,由市委主要负责人担任组长。", publisher="广元日报"
    )
    assert "广元市委落实省委巡视组反馈意见整改工作领导小组" in names(ex, "Organization")
    ex = run("市委常委会议研究成立了扫黑除恶专项斗争领导小组。", publisher="广元日报")
    assert names(ex, "Organization") == set()
