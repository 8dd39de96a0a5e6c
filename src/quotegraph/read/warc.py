"""Web archives: HTML response records from .warc and .warc.gz files, streamed.

Records are read one at a time from the file (warcio decompresses each gzip member as it
goes), so memory holds one record, never the whole archive. Only `response` records with
an HTTP 2xx status and an HTML content type become articles; the rest (requests,
metadata, images, redirects) are passed over. A truncated or corrupt archive yields the
articles before the damage and one ReadError naming the file and offset.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator, Union

from ..model import Article
from .html import parse_html
from .text import ReadError

MAX_RECORD_BYTES = 50 * 1024 * 1024
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)


class _Truncated(Exception):
    pass


def _check_whole(rec, n: int, offset: int) -> None:
    """A record whose block ends before its Content-Length: the file was cut short."""
    left = getattr(rec.raw_stream, "limit", 0) or 0
    if left > 0:
        raise _Truncated(f"record {n} (offset {offset}) ends {left} bytes short of its length")


def read_warc(path: Union[str, Path]) -> Iterator[Union[Article, ReadError]]:
    from warcio.archiveiterator import ArchiveIterator
    p = Path(path)
    try:
        f = open(p, "rb")
    except OSError as exc:
        yield ReadError(str(p), exc.strerror or str(exc))
        return
    with f:
        n = 0
        it = ArchiveIterator(f)
        offset = 0
        try:
            for rec in it:
                n += 1
                if rec.rec_type is None:
                    raise ValueError("no WARC record header where one should start")
                if rec.rec_type != "response" or rec.http_headers is None:
                    offset = it.get_record_offset()
                    _check_whole(rec, n, offset)
                    continue
                status = rec.http_headers.get_statuscode() or ""
                ctype = rec.http_headers.get_header("Content-Type") or ""
                if not status.startswith("2") or "html" not in ctype.lower():
                    offset = it.get_record_offset()
                    _check_whole(rec, n, offset)
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                body = rec.content_stream().read(MAX_RECORD_BYTES + 1)
                offset = it.get_record_offset()  # (reads the rest of the record)
                _check_whole(rec, n, offset)
                where = f"{p} record {n} (offset {offset})"
                if len(body) > MAX_RECORD_BYTES:
                    yield ReadError(where, f"record larger than {MAX_RECORD_BYTES >> 20} MB, skipped")
                    continue
                m = _CHARSET.search(ctype)
                data: Union[bytes, str] = body
                if m:
                    try:
                        data = body.decode(m.group(1))
                    except (LookupError, UnicodeDecodeError):
                        data = body  # let trafilatura guess
                try:
                    yield parse_html(data, where, id=url or f"{p.name}@{offset}", url=url)
                except ReadError as exc:
                    yield exc
            # a record header cut short ends the iteration silently: bytes left over
            size = os.fstat(f.fileno()).st_size
            end = getattr(it, "offset", size) or 0
            if end < size:
                f.seek(end)
                if f.read(4096).strip(b"\r\n\x00 "):
                    raise _Truncated(f"{size - end} bytes after record {n} (offset {end}) are not a whole record")
        except _Truncated as exc:
            yield ReadError(f"{p}", f"truncated archive: {exc}")
        except Exception as exc:  # truncated gzip, bad headers: the rest of the file is lost
            problem = str(exc) or type(exc).__name__
            yield ReadError(f"{p}", f"corrupt or truncated archive after record {n} "
                                    f"(offset {offset}): {type(exc).__name__}: {problem}")
