"""Tests for kg.regions (gazetteer of GB/T 2260 divisions and the running-text scanner)."""

import time

import pytest

from kg import regions
from kg.regions import Division, chain, display_name, find, get, names, province_of, scan


@pytest.mark.parametrize(
    ("code", "name", "level", "parent"),
    [
        ("330000", "浙江省", "province", None),
        ("150000", "内蒙古自治区", "province", None),
        ("650000", "新疆维吾尔自治区", "province", None),
        ("310000", "上海市", "province", None),
        ("810000", "香港特别行政区", "province", None),
        ("710000", "台湾省", "province", None),
        ("330200", "宁波市", "prefecture", "330000"),
        ("222400", "延边朝鲜族自治州", "prefecture", "220000"),
        ("152900", "阿拉善盟", "prefecture", "150000"),
        ("652900", "阿克苏地区", "prefecture", "650000"),
        ("441900", "东莞市", "prefecture", "440000"),
        ("330203", "海曙区", "county", "330200"),
        ("330211", "镇海区", "county", "330200"),
        ("331003", "黄岩区", "county", "331000"),
        ("330824", "开化县", "county", "330800"),
        ("330881", "江山市", "county", "330800"),
        ("330781", "兰溪市", "county", "330700"),
        ("330383", "龙港市", "county", "330300"),
        ("310115", "浦东新区", "county", "310000"),
        ("110105", "朝阳区", "county", "110000"),
        ("429004", "仙桃市", "county", "420000"),
        ("429021", "神农架林区", "county", "420000"),
        ("469028", "陵水黎族自治县", "county", "460000"),
        ("659001", "石河子市", "county", "650000"),
    ],
)
def test_get(code: str, name: str, level: str, parent: str | None) -> None:
    d = get(code)
    assert isinstance(d, Division)
    assert (d.code, d.name, d.level, d.parent) == (code, name, level, parent)


def test_get_unknown_and_short_codes() -> None:
    with pytest.raises(KeyError):
        get("999999")
    with pytest.raises(KeyError):
        get("330283")  # 奉化市, abolished in 2016
    assert get("33").name == "浙江省"
    assert get("3302").name == "宁波市"


def test_division_is_frozen() -> None:
    with pytest.raises(AttributeError):
        get("330000").name = "x"  # type: ignore[misc]


def test_aliases() -> None:
    assert "浙江" in get("330000").aliases
    assert "内蒙古" in get("150000").aliases
    assert "新疆" in get("650000").aliases
    assert "宁波" in get("330200").aliases
    assert "海曙" in get("330203").aliases
    assert "浦东" in get("310115").aliases
    assert {"延边", "延边州"} <= set(get("222400").aliases)
    assert "长阳县" in get("420528").aliases  # 长阳土家族自治县
    assert "海南州" in get("632500").aliases  # 海南藏族自治州
    assert "海南" not in get("632500").aliases  # the province owns 海南
    assert "吉林" not in get("220200").aliases  # the province owns 吉林
    assert get("110105").aliases == ()  # 朝阳 is an ordinary word
    assert "江山" not in get("330881").aliases  # "江山就是人民"
    assert [d.aliases for d in find("和县")] == [()]  # one-character stems are never aliases
    assert [d.aliases for d in find("凤县")] == [()]


def test_renamed_unit() -> None:
    fenghua = get("330213")
    assert fenghua.name == "奉化区"
    assert "奉化市" in fenghua.aliases
    assert [d.code for d in find("奉化市")] == ["330213"]
    assert [d.code for d in find("奉化")] == ["330213"]
    assert [d.code for d in find("下城区")] == ["330105"]


def test_find_names_aliases_and_concatenations() -> None:
    assert [d.code for d in find("浙江省")] == ["330000"]
    assert [d.code for d in find("浙江")] == ["330000"]
    assert [d.code for d in find("宁波市海曙区")] == ["330203"]
    assert [d.code for d in find("浙江省宁波市")] == ["330200"]
    assert [d.code for d in find("浙江宁波海曙")] == ["330203"]
    assert [d.code for d in find("上海市浦东新区")] == ["310115"]
    assert [d.code for d in find("湖北省仙桃市")] == ["429004"]
    assert [d.code for d in find("延边")] == ["222400"]
    assert [d.code for d in find("吉林")] == ["220000"]
    assert find("宁波市江北") == find("江北区")
    assert find("火星") == []
    assert find("") == []


def test_find_ambiguous_and_within() -> None:
    chaoyang = [d.code for d in find("朝阳区")]
    assert chaoyang == ["110105", "220104"]
    assert [d.code for d in find("朝阳区", within="110000")] == ["110105"]
    assert [d.code for d in find("朝阳区", within="220100")] == ["220104"]
    assert find("朝阳区", within="330000") == []
    gulou = [d.code for d in find("鼓楼")]
    assert len(gulou) >= 3 and "350102" in gulou
    assert [d.code for d in find("鼓楼", within="350000")] == ["350102"]
    # official names rank before aliases, higher levels before lower ones
    assert [d.level for d in find("吉林市")] == ["prefecture"]


