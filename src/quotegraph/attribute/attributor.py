"""From article text to attributions: the learned tagger, quote marks, then assembly.

    tagger runs ─┐
                 ├─▶ content snapped to quote marks ─▶ assemble ─▶ Attribution (+ kind)
    quote marks ─┘                                                   └─▶ nested quotes
"""
from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from ..model import Attribution
from .assemble import Run, assemble
from .encoding import paragraphs
from .quotes import ALL_MARKS, Quote, find_quotes
from .tagger import DEFAULT_MODEL, TagRun, load_tagger

_WORD = re.compile(r"\w+")

# Speech and report verbs that make a quote inside a quote someone's words (nested).
CUE_VERBS = set((Path(__file__).parent / "cue_verbs.txt").read_text(encoding="utf-8").split())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _words(text: str, s: int, e: int) -> int:
    return len(_WORD.findall(text[s:e]))


def snap_to_quotes(text: str, runs: list[Run], quotes: list[Quote], paras) -> list[Run]:
    """Make content agree with quote marks: a content run that covers most of a quote
    paragraph is widened to the whole of it (marks included), and a quote of several
    words that the tagger left untagged becomes content (it is someone's words; assembly
    gives it the nearest cue, or the previous speaker)."""
    out = list(runs)
    contents = [r for r in out if r.role == "CONTENT"]
    for q in quotes:
        if q.level:
            continue
        for s, e in q.frags:
            hit = [r for r in contents if _overlap((r.start, r.end), (s, e))]
            if hit:
                cover = sum(_overlap((r.start, r.end), (s, e)) for r in hit)
                if cover >= 0.5 * (e - s):
                    for r in hit:
                        if r.start <= s + 2 or r is hit[0]:
                            r.start = min(r.start, s)
                        if r.end >= e - 3 or r is hit[-1]:
                            r.end = max(r.end, e)
                continue
            inside_other = any(r.start <= s and e <= r.end for r in out if r.role != "CONTENT")
            if not inside_other and _words(text, s, e) >= MIN_UNTAGGED_QUOTE_WORDS:
                new = Run("CONTENT", s, e, _para_of(paras, s), 0.5)
                out.append(new)
                contents.append(new)
    return out


MIN_UNTAGGED_QUOTE_WORDS = 6
_DASH_BYLINE = re.compile(r"\s*([—–]|--?)\s*((?:[A-Z][\w.’'-]*\s?){1,4})")


def _para_of(paras: list[tuple[int, int]], pos: int) -> int:
    return max(0, bisect_right([s for s, _ in paras], pos) - 1)


def dash_bylines(text: str, runs: list[Run], quotes: list[Quote], paras) -> list[Run]:
    """“…” — Jane Roe: a closed quote followed by a dash and a name, with nothing tagged
    there, takes the dash as its cue and the name as its source."""
    out = list(runs)
    for q in quotes:
        if q.level or not q.closed:
            continue
        m = _DASH_BYLINE.match(text, q.end)
        if not m or "\n" in m.group(0):
            continue
        cs, ce = m.span(1)
        ss, se = m.start(2), m.start(2) + len(m.group(2).rstrip())
        if any(r.start < se and r.end > cs for r in out if r.role == "CUE"):
            continue
        para = _para_of(paras, cs)
        out.append(Run("CUE", cs, ce, para, 0.5))
        if not any(r.start < se and r.end > ss for r in out if r.role == "SOURCE"):
            out.append(Run("SOURCE", ss, se, para, 0.5))
    return out


def link_quote_paragraphs(runs: list[Run], quotes: list[Quote]) -> None:
    """Content runs inside the paragraphs of one multi-paragraph quote are one content:
    give them a shared link so assembly gives them one cue."""
    for n, q in enumerate(quotes):
        if q.level or len(q.frags) < 2:
            continue
        for r in runs:
            if r.role == "CONTENT" and any(r.start < e and r.end > s for s, e in q.frags):
                r.link = n


def kind_of(text: str, content: list[tuple[int, int]], quotes: list[Quote]) -> str:
    """direct: the content is quoted words; mixed: reported speech carrying some quoted
    words; indirect: no quoted words."""
    total = sum(_words(text, s, e) for s, e in content)
    if not total:
        return "indirect"
    quoted = 0
    for q in quotes:
        if q.level:
            continue
        for qf in q.frags:
            for cf in content:
                lo, hi = max(qf[0], cf[0]), min(qf[1], cf[1])
                if hi > lo:
                    quoted += _words(text, lo, hi)
    if quoted >= 0.9 * total:
        return "direct"
    return "mixed" if quoted else "indirect"


