"""Ingest: inputs -> articles -> attributions -> the store, safely and in parallel.

- Each input article is hashed (text and metadata); an article whose hash the store (or
  this run) already has is a duplicate and costs nothing more, so re-ingesting the same
  input adds nothing.
- The NLP runs in `jobs` worker processes on small batches, with a bounded number of
  batches in flight (reading stays streamed: a WARC is never held whole). Results come
  back in input order.
- One writer (this process) stores each article with all its rows inside one
  transaction; several articles share a transaction, committed every COMMIT_EVERY
  articles or seconds. A run killed at any point loses only uncommitted articles, which
  the next run stores; ids are counters the writer advances, so the end state equals a
  clean run's.
- After the articles, speaker identity and quote groups are updated incrementally (each
  in one transaction) for everything not yet assigned.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional

from ..model import Article, Attribution, Extraction, Speaker
from ..read.records import ExtractedArticle, Fields
from ..read.sources import read_sources
from ..read.text import ReadError
from . import words as W
from .schema import connect, insert_rows, transaction

BATCH = 8              # articles per worker task
COMMIT_EVERY = 64      # articles per transaction at most
COMMIT_SECONDS = 2.0   # ... or this long since the last commit


@dataclass
class Summary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    attributions: int = 0
    reasons: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    speakers_new: int = 0
    groups_new: int = 0

    def lines(self) -> list[str]:
        rate = self.read / self.seconds if self.seconds else 0.0
        out = [f"read {self.read} article(s), stored {self.stored} ({self.attributions} attributions), "
               f"skipped {self.duplicates} duplicate(s), failed {self.failed}  "
               f"[{self.seconds:.1f} s, {rate:.1f} articles/s]"]
        if self.speakers_new or self.groups_new:
            out.append(f"identity: {self.speakers_new} new speaker(s); quote groups: {self.groups_new} new")
        for reason, n in self.reasons.most_common():
            out.append(f"  failed {n}: {reason}")
        return out


def content_hash(a: Article) -> str:
    """What makes an article the same article: its text and its metadata (a syndicated
    copy at another outlet is another appearance)."""
    key = json.dumps([a.text, a.title, a.url, a.outlet, a.published, a.author], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(s: Optional[str]) -> Optional[date]:
    if not s:
        return None
    m = _ISO.search(s)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        from dateutil import parser
        return parser.parse(s, fuzzy=False).date()
    except Exception:
        return None


def _reason(problem: str) -> str:
    """A failure's kind, for the summary: the problem without its particulars."""
    p = re.sub(r"\(.*", "", problem).strip()
    return re.sub(r"(?<![\w-])\d+(?![\w-])", "N", p)[:80]


# ---------------------------------------------------------------- extraction (workers)

def _from_json(text: str, ex: dict) -> Extraction:
    atts = [Attribution.from_json(a) for a in ex.get("attributions") or []]
    spk = [Speaker(name=s["name"], type=s.get("type", "person"),
                   mentions=[tuple(m) for m in s.get("mentions") or []], quoted=s.get("quoted", 0))
           for s in ex.get("speakers") or [] if isinstance(s, dict) and s.get("name")]
    return Extraction(text, atts, spk)


def _extract_texts(texts: list[str]) -> list:
    from ..pipeline import extract_batch
    # one core per job: the tagger runs inline, not in a second thread, so that --jobs N
    # uses N cores and scales with them
    return list(extract_batch(texts, n_process=1, batch_size=max(1, len(texts)), return_errors=True,
                              overlap=False))


def _init_worker():
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from ..pipeline import get_nlp
    get_nlp()


def _process(batch: list[Article], extract: Callable[[list[str]], list]) -> list:
    """Extraction (or Exception) per article of a batch, pre-extracted ones taken as given."""
    need = [a.text for a in batch if not isinstance(a, ExtractedArticle)]
    got = iter(extract(need) if need else [])
    out = []
    for a in batch:
        if isinstance(a, ExtractedArticle):
            try:
                out.append(_from_json(a.text, a.extraction or {}))
            except Exception as exc:
                out.append(exc)
        else:
            out.append(next(got))
    return out