def test_chain_and_province_of() -> None:
    assert [d.code for d in chain("330203")] == ["330203", "330200", "330000"]
    assert [d.code for d in chain("310115")] == ["310115", "310000"]
    assert [d.code for d in chain("429004")] == ["429004", "420000"]
    assert [d.code for d in chain("330000")] == ["330000"]
    assert province_of("330203") == get("330000")
    assert province_of("330000") == get("330000")
    assert province_of("330283") == get("330000")  # abolished code: falls back to its prefix
    assert province_of("990000") is None
    with pytest.raises(KeyError):
        chain("999999")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("330000", "浙江省"),
        ("330200", "宁波市"),
        ("330203", "宁波市海曙区"),
        ("331003", "台州市黄岩区"),
        ("330326", "平阳县"),
        ("330781", "兰溪市"),
        ("110105", "北京市朝阳区"),
        ("310115", "上海市浦东新区"),
        ("429004", "仙桃市"),
        ("429021", "神农架林区"),
        ("222400", "延边朝鲜族自治州"),
    ],
)
def test_display_name(code: str, expected: str) -> None:
    assert display_name(code) == expected


def test_names() -> None:
    table = names()
    assert table["宁波市"] == ("330200",)
    assert table["海曙"] == ("330203",)
    assert table["奉化市"] == ("330213",)
    assert "朝阳" not in table
    assert len(table) > 5000
    table.clear()
    assert names()  # a copy


def test_scan_joins_parent_and_child() -> None:
    text = "对宁波市海曙区、镇海区等地开展巡视"
    hits = scan(text)
    assert [(s, e, surface) for s, e, surface, _ in hits] == [(1, 7, "宁波市海曙区"), (8, 11, "镇海区")]
    assert hits[0][3] == ("330203",)
    assert "330211" in hits[1][3]
    assert all(text[s:e] == surface for s, e, surface, _ in hits)


def test_scan_counties_of_my_province() -> None:
    hits = scan("我省平阳县、苍南县开展专项整治")
    assert [h[2] for h in hits] == ["平阳县", "苍南县"]
    assert hits[0][3] == ("330326",)
    assert hits[1][3] == ("330327",)


def test_scan_no_region() -> None:
    assert scan("中国全省新区城区市区都在推进全面从严治党。") == []
    assert scan("响应县委号召，打造示范县，乡村振兴和民族复兴。") == []
    assert scan("江山就是人民，人民就是江山。") == []
    assert scan("会同有关部门，比如公安机关，加强合作。中方表示欢迎。") == []
    assert scan("") == []


def test_scan_various_forms() -> None:
    hits = scan("浙江省纪委监委、上海市浦东新区和内蒙古自治区，延边州、湖北省仙桃市；原奉化市委书记")
    assert [(h[2], h[3][0]) for h in hits] == [
        ("浙江省", "330000"),
        ("上海市浦东新区", "310115"),
        ("内蒙古自治区", "150000"),
        ("延边州", "222400"),
        ("湖北省仙桃市", "429004"),
        ("奉化市", "330213"),
    ]
    assert [h[2] for h in scan("赴浙江宁波调研")] == ["浙江宁波"]
    assert [h[3] for h in scan("赴浙江宁波调研")] == [("330200",)]


def test_scan_generic_names_need_parent() -> None:
    assert [h[2] for h in scan("阳泉市城区和老城区改造")] == ["阳泉市城区"]
    assert scan("阳泉市城区")[0][3] == ("140302",)


def test_scan_road_and_glue() -> None:
    assert scan("在宁波路上") == []  # a street named after a city
    assert [h[2] for h in scan("在宁波工作")] == ["宁波"]


def test_scan_within() -> None:
    assert scan("朝阳区")[0][3] == ("110105", "220104")
    assert scan("朝阳区", within="220000")[0][3] == ("220104",)
    assert scan("朝阳区", within="330000")[0][3] == ("110105", "220104")  # nothing inside: keep all
    assert scan("鼓楼区", within="350100")[0][3] == ("350102",)


def test_scan_speed() -> None:
    sentence = "对宁波市海曙区、镇海区等地开展巡视，我省平阳县、苍南县和江山市纪委监委推进全面从严治党。"
    article = (sentence * (3000 // len(sentence) + 1))[:3000]
    scan(article)  # warm the tables
    start = time.perf_counter()
    for _ in range(20):
        scan(article)
    assert (time.perf_counter() - start) / 20 < 0.005


def test_all_exports() -> None:
    for name in regions.__all__:
        assert hasattr(regions, name)