def nested_attributions(text: str, atts: list[Attribution], quotes: list[Quote], doc=None) -> list[Attribution]:
    """A quote inside a quoted content, introduced by a speech verb inside that content
    (“He told me, ‘I will never resign,’ …”), is an attribution of its own, with the
    verb's subject as its source."""
    out = []
    for q in quotes:
        if not q.level or q.parent is None:
            continue
        inner = q.inner(text)
        if not inner or _words(text, *inner[0]) < 2:
            continue
        host = next((a for a in atts if any(cs <= q.start and q.end <= ce for cs, ce in a.content)), None)
        if host is None:
            continue
        cue = _nested_cue(text, q, host, doc)
        if cue is None:
            continue
        cue_span, source = cue
        out.append(Attribution(source=source, cue=[cue_span], content=[(q.start, q.end)],
                               kind="direct", confidence=host.confidence * 0.8, origin="nested"))
    return out


def _nested_cue(text, q: Quote, host: Attribution, doc):
    """The speech verb next to an inner quote (within 6 words before it, or right after
    it), and that verb's subject."""
    frag = next((cs, ce) for cs, ce in host.content if cs <= q.start and q.end <= ce)
    before = [(m.start(), m.end()) for m in _WORD.finditer(text, frag[0], q.start)][-6:]
    after = [(m.start(), m.end()) for m in _WORD.finditer(text, q.end, frag[1])][:3]
    for s, e in reversed(before):
        if text[s:e].lower() in CUE_VERBS:
            return (s, e), _subject(text, s, e, doc, frag[0])
    for s, e in after:
        if text[s:e].lower() in CUE_VERBS:
            return (s, e), _subject(text, s, e, doc, frag[0])
    return None


def _subject(text, s, e, doc, floor):
    if doc is not None:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            verb = span.root
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    sub = list(child.subtree)
                    a, b = sub[0].idx, sub[-1].idx + len(sub[-1])
                    if a >= floor:
                        return [(a, b)]
    # without a parse: the word just before the verb when it is a pronoun or a name
    prev = [(m.start(), m.end()) for m in _WORD.finditer(text, floor, s)]
    if prev:
        ps, pe = prev[-1]
        w = text[ps:pe]
        if w.lower() in {"he", "she", "they", "i", "we", "you", "it"} or w[:1].isupper():
            return [(ps, pe)]
    return []


class Attributor:
    """Finds every attribution in a text. One instance holds one loaded tagger."""

    def __init__(self, model_dir: str | Path = DEFAULT_MODEL, threads: int | None = None):
        self.tagger = load_tagger(str(model_dir), threads)

    def tag(self, text: str) -> list[TagRun]:
        return self.tagger.tag(text)

    def __call__(self, text: str, doc=None, tag_runs: list[TagRun] | None = None) -> list[Attribution]:
        if tag_runs is None:
            tag_runs = self.tag(text)
        return attributions_from_runs(text, tag_runs, doc)


_LINKER = ...  # loaded on first use: models/linker.json, or None without it


def _linker():
    global _LINKER
    if _LINKER is ...:
        from .linker import load_linker
        _LINKER = load_linker() if USE_LINKER else None
    return _LINKER


USE_LINKER = True


def attributions_from_runs(text: str, tag_runs: list[TagRun], doc=None, on_candidates=None) -> list[Attribution]:
    runs = [Run(r.role, r.start, r.end, r.para, r.confidence) for r in tag_runs]
    quotes = find_quotes(text)
    paras = paragraphs(text)
    runs = snap_to_quotes(text, runs, quotes, paras)
    runs = dash_bylines(text, runs, quotes, paras)
    link_quote_paragraphs(runs, quotes)
    atts = []
    linked = _parse_linker(doc) if doc is not None and PARSE_LINKS else None
    for g in assemble(text, runs, linked, _linker() if on_candidates is None else None, on_candidates):
        parts = g.content + g.cue + g.source
        content = sorted((r.start, r.end) for r in g.content)
        atts.append(Attribution(
            source=[(r.start, r.end) for r in g.source], cue=[(r.start, r.end) for r in g.cue],
            content=content, kind=kind_of(text, content, quotes),
            alternatives=[(r.start, r.end) for r in g.runners_up],
            confidence=sum(r.confidence for r in parts) / len(parts)))
    if doc is not None and PARSE_SOURCES:
        tagged = [(r.start, r.end) for r in runs if r.role == "SOURCE"]
        for a in atts:
            if a.cue and not a.source:
                a.source = _source_from_parse(doc, a)
            elif a.cue and a.source and linked is not None and UNTAGGED_SUBJECTS:
                a.source = _untagged_subject(doc, a, linked, tagged) or a.source
            if a.source and REPAIR_SOURCES:
                a.source = repair_source(doc, a)
    atts += nested_attributions(text, atts, quotes, doc)
    atts.sort(key=lambda a: a.start)
    return atts


