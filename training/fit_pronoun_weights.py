"""Fit the resolver's pronoun weights (resolve/pronouns.py PRONOUN_WEIGHTS) by grid search.

These hand weights are the fallback: the shipped resolver ranks pronoun candidates with
the learned ranker (training/train_pronoun_ranker.py).

    python training/fit_pronoun_weights.py [--sets tune tune2 tune3]

Uses the speaker gold sets drawn from our tune split of PolNeAR train (never dev): each
article is parsed once, every gold attribution is resolved from its gold source span (so
span errors do not blur the picture), and each weight setting is scored by speaker
accuracy over all judged attributions (a pronoun's choice feeds the next quote that
inherits it). Prints the best settings; copy the winner into PRONOUN_WEIGHTS.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

GRID = {"last": [0, 1, 2, 4], "gender": [0, 1, 2], "subject": [0, 0.5, 1, 2], "freq": [0, 0.5, 1, 2],
        "dist": [0, 0.5, 1], "para": [0, 1]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=["tune", "tune2", "tune3"])
    args = ap.parse_args(argv)
    import spacy
    from quotegraph.nlp import DEFAULT_SPACY_MODEL
    from quotegraph.resolve import pronouns, resolver

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from score_speakers import judge_gold_spans, load_scorer
    sc = load_scorer()
    nlp = spacy.load(DEFAULT_SPACY_MODEL, exclude=["lemmatizer"])  # as quotegraph.load()
    items = []  # (doc, gold attributions)
    for name in args.sets:
        for line in (ROOT / f"benchmarks/data/speakers/{name}.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            text = (SHARED / f"data/polnear/train/text/{rec['id']}.txt").read_text(encoding="utf-8")
            items.append((nlp(text), rec["attributions"]))

    def accuracy() -> tuple[float, float]:
        judged = [(g, good) for doc, gold in items for g, _, good in judge_gold_spans(sc, doc, gold)]
        pron = [good for g, good in judged if g.get("source_kind") == "pronoun"]
        return sum(good for _, good in judged) / len(judged), sum(pron) / len(pron)

    resolver.Resolver.use_ranker = False  # these weights are the fallback for the learned ranker
    default = dict(pronouns.PRONOUN_WEIGHTS)
    print("current", default, "accuracy %.4f, pronoun %.4f" % accuracy())
    results = []
    keys = list(GRID)
    for values in itertools.product(*(GRID[k] for k in keys)):
        pronouns.PRONOUN_WEIGHTS.update(dict(zip(keys, values)))
        acc, pacc = accuracy()
        results.append((acc, pacc, dict(zip(keys, values))))
    pronouns.PRONOUN_WEIGHTS.update(default)
    results.sort(key=lambda r: (r[0], r[1]), reverse=True)
    for acc, pacc, w in results[:10]:
        print(f"accuracy {acc:.4f}  pronoun {pacc:.4f}  {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
