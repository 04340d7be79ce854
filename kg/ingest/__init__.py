"""Reading articles from files: newspaper text exports, JSON Lines / JSON, HTML and plain text.

Inputs are files, folders (read recursively), globs and ``-`` (standard input);
the format of each file is recognised from its suffix and content, and its
encoding (UTF-8 with or without BOM, GB18030/GBK, Big5) is detected.

Bad input raises :class:`kg.errors.InputError` with a one-line message naming the
file (and line); :func:`read_inputs` either stops at the first one
(``on_error="fail"``) or reports it and goes on (``"skip"``).

Example
-------
>>> arts = parse_text("浙江日报 数字报纸\\n\\n00002版:要闻\\n\\n标题\\n\\n正文。\\n", "x.txt")
>>> arts[0].title, arts[0].publisher, arts[0].section
('标题', '浙江日报', '要闻')
"""

from __future__ import annotations

from kg.ingest.articles import Skipped, parse_html, parse_json, parse_text, record_to_article
from kg.ingest.decoding import decode
from kg.ingest.inputs import ARTICLE_SUFFIXES, MAX_FILE_BYTES, expand_inputs, read_file, read_inputs

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "Skipped",
    "decode",
    "expand_inputs",
    "parse_html",
    "parse_json",
    "parse_text",
    "read_file",
    "read_inputs",
    "record_to_article",
]
