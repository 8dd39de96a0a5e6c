"""Repeated quotes: the same words reported by several articles form one group.

A quote (an attribution's content of at least MIN_WORDS words) joins a group when its
normalised words (folded, punctuation dropped) equal the group's, or are close to them:
difflib's word-sequence ratio at least SIMILAR, or, for an excerpt, at least CONTAINED of
the shorter quote's words found in order in the longer. Candidates come from a small
sketch of each quote: the hashes of its exact words and of its lowest-hashed word
trigrams (bottom-k), kept in `group_keys`. Each appearance stores its similarity and a
word-by-word diff against the group's first appearance (which outlet changed what).

Incremental: only attributions without an appearance are grouped, in id order.
"""
from __future__ import annotations

import json
from collections import Counter
from difflib import SequenceMatcher

from . import words as W
from .schema import insert_rows, transaction

MIN_WORDS = 4
SIMILAR = 0.8
CONTAINED = 0.9
MIN_CONTAINED_WORDS = 6
SKETCH = 8


def sketch(ws: list[str]) -> list[int]:
    keys = {W.hash64("=" + " ".join(ws))}
    grams = sorted({W.hash64(" ".join(ws[i:i + 3])) for i in range(max(0, len(ws) - 2))})
    return sorted(keys | set(grams[:SKETCH]))


def could_match(ca: Counter, cb: Counter, la: int, lb: int) -> bool:
    """Cheap upper bound (shared words as a bag) before the word-sequence comparison."""
    common = sum((ca & cb).values())
    short = min(la, lb)
    return (2 * common / (la + lb) >= SIMILAR) or (short >= MIN_CONTAINED_WORDS and common >= CONTAINED * short)


def similarity(a: list[str], b: list[str]) -> float:
    """How alike two word sequences are, 0..1: the ratio, or for an excerpt (one mostly
    inside the other) the share of the shorter one's words matched."""
    if a == b:
        return 1.0
    sm = SequenceMatcher(None, a, b, autojunk=False)
    ratio = sm.ratio()
    short = min(len(a), len(b))
    if short >= MIN_CONTAINED_WORDS:
        matched = sum(m.size for m in sm.get_matching_blocks())
        if matched >= CONTAINED * short:
            return max(ratio, matched / short * 0.99)
    return ratio


def diff(base: str, other: str) -> list[dict]:
    """Word-level differences from `base` to `other`: [{"op": "replace"|"delete"|"insert",
    "from": words, "to": words, "at": token index in base}], punctuation included, case ignored."""
    a, b = W.tokens(base), W.tokens(other)
    out = []
    fa, fb = [W.fold(t) for t in a], [W.fold(t) for t in b]  # capitals at a quote's start are not a change
    for op, i1, i2, j1, j2 in SequenceMatcher(None, fa, fb, autojunk=False).get_opcodes():
        if op != "equal":
            out.append({"op": op, "from": " ".join(a[i1:i2]), "to": " ".join(b[j1:j2]), "at": i1})
    return out


def update_groups(con) -> int:
    """Puts every ungrouped quote into a group (new or existing); returns how many groups
    were created. One transaction."""
    todo = con.execute(f"""
        SELECT t.id, t.content_text FROM attributions t
        WHERE t.n_words >= {MIN_WORDS}
          AND NOT EXISTS (SELECT 1 FROM quote_appearances p WHERE p.attribution_id = t.id)
        ORDER BY t.id""").fetchall()
    if not todo:
        return 0
    items = [(aid, text, W.words(text)) for aid, text in todo]
    sketches = [sketch(ws) for _, _, ws in items]
    all_keys = sorted({k for sk in sketches for k in sk})
    # existing groups sharing a key with a new quote
    key_groups: dict[int, list[int]] = {}
    for k, g in con.execute("SELECT key, group_id FROM group_keys WHERE key IN (SELECT unnest($1)) "
                            "ORDER BY group_id", [all_keys]).fetchall():
        key_groups.setdefault(k, []).append(g)
    cand_ids = sorted({g for gs in key_groups.values() for g in gs})
    group_text: dict[int, str] = {}
    if cand_ids:
        group_text = dict(con.execute("SELECT id, text FROM quote_groups WHERE id IN (SELECT unnest($1))",
                                      [cand_ids]).fetchall())
    group_words = {g: W.words(t) for g, t in group_text.items()}
    next_id = con.execute("SELECT coalesce(max(id), 0) FROM quote_groups").fetchone()[0]
    new_groups, appearances, new_keys = [], [], []
    group_bags: dict[int, Counter] = {}
    for (aid, text, ws), sk in zip(items, sketches):
        votes = Counter(g for k in sk for g in key_groups.get(k, ()))
        best, best_sim = None, 0.0
        bag = Counter(ws)
        for g, _ in sorted(votes.items(), key=lambda x: (-x[1], x[0]))[:8]:
            gb = group_bags.get(g)
            if gb is None:
                gb = group_bags[g] = Counter(group_words[g])
            if not could_match(gb, bag, len(group_words[g]), len(ws)):
                continue
            sim = similarity(group_words[g], ws)
            if sim > best_sim or (sim == best_sim and best is not None and g < best):
                best, best_sim = g, sim
        if best is not None and best_sim >= SIMILAR:
            appearances.append((best, aid, round(best_sim, 4), json.dumps(diff(group_text[best], text),
                                                                          ensure_ascii=False)))
            gid = best
        else:
            next_id += 1
            gid = next_id
            group_text[gid], group_words[gid] = text, ws
            new_groups.append((gid, text, aid))
            appearances.append((gid, aid, 1.0, "[]"))
        for k in sk:
            gs = key_groups.setdefault(k, [])
            if gid not in gs:
                gs.append(gid)
                new_keys.append((k, gid))
    with transaction(con):
        for table, rows in (("quote_groups", new_groups), ("quote_appearances", appearances),
                            ("group_keys", new_keys)):
            insert_rows(con, table, rows)
    return len(new_groups)
