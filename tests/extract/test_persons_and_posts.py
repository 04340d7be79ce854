"""Persons and their posts, read from sentences written for these tests."""

from __future__ import annotations

from tests.extract.helpers import names, related, run


def posts(text: str, publisher: str | None = None) -> set[tuple[str, str]]:
    return related(run(text, publisher=publisher), "holds")


def test_a_chain_of_posts_in_several_bodies_gives_each_post_its_body():
    found = posts("江西省委常委、宣传部部长龚明远出席会议。")
    assert found == {("龚明远", "中共江西省委常委"), ("龚明远", "江西省委宣传部部长")}
    found = posts("衡阳市委副书记、政法委书记,市信访局局长柏文华主持会议。", publisher="衡阳日报")
    assert {o for _, o in found} == {"中共衡阳市委副书记", "衡阳市委政法委员会书记", "衡阳市信访局局长"}
    found = posts("兼任湖北省委常委的襄阳市委书记邹明华出席动员会。")
    assert {o for _, o in found} == {"中共湖北省委常委", "中共襄阳市委书记"}


def test_discipline_and_supervision_commissions_are_one_body_since_they_merged():
    ex = run("省委常委、省纪委书记、省监委主任,省委巡视工作领导小组组长李文伟出席。", publisher="大众日报")
    assert {o for _, o in related(ex, "holds")} == {
        "中共山东省委常委",
        "山东省纪委监委书记",
        "山东省纪委监委主任",
        "山东省委巡视工作领导小组组长",
    }
    ex = run("河南省纪委副书记、监察委副主任孙宏伟:我们将全力配合。")
    assert {o for _, o in related(ex, "holds")} == {"河南省纪委监委副书记", "河南省纪委监委副主任"}
    # before 2018 there is no 监委, and 纪委 stays as written
    assert names(run("省纪委书记刘一平出席。", publisher="江西日报"), "Organization") == {"江西省纪委"}


def test_bare_names_listed_with_their_post_in_the_next_clause():
    found = posts("获任组长的三人是柏远山、龚文川和祁德韬,均为湖南省纪委常委。")
    assert found == {(n, "湖南省纪委常委") for n in ("柏远山", "龚文川", "祁德韬")}
    found = posts("新任组长分别是王启哲、施文辉和习森,他们都是二十届中央纪委委员。")
    assert {p for p, _ in found} == {"王启哲", "施文辉", "习森"}
    assert names(run("巡视对象包括宁波、温州和台州。"), "Person") == set()


def test_posts_given_by_a_role_noun_or_a_capacity():
    assert ("龚文川", "湖南省委巡视工作领导小组成员") in posts(
        "湖南省委巡视工作领导小组成员龚文川主持召开对接会。"
    )
    assert posts("祁德韬以衡阳市委第三巡察组组长身份作表态发言。", publisher="衡阳日报") == {
        ("祁德韬", "衡阳市委第三巡察组组长")
    }


def test_name_boundaries():
    assert names(run("湖南省监委副主任罗文斌再次强调纪律。"), "Person") == {"罗文斌"}
    assert names(run("湖南省监委副主任罗斌再次强调纪律。"), "Person") == {"罗斌"}
    assert names(run("中央纪委副书记张明公开表示支持。"), "Person") == {"张明"}
    assert names(run("(陶敏为 湘纪宣)巡视组进驻。"), "Person") <= {"陶敏为"}  # never 陶敏
    assert names(run("调研组汇总情况后,全年向市委报告4次。"), "Person") == set()
    assert names(run("绍兴市政协原党组副书记、原副主席陈建中主动投案。"), "Person") == {"陈建中"}


def test_a_commentator_is_not_involved_in_what_he_comments_on():
    ex = run("省委党校副校长祁德韬分析称,部分干部主动投案,是因为看清了形势。")
    assert names(ex, "Person") == {"祁德韬"}
    assert not [e for e in ex.entities.values() if e.cls == "Surrender"]


def test_a_government_title_after_a_region_is_a_post_in_its_government():
    ex = run("福州市原副市长林文辉涉嫌严重违纪违法,目前主动投案。")
    assert related(ex, "holds") == {("林文辉", "福州市人民政府副市长")}
    (post,) = [e for e in ex.entities.values() if e.cls == "Position"]
    assert dict(post.props).get("former") is True
    assert [e.cls for e in ex.entities.values() if e.cls == "Surrender"] == ["Surrender"]


def test_the_leader_of_the_article_s_only_team_and_of_the_standing_committee():
    found = posts(
        "9月12日,十二届湖北省委第四轮巡视第三巡视组进驻十堰市。巡视组组长周新华指出,要坚持问题导向。"
    )
    assert found == {("周新华", "湖北省委第三巡视组组长")}
    found = posts("中共中央政治局常委、中央巡视工作领导小组组长李希出席。")
    assert ("李希", "中共中央政治局常务委员会常委") in found


def test_a_committee_s_commission_and_government_titles_and_bodies_with_inner_stop_words():
    found = posts("市委常委、纪委书记、监委主任李华主持会议。", publisher="宁波日报")
    assert found == {
        ("李华", "中共宁波市委常委"),
        ("李华", "宁波市纪委监委书记"),
        ("李华", "宁波市纪委监委主任"),
    }
    found = posts("省政府副省长、党组成员赵明参加会议。", publisher="浙江日报")
    assert found == {("赵明", "浙江省人民政府副省长"), ("赵明", "浙江省人民政府党组成员")}
    assert posts("国家能源局原副局长王晓林涉嫌严重违纪违法。") == {("王晓林", "国家能源局副局长")}
    # a government named in passing is no node
    assert names(run("省委、省政府有关职能部门参加。", publisher="浙江日报"), "Organization") == set()


def test_withheld_names_and_set_phrases_are_no_persons():
    assert names(run("巡视期间,某县原县长李某主动投案。"), "Person") == set()
    ex = run("经查,王富玉严重违纪违法,决定给予王富玉开除党籍处分。")
    assert names(ex, "Person") == {"王富玉"}
    assert [e.cls for e in ex.entities.values() if e.cls == "Sanction"] == ["Sanction"]


def test_biographies_dated_posts_and_posts_filled_by_someone():
    ex = run("王建新,男,汉族,1965年10月出生,曾任湖南省交通运输厅副厅长、湖南省公路局局长。")
    assert related(ex, "holds") == {("王建新", "湖南省交通运输厅副厅长"), ("王建新", "湖南省公路局局长")}
    assert all(dict(e.props).get("former") for e in ex.entities.values() if e.cls == "Position")
    found = posts(
        "据了解,张志远2016年至2020年担任宁波市北仑区委书记,后调任浙江省委组织部副部长。", "浙江日报"
    )
    assert found == {("张志远", "中共宁波市北仑区委书记"), ("张志远", "浙江省委组织部副部长")}
    assert posts("中央第二巡视组组长由李正明担任。") == {("李正明", "中央第二巡视组组长")}


def test_a_bare_title_belongs_to_the_body_of_its_kind_just_named():
    ex = run("国家林业局的官网首页已更新。网站首页的要闻头条,是局长张建龙出席会议的消息。")
    assert related(ex, "holds") == {("张建龙", "国家林业局局长")}
    assert posts("会上,局长王明强调纪律。", publisher="福建日报") == set()


def test_a_preposition_surname_before_a_body_starts_no_name():
    ex = run("记者从县纪委监委获悉,县委第一巡察组组长钟一鸣带队进驻县林业局。", publisher="浦江新闻")
    assert names(ex, "Person") == {"钟一鸣"}
