"""Files, folders, globs and standard input, read into articles (each file by its suffix and content)."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.articles import Skipped, parse_html, parse_json, parse_text
from kg.ingest.decoding import decode
from kg.model import Article

__all__ = ["ARTICLE_SUFFIXES", "MAX_FILE_BYTES", "expand_inputs", "read_file", "read_inputs"]

ARTICLE_SUFFIXES = {".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml"}
MAX_FILE_BYTES = 64 * 1024 * 1024


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
