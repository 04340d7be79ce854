"""Articles of each format: newspaper text exports and plain text, JSON Lines / JSON, and HTML."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from kg.errors import InputError
from kg.model import Article

__all__ = ["Skipped", "parse_html", "parse_json", "parse_text", "record_to_article"]


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, and why (one line)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return self.reason if self.reason.startswith(self.source) else f"{self.source}: {self.reason}"


def _article_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- newspaper digital-edition export
_PAGE_LINE = re.compile(r"^\s*(\d{3,5})版[:：]\s*(\S.*?)\s*$")
_META_LINE = re.compile(
    r"^\s*(?P<paper>\S+)\s+(?P<section>\S+)\s+(?P<page>\d{3,5})\s+(?P<title>.+?)\s+"
    r"(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<id>\d+)\b.*$"
)


def _parse_epaper(lines: list[str], name: str) -> Article | None:
    """The digital-edition export: paper, ``00002版:要闻``, title, ——subtitle, body, metadata line."""
    nonblank = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    page_at = next((k for k, (_, line) in enumerate(nonblank[:4]) if _PAGE_LINE.match(line)), None)
    if page_at is None:
        return None
    page_match = _PAGE_LINE.match(nonblank[page_at][1])
    assert page_match
    paper = re.sub(r"\s*数字报纸?$", "", nonblank[0][1]) if page_at > 0 else None
    rest = nonblank[page_at + 1 :]
    meta = _META_LINE.match(rest[-1][1]) if rest else None
    if meta:
        rest = rest[:-1]
    if not rest:
        raise InputError(f"{name}: newspaper export without a title or text")
    title = rest[0][1]
    subtitle = None
    body_from = 1
    if len(rest) > 1 and rest[1][1].startswith("——"):
        subtitle = rest[1][1]
        body_from = 2
    body = "\n".join(line for _, line in rest[body_from:])
    if not body:
        raise InputError(f"{name}: newspaper export without body text")
    return Article(
        id=meta["id"] if meta else _article_id(body),
        text=body,
        title=title,
        subtitle=subtitle,
        publisher=(meta["paper"] if meta else paper),
        date=meta["date"] if meta else None,
        section=page_match.group(2),
        page=str(int(page_match.group(1))),
        source=name,
    )


_DATE_IN_TEXT = re.compile(r"(20\d{2}|19\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")


def _find_date(text: str) -> str | None:
    m = _DATE_IN_TEXT.search(text)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def parse_text(text: str, name: str) -> list[Article]:
    """Parse a text file: the newspaper export when it looks like one, else plain text.

    Plain text: a short first line without sentence punctuation is the title; the rest is the body.
    """
    lines = text.splitlines()
    epaper = _parse_epaper(lines, name)
    if epaper is not None:
        return [epaper]
    stripped = [line.strip() for line in lines]
    nonblank = [line for line in stripped if line]
    if not nonblank:
        raise InputError(f"{name}: no text")
    title = None
    body_lines = nonblank
    if len(nonblank) > 1 and len(nonblank[0]) <= 60 and not re.search(r"[。!?！？]$", nonblank[0]):
        title = nonblank[0]
        body_lines = nonblank[1:]
    body = "\n".join(body_lines)
    return [Article(id=_article_id(body), text=body, title=title, source=name)]


# ---------------------------------------------------------------- JSON Lines / JSON
_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "_id", "uid", "article_id", "doc_id"),
    "title": ("title", "headline"),
    "subtitle": ("subtitle", "sub_title"),
    "text": ("text", "content", "body", "article", "maintext"),
    "date": ("date", "published", "pub_date", "publish_date", "pubdate", "datetime", "time"),
    "publisher": ("source", "publisher", "site", "media", "paper"),
    "url": ("url", "link", "href"),
    "section": ("section", "column", "category"),
    "page": ("page",),
}


def _field(record: dict[str, object], key: str, where: str) -> str | None:
    for name in _FIELDS[key]:
        value = record.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key in ("id", "page"):
            return str(value)
        if not isinstance(value, str):
            raise InputError(f"{where}: field {name!r} should be text, not {type(value).__name__}")
        # a JSON escape may name half a surrogate pair (\ud800), which no file can hold: U+FFFD
        return _LONE_SURROGATE.sub("\ufffd", value)
    return None


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    return _find_date(value) or (value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value) else None)


def record_to_article(record: object, where: str) -> Article:
    """One JSON object with the common field names -> an :class:`Article`."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    text = _field(record, "text", where)
    if not text or not text.strip():
        raise InputError(f"{where}: record has no text (fields text/content/body)")
    publisher = _field(record, "publisher", where)
    return Article(
        id=_field(record, "id", where) or _article_id(text),
        text=text,
        title=_field(record, "title", where),
        subtitle=_field(record, "subtitle", where),
        publisher=publisher,
        date=_iso_date(_field(record, "date", where)),
        section=_field(record, "section", where),
        page=_field(record, "page", where),
        url=_field(record, "url", where),
        source=where,
    )


