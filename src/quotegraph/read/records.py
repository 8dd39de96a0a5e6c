"""Articles as records: JSON Lines (.jsonl), JSON (.json: one object or a list of them)
and CSV (.csv, with a header row).

Field names are configurable (`Fields`); by default the first present of several usual
names is taken (text/body/content, published/date, ...). A bad record (invalid JSON, not
UTF-8, no text) is a ReadError naming the file and line; the other records go on.

A record that also carries `attributions` (and optionally `speakers`) in the format
`quotegraph extract` writes is an `ExtractedArticle`: the store takes its attributions as
they are instead of running the NLP again. Its text may come from the record or, with
`Fields.texts_dir`, from `TEXTS_DIR/ID.txt` (the folder `quotegraph extract` read).
"""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional, Union

from ..model import Article
from .html import outlet_from_url
from .text import MAX_BYTES, ReadError, decode, read_text_file

DEFAULTS = {
    "id": ("id", "article_id", "doc_id"),
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "published": ("published", "date", "published_at", "pubdate", "datetime"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher"),
    "author": ("author", "authors", "byline"),
}


@dataclass
class Fields:
    """Which record field holds what. A name set here is the only one looked at; unset,
    the usual names in DEFAULTS are tried in order."""
    names: dict[str, str] = field(default_factory=dict)
    texts_dir: Optional[str] = None

    def get(self, rec: dict, key: str):
        if key in self.names:
            return rec.get(self.names[key])
        for name in DEFAULTS[key]:
            if rec.get(name) not in (None, ""):
                return rec[name]
        return None


@dataclass
class ExtractedArticle(Article):
    """An article whose attributions were found before (e.g. by `quotegraph extract`)."""
    extraction: Optional[dict] = None


def _str(v) -> Optional[str]:
    if v is None or v == "":
        return None
    if isinstance(v, list):
        return ", ".join(str(x) for x in v) or None
    return str(v)


def _check_spans(ex: dict, n: int, where: str) -> None:
    for a in ex.get("attributions") or []:
        if not isinstance(a, dict):
            raise ReadError(where, "attributions must be objects")
        for role in ("source", "cue", "content", "speaker_mentions"):
            for fr in a.get(role) or []:
                if (not isinstance(fr, (list, tuple)) or len(fr) != 2
                        or not all(isinstance(x, int) for x in fr) or not 0 <= fr[0] <= fr[1] <= n):
                    raise ReadError(where, f"{role} span {fr!r} is not within the text (length {n})")


def make_article(rec, where: str, default_id: str, fields: Fields, path: str) -> Article:
    """An Article (or ExtractedArticle) from one parsed record; ReadError if unusable."""
    if not isinstance(rec, dict):
        raise ReadError(where, f"record is a JSON {type(rec).__name__}, not an object")
    id_ = _str(fields.get(rec, "id")) or default_id
    text = fields.get(rec, "text")
    has_ex = isinstance(rec.get("attributions"), list)
    if text is None and has_ex and fields.texts_dir:
        text = read_text_file(Path(fields.texts_dir) / f"{id_}.txt").text
    if not isinstance(text, str) or not text.strip():
        wanted = fields.names.get("text") or "/".join(DEFAULTS["text"])
        hint = ("; for `quotegraph extract` output, name the folder of its texts with --texts"
                if has_ex and not fields.texts_dir else "")
        raise ReadError(where, f"no text (field {wanted!r} missing or empty{hint})")
    url = _str(fields.get(rec, "url"))
    kw = dict(id=id_, text=text, title=_str(fields.get(rec, "title")), url=url,
              outlet=_str(fields.get(rec, "outlet")) or outlet_from_url(url),
              published=_str(fields.get(rec, "published")), author=_str(fields.get(rec, "author")),
              path=path)
    if has_ex:
        ex = {"attributions": rec["attributions"], "speakers": rec.get("speakers") or []}
        _check_spans(ex, len(text), where)
        return ExtractedArticle(**kw, extraction=ex)
    return Article(**kw)


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with open(path, "rb") as f:
        for n, line in enumerate(f, 1):
            yield n, line


def read_jsonl(path: Union[str, Path], fields: Optional[Fields] = None) -> Iterator[Union[Article, ReadError]]:
    p, fields = Path(path), fields or Fields()
    any_line = False
    try:
        for n, raw in _lines(p):
            if not raw.strip():
                continue
            any_line = True
            where = f"{p}:{n}"
            try:
                try:
                    line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise ReadError(where, f"not valid UTF-8 (byte {exc.start} of the line)") from None
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ReadError(where, f"invalid JSON ({exc.msg}, column {exc.colno})") from None
                yield make_article(rec, where, f"{p.stem}:{n}", fields, str(p))
            except ReadError as exc:
                yield exc
    except OSError as exc:
        yield ReadError(str(p), exc.strerror or str(exc))
        return
    if not any_line:
        yield ReadError(str(p), "empty file")


def read_json(path: Union[str, Path], fields: Optional[Fields] = None) -> Iterator[Union[Article, ReadError]]:
    p, fields = Path(path), fields or Fields()
    try:
        if p.stat().st_size > MAX_BYTES:
            raise ReadError(str(p), f"too large for a .json file ({p.stat().st_size / 1e6:.0f} MB; "
                                    f"limit {MAX_BYTES / 1e6:.0f} MB): use .jsonl, one record a line")
        text = decode(p.read_bytes(), str(p))
        data = json.loads(text)
    except ReadError as exc:
        yield exc
        return
    except OSError as exc:
        yield ReadError(str(p), exc.strerror or str(exc))
        return
    except json.JSONDecodeError as exc:
        yield ReadError(f"{p}:{exc.lineno}", f"invalid JSON ({exc.msg}, column {exc.colno})")
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    recs = data if isinstance(data, list) else [data]
    for i, rec in enumerate(recs):
        where = f"{p} record {i + 1}" if isinstance(data, list) else str(p)
        try:
            yield make_article(rec, where, f"{p.stem}:{i + 1}" if isinstance(data, list) else p.stem,
                               fields, str(p))
        except ReadError as exc:
            yield exc


def read_csv(path: Union[str, Path], fields: Optional[Fields] = None) -> Iterator[Union[Article, ReadError]]:
    p, fields = Path(path), fields or Fields()
    bad: list[ReadError] = []

    def decoded():  # line by line, so one badly encoded line costs only its record
        for n, raw in _lines(p):
            try:
                yield raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                bad.append(ReadError(f"{p}:{n}", f"not valid UTF-8 (byte {exc.start} of the line)"))
                yield "\n"
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        reader = csv.DictReader(decoded())
        if not reader.fieldnames:
            yield from bad
            yield ReadError(str(p), "empty file (no header row)")
            return
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield ReadError(f"{p}:{reader.line_num}", f"malformed CSV ({exc})")
                continue
            yield from bad
            bad.clear()
            if not any(v for v in row.values() if isinstance(v, str) and v.strip()):
                continue
            if None in row:
                yield ReadError(f"{p}:{reader.line_num}", "more fields than the header names")
                continue
            try:
                yield make_article(row, f"{p}:{reader.line_num}", f"{p.stem}:{reader.line_num}", fields, str(p))
            except ReadError as exc:
                yield exc
        yield from bad
    except OSError as exc:
        yield ReadError(str(p), exc.strerror or str(exc))
