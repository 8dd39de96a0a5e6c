"""Train the source linker (attribute/linker.py) on PolNeAR train's fit split.

    python training/train_linker.py                     # -> src/quotegraph/models/linker.json
    python training/train_linker.py --limit 20 --out runs/linker.json   # the CI smoke test

For each article: the shipped tagger tags it, spaCy parses it, and assembly offers each
cue its candidate sources. A cue whose content matches a gold attribution (the scorer's
Dice >= 0.5 on content tokens) and whose candidates include the gold source (Dice >= 0.5)
gives one training group: that candidate is positive, the others negative. A
conditional logit model (softmax over a cue's candidates, L2, full-batch gradient descent,
numpy, no randomness) learns the weights. Our tune
split and dev are never read.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from training.clogit import fit, group_accuracy  # noqa: E402


def collect(ids, texts, gold, sc) -> tuple[list[list[float]], list[int], list[int]]:
    """Feature rows, labels and group numbers for the candidate sources of every matched cue."""
    from tqdm import tqdm

    from quotegraph.attribute.attributor import Attributor, attributions_from_runs
    from quotegraph.nlp import load_parser
    nlp = load_parser()
    tagger = Attributor()
    X, y, groups = [], [], []
    for art in tqdm(ids, unit="article", file=sys.stderr):
        text = texts[art]
        toks = sc.tokens_of(text)
        g_atts = gold[art]
        g_content = [sc.token_ids(g["content"], toks) for g in g_atts]
        seen: list = []

        def on_candidates(group, cands, rows):
            content = sc.token_ids([(r.start, r.end) for r in group.content], toks)
            if not content:
                return
            j = max(range(len(g_atts)), key=lambda j: sc.dice(content, g_content[j]), default=None)
            if j is None or sc.dice(content, g_content[j]) < sc.DICE:
                return
            gs = sc.token_ids(g_atts[j]["source"], toks)
            labels = [int(bool(gs) and sc.dice(sc.token_ids([(s.start, s.end)], toks), gs) >= sc.DICE) for s in cands]
            if sum(labels) != 1 or len(cands) < 2:
                return  # nothing to learn: no right answer offered, or no choice
            seen.append((rows, labels))

        attributions_from_runs(text, tagger.tag(text), nlp(text), on_candidates=on_candidates)
        for rows, labels in seen:
            X.extend(rows)
            y.extend(labels)
            groups.extend([len(groups) and groups[-1] + 1 or 1] * len(rows))
    return X, y, groups


def rule_accuracy(X, y, groups) -> float:
    """The same measure for the hand rule the linker replaces (assemble.py's key)."""
    from quotegraph.attribute.linker import FEATURES
    f = {n: X[:, FEATURES.index(n)] for n in ("inside_own_content", "tied", "same_sentence", "log_distance")}
    ok = n = 0
    for g in np.unique(groups):
        idx = np.where(groups == g)[0]
        best = min(idx, key=lambda i: (f["inside_own_content"][i], -f["tied"][i], -f["same_sentence"][i],
                                       f["log_distance"][i]))
        ok += y[best] == 1
        n += 1
    return ok / n


def main(argv=None) -> int:
    from quotegraph.attribute.linker import FEATURES, WEIGHTS
    from score_speakers import load_scorer
    from training.split import split_ids

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--limit", type=int, help="use only the first N fit articles (smoke test)")
    args = ap.parse_args(argv)
    sc = load_scorer()
    texts, gold = sc.load_gold_brat(SHARED / "data/polnear/train")
    fit_ids, _tune = split_ids(list(texts))
    ids = fit_ids[: args.limit] if args.limit else fit_ids
    t0 = time.time()
    X, y, groups = collect(ids, texts, gold, sc)
    X, y, groups = np.array(X, dtype=float), np.array(y, dtype=float), np.array(groups)
    w = fit(X, y, groups)
    print(f"{len(ids)} articles, {len(np.unique(groups))} cue choices, {len(y)} candidates, "
          f"{time.time() - t0:.0f} s")
    print(f"right source picked (training data): linker {group_accuracy(X, y, groups, w):.3f}, "
          f"hand rule {rule_accuracy(X, y, groups):.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"features": FEATURES, "weights": [round(float(v), 5) for v in w],
                                    "trained_on": f"PolNeAR train fit split, {len(ids)} articles"}, indent=1) + "\n",
                        encoding="utf-8")
    print(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