def parse_json(text: str, name: str, on_bad: Callable[[Skipped], None] | None = None) -> Iterator[Article]:
    """Articles of a JSON Lines file, a JSON array or a single JSON object.

    A bad line of JSON Lines is passed to ``on_bad`` (when given) and the others are read;
    without ``on_bad`` it raises.
    """
    stripped = text.lstrip("\ufeff").strip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n{" not in stripped):
        data = _loads(stripped, name, whole=True)
        records = data if isinstance(data, list) else [data]
        yield from _articles(
            ((f"{name}#{i}", r) for i, r in enumerate(records, 1)), record_to_article, on_bad
        )
        return
    # records end at \n only: U+2028, \x0c, \x85 ... are characters inside a JSON string
    lines = ((f"{name}:{n}", line) for n, line in enumerate(text.split("\n"), 1) if line.strip())
    yield from _articles(lines, _line_to_article, on_bad)


_Item = TypeVar("_Item")


def _articles(
    items: Iterable[tuple[str, _Item]],
    read: Callable[[_Item, str], Article],
    on_bad: Callable[[Skipped], None] | None,
) -> Iterator[Article]:
    """The article of each ``(where, item)``; a bad one goes to ``on_bad``, or raises without it."""
    for where, item in items:
        try:
            yield read(item, where)
        except InputError as exc:
            if on_bad is None:
                raise
            on_bad(Skipped(where, str(exc)))


def _line_to_article(line: str, where: str) -> Article:
    return record_to_article(_loads(line, where), where)


def _loads(text: str, where: str, *, whole: bool = False) -> object:
    """JSON text parsed; malformed or too deeply nested JSON raises :class:`InputError`."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f" at line {exc.lineno}: {exc.msg}" if whole else f": {exc.msg} (column {exc.colno})"
        raise InputError(f"{where}: malformed JSON{at}") from exc
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read") from None


# ---------------------------------------------------------------- HTML
_META_DATE_NAMES = (
    "article:published_time",
    "pubdate",
    "publishdate",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "og:release_date",
    "published_time",
)


def parse_html(text: str, name: str) -> Article:
    """An HTML page: title, publication date (meta tags, else the text) and main text.

    Scripts, styles, navigation, headers, footers and forms are dropped; the main
    text is the block with the most paragraph text.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    for tag in ("script", "style", "noscript", "nav", "header", "footer", "form", "aside", "iframe", "svg"):
        for node in tree.css(tag):
            node.decompose()
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        key = (node.attributes.get("property") or node.attributes.get("name") or "").lower()
        if key and node.attributes.get("content"):
            meta.setdefault(key, node.attributes.get("content") or "")
    title = meta.get("og:title") or meta.get("title")
    if not title:
        h1 = tree.css_first("h1")
        t = tree.css_first("title")
        title = (h1.text(strip=True) if h1 else None) or (t.text(strip=True) if t else None)
    body = _main_text(tree)
    if not body:
        raise InputError(f"{name}: HTML page without text")
    date = next((_iso_date(meta[k]) for k in _META_DATE_NAMES if k in meta and _iso_date(meta[k])), None)
    date = date or _find_date(body[:400])
    url = meta.get("og:url")
    publisher = meta.get("og:site_name") or meta.get("author") or meta.get("source")
    return Article(
        id=_article_id(body),
        text=body,
        title=title or None,
        publisher=publisher,
        date=date,
        url=url,
        source=name,
    )


def _main_text(tree: object) -> str:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

    assert isinstance(tree, LexborHTMLParser)
    best: LexborNode | None = None
    best_len = 0
    for node in tree.css("article, main, div, section, td, body"):
        paragraphs = node.css("p")
        length = sum(len(p.text(strip=True)) for p in paragraphs)
        if length > best_len * 1.2 or (best is not None and length >= best_len and best in _ancestors(node)):
            best, best_len = node, length
    if best is not None and best_len > 0:
        lines = [p.text(strip=True) for p in best.css("p")]
    else:
        root = tree.body or tree.root
        raw = root.text(separator="\n") if root is not None else ""
        lines = [line.strip() for line in raw.splitlines()]
    return "\n".join(line for line in lines if line)


def _ancestors(node: object) -> list[object]:
    out = []
    parent = getattr(node, "parent", None)
    while parent is not None:
        out.append(parent)
        parent = parent.parent
    return out
