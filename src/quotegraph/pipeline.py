"""The batch path: texts in, Extractions out, reusing one loaded pipeline per process.

Long texts are cut at paragraph breaks into chunks that spaCy accepts (its default limit
is 1,000,000 characters, and memory grows with length); each chunk is processed alone and
its offsets shifted back, so a 20 MB article works and every span still indexes the
original text.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from .model import Attribution, Extraction, Speaker

CHUNK_CHARS = 100_000


@lru_cache(maxsize=2)
def get_nlp(spacy_model: Optional[str] = None, model: Optional[str] = None):
    from .nlp import DEFAULT_SPACY_MODEL, load
    return load(spacy_model or DEFAULT_SPACY_MODEL, model)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """[start, end) pieces of at most about `size` chars, cut after a newline."""
    if len(text) <= size:
        return [(0, len(text))]
    out, s = [], 0
    while s < len(text):
        e = min(len(text), s + size)
        if e < len(text):
            cut = text.rfind("\n", s + size // 2, e)
            if cut == -1:
                cut = text.rfind(" ", s + size // 2, e)
            e = cut + 1 if cut != -1 else e
        out.append((s, e))
        s = e
    return out


def _shift(frags, d):
    return [(s + d, e + d) for s, e in frags]


def _from_doc(doc) -> tuple[list[Attribution], list[Speaker]]:
    return list(doc._.attributions or []), list(doc._.speakers or [])


def _merge(text: str, parts: list[tuple[int, list[Attribution], list[Speaker]]]) -> Extraction:
    atts, spk = [], {}
    for off, a_list, s_list in parts:
        for a in a_list:
            a.source, a.cue, a.content = _shift(a.source, off), _shift(a.cue, off), _shift(a.content, off)
            a.speaker_mentions, a.alternatives = _shift(a.speaker_mentions, off), _shift(a.alternatives, off)
            atts.append(a)
        for s in s_list:
            s.mentions = _shift(s.mentions, off)
            if s.name in spk:
                spk[s.name].mentions += s.mentions
                spk[s.name].quoted += s.quoted
            else:
                spk[s.name] = s
    return Extraction(text, atts, list(spk.values()))


def extract(text: str, nlp=None) -> Extraction:
    """Attributions and speakers of one text. The tagger runs in a second thread while
    spaCy parses (see nlp.tagged_docs)."""
    from .nlp import tagged_docs
    nlp = nlp or get_nlp()
    spans = chunks(text)
    docs = tagged_docs(nlp, [text[s:e] for s, e in spans], batch_size=len(spans))
    return _merge(text, [(s, *_from_doc(doc)) for (s, _), doc in zip(spans, docs)])


def _serial(texts: Iterable[str], nlp, batch_size: int, overlap: bool = True) -> Iterator[Extraction]:
    from .nlp import tagged_docs

    def run(chunk_texts):
        if overlap:
            return tagged_docs(nlp, chunk_texts, batch_size=batch_size)
        return nlp.pipe(chunk_texts, batch_size=batch_size)  # one thread does everything

    def pieces():
        for t in texts:
            for s, e in chunks(t):
                yield t, s, e
    # group chunk results back into whole texts
    cur_text, parts = None, []

    def flush():
        return _merge(cur_text, parts)

    it = pieces()
    while True:
        batch = [x for _, x in zip(range(batch_size), it)]
        if not batch:
            break
        docs = run([t[s:e] for t, s, e in batch])
        for (t, s, e), doc in zip(batch, docs):
            if cur_text is not None and s == 0:  # a new text starts
                yield flush()
                parts = []
            cur_text = t
            parts.append((s, *_from_doc(doc)))
    if cur_text is not None:
        yield flush()


_worker_nlp = None


def _init_worker(spacy_model, model):
    global _worker_nlp
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _worker_nlp = get_nlp(spacy_model, model)


def _work(text: str):
    try:
        return extract(text, _worker_nlp)
    except Exception as exc:  # handed back to the caller in place of a result
        return exc


def _guarded_serial(texts: Iterable[str], nlp, batch_size: int, overlap: bool = True) -> Iterator:
    """The serial path, batch by batch; a batch that fails is redone text by text so that
    one bad text costs only itself."""
    from itertools import islice
    it = iter(texts)
    while True:
        batch = list(islice(it, batch_size))
        if not batch:
            return
        try:
            results = list(_serial(batch, nlp, batch_size, overlap))
        except Exception:
            results = []
            for t in batch:
                try:
                    results.append(extract(t, nlp))
                except Exception as exc:
                    results.append(exc)
        yield from results


def extract_batch(texts: Iterable[str], n_process: int = 1, batch_size: int = 16,
                  spacy_model: Optional[str] = None, model: Optional[str] = None,
                  return_errors: bool = False, nlp=None, overlap: bool = True) -> Iterator[Extraction]:
    """Extractions for many texts, in order, with one loaded pipeline per process.

    n_process=1 parses with spaCy while the tagger runs in a second thread; n_process>1
    spreads texts over worker processes (each loads the pipeline once). With
    return_errors, a text that fails yields its exception in its place and the batch
    goes on; otherwise the exception is raised. `nlp` (serial only): a pipeline from
    quotegraph.load() to use instead of the default one. overlap=False (serial only):
    no second thread, for callers that run one process per core themselves."""
    if n_process <= 1:
        results = _guarded_serial(texts, nlp or get_nlp(spacy_model, model), batch_size, overlap)
    else:
        import multiprocessing as mp
        ctx = mp.get_context("forkserver")
        pool = ctx.Pool(n_process, initializer=_init_worker, initargs=(spacy_model, model))
        results = pool.imap(_work, texts, chunksize=2)
    try:
        for r in results:
            if isinstance(r, Exception) and not return_errors:
                raise r
            yield r
    finally:
        if n_process > 1:
            pool.terminate()
