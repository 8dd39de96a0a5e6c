"""HTML pages: the main text and its metadata (title, date, author, site) with trafilatura.

The article text is trafilatura's main-text extraction, paragraphs one per line; offsets in
every later output index that text, which the store keeps whole.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union
from urllib.parse import urlsplit

from ..model import Article
from .text import MAX_BYTES, ReadError


def outlet_from_url(url: Optional[str]) -> Optional[str]:
    """The site's domain from a URL, without 'www.' and port: 'https://www.nytimes.com/x' ->
    'nytimes.com'."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def parse_html(data: Union[bytes, str], path: str, id: str, url: Optional[str] = None) -> Article:
    """An Article from one HTML page (bytes: the charset is detected). Raises ReadError when
    the page is empty, binary or has no main text."""
    if isinstance(data, bytes):
        if not data.strip():
            raise ReadError(path, "empty file")
        if b"\x00" in data[:8192]:
            raise ReadError(path, "binary file (contains NUL bytes), not HTML")
    elif not data.strip():
        raise ReadError(path, "empty file")
    import trafilatura
    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # lxml and trafilatura errors on pathological input
        raise ReadError(path, f"malformed HTML ({type(exc).__name__}: {exc})") from None
    if doc is None:
        raise ReadError(path, "no main text found (malformed, empty or not an article page)")
    meta = doc if isinstance(doc, dict) else doc.as_dict()
    text = (meta.get("text") or "").strip()
    if not text:
        raise ReadError(path, "no main text found (malformed, empty or not an article page)")
    page_url = url or meta.get("url")
    outlet = meta.get("sitename") or outlet_from_url(page_url) or meta.get("hostname")
    return Article(id=id, text=text, title=meta.get("title") or None, url=page_url or None,
                   outlet=outlet or None, published=meta.get("date") or None,
                   author=meta.get("author") or None, path=path)


def read_html_file(path: Union[str, Path]) -> Article:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(str(p), f"too large ({size / 1e6:.0f} MB; limit {MAX_BYTES / 1e6:.0f} MB)")
        data = p.read_bytes()
    except ReadError:
        raise
    except OSError as exc:
        raise ReadError(str(p), exc.strerror or str(exc)) from None
    return parse_html(data, str(p), id=p.stem)
