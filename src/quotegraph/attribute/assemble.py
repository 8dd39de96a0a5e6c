"""Group tagged runs into attributions: which content goes with which cue and source.

The tagger says *what* each stretch of text is; this step says *which belong together*.
Rules, in order:
1. A content run interrupted only by a cue (and maybe its source) in the same paragraph
   is one content in several fragments: `“…,” she said, “…”`.
2. Each content takes the nearest cue in its paragraph; a content in a paragraph with no
   cue continues the attribution before it (multi-paragraph quotes, colon lead-ins).
3. Each cue takes the nearest source in its paragraph, preferring one in the same sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .quotes import find_quotes

SENT_END = ".!?"
QUOTE_MARKS = "\"“”‘'«„"
CLOSERS = "\"”’'»)]"


@dataclass
class Run:
    role: str
    start: int
    end: int
    para: int
    confidence: float = 1.0
    link: int | None = None  # runs sharing a link are one content (a multi-paragraph quote)


@dataclass
class Group:
    content: list[Run] = field(default_factory=list)
    cue: list[Run] = field(default_factory=list)
    source: list[Run] = field(default_factory=list)
    # the linker's next choices for the source, when it scored them close to the one it took
    runners_up: list[Run] = field(default_factory=list)

    @property
    def para(self) -> int:
        return (self.content or self.cue)[0].para

    @property
    def start(self) -> int:
        return min(r.start for r in self.content + self.cue)

    @property
    def end(self) -> int:
        return max(r.end for r in self.content + self.cue)


def _ends_sentence(text: str, run: Run) -> bool:
    tail = text[run.start:run.end].rstrip().rstrip(CLOSERS + " ")
    return tail[-1:] in SENT_END if tail else False


def _dist(a: Run, b: Run) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _cross_sentence(text: str, a: Run, b: Run) -> bool:
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return lo < hi and _sentence_break(text, lo, hi)


# a full stop after these ends no sentence: "former Gov. Jeb Bush of Florida said"
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gov", "sen", "rep", "reps", "st", "jr", "sr", "lt", "gen", "col", "sgt",
                 "capt", "maj", "prof", "rev", "atty", "u.s", "d.c", "inc", "co", "corp", "vs"}
# ... unless the next word is one that opens sentences: "in the U.S. He said" ends one
_OPENERS = r"(?:He|She|It|They|We|I|The|But|This|That|These|Those|His|Her|Their|Its|And|So|Yet|In|A|An)"
_ABBREV_STOP = re.compile(r"(?i:\b(?:[A-Za-z]\.)+|\b(?:%s)\.)(?=\s)(?!\s+%s\b)" % ("|".join(
    re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)), _OPENERS))


def _sentence_break(text: str, a: int, b: int) -> bool:
    """Is there a sentence end between char offsets a and b (a < b)? (Not the stop of a
    title or an initial.)"""
    gap = _ABBREV_STOP.sub(" ", text[a:b])
    return any(c in gap for c in ".!?") and not gap.strip(" ,;:—–-\"“”'’‘«»") == ""


def _join_cues(text: str, runs: list[Run]) -> list[Run]:
    """A cue run that is only punctuation (the ":" of "told the crowd:") belongs to the
    cue just before it when at most three untagged words lie between: the tagger
    sometimes drops the middle. (Joining cue words more widely merges separate
    attributions: measured worse on the tune split.)"""
    out: list[Run] = []
    for r in runs:
        prev = out[-1] if out else None
        if (r.role == "CUE" and prev is not None and prev.role == "CUE" and prev.para == r.para
                and not any(c.isalnum() for c in text[r.start:r.end])):
            gap = text[prev.end:r.start]
            if len(gap.split()) <= 3 and not any(c in gap for c in ".!?\"“”"):
                prev.end = r.end
                prev.confidence = (prev.confidence + r.confidence) / 2
                continue
        out.append(r)
    return out


# how close (in the linker's log-odds) another source must score to be kept as a runner-up
# that resolution may fall back on (resolve.resolver: when the source taken names nobody).
# Chosen on the tune split: 1.0 leaves who_said_what as it was and gains speaker items; a
# wider margin trades who_said_what for a few more (at the shipped source bias, margin 0.5 /
# 1.0 / 1.5 / 2.0: who_said_what 0.724 / 0.725 / 0.723 / 0.720, 991 / 993 / 994 / 994 of
# 1,083 speaker items right; benchmarks/README.md).
RUNNER_UP_MARGIN = 1.0


def assemble(text: str, tag_runs: list[Run], tied=None, linker=None, on_candidates=None) -> list[Group]:
    """Group runs into attributions. `tied(cue, source) -> bool`, when given, says
    whether the parse ties a source run to a cue (its subject, the object of "according
    to"); such a source wins over a nearer one. `linker` (linker.SourceLinker), when
    given, scores the candidate sources instead of that rule; `on_candidates(group,
    candidates, feature_rows)` sees each choice (for training the linker)."""
    runs = _join_cues(text, sorted(tag_runs, key=lambda r: r.start))
    contents = [r for r in runs if r.role == "CONTENT"]
    cues = [r for r in runs if r.role == "CUE"]
    sources = [r for r in runs if r.role == "SOURCE"]

    # 1-2. each content run goes to the nearest cue in its paragraph; the runs that
    # share a cue are one content in several fragments. A paragraph with content but no
    # cue continues the nearest cue before it (a quote running over paragraphs, or the
    # content after "…, he said:" at a paragraph end).
    by_cue: dict[int, list[Run]] = {}
    orphans: list[Run] = []
    units: list[list[Run]] = []
    linked: dict[int, list[Run]] = {}
    for c in contents:
        if c.link is None:
            units.append([c])
        elif c.link in linked:
            linked[c.link].append(c)
        else:
            linked[c.link] = [c]
            units.append(linked[c.link])
    # (one closed quote within a paragraph: a stray or missing mark spreads a "quote" wider)
    quoted = [qt.frags[0] for qt in find_quotes(text) if not qt.level and qt.closed and len(qt.frags) == 1]
    # a cue inside someone's quote ('"... Ted Cruz wants to ban all abortions ..."') reports
    # only what its own sentence says: the rest of that quote is not its content
    in_quote = {k: next(((a, b) for a, b in quoted if a < q.start and q.end < b), None) for k, q in enumerate(cues)}

    def reaches(k: int, unit: list[Run]) -> bool:
        if in_quote[k] is None:
            return True
        return all(not _cross_sentence(text, cues[k], c) and not (c.end <= cues[k].start and _ends_sentence(text, c))
                   for c in unit)
    last_quote: int | None = None  # the cue of the last quote-marked content
    for unit in units:
        paras = {c.para for c in unit}
        same = [k for k, q in enumerate(cues) if q.para in paras and reaches(k, unit)]
        before = [k for k, q in enumerate(cues) if q.para < min(paras)]
        marked = all(text[c.start:c.start + 1] in QUOTE_MARKS for c in unit)
        if same and marked and last_quote is not None and cues[last_quote].para in paras \
                and all(_cross_sentence(text, cues[k], c) for k in same for c in unit):
            # '"A," Spencer said, as passers-by took photos. "B."': a quote standing in a
            # sentence of its own goes on with the quote before it, cued in its paragraph
            k = last_quote
        elif same:
            # a cue in the content's own sentence first ("According to X, A. The paper
            # reported B": A goes with "According to"), then the nearest
            k = min(same, key=lambda k: min((_cross_sentence(text, cues[k], c), _dist(cues[k], c)) for c in unit))
        elif before:
            k = before[-1]
        else:
            orphans.extend(unit)
            continue
        by_cue.setdefault(k, []).extend(unit)
        if marked:
            last_quote = k
    out = [Group(content=by_cue.get(k, []), cue=[q]) for k, q in enumerate(cues)]
    out += [Group(content=[c]) for c in orphans]
    out.sort(key=lambda g: g.start)

    # 3. each cue takes the nearest source in its paragraph, same sentence first
    for g in out:
        if not g.cue:
            continue
        q = g.cue[0]
        cands = [s for s in sources if s.para == q.para]
        if not cands:
            continue

        def key(s: Run):
            lo, hi = (s.end, q.start) if s.end <= q.start else (q.end, s.start)
            inside_content = any(c.start <= s.start and s.end <= c.end for c in g.content)
            is_tied = tied is not None and tied(q, s)
            return (inside_content, not is_tied, _sentence_break(text, lo, hi), _dist(s, q))
        if linker is not None or on_candidates is not None:
            from .linker import rank_features, source_features
            rows = [source_features(text, q, s, g.content, runs, tied, _sentence_break,
                                    tied is not None and any(tied(o, s) for o in cues if o is not q and o.para == s.para))
                    for s in cands]
            rank_features(rows)
            if on_candidates is not None:
                on_candidates(g, cands, rows)
        if linker is not None:
            scored = sorted(((linker.score(r), k) for k, r in enumerate(rows)), reverse=True)
            best = cands[scored[0][1]]
            g.runners_up = [cands[k] for sc, k in scored[1:] if scored[0][0] - sc <= RUNNER_UP_MARGIN]
        else:
            best = min(cands, key=key)
        g.source = [best]
    return out
