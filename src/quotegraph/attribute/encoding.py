"""Turn article text into word pieces for the tagger, and tag runs back into char spans.

Training and inference share this module so that the pieces a model was trained on are
exactly the pieces it sees at run time. Paragraph breaks matter for attribution (a cue
rarely reaches across one), so each break becomes a marker piece the model can see.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

ROLES = ("SOURCE", "CUE", "CONTENT")
LABELS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))
LABEL_ID = {l: i for i, l in enumerate(LABELS)}

CLS_ID, SEP_ID, PAD_ID = 101, 102, 0
PARA_ID = 1  # "[unused0]" in the BERT vocabulary: a paragraph break
WINDOW = 254  # pieces per window, plus [CLS] and [SEP] = 256
STRIDE = 192

_PARA = re.compile(r"[^\n]+")


@dataclass
class Encoded:
    ids: np.ndarray     # piece ids, paragraph markers included
    starts: np.ndarray  # char offset where each piece starts (-1 for a marker)
    ends: np.ndarray    # char offset where each piece ends (-1 for a marker)
    para: np.ndarray    # paragraph number of each piece

    def __len__(self) -> int:
        return len(self.ids)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Char spans of the non-empty lines of a text (a news paragraph is one line)."""
    return [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def encode(text: str, tokenizer) -> Encoded:
    spans = paragraphs(text)
    encs = tokenizer.encode_batch([text[s:e] for s, e in spans], add_special_tokens=False)
    ids, starts, ends, para = [], [], [], []
    for n, ((ps, _), enc) in enumerate(zip(spans, encs)):
        if n:
            ids.append(PARA_ID)
            starts.append(-1)
            ends.append(-1)
            para.append(n)
        for i, (s, e) in zip(enc.ids, enc.offsets):
            ids.append(i)
            starts.append(ps + s)
            ends.append(ps + e)
            para.append(n)
    return Encoded(np.array(ids, dtype=np.int64), np.array(starts, dtype=np.int64),
                   np.array(ends, dtype=np.int64), np.array(para, dtype=np.int64))


def windows(n: int, size: int = WINDOW, stride: int = STRIDE) -> list[tuple[int, int]]:
    """Overlapping [start, end) windows that cover n pieces."""
    if n <= size:
        return [(0, n)]
    out, s = [], 0
    while True:
        out.append((s, min(s + size, n)))
        if s + size >= n:
            return out
        s += stride


def window_batch(enc: Encoded, wins: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Input ids and attention mask for windows, each wrapped in [CLS] ... [SEP]."""
    width = max(e - s for s, e in wins) + 2
    ids = np.full((len(wins), width), PAD_ID, dtype=np.int64)
    mask = np.zeros((len(wins), width), dtype=np.int64)
    for k, (s, e) in enumerate(wins):
        ids[k, 0] = CLS_ID
        ids[k, 1:e - s + 1] = enc.ids[s:e]
        ids[k, e - s + 1] = SEP_ID
        mask[k, :e - s + 2] = 1
    return ids, mask


def merge_windows(logits: np.ndarray, wins: list[tuple[int, int]], n: int) -> np.ndarray:
    """Per-piece scores from overlapping windows: the windows' scores averaged, each
    weighted by how far the piece sits from that window's edge (a piece near an edge
    has seen little context on that side). Measured on the tune split against taking
    only the most central window: +0.002 quote F1, +0.003 who_said_what."""
    out = np.zeros((n, logits.shape[-1]), dtype=np.float32)
    weight = np.zeros(n, dtype=np.float32)
    for k, (s, e) in enumerate(wins):
        pos = np.arange(s, e)
        margin = np.minimum(pos - s, e - 1 - pos)
        if s == 0:
            margin = e - 1 - pos  # no left edge at the article start
        if e == n:
            margin = np.maximum(margin, pos - s)
        w = margin.astype(np.float32) + 1.0
        out[pos] += logits[k, 1:e - s + 1] * w[:, None]
        weight[pos] += w
    return out / weight[:, None]


def piece_labels(enc: Encoded, spans: list[tuple[str, int, int]]) -> np.ndarray:
    """Gold BIO label ids for each piece from (role, start, end) char spans."""
    labels = np.zeros(len(enc), dtype=np.int64)
    for role, s, e in sorted(spans, key=lambda x: x[1]):
        inside = np.nonzero((enc.starts < e) & (enc.ends > s) & (enc.starts >= 0))[0]
        if not len(inside):
            continue
        labels[inside] = LABEL_ID[f"I-{role}"]
        labels[inside[0]] = LABEL_ID[f"B-{role}"]
    return labels


def _allowed() -> np.ndarray:
    """allowed[a, b]: may label b follow label a? (I-X only after B-X or I-X)."""
    ok = np.ones((len(LABELS), len(LABELS)), dtype=bool)
    for b, lb in enumerate(LABELS):
        if lb.startswith("I-"):
            for a, la in enumerate(LABELS):
                ok[a, b] = la[2:] == lb[2:] and la != "O"
    return ok


_ALLOWED = _allowed()
_START_OK = np.array([not l.startswith("I-") for l in LABELS])


def viterbi(logprobs: np.ndarray, is_marker: np.ndarray) -> np.ndarray:
    """The best label sequence that is valid BIO; paragraph markers are always O."""
    n, k = logprobs.shape
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    lp = logprobs.copy()
    lp[is_marker] = -1e9
    lp[is_marker, 0] = 0.0
    trans = np.where(_ALLOWED, 0.0, -1e9)
    score = np.where(_START_OK, lp[0], -1e9)
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(0)
        score = cand.max(0) + lp[i]
    path = np.zeros(n, dtype=np.int64)
    path[-1] = score.argmax()
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


def runs(path: np.ndarray) -> list[tuple[str, int, int]]:
    """(role, first piece, last piece + 1) for each B I* run of a label path."""
    out = []
    cur = None
    for i, l in enumerate(path):
        lab = LABELS[l]
        if lab.startswith("B-") or (lab.startswith("I-") and (cur is None or cur[0] != lab[2:])):
            if cur:
                out.append(tuple(cur))
            cur = [lab[2:], i, i + 1]
        elif lab.startswith("I-"):
            cur[2] = i + 1
        else:
            if cur:
                out.append(tuple(cur))
            cur = None
    if cur:
        out.append(tuple(cur))
    return out