def _ordered_map(batches: Iterator[list[Article]], jobs: int) -> Iterator[tuple[list[Article], list]]:
    """(batch, results) in input order; with jobs > 1 the NLP runs in worker processes,
    at most 2 * jobs batches in flight. A worker that dies (killed, out of memory) breaks
    the pool: its batches are redone once in a fresh pool, and if that breaks too their
    articles are reported as failed - the ingest never waits forever."""
    if jobs <= 1:
        for b in batches:
            yield b, _process(b, _extract_texts)
        return
    import multiprocessing as mp
    from concurrent.futures import CancelledError, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = None  # started at the first batch that needs the NLP

    def start():
        return ProcessPoolExecutor(jobs, mp_context=mp.get_context("forkserver"), initializer=_init_worker)

    def submit(need):
        nonlocal pool
        if pool is None:
            pool = start()
        return pool, pool.submit(_extract_texts, need)

    def collect(b, sub, need):
        nonlocal pool
        if sub is None:
            return b, _process(b, lambda _texts: [])
        for attempt in (1, 2):
            used, fut = sub
            try:
                got = fut.result()
                break
            except (BrokenProcessPool, CancelledError):
                if used is pool:  # the pool this batch ran in is broken: replace it
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = None
                if attempt == 2:
                    got = [RuntimeError("the NLP worker process died on this batch")] * len(need)
                else:
                    sub = submit(need)
        return b, _process(b, lambda _texts: got)

    try:
        pending: deque = deque()
        for b in batches:
            need = [a.text for a in b if not isinstance(a, ExtractedArticle)]
            pending.append((b, submit(need) if need else None, need))
            while len(pending) > 2 * jobs:
                yield collect(*pending.popleft())
        while pending:
            yield collect(*pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


# ---------------------------------------------------------------- the writer

class Writer:
    """Appends articles with all their rows; ids continue from what the store holds."""

    def __init__(self, con):
        self.con = con
        self.seq = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
        self.att_id = con.execute("SELECT coalesce(max(id), 0) FROM attributions").fetchone()[0]
        self.hashes = {h for (h,) in con.execute("SELECT hash FROM articles").fetchall()}
        self.ids = {i for (i,) in con.execute("SELECT id FROM articles").fetchall()}
        self.rows: dict[str, list[list]] = {}
        self.pending = 0

    def _add(self, table: str, *cols):
        self.rows.setdefault(table, []).append(cols)

    def add(self, a: Article, h: str, ex: Extraction, extracted_by: str) -> int:
        art_id = a.id
        if art_id in self.ids:
            art_id = f"{a.id}~{h[:8]}"
        self.ids.add(art_id)
        self.hashes.add(h)
        self.seq += 1
        text = a.text
        self._add("articles", art_id, self.seq, h, a.title, a.url, a.outlet, a.published,
                  parse_date(a.published), a.author, a.path, text, len(ex.attributions), extracted_by)
        spk_types = {s.name: s.type for s in ex.speakers}
        spk_rows: dict[str, list] = {}
        for s in ex.speakers:
            spk_rows[s.name] = [s.type, s.quoted, len(s.mentions)]
            for st, en in sorted(set(s.mentions)):
                self._add("mentions", art_id, s.name, st, en, text[st:en])
        for n, t in enumerate(ex.attributions):
            self.att_id += 1
            aid = self.att_id
            texts = {r: Attribution.span_text(text, getattr(t, r)) for r in ("source", "cue", "content")}
            self._add("attributions", aid, art_id, n, t.kind, float(t.confidence), t.origin, t.speaker,
                      t.speaker_type, json.dumps([list(f) for f in t.source]),
                      json.dumps([list(f) for f in t.cue]), json.dumps([list(f) for f in t.content]),
                      texts["source"], texts["cue"], texts["content"], len(W.words(texts["content"])))
            for role in ("source", "cue", "content"):
                for k, (st, en) in enumerate(getattr(t, role)):
                    self._add("spans", aid, role, k, st, en, text[st:en])
            names = list(t.speakers) or ([t.speaker] if t.speaker else [])
            for name in dict.fromkeys(names):
                if name not in spk_rows:
                    typ = spk_types.get(name) or (t.speaker_type if t.speaker_type in ("person", "organisation")
                                                  else "person")
                    spk_rows[name] = [typ, 0, 0]
                self._add("attribution_speakers", aid, art_id, name, None)
            for term in W.terms(texts["content"]):
                self._add("quote_terms", term, aid)
        for name, (typ, quoted, nm) in spk_rows.items():
            self._add("article_speakers", art_id, name, typ, quoted, nm, None)
        self.pending += 1
        return self.seq

    def flush(self):
        """Writes what was added, in one transaction."""
        if not self.pending:
            return
        con = self.con
        with transaction(con):
            for table in ("articles", "attributions", "spans", "article_speakers", "attribution_speakers",
                          "mentions", "quote_terms"):
                insert_rows(con, table, self.rows.get(table))
        self.rows.clear()
        self.pending = 0


# ---------------------------------------------------------------- the run

def ingest(paths: list[str], db: str, jobs: int = 1, fields: Optional[Fields] = None,
           on_error: Optional[Callable[[ReadError], None]] = None, progress: bool = False,
           commit_every: int = COMMIT_EVERY, update_corpus: bool = True) -> Summary:
    """Reads `paths` (files, folders, globs of every supported format) into the store `db`."""
    from tqdm import tqdm
    t0 = time.perf_counter()
    s = Summary()
    con = connect(db)
    writer = Writer(con)
    seen_run: set[str] = set()
    bar = tqdm(unit="article", desc="ingest", file=__import__("sys").stderr, disable=not progress,
               dynamic_ncols=True, mininterval=0.5)

    def fail(err: ReadError):
        s.failed += 1
        s.reasons[_reason(err.problem)] += 1
        if on_error:
            on_error(err)

    def fresh() -> Iterator[tuple[Article, str]]:
        for item in read_sources(paths, fields):
            if isinstance(item, ReadError):
                fail(item)
                continue
            s.read += 1
            h = content_hash(item)
            if h in writer.hashes or h in seen_run:
                s.duplicates += 1
                bar.update(1)
                continue
            seen_run.add(h)
            yield item, h

    def batches():
        it = fresh()
        while True:
            b = list(islice(it, BATCH))
            if not b:
                return
            yield b

    hashes: dict[int, str] = {}

    def tagged():
        for b in batches():
            for a, h in b:
                hashes[id(a)] = h
            yield [a for a, _ in b]

    last = time.monotonic()
    try:
        for batch, results in _ordered_map(tagged(), jobs):
            for a, res in zip(batch, results):
                h = hashes.pop(id(a))
                if isinstance(res, Exception):
                    fail(ReadError(a.path or a.id, f"extraction failed ({type(res).__name__}: {res})"))
                    seen_run.discard(h)
                else:
                    writer.add(a, h, res, "input" if isinstance(a, ExtractedArticle) else "quotegraph")
                    s.stored += 1
                    s.attributions += len(res.attributions)
                bar.update(1)
            if writer.pending >= commit_every or time.monotonic() - last >= COMMIT_SECONDS:
                writer.flush()
                last = time.monotonic()
        writer.flush()
    finally:
        bar.close()
    if update_corpus:
        from .groups import update_groups
        from .identity import update_identity
        s.speakers_new = update_identity(con)
        s.groups_new = update_groups(con)
    con.close()
    s.seconds = time.perf_counter() - t0
    return s
