"""Words of quotes: tokens for diffs, normalised words for grouping and search terms."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_EDGE_PUNCT = set("\"'“”‘’«»„‚‹›`.,;:!?…-–—()[]")


def fold(s: str) -> str:
    """Lower case, no accents, straight apostrophes."""
    s = s.lower().replace("’", "'").replace("‘", "'")
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """Words and punctuation marks, as written; quote marks and punctuation at either end
    (which depend on where a span was cut) left out."""
    toks = _TOKEN.findall(text or "")
    while toks and toks[0] in _EDGE_PUNCT:
        toks.pop(0)
    while toks and toks[-1] in _EDGE_PUNCT:
        toks.pop()
    return toks


def words(text: str) -> list[str]:
    """Normalised words: folded, no punctuation."""
    return _WORD.findall(fold(text or ""))


def terms(text: str) -> list[str]:
    """Distinct search terms of a text, in first-seen order."""
    return list(dict.fromkeys(words(text)))


def hash64(s: str) -> int:
    """A stable signed 64-bit hash (the same in every process and run)."""
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
