"""Train the pronoun ranker (resolve/salience.py) on hand-checked speaker annotations.

    python training/train_pronoun_ranker.py                  # -> src/quotegraph/models/pronoun_ranker.json
    python training/train_pronoun_ranker.py --eval tune tune2 tune3   # also score the tune sets
    python training/train_pronoun_ranker.py --limit 3 --out runs/pr.json   # the CI smoke test

Training data: training/data/speakers_fit.jsonl, pronoun and description sources of 49
articles of PolNeAR train's fit split with their canonical speakers, and the whole-article
sets fitwhole to fitwhole5 and fitwhole7 (131 more fit-split articles), all annotated by
the rules of benchmarks/data/speakers/README.md. fitwhole6 and fitwhole8 are not trained
on: they measure.

Each article is parsed and all its gold PolNeAR attributions are resolved in order from
their gold spans (so "the speaker just quoted" is what the resolver itself found); when
a he/she/it source that carries an annotation is resolved, its candidates and their
features are kept, the one whose name the annotation accepts marked right. A conditional
logit model (training/clogit.py) is fitted to them. Our tune split and dev are never
read for training.
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

# fit-split articles only; fitwhole6 and fitwhole8 are kept out, to measure on
DATA = [ROOT / "training/data/speakers_fit.jsonl"] + [
    ROOT / f"benchmarks/data/speakers/{name}.jsonl"
    for name in ("fitwhole", "fitwhole2", "fitwhole3", "fitwhole4", "fitwhole5", "fitwhole7")]
META: list = []  # (article, pronoun position, candidate names) per group, for inspection


def read_annotations(paths: list[Path]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.setdefault(rec["id"], []).extend(rec["attributions"])
    return out


def collect(notes: dict[str, list[dict]], gold: dict, texts: dict, nlp, sc, limit=None):
    """Feature rows, labels and group numbers for every annotated pronoun the resolver
    ranks candidates for, plus how many annotated pronouns had the right one offered."""
    from quotegraph.model import Attribution
    from quotegraph.resolve import resolve_speakers
    X, y, groups, hand, arts = [], [], [], [], []
    offered = asked = 0
    for art in sorted(notes)[:limit]:
        want = {n["source"][0][0]: n for n in notes[art]
                if n.get("speaker") and n.get("source_kind") == "pronoun" and n["source"]}
        doc = nlp(texts[art])
        atts = [Attribution(source=[tuple(f) for f in g["source"]], cue=[tuple(f) for f in g["cue"]],
                            content=[tuple(f) for f in g["content"]]) for g in gold[art]]

        def hook(pos, cands, rows, chosen):
            nonlocal offered, asked
            n = want.pop(pos, None)
            if n is None:
                return
            accepted = {sc.norm_name(x) for x in n["speaker"]}
            labels = [int(sc.norm_name(e.name) in accepted) for e in cands]
            asked += 1
            if sum(labels) != 1:
                return
            offered += 1
            if len(cands) < 2:
                return
            g = (groups[-1] + 1) if groups else 0
            X.extend(rows)
            y.extend(labels)
            groups.extend([g] * len(rows))
            hand.append(labels[chosen])
            arts.append(art)
            META.append((art, pos, [e.name for e in cands]))

        resolve_speakers(doc, atts, on_pronoun=hook, use_ranker=False)
    return (np.array(X, dtype=float), np.array(y, dtype=float), np.array(groups), offered, asked,
            np.array(hand), arts)


def cross_validate(X, y, groups, hand, arts, k: int, l2: float) -> None:
    """Ranker versus hand weights on the training annotations, k folds by article."""
    names = sorted(set(arts))
    fold_of = {a: i % k for i, a in enumerate(names)}
    gfold = np.array([fold_of[a] for a in arts])  # fold of each group, in group order
    ok_r = ok_h = 0
    for f in range(k):
        test_g = np.where(gfold == f)[0]
        tr = ~np.isin(groups, test_g)
        w = fit(X[tr], y[tr], groups[tr], l2=l2, bias=False)
        te = np.isin(groups, test_g)
        ok_r += group_accuracy(X[te], y[te], groups[te], w) * len(test_g)
        ok_h += hand[test_g].sum()
    n = len(gfold)
    print(f"{k}-fold by article, {n} pronouns with a choice: ranker {ok_r / n:.3f}, hand weights {ok_h / n:.3f}")


def main(argv=None) -> int:
    from quotegraph.nlp import load_parser
    from quotegraph.resolve import salience
    from quotegraph.resolve.resolver import Resolver
    from score_speakers import judge_gold_spans, load_scorer

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, nargs="+", default=DATA)
    ap.add_argument("--out", type=Path, default=salience.WEIGHTS)
    ap.add_argument("--limit", type=int, help="use only the first N annotated articles (smoke test)")
    ap.add_argument("--l2", type=float, default=1e-2)
    ap.add_argument("--cv", type=int, help="also report K-fold (by article) accuracy against the hand weights")
    ap.add_argument("--eval", nargs="*", default=[], help="speaker sets to score from gold spans after training")
    args = ap.parse_args(argv)
    sc = load_scorer()
    nlp = load_parser()  # as quotegraph.load()
    texts, gold = sc.load_gold_brat(SHARED / "data/polnear/train")
    notes = read_annotations(args.data)
    t0 = time.time()
    X, y, groups, offered, asked, hand, arts = collect(notes, gold, texts, nlp, sc, args.limit)
    if args.cv:
        cross_validate(X, y, groups, hand, arts, args.cv, args.l2)
    w = fit(X, y, groups, l2=args.l2, bias=False)
    print(f"{min(len(notes), args.limit or len(notes))} articles, {asked} annotated pronouns ranked, "
          f"{offered} with the right candidate offered, {len(np.unique(groups))} with a choice, "
          f"{time.time() - t0:.0f} s")
    print(f"right candidate ranked first (training data): {group_accuracy(X, y, groups, w):.3f}")
    for name, v in zip(salience.FEATURES, w):
        print(f"  {name:28} {v:+.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"features": salience.FEATURES, "weights": [round(float(v), 5) for v in w],
                                    "trained_on": f"{len(notes)} annotated articles of PolNeAR train's fit split"},
                                   indent=1) + "\n", encoding="utf-8")
    print(f"-> {args.out}")
    salience._RANKER[:] = [salience.PronounRanker(args.out)]  # score with the weights just trained
    for name in args.eval:
        recs = [json.loads(line) for line in
                (ROOT / f"benchmarks/data/speakers/{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        docs = [nlp(texts[rec["id"]]) for rec in recs]  # parsed once for both runs
        for use in (False, True):
            Resolver.use_ranker = use
            judged = [(g.get("source_kind"), good) for rec, doc in zip(recs, docs)
                      for g, _, good in judge_gold_spans(sc, doc, rec["attributions"])]
            pron = [ok for k, ok in judged if k == "pronoun"]
            print(f"{name} from gold spans, {'ranker' if use else 'hand weights'}: all "
                  f"{sum(ok for _, ok in judged) / len(judged):.3f} of {len(judged)}, pronoun "
                  f"{sum(pron) / max(1, len(pron)):.3f} of {len(pron)}")
    Resolver.use_ranker = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
