"""Which earlier entity a pronoun source means: a small learned ranker over candidates.

The resolver offers every person (for he/she) or organisation (for it) named before the
pronoun outside quotes that agrees with it. Each candidate is described by a few facts
about salience, in the spirit of centering theory: is it the speaker just quoted, does
its gender agree, how recently and how often was it named, was it the subject of this
sentence or the one before (of its main verb, above all), was it named since the last
quote ended, is it the article's main subject, was it last named inside what someone said
(the topic of a quote is seldom the next speaker). A conditional logit model (training/train_pronoun_ranker.py,
deterministic, from our hand-checked speaker annotations of PolNeAR train's fit split) weighs them; the
best-scoring candidate wins. Without the weights file the resolver's hand-set weights
(pronouns.PRONOUN_WEIGHTS) rank them instead.
"""
from __future__ import annotations

import math
from pathlib import Path

from ..scoring import LinearScorer

WEIGHTS = Path(__file__).resolve().parents[1] / "models" / "pronoun_ranker.json"
FEATURES = ["last", "gender_match", "gender_unknown", "most_recent", "second_recent", "log_distance",
            "same_sentence", "previous_sentence", "subject_same_sentence", "subject_previous_sentence",
            "log_mentions", "most_mentioned", "headline", "this_paragraph", "since_last_quote",
            "log_times_quoted", "object_latest", "paragraph_start_main", "after_quote_last", "latest_in_content",
            "main_subject_same_sentence", "main_subject_previous_sentence"]
SUBJECTS = ("nsubj", "nsubjpass")
OBJECTS = ("dobj", "pobj", "dative", "iobj")


def _name_head(tok):
    """The token a name part hangs from ("Suu" in "Aung San Suu Kyi" -> "Kyi")."""
    for _ in range(6):
        if tok.dep_ in ("compound", "flat") and tok.head.i != tok.i and tok.head.pos_ == "PROPN":
            tok = tok.head
        else:
            break
    return tok


def candidate_features(r, cands: list, kind: str, pos: int, last, last_end: int,
                       times_quoted: dict) -> list[list[float]]:
    """One row of FEATURES per candidate entity for a pronoun at character pos.

    r: the Resolver (its doc, quote test and token lookup); last: the speaker of the
    previous attribution; last_end: where that attribution ends; times_quoted: id(entity)
    -> attributions resolved to it so far."""
    doc, text = r.doc, r.text
    tok = r._token_at(pos)
    sent = tok.sent if tok is not None else None
    prev_sent = doc[sent.start - 1].sent if sent is not None and sent.start > 0 else None
    para = text.rfind("\n", 0, pos) + 1
    prev_para = text.rfind("\n", 0, max(0, para - 1)) + 1 if para > 0 else 0
    headline_end = text.find("\n")
    headline_end = len(text) if headline_end < 0 else headline_end
    para_start = not text[para:pos].strip()

    def seen(s: int) -> bool:
        return s < pos and not r.in_quote(s) and not r._in_content(s)

    info = []
    for e in cands:
        before = sorted(s for s, _ in e.mentions if seen(s))
        latest = before[-1] if before else -1
        toks = [r._token_at(s) for s in before[-6:]]
        toks = [_name_head(t) for t in toks if t is not None]
        in_same = [t for t in toks if sent is not None and sent.start <= t.i < sent.end]
        in_prev = [t for t in toks if prev_sent is not None and prev_sent.start <= t.i < prev_sent.end]
        latest_tok = toks[-1] if toks else None
        info.append(dict(
            e=e, latest=latest, n=len(before), all_n=sum(1 for s, _ in e.mentions if s < pos),
            same=bool(in_same), prev=bool(in_prev),
            subj_same=any(t.dep_ in SUBJECTS for t in in_same),
            subj_prev=any(t.dep_ in SUBJECTS for t in in_prev),
            main_same=any(t.dep_ in SUBJECTS and t.head.dep_ == "ROOT" for t in in_same),
            main_prev=any(t.dep_ in SUBJECTS and t.head.dep_ == "ROOT" for t in in_prev),
            obj_latest=latest_tok is not None and latest_tok.dep_ in OBJECTS,
            headline=any(s < headline_end for s, _ in e.mentions),
        ))
    order = sorted(range(len(info)), key=lambda i: -info[i]["latest"])
    rank = {i: k for k, i in enumerate(order)}
    top_n = max((x["all_n"] for x in info), default=0)
    after_quote = text[max(0, pos - 4):pos].strip(" ,\n").endswith(("\"", "”", "'", "’"))
    rows = []
    for i, x in enumerate(info):
        e = x["e"]
        main = x["all_n"] == top_n and top_n > 0
        rows.append([
            float(e is last),
            float(kind in ("m", "f") and e.gender == kind),
            float(kind in ("m", "f") and e.gender is None),
            float(rank[i] == 0),
            float(rank[i] == 1),
            math.log1p(max(0, pos - x["latest"]) / 100) if x["latest"] >= 0 else math.log1p(pos / 100),
            float(x["same"]),
            float(x["prev"]),
            float(x["subj_same"]),
            float(x["subj_prev"]),
            math.log1p(x["n"]),
            float(main),
            float(x["headline"]),
            float(x["latest"] >= prev_para),
            float(x["latest"] >= last_end),
            math.log1p(times_quoted.get(id(e), 0)),
            float(x["obj_latest"]),
            float(para_start and main),
            float(after_quote and e is last),
            float(x["latest"] >= 0 and any(s <= x["latest"] < e for s, e in r.all_content)),
            float(x["main_same"]),
            float(x["main_prev"]),
        ])
    return rows


class PronounRanker(LinearScorer):
    def __init__(self, path: Path = WEIGHTS):
        super().__init__(path, FEATURES, "training/train_pronoun_ranker.py")


_RANKER: list = []


def load_ranker():
    """The shipped ranker (loaded once), or None when no weights file is there."""
    if not _RANKER:
        _RANKER.append(PronounRanker() if WEIGHTS.exists() else None)
    return _RANKER[0]