PARSE_SOURCES = True
UNTAGGED_SUBJECTS = True
PARSE_LINKS = True
REPAIR_SOURCES = True


def _stretch(tok, lo_floor: int = -1) -> tuple[int, int]:
    """Token range (first, last) of the contiguous stretch of tok's subtree around tok,
    without relative clauses or trailing punctuation."""
    ids = {x.i for x in tok.subtree if x.dep_ not in ("relcl", "punct", "acl") or x.i == tok.i}
    lo = hi = tok.i
    while lo - 1 in ids and lo - 1 > lo_floor:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return lo, hi


# the words of a noun phrase that come before its noun
_HEAD_BOUND = {"det", "amod", "compound", "poss", "nummod", "case", "punct", "advmod"}


def repair_source(doc, a: Attribution) -> list[tuple[int, int]]:
    """Mend a tagged source run the parse shows was cut short or run on: "a post from"
    stops before the name its preposition needs ("... from Arianna Huffington"), and
    "The Vermont senator emailed supporters" swallowed the cue verb. Only the one-run
    source is touched, and never into the cue or the content."""
    if len(a.source) != 1:
        return a.source
    s, e = a.source[0]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return a.source
    taken = list(a.cue) + list(a.content)

    def free(lo: int, hi: int) -> bool:
        return not any(cs < hi and lo < ce for cs, ce in taken)

    last = span[-1]
    if last.pos_ == "ADP" and last.dep_ in ("prep", "agent"):
        # not "... allies on Monday": a date is no part of who spoke
        objs = [c for c in last.children if c.dep_ == "pobj" and c.i >= span.end
                and c.ent_type_ not in ("DATE", "TIME")]
        if objs:
            lo, hi = _stretch(objs[0], last.i)
            end = doc[hi].idx + len(doc[hi])
            if lo == last.i + 1 and free(e, end):
                return [(s, end)]
    tail = span[-1]
    if tail.dep_ == "case" and span.start <= tail.head.i < span.end:
        tail = tail.head  # "Bennett’s": the possessor is what leads on
    # (not "his" | "call": a possessive pronoun is the source PolNeAR marks)
    if tail.dep_ in _HEAD_BOUND and tail.pos_ != "PRON" and span.end <= tail.head.i <= span.end + 3 and all(
            doc[k].head.i == tail.head.i and doc[k].dep_ in _HEAD_BOUND for k in range(span.end, tail.head.i)):
        # cut before the noun it leads to: "The" | "decision", "Actress" | "Amandla
        # Stenberg", "Mr" | ". Sanders", "Bennett’" | "s younger sister", "Congress’ most
        # zealous" | "advocate": the phrase runs on to that noun
        head = tail.head
        while head.dep_ in ("compound", "flat") and head.head.i == head.i + 1:
            head = head.head  # "Amandla" | "Stenberg": to the name's last word
        end = head.idx + len(head)
        if head.pos_ in ("NOUN", "PROPN") and free(e, end):
            return [(s, end)]
    root = span.root
    if span.start > 0 and not doc[span.start - 1].whitespace_ and doc[span.start - 1].text in "-–":
        # cut inside a hyphenated word ("60-" | "second spot"): the whole noun phrase
        sub = {t.i for t in root.subtree}
        lo = span.start
        while lo - 1 in sub and doc[lo - 1].dep_ != "relcl":
            lo -= 1
        if lo < span.start and free(doc[lo].idx, s):
            return [(doc[lo].idx, e)]
    if root.pos_ in ("VERB", "AUX"):
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and span.start <= c.i < span.end]
        if subj:
            lo, hi = _stretch(subj[0], span.start - 1)
            hi = min(hi, span.end - 1)
            return [(doc[lo].idx, doc[hi].idx + len(doc[hi]))]
    return a.source


