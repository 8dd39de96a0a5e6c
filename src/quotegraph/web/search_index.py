"""An in-memory index for quote search, built from the store when the server starts.

Every quote gets a rank: its place in the newest-first order the pages show
(`published_date DESC NULLS LAST, id`). The index keeps, as sorted numpy arrays of ranks,
the quotes of every search term (from `quote_terms`) and of every speaker identity (from
`attribution_speakers`), and per rank the quote's outlet and date. A search intersects the
arrays of its words and speaker, masks by outlet and dates, and is then already in page
order: the count is the length, a page is a slice, and only that page's rows are read
from DuckDB. The cost no longer grows with the number of matches, where the SQL path
(`queries.search_quotes` without an index) counts and sorts every match per request.

The server opens the store read-only and DuckDB keeps writers out while it is open, so
the index cannot go stale. Memory: about 4 bytes per (quote, distinct word) and per
(quote, speaker) pair, 40 bytes per quote, and the quotes' text in lower case for phrase
search (up to MAX_TEXTS quotes; 100,000 synthetic quotes: ~30 MB in all). Stores with more
than MAX_POSTINGS terms are not indexed (the SQL path serves them).
"""
from __future__ import annotations

import logging
import threading
import time
from datetime import date
from typing import Optional

import numpy as np

log = logging.getLogger("quotegraph.web")
MAX_POSTINGS = 60_000_000
MAX_TEXTS = 1_000_000      # quotes whose text is kept for phrase search (else one SQL pass)
MAX_ARTICLES_KEPT = 200_000
NO_DATE = np.iinfo(np.int32).min
_EPOCH = date(1970, 1, 1).toordinal()

_RANKED = ("SELECT t.id, row_number() OVER (ORDER BY a.published_date DESC NULLS LAST, t.id) - 1 AS rank "
           "FROM attributions t JOIN articles a ON a.id = t.article_id")


def _split(keys: np.ndarray, ranks: np.ndarray) -> dict:
    """{key: sorted int32 ranks} from rows sorted by (key, rank)."""
    if len(keys) == 0:
        return {}
    bounds = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    starts = np.concatenate(([0], bounds))
    parts = np.split(ranks.astype(np.int32), bounds)
    return {(k.item() if hasattr(k, "item") else k): p for k, p in zip(keys[starts], parts)}


