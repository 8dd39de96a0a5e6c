"""Which tagged source goes with a cue: a small learned scorer over the candidates.

Assembly offers every SOURCE run in the cue's paragraph. Each (cue, source) pair is
described by a few facts - does the parse tie them, are they in one sentence, how far
apart, which side, is the source inside the quote, is another cue or quote between them,
how sure the tagger was, which one the hand rule below would pick - and a conditional
logit model trained on PolNeAR (training/train_linker.py, deterministic) scores it; the
best-scoring source wins. Without the weights file, the rule it
replaces ranks them: inside content last, parse tie first, same sentence, then distance.
"""
from __future__ import annotations

import math
from pathlib import Path

from ..scoring import LinearScorer

WEIGHTS = Path(__file__).resolve().parents[1] / "models" / "linker.json"
PRONOUN_WORDS = {"he", "she", "it", "they", "i", "we", "you", "who", "which", "that", "his", "her", "its", "their"}
FEATURES = ["bias", "tied", "same_sentence", "log_distance", "before_cue", "inside_own_content",
            "inside_other_content", "cue_between", "content_between", "confidence", "nearest", "second",
            "pronoun", "log_words", "tied_elsewhere", "rule_choice"]


def source_features(text: str, cue, source, own_content, runs, tied, sentence_break, tied_elsewhere: bool
                    ) -> list[float]:
    """The facts about one (cue, source) candidate, in FEATURES order (bar nearest/second,
    which depend on the other candidates and are filled by `rank_features`)."""
    lo, hi = (source.end, cue.start) if source.end <= cue.start else (cue.end, source.start)
    lo, hi = min(lo, hi), max(lo, hi)
    words = text[source.start:source.end].split()
    return [
        1.0,
        float(bool(tied is not None and tied(cue, source))),
        float(not sentence_break(text, lo, hi)) if lo < hi else 1.0,
        math.log1p(max(0, hi - lo)),
        float(source.end <= cue.start),
        float(any(c.start <= source.start and source.end <= c.end for c in own_content)),
        float(any(r.role == "CONTENT" and r.start <= source.start and source.end <= r.end
                  and r not in own_content for r in runs)),
        float(any(r.role == "CUE" and r is not cue and lo <= r.start and r.end <= hi for r in runs)),
        float(any(r.role == "CONTENT" and lo <= r.start and r.end <= hi for r in runs)),
        float(source.confidence),
        0.0,
        0.0,
        float(len(words) == 1 and words[0].lower().strip(",.") in PRONOUN_WORDS),
        math.log1p(len(words)),
        float(tied_elsewhere),
        0.0,
    ]


def rank_features(rows: list[list[float]]) -> None:
    """Mark the nearest and second-nearest candidates (by log_distance) and the one the
    hand rule would pick (not inside its own quote, tied by the parse, same sentence,
    nearest), in place: the model learns when to overrule that rule."""
    f = {n: FEATURES.index(n) for n in FEATURES}
    order = sorted(range(len(rows)), key=lambda i: rows[i][f["log_distance"]])
    for k, i in enumerate(order[:2]):
        rows[i][f["nearest" if k == 0 else "second"]] = 1.0
    rule = min(range(len(rows)), key=lambda i: (rows[i][f["inside_own_content"]], -rows[i][f["tied"]],
                                                 -rows[i][f["same_sentence"]], rows[i][f["log_distance"]]))
    rows[rule][f["rule_choice"]] = 1.0


class SourceLinker(LinearScorer):
    def __init__(self, path: Path = WEIGHTS):
        super().__init__(path, FEATURES, "training/train_linker.py")


def load_linker() -> SourceLinker | None:
    return SourceLinker() if WEIGHTS.exists() else None