def _parse_linker(doc):
    """linked(cue, source): does the parse make the source run the cue's speaker - the
    subject of the cue verb (or of the verb it hangs from), or the object of "according
    to"?"""
    cache = {}

    def speaker_tokens(cue: Run) -> set[int]:
        key = (cue.start, cue.end)
        if key not in cache:
            span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
            out: set[int] = set()
            if span is not None and len(span):
                for tok in span:
                    # a participle with no subject of its own ("..., calling him a liar") speaks
                    # with the subject of the verb it hangs from
                    bare = tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN") and not any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
                    heads = [tok, tok.head] if tok.dep_ in ("xcomp", "conj", "ccomp", "prep", "agent") or bare \
                        else [tok]
                    for h in heads:
                        for ch in h.children:
                            if ch.dep_ in ("nsubj", "nsubjpass", "pobj", "poss", "agent") and ch.i not in range(span.start, span.end):
                                out.add(ch.i)
                                out.update(t.i for t in ch.subtree if t.dep_ in ("compound", "poss", "det", "amod", "flat", "appos"))
                        if h.dep_ == "agent" or (h.lower_ == "by" and h.dep_ in ("agent", "prep")):
                            out.update(c.i for c in h.children if c.dep_ == "pobj")
            cache[key] = out
        return cache[key]

    def linked(cue: Run, source: Run) -> bool:
        toks = speaker_tokens(cue)
        if not toks:
            return False
        span = doc.char_span(source.start, source.end, alignment_mode="expand")
        return span is not None and any(t.i in toks for t in span)
    return linked


def _untagged_subject(doc, a: Attribution, linked, tagged) -> list[tuple[int, int]]:
    """The linker could only choose among tagged sources. When the one it chose has no
    grammatical tie to the cue, and the cue verb's subject is a phrase the tagger left
    untagged ("Clinton has said ..." beside a tagged "experts"), the subject speaks."""
    cue = Run("CUE", a.cue[0][0], a.cue[0][1], 0, 0.0)
    src = Run("SOURCE", a.source[0][0], a.source[-1][1], 0, 0.0)
    if linked(cue, src):
        return []
    subj = _source_from_parse(doc, a)
    if not subj or any(s < subj[0][1] and subj[0][0] < e for s, e in tagged):
        return []
    head = doc.char_span(subj[0][0], subj[0][1], alignment_mode="expand")
    chosen = doc.char_span(src.start, src.end, alignment_mode="expand")
    if head is None or chosen is None or head.root.pos_ not in ("PROPN", "PRON") \
            or head.root.lower_ in ("it", "that", "this", "which", "what", "who") \
            or chosen.root.sent.start == head.root.sent.start:
        return []  # only a name or a personal pronoun, over a source from another sentence
    if any(s < subj[0][1] and subj[0][0] < e for s, e in a.cue):
        return []
    return subj


def _source_from_parse(doc, a: Attribution) -> list[tuple[int, int]]:
    """The tagger found a cue but no source: take the cue verb's subject from the parse
    ("X said"), or the object of "according to X". Not a pronoun-free guess: only what
    the grammar links to the cue, and never inside the content."""
    s, e = a.cue[0]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return []
    root = span.root
    cands = []
    if root.lower_ == "according" or span[0].lower_ == "according":
        cands = [t for t in span[-1].children if t.dep_ == "pobj"] or [
            t for tok in span for t in tok.children if t.dep_ == "pobj"]
    else:
        verb = root if root.pos_ in ("VERB", "AUX") else root.head
        cands = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
        if not cands and verb.dep_ in ("conj", "xcomp", "advcl"):
            cands = [t for t in verb.head.children if t.dep_ in ("nsubj",)]
    for t in cands:
        toks = [x for x in t.subtree if x.dep_ not in ("relcl", "punct") or x.i == t.i]
        # keep the contiguous stretch around the head: no relative clauses
        lo = hi = t.i
        ids = {x.i for x in toks}
        while lo - 1 in ids:
            lo -= 1
        while hi + 1 in ids:
            hi += 1
        src = (doc[lo].idx, doc[hi].idx + len(doc[hi]))
        if not any(cs < src[1] and src[0] < ce for cs, ce in a.content):
            return [src]
    return []