class SearchIndex:
    def __init__(self, con):
        t0 = time.perf_counter()
        n = con.execute("SELECT count(*) FROM attributions").fetchone()[0]
        keep_texts = n <= MAX_TEXTS
        rows = con.execute("SELECT t.id, CAST(a.published_date AS VARCHAR), lower(a.outlet), "
                           + ("t.content_text" if keep_texts else "NULL") +
                           " FROM attributions t JOIN articles a ON a.id = t.article_id "
                           "ORDER BY a.published_date DESC NULLS LAST, t.id").fetchall()
        self.n = len(rows)
        self.ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=self.n)
        self.dates = np.fromiter((date.fromisoformat(r[1]).toordinal() - _EPOCH if r[1] else NO_DATE
                                  for r in rows), dtype=np.int32, count=self.n)
        self.outlet_codes: dict[str, int] = {}
        self.outlets = np.fromiter((self.outlet_codes.setdefault(r[2], len(self.outlet_codes)) if r[2] is not None
                                    else -1 for r in rows), dtype=np.int32, count=self.n)
        # the quotes' text, folded, for phrases ("…"): a substring test per candidate
        self.texts = [(r[3] or "").lower() for r in rows] if keep_texts else None
        del rows
        self.rank_of = np.full(int(self.ids.max()) + 1 if self.n else 1, -1, dtype=np.int64)
        self.rank_of[self.ids] = np.arange(self.n)
        got = con.execute(f"WITH r AS ({_RANKED}) SELECT DISTINCT q.term, r.rank FROM quote_terms q "
                          f"JOIN r ON r.id = q.attribution_id ORDER BY q.term, r.rank").fetchnumpy()
        self.terms = _split(np.asarray(got["term"], dtype=object), np.asarray(got["rank"]))
        # who said each quote (by name, then id) and the quotes of each speaker
        got = con.execute(f"WITH r AS ({_RANKED}), d AS (SELECT DISTINCT attribution_id, speaker_id "
                          f"FROM attribution_speakers WHERE speaker_id IS NOT NULL) "
                          f"SELECT r.rank, d.speaker_id FROM d JOIN r ON r.id = d.attribution_id "
                          f"JOIN speakers s ON s.id = d.speaker_id ORDER BY r.rank, s.name, s.id").fetchnumpy()
        ranks, sids = np.asarray(got["rank"], dtype=np.int64), np.asarray(got["speaker_id"], dtype=np.int64)
        self.said_ptr = np.searchsorted(ranks, np.arange(self.n + 1))
        self.said_by = sids
        order = np.lexsort((ranks, sids))
        self.speakers = _split(sids[order], ranks[order])
        self.names = dict(con.execute("SELECT id, name FROM speakers").fetchall())
        # each quote's group
        self.groups = np.full(self.n, -1, dtype=np.int64)
        got = con.execute(f"WITH r AS ({_RANKED}) SELECT r.rank, p.group_id FROM quote_appearances p "
                          f"JOIN r ON r.id = p.attribution_id").fetchnumpy()
        self.groups[np.asarray(got["rank"], dtype=np.int64)] = np.asarray(got["group_id"], dtype=np.int64)
        self._speaker_ids: dict[str, list[int]] = {}
        self._articles: dict = {}
        self.seconds = time.perf_counter() - t0

    def articles_meta(self, con, ids) -> dict:
        """{article id: (id, title, outlet, published_date)}, remembered (at most
        MAX_ARTICLES_KEPT; then forgotten and read again)."""
        cache = self._articles               # this call's dict, even if another thread replaces it
        missing = [i for i in ids if i not in cache]
        if missing:
            if len(cache) + len(missing) > MAX_ARTICLES_KEPT:
                cache = self._articles = {}
                missing = list(ids)
            for r in con.execute("SELECT id, title, outlet, published_date FROM articles WHERE id = ANY($ids)",
                                 {"ids": missing}).fetchall():
                cache[r[0]] = r
        return {i: cache[i] for i in ids}

    def speaker_ids(self, con, name: str) -> list[int]:
        """`store.query.speaker_ids`, remembered (the store cannot change while served)."""
        key = name
        got = self._speaker_ids.get(key)
        if got is None:
            from ..store.query import speaker_ids
            got = speaker_ids(con, name)
            if len(self._speaker_ids) > 50_000:
                self._speaker_ids.clear()
            self._speaker_ids[key] = got
        return got

    def with_phrase(self, ranks: np.ndarray, phrase: str) -> Optional[np.ndarray]:
        """The ranks whose quote contains `phrase` (case-insensitive), or None when the
        texts are not kept."""
        if self.texts is None:
            return None
        p = phrase.lower()
        texts = self.texts
        keep = np.fromiter((p in texts[r] for r in ranks.tolist()), dtype=bool, count=len(ranks))
        return ranks[keep]

    def ranks_of(self, ids) -> np.ndarray:
        """Sorted ranks of attribution ids."""
        ids = np.asarray(ids, dtype=np.int64)
        ids = ids[(ids >= 0) & (ids < len(self.rank_of))]
        r = self.rank_of[ids]
        return np.sort(r[r >= 0]).astype(np.int32)

    def speakers_of(self, rank: int) -> list[dict]:
        return [{"id": int(i), "name": self.names.get(int(i), "")}
                for i in self.said_by[self.said_ptr[rank]:self.said_ptr[rank + 1]]]

    def group_of(self, rank: int):
        g = int(self.groups[rank])
        return None if g < 0 else g

    def postings(self) -> int:
        return sum(len(a) for a in self.terms.values())

    def select(self, terms: Optional[list[str]] = None, speaker_sets: Optional[list[list[int]]] = None,
               outlet: Optional[str] = None, since: Optional[date] = None,
               until: Optional[date] = None) -> np.ndarray:
        """Ranks (sorted: newest first) of the quotes with every term, by one of the
        speakers of each set, in the outlet (case-insensitive), within the dates. None:
        no filter."""
        cand: Optional[np.ndarray] = None
        empty = np.empty(0, dtype=np.int32)
        if terms is not None:
            arrays = sorted((self.terms.get(t, empty) for t in terms), key=len)
            for a in arrays:
                cand = a if cand is None else np.intersect1d(cand, a, assume_unique=True)
                if not len(cand):
                    return empty
        for speaker_ids in speaker_sets or []:
            arrays = [self.speakers.get(int(s), empty) for s in speaker_ids]
            a = arrays[0] if len(arrays) == 1 else np.unique(np.concatenate(arrays)) if arrays else empty
            cand = a if cand is None else np.intersect1d(cand, a, assume_unique=True)
        mask = None
        if outlet is not None:
            code = self.outlet_codes.get(outlet.lower())
            if code is None:
                return empty
            mask = self.outlets == code
        if since is not None or until is not None:
            m = self.dates != NO_DATE
            if since is not None:
                m &= self.dates >= since.toordinal() - _EPOCH
            if until is not None:
                m &= self.dates <= until.toordinal() - _EPOCH
            mask = m if mask is None else mask & m
        if mask is not None:
            cand = np.flatnonzero(mask).astype(np.int32) if cand is None else cand[mask[cand]]
        if cand is None:
            cand = np.arange(self.n, dtype=np.int32)
        return cand


class IndexHolder:
    """Builds the index in a background thread; `get()` is None until it is ready (the
    SQL path answers meanwhile), or when the store is too large or the build failed."""

    def __init__(self, cursor_factory, background: bool = True):
        self.index: Optional[SearchIndex] = None
        self.error: Optional[str] = None
        self._cursor = cursor_factory
        self._done = threading.Event()
        if background:
            threading.Thread(target=self._build, name="quotegraph-search-index", daemon=True).start()
        else:
            self._build()

    def _build(self):
        try:
            with self._cursor() as con:
                n = con.execute("SELECT count(*) FROM quote_terms").fetchone()[0]
                if n > MAX_POSTINGS:
                    self.error = f"{n} search terms: over {MAX_POSTINGS}, searching with SQL"
                    log.warning("search index: %s", self.error)
                    return
                ix = SearchIndex(con)
            self.index = ix
            log.info("search index: %d quotes, %d terms in %.1f s", ix.n, len(ix.terms), ix.seconds)
        except Exception as exc:                      # the SQL path still answers
            self.error = repr(exc)
            log.exception("search index: build failed")
        finally:
            self._done.set()

    def get(self) -> Optional[SearchIndex]:
        return self.index

    def wait(self, timeout: Optional[float] = None) -> bool:
        return self._done.wait(timeout)
