"""Reading articles: every input format, encoding and kind of bad input."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from kg.errors import InputError
from kg.ingest import Skipped, decode, read_file, read_inputs

EPAPER = """示例日报 数字报纸


00003版:要闻

巡视利剑再出鞘

——省委第二轮巡视进驻综述

  近日,省委第二巡视组进驻省水利厅。

  巡视组将受理来信来访。


示例日报 要闻 00003 巡视利剑再出鞘 2021-05-06 31415926 3 2021年05月06日 星期四
"""


def test_newspaper_export(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(EPAPER, encoding="utf-8")
    (article,) = read_file(path)
    assert article.id == "31415926"
    assert article.publisher == "示例日报"
    assert (article.section, article.page, article.date) == ("要闻", "3", "2021-05-06")
    assert article.title == "巡视利剑再出鞘"
    assert article.subtitle == "——省委第二轮巡视进驻综述"
    assert article.text.startswith("近日,省委第二巡视组进驻省水利厅。")
    assert "示例日报 要闻" not in article.text


def test_the_shipped_example_reads_as_a_newspaper_export():
    from pathlib import Path

    (article,) = read_file(Path(__file__).parents[1] / "examples" / "seed-zjrb-20200110.txt")
    assert (article.publisher, article.date, article.title) == ("浙江日报", "2020-01-10", "利剑高悬 震慑常在")


def test_json_lines_with_common_field_names(tmp_path):
    records = [
        {
            "id": "a",
            "title": "标题一",
            "content": "省委巡视组进驻。",
            "pub_date": "2020年3月5日",
            "site": "某网",
        },
        {
            "_id": 7,
            "headline": "标题二",
            "body": "市委巡察组反馈。",
            "published": "2021-01-02T08:00:00",
            "link": "http://x",
        },
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    first, second = read_file(path)
    assert (first.id, first.date, first.publisher, first.text) == (
        "a",
        "2020-03-05",
        "某网",
        "省委巡视组进驻。",
    )
    assert (second.id, second.title, second.date, second.url) == ("7", "标题二", "2021-01-02", "http://x")


def test_json_array(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"id": "x", "text": "一。"}, {"id": "y", "text": "二。"}]), encoding="utf-8")
    assert [a.id for a in read_file(path)] == ["x", "y"]


def test_html_page_main_text_title_and_date(tmp_path):
    html = """<!doctype html><html><head><title>站点 - 巡视反馈</title>
    <meta name="pubdate" content="2022-07-19 10:00">
    <meta property="og:title" content="市委巡察组反馈巡察情况">
    <script>alert('x')</script><style>p{}</style></head><body>
    <nav><p>首页 | 要闻 | 专题</p></nav>
    <div class="content"><p>根据市委部署,市委第三巡察组向市财政局党组反馈了巡察情况。</p>
    <p>会议指出了存在的问题。</p></div><footer><p>版权所有</p></footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (article,) = read_file(path)
    assert article.title == "市委巡察组反馈巡察情况"
    assert article.date == "2022-07-19"
    assert "市委第三巡察组向市财政局党组反馈" in article.text
    assert "首页" not in article.text and "版权所有" not in article.text and "alert" not in article.text


def test_plain_text_first_short_line_is_the_title(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("县委巡察动态\n县委第一巡察组进驻县交通运输局。\n", encoding="utf-8")
    (article,) = read_file(path)
    assert article.title == "县委巡察动态"
    assert article.text == "县委第一巡察组进驻县交通运输局。"
    assert len(article.id) == 16  # content hash when no id is given


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk", "big5"])
def test_encodings_are_detected(tmp_path, encoding):
    text = (
        "省委第一巡視組進駐省民政廳,發現問題十個。"
        if encoding == "big5"
        else "省委第一巡视组进驻省民政厅,发现问题十个。"
    )
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    (article,) = read_file(path)
    assert article.text == text
    assert "巡视组进驻省民政厅" in article.norm  # traditional text is matched as simplified


def test_full_width_digits_and_punctuation_match_as_half_width():
    from kg.model import Article

    a = Article(id="x", text="发现问题２１０１个，整改率８３．９８％")
    assert a.norm == "发现问题2101个,整改率83.98%"
    assert len(a.norm) == len(a.text)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("巡视组进驻".encode()[:-1], "truncated UTF-8"),
        (b"\xff\xfe\xfa\xfb" * 20, "cannot decode"),
    ],
)
def test_bad_bytes_get_a_one_line_error_naming_the_file(data, message):
    with pytest.raises(InputError) as exc:
        decode(data, "bad.txt")
    assert message in str(exc.value) and str(exc.value).startswith("bad.txt")
    assert "\n" not in str(exc.value)


def test_malformed_json_line_is_named_and_the_others_are_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "1", "text": "一。"}\n{"id": 2, "text": \n{"id": "3", "text": "三。"}\n', encoding="utf-8"
    )
    skipped: list[Skipped] = []
    ids = [a.id for _, a in read_inputs([str(path)], skipped=skipped)]
    assert ids == ["1", "3"]
    assert len(skipped) == 1 and f"{path}:2" in str(skipped[0]) and "malformed JSON" in str(skipped[0])
    with pytest.raises(InputError, match=":2: malformed JSON"):
        list(read_inputs([str(path)], on_error="fail"))


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "x"}, "has no text"),
        ({"id": "x", "text": ["a"]}, "should be text"),
        ([1, 2], "expected a JSON object"),
    ],
)
def test_bad_records(tmp_path, record, message):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_file(path)


def test_unknown_suffix_and_missing_file(tmp_path):
    odd = tmp_path / "a.docx"
    odd.write_text("省委巡视组", encoding="utf-8")
    with pytest.raises(InputError, match="unknown input suffix"):
        read_file(odd)
    missing = str(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([missing], on_error="fail"))
    skipped: list[Skipped] = []
    assert list(read_inputs([missing], skipped=skipped)) == []  # skip: reported, and the run goes on
    assert [str(s) for s in skipped] == [f"{missing}: no such file or folder"]


def test_folders_are_read_recursively_in_order_and_bad_files_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("甲。", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("乙。", encoding="utf-8")
    (tmp_path / "b" / "empty.txt").write_bytes(b"")
    (tmp_path / "b" / "image.png").write_bytes(b"\x89PNG")  # not an article suffix: ignored in folders
    os.symlink(tmp_path, tmp_path / "b" / "loop")
    skipped: list[Skipped] = []
    texts = [a.text for _, a in read_inputs([str(tmp_path)], skipped=skipped)]
    assert texts == ["甲。", "乙。"]
    assert [s.reason for s in skipped] == [
        f"{tmp_path / 'b' / 'empty.txt'}: empty file",
        f"{tmp_path / 'b' / 'loop'}: symlink loop (a folder already read), not followed",
    ]


def test_globs(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(name + "。", encoding="utf-8")
    assert [a.text for _, a in read_inputs([str(tmp_path / "x*.txt")])] == ["x1.txt。", "x2.txt。"]
    with pytest.raises(InputError, match="no file matches"):
        list(read_inputs([str(tmp_path / "z*.txt")], on_error="fail"))
    skipped: list[Skipped] = []
    assert list(read_inputs([str(tmp_path / "z*.txt")], skipped=skipped)) == []
    assert [s.reason for s in skipped] == [f"{tmp_path / 'z*.txt'}: no file matches this pattern"]


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("省委巡视组进驻省财政厅。".encode())))
    ((path, article),) = list(read_inputs(["-"]))
    assert str(path) == "-" and article.text == "省委巡视组进驻省财政厅。"
