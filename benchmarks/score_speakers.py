"""Speaker accuracy on our speaker gold set, overall and by kind of source.

    python benchmarks/score_speakers.py dev     # benchmarks/data/speakers/dev.jsonl (PolNeAR dev)
    python benchmarks/score_speakers.py tune    # the tuning sets (our tune split of train)
    python benchmarks/score_speakers.py tune2
    python benchmarks/score_speakers.py tune3   # 20 randomly drawn tune articles (tune4-6 alike)
    python benchmarks/score_speakers.py fitwhole  # 16 whole articles of the fit split (fitwhole2-8, 12-14, 16-20 alike)
    python benchmarks/score_speakers.py fitwhole9  # held out, with fitwhole6, 10, 11 and 15: report only
    python benchmarks/score_speakers.py dev --gold-spans   # the resolver alone, from gold source spans

Extracts the set's articles with `quotegraph extract`, scores them with the shared
scorer (its `speaker accuracy`), then splits the same figure by the gold `source_kind`
(name, partial_name, pronoun, description, none), using the scorer's own matching.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUOTEGRAPH_SHARED", ROOT.parent / "shared"))
SETS = {"dev": ("dev.jsonl", "dev"), "tune": ("tune.jsonl", "train"), "tune2": ("tune2.jsonl", "train"),
        "tune3": ("tune3.jsonl", "train"), "tune4": ("tune4.jsonl", "train"),
        "tune5": ("tune5.jsonl", "train"), "tune6": ("tune6.jsonl", "train"),
        "fitwhole": ("fitwhole.jsonl", "train"), "fitwhole2": ("fitwhole2.jsonl", "train"),
        "fitwhole3": ("fitwhole3.jsonl", "train"),
        "fitwhole4": ("fitwhole4.jsonl", "train"), "fitwhole5": ("fitwhole5.jsonl", "train"),
        "fitwhole6": ("fitwhole6.jsonl", "train"), "fitwhole7": ("fitwhole7.jsonl", "train"),
        "fitwhole8": ("fitwhole8.jsonl", "train"), "fitwhole9": ("fitwhole9.jsonl", "train"),
        "fitwhole10": ("fitwhole10.jsonl", "train"), "fitwhole11": ("fitwhole11.jsonl", "train"),
        "fitwhole12": ("fitwhole12.jsonl", "train"), "fitwhole13": ("fitwhole13.jsonl", "train"),
        "fitwhole14": ("fitwhole14.jsonl", "train"), "fitwhole15": ("fitwhole15.jsonl", "train"),
        "fitwhole16": ("fitwhole16.jsonl", "train"), "fitwhole17": ("fitwhole17.jsonl", "train"),
        "fitwhole18": ("fitwhole18.jsonl", "train"), "fitwhole19": ("fitwhole19.jsonl", "train"),
        "fitwhole20": ("fitwhole20.jsonl", "train")}


def load_scorer():
    spec = importlib.util.spec_from_file_location("attribution_score", SHARED / "tools/attribution_score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def by_kind(sc, gold_path: Path, texts_dir: Path, pred_path: Path) -> dict:
    """Accuracy per gold source_kind over the scorer's matched pairs (same matching)."""
    gold = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        gold[rec["id"]] = rec["attributions"]
    pred = sc.load_jsonl(pred_path)
    ok, n = Counter(), Counter()
    for art, g_atts in gold.items():
        text = (texts_dir / f"{art}.txt").read_text(encoding="utf-8")
        toks = sc.tokens_of(text)
        G = [sc.token_ids([tuple(f) for f in a["content"]], toks) for a in g_atts]
        P = [sc.token_ids(a["content"], toks) for a in pred.get(art, [])]
        pairs = sorted(((sc.dice(p, g), i, j) for i, p in enumerate(P) for j, g in enumerate(G) if p and g),
                       reverse=True)
        used_p, used_g = set(), set()
        for d, i, j in pairs:
            if d < sc.DICE:
                break
            if i in used_p or j in used_g:
                continue
            used_p.add(i), used_g.add(j)
            names = g_atts[j].get("speaker")
            if not names:
                continue
            names = [names] if isinstance(names, str) else names
            kind = g_atts[j].get("source_kind", "?")
            got = pred[art][i].get("speaker")
            n[kind] += 1
            ok[kind] += bool(got) and sc.norm_name(got) in {sc.norm_name(x) for x in names}
    return {k: {"accuracy": round(ok[k] / n[k], 4), "judged": n[k]} for k in sorted(n)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=sorted(SETS))
    ap.add_argument("--out", type=Path, help="keep the predictions here")
    ap.add_argument("--errors", action="store_true", help="print the wrong speakers")
    ap.add_argument("--gold-spans", action="store_true",
                    help="resolve the gold source spans instead of extracting (the resolver alone)")
    args = ap.parse_args(argv)
    fname, split = SETS[args.set]
    gold_path = ROOT / "benchmarks/data/speakers" / fname
    texts_dir = SHARED / "data/polnear" / split / "text"
    if args.gold_spans:
        return gold_span_accuracy(gold_path, texts_dir, args.errors)
    ids = [json.loads(l)["id"] for l in gold_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    sc = load_scorer()
    with tempfile.TemporaryDirectory() as tmp:
        pred = args.out or Path(tmp) / "pred.jsonl"
        subprocess.run([sys.executable, "-m", "quotegraph.cli", "extract", "--no-progress", "-o", str(pred)]
                       + [str(texts_dir / f"{i}.txt") for i in ids], check=True)
        subprocess.run([sys.executable, str(SHARED / "tools/attribution_score.py"), str(gold_path), str(pred),
                        "--texts", str(texts_dir)], check=True)
        kinds = by_kind(sc, gold_path, texts_dir, pred)
        print("speaker accuracy by source kind:")
        for k, v in kinds.items():
            print(f"  {k:14} {v['accuracy']:.3f} of {v['judged']}")
        if args.errors:
            show_errors(sc, gold_path, texts_dir, pred)
    return 0


def judge_gold_spans(sc, doc, gold_atts: list[dict]) -> list[tuple[dict, str | None, bool]]:
    """Resolve an article's gold attributions from their gold spans; (gold, predicted
    speaker, right?) for each one whose gold names a speaker."""
    from quotegraph.model import Attribution
    from quotegraph.resolve import resolve_speakers
    atts = [Attribution(source=[tuple(f) for f in g["source"]], cue=[tuple(f) for f in g["cue"]],
                        content=[tuple(f) for f in g["content"]]) for g in gold_atts]
    resolve_speakers(doc, atts)
    return [(g, a.speaker, bool(a.speaker) and sc.norm_name(a.speaker) in {sc.norm_name(x) for x in g["speaker"]})
            for g, a in zip(gold_atts, atts) if g.get("speaker")]


def gold_span_accuracy(gold_path: Path, texts_dir: Path, errors: bool) -> int:
    """Speaker accuracy when every gold attribution is resolved from its gold source span:
    what the resolver gets right when extraction is perfect."""
    from quotegraph.nlp import load_parser
    sc = load_scorer()
    nlp = load_parser()  # as quotegraph.load()
    ok, n = Counter(), Counter()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        doc = nlp((texts_dir / f"{rec['id']}.txt").read_text(encoding="utf-8"))
        for g, speaker, good in judge_gold_spans(sc, doc, rec["attributions"]):
            kind = g.get("source_kind", "?")
            n[kind] += 1
            ok[kind] += good
            if errors and not good:
                print(f"  [{kind}] gold {g['speaker'][0]!r} got {speaker!r} (source {g.get('source_text')!r})")
    total = sum(n.values())
    print(f"speaker accuracy from gold source spans  {sum(ok.values()) / total:.3f} of {total}")
    for k in sorted(n):
        print(f"  {k:14} {ok[k] / n[k]:.3f} of {n[k]}")
    return 0


def show_errors(sc, gold_path, texts_dir, pred_path):
    pred = sc.load_jsonl(pred_path)
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = (texts_dir / f"{rec['id']}.txt").read_text(encoding="utf-8")
        toks = sc.tokens_of(text)
        for g in rec["attributions"]:
            if not g.get("speaker"):
                continue
            G = sc.token_ids([tuple(f) for f in g["content"]], toks)
            best = max(pred.get(rec["id"], []), key=lambda p: sc.dice(sc.token_ids(p["content"], toks), G), default=None)
            if best is None or sc.dice(sc.token_ids(best["content"], toks), G) < sc.DICE:
                continue
            names = g["speaker"] if isinstance(g["speaker"], list) else [g["speaker"]]
            if not best.get("speaker") or sc.norm_name(best["speaker"]) not in {sc.norm_name(x) for x in names}:
                src = " ".join(text[s:e] for s, e in best["source"])
                print(f"  [{g.get('source_kind')}] gold {names[0]!r} got {best.get('speaker')!r} "
                      f"(source {src!r}; gold source {g.get('source_text')!r})")


if __name__ == "__main__":
    sys.exit(main())
