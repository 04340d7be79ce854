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

import glob
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.model import Article

__all__ = [
    "ARTICLE_SUFFIXES",
    "Skipped",
    "decode",
    "expand_inputs",
    "parse_html",
    "parse_json",
    "parse_text",
    "read_file",
    "read_inputs",
]

ARTICLE_SUFFIXES = {".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml"}
MAX_FILE_BYTES = 64 * 1024 * 1024

# Characters common in Chinese news, to tell a right decoding from a wrong one.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
    "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向"
    "道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特"
    "件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队"
    "南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风"
    "切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许"
    "步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列"
    "习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派"
    "層們個國為說來對開經現於進過這後問間關發長會書區與時實動體這視巡察組黨"
)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, and why (one line)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return self.reason if self.reason.startswith(self.source) else f"{self.source}: {self.reason}"


def _score(text: str) -> float:
    cjk = [ch for ch in text[:4000] if "\u4e00" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(ch in _COMMON for ch in cjk) / len(cjk)


# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


_ODD = ("Cc", "Cf", "Cn", "Co", "Cs")


def _plausible(text: str) -> bool:
    """Text, not bytes read in the wrong encoding: few control, format or unassigned characters."""
    sample = text[:4096]
    odd = sum(
        ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cf", "Cn", "Co", "Cs") for ch in sample
    )
    return odd <= len(sample) // 20


def decode(data: bytes, name: str) -> str:
    """Decode the bytes of a text file, detecting UTF-8 (BOM or not), UTF-16/32 (BOM), GB18030/GBK and Big5.

    Raises
    ------
    InputError
        For an empty or binary file, truncated UTF-8, or bytes no supported encoding reads.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                break  # not what the BOM says: judged as bytes below
            if _plausible(text):
                return text
            break
    head = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or controls > len(head) // 20:
        raise InputError(f"{name}: binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            raise InputError(f"{name}: truncated UTF-8 (incomplete character at byte {exc.start})") from exc
        utf8_error = exc
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), encoding, text))
    if not candidates:
        raise InputError(
            f"{name}: cannot decode (not UTF-8: invalid byte at {utf8_error.start}; not GB18030 or Big5)"
        )
    score, _, text = max(candidates)
    if score < 0.2:
        raise InputError(f"{name}: cannot decode: not UTF-8, and as GB18030/Big5 it is not Chinese text")
    return text


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
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: malformed JSON at line {exc.lineno}: {exc.msg}") from exc
        except RecursionError:
            raise InputError(f"{name}: JSON nested too deeply to read") from None
        records = data if isinstance(data, list) else [data]
        for i, record in enumerate(records, 1):
            where = f"{name}#{i}"
            try:
                yield record_to_article(record, where)
            except InputError as exc:
                if on_bad is None:
                    raise
                on_bad(Skipped(where, str(exc)))
        return
    # records end at \n only: U+2028, \x0c, \x85 ... are characters inside a JSON string
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: malformed JSON: {exc.msg} (column {exc.colno})") from exc
            except RecursionError:
                raise InputError(f"{where}: JSON nested too deeply to read") from None
            yield record_to_article(record, where)
        except InputError as exc:
            if on_bad is None:
                raise
            on_bad(Skipped(where, str(exc)))


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
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "td", "div", "br", "tr")


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


# ---------------------------------------------------------------- files and inputs
def read_file(
    path: Path, data: bytes | None = None, on_bad: Callable[[Skipped], None] | None = None
) -> list[Article]:
    """Articles of one file (or of ``data`` read from it), by suffix and content."""
    name = str(path)
    if data is None:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise InputError(f"{name}: larger than {MAX_FILE_BYTES // 2**20} MiB")
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    text = decode(data, name)
    suffix = path.suffix.lower()
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    if suffix in (".jsonl", ".ndjson", ".json") or (suffix not in (".html", ".htm") and head[:1] in "[{"):
        return list(parse_json(text, name, on_bad))
    if suffix in (".html", ".htm", ".xhtml") or head.startswith(("<!doctype html", "<html")):
        return [parse_html(text, name)]
    if suffix in (".txt", ".text", "") or path.name == "-":
        return parse_text(text, name)
    raise InputError(
        f"{name}: unknown input suffix {suffix!r} (expected one of {', '.join(sorted(ARTICLE_SUFFIXES))})"
    )


def expand_inputs(
    inputs: Iterable[str],
    suffixes: set[str] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> Iterator[tuple[Path, bool]]:
    """Files named by ``inputs`` (files, folders read recursively, globs, ``-``), in a stable order.

    Yields ``(path, from_folder)``; files found in folders are filtered by suffix, named files are not.
    A symbolic link back into a folder already read is not followed again; ``on_skip`` hears of it.
    """
    wanted = suffixes or ARTICLE_SUFFIXES
    for item in inputs:
        if item == "-":
            yield Path("-"), False
            continue
        path = Path(item)
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(path, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    if on_skip is not None:
                        on_skip(Skipped(root, f"{root}: symlink loop (a folder already read), not followed"))
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs.sort()
                for fname in sorted(files):
                    # judgements.jsonl beside the articles is the analysts' file (kg.resolve), not an article
                    if fname == "judgements.jsonl":
                        continue
                    if Path(fname).suffix.lower() in wanted and not fname.startswith("."):
                        yield Path(root) / fname, True
        elif any(ch in item for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"{item}: no file matches this pattern")
            for match in matches:
                yield from expand_inputs([match], suffixes, on_skip)
        elif path.exists():
            yield path, False
        else:
            raise InputError(f"{item}: no such file or folder")


def read_inputs(
    inputs: Iterable[str],
    *,
    on_error: str = "skip",
    skipped: list[Skipped] | None = None,
    suffixes: set[str] | None = None,
) -> Iterator[tuple[Path, Article]]:
    """Every article of every input, with the file it came from.

    With ``on_error="skip"`` an unreadable file or record is appended to ``skipped``
    and reading goes on; with ``"fail"`` the first one raises :class:`InputError`.
    """
    if on_error not in ("skip", "fail"):
        raise ValueError("on_error must be 'skip' or 'fail'")
    record = skipped.append if skipped is not None else (lambda s: None)

    def on_bad(problem: Skipped) -> None:
        if on_error == "fail":
            raise InputError(problem.reason)
        record(problem)

    for item in inputs:
        try:
            for path, _ in expand_inputs([item], suffixes, record):
                try:
                    data = sys.stdin.buffer.read() if str(path) == "-" else None
                    for article in read_file(path, data, on_bad):
                        yield path, article
                except InputError as exc:
                    if on_error == "fail":
                        raise
                    record(Skipped(str(path), str(exc)))
        except InputError as exc:  # a missing path or a pattern that matches nothing
            if on_error == "fail":
                raise
            record(Skipped(item, str(exc)))
