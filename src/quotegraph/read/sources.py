"""Every input format behind one call: files, folders (recursive) and globs, dispatched on
the file suffix.

    .txt                    plain text (quotegraph.read.text)
    .html .htm              main text and metadata with trafilatura (read.html)
    .jsonl .json .csv       records with configurable field names (read.records)
    .warc .warc.gz          HTML response records, streamed (read.warc)

`read_sources` yields Articles and, in place, ReadErrors naming the file (and line or
record) of each input that cannot be used, so a batch reports them and goes on.
"""
from __future__ import annotations

import glob
import sys
from pathlib import Path
from typing import Iterator, Optional, Union

from ..model import Article
from .records import Fields, read_csv, read_json, read_jsonl
from .text import ReadError, decode, iter_paths, read_text_file

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json", ".csv", ".warc", ".warc.gz")
_GLOB = set("*?[")


def kind_of(path: Union[str, Path]) -> Optional[str]:
    name = str(path).lower()
    for suf, kind in ((".warc.gz", "warc"), (".warc", "warc"), (".txt", "txt"), (".html", "html"),
                      (".htm", "html"), (".jsonl", "jsonl"), (".json", "json"), (".csv", "csv")):
        if name.endswith(suf):
            return kind
    return None


def iter_files(paths: list[str]) -> Iterator[Union[str, Path, ReadError]]:
    """Input files in a stable order: each argument in turn; folders recursively, sorted;
    globs (`*`, `?`, `[...]`, `**`) expanded and sorted."""
    for arg in paths:
        if arg != "-" and not Path(arg).exists() and _GLOB & set(arg):
            hits = sorted(glob.glob(arg, recursive=True))
            if not hits:
                yield ReadError(arg, "no file matches this pattern")
                continue
            for h in hits:
                if Path(h).is_dir():
                    yield from iter_paths([h], suffixes=SUFFIXES)
                elif kind_of(h):
                    yield Path(h)
            continue
        yield from iter_paths([arg], suffixes=SUFFIXES)


def read_file(path: Union[str, Path], fields: Optional[Fields] = None) -> Iterator[Union[Article, ReadError]]:
    """The articles of one file, by its suffix."""
    kind = kind_of(path)
    try:
        if kind == "txt":
            yield read_text_file(path)
        elif kind == "html":
            from .html import read_html_file
            yield read_html_file(path)
        elif kind == "jsonl":
            yield from read_jsonl(path, fields)
        elif kind == "json":
            yield from read_json(path, fields)
        elif kind == "csv":
            yield from read_csv(path, fields)
        elif kind == "warc":
            from .warc import read_warc
            yield from read_warc(path)
        else:
            yield ReadError(str(path), f"unsupported file type (known: {' '.join(SUFFIXES)})")
    except ReadError as exc:
        yield exc


def read_sources(paths: list[str], fields: Optional[Fields] = None) -> Iterator[Union[Article, ReadError]]:
    """Articles from files, folders and globs of any supported format; '-' is plain text on
    standard input."""
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
        elif item == "-":
            try:
                yield Article(id="stdin", text=decode(sys.stdin.buffer.read(), "<stdin>"), path="-")
            except ReadError as exc:
                yield exc
        else:
            yield from read_file(item, fields)
