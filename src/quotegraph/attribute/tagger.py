"""The learned tagger: labels each word piece of an article SOURCE / CUE / CONTENT (BIO).

A fine-tuned all-MiniLM-L6-v2, exported to int8 ONNX by training/export_onnx.py and
shipped in quotegraph/models/tagger. Runs with onnxruntime; torch is only for training.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .encoding import LABELS, Encoded, encode, merge_windows, runs, viterbi, window_batch, windows

# the shipped model; QUOTEGRAPH_MODEL points at another export (training/export_onnx.py)
DEFAULT_MODEL = Path(os.environ.get("QUOTEGRAPH_MODEL") or Path(__file__).resolve().parents[1] / "models" / "tagger")


@dataclass
class TagRun:
    """A run of pieces with one role, as a char span, with the tagger's confidence."""
    role: str        # SOURCE, CUE or CONTENT
    start: int
    end: int
    para: int        # paragraph number
    confidence: float


class Tagger:
    def __init__(self, model_dir: str | os.PathLike = DEFAULT_MODEL, threads: int | None = None,
                 batch_windows: int = 8):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        if not (model_dir / "model.onnx").exists():
            raise FileNotFoundError(f"no tagger model in {model_dir} (expected model.onnx; "
                                    "train one with training/train_tagger.py)")
        meta = json.loads((model_dir / "meta.json").read_text())
        # an ensemble: the same recipe trained from other seeds, each exported beside
        # model.onnx (training/export_onnx.py --member); their log-probabilities are averaged
        members = ["model.onnx"] + list(meta.get("members", []))
        missing = [m for m in members if not (model_dir / m).exists()]
        if missing:
            raise FileNotFoundError(f"{model_dir}: meta.json names tagger members that are not there: {missing}")
        if tuple(meta["labels"]) != LABELS:
            raise ValueError(f"{model_dir}: model labels {meta['labels']} do not match {LABELS}")
        self.window, self.stride = meta["window"], meta["stride"]
        # subtracted from the O label's log-probability before decoding: the tagger is
        # more precise than it is complete, so a small bias buys recall (tuned on our
        # tune split, stored with the model)
        self.o_bias = float(meta.get("o_bias", 0.0))
        # added to the SOURCE labels: the tagger misses more sources than it invents, and
        # the linker can only choose among tagged ones (tuned on the tune split, stored
        # with the model)
        self.source_bias = float(meta.get("source_bias", 0.0))
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or 1
        opts.inter_op_num_threads = 1
        self.sessions = [ort.InferenceSession(str(model_dir / m), opts, providers=["CPUExecutionProvider"])
                         for m in members]
        self.batch_windows = batch_windows

    def logprobs(self, enc: Encoded) -> np.ndarray:
        """Per-piece label log-probabilities, averaged over the ensemble's members."""
        n = len(enc)
        if n == 0:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        wins = windows(n, self.window, self.stride)
        batches = [window_batch(enc, wins[b:b + self.batch_windows])
                   for b in range(0, len(wins), self.batch_windows)]
        total = np.zeros((n, len(LABELS)), dtype=np.float32)
        for session in self.sessions:
            outs = [session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]
                    for ids, mask in batches]
            width = max(o.shape[1] for o in outs)
            logits = np.concatenate([np.pad(o, ((0, 0), (0, width - o.shape[1]), (0, 0))) for o in outs])
            merged = merge_windows(logits, wins, n)
            merged -= merged.max(1, keepdims=True)
            total += merged - np.log(np.exp(merged).sum(1, keepdims=True))
        return total / len(self.sessions)

    def tag(self, text: str) -> list[TagRun]:
        enc = encode(text, self.tokenizer)
        lp = self.logprobs(enc)
        if self.o_bias or self.source_bias:
            biased = lp.copy()
            biased[:, 0] -= self.o_bias
            biased[:, [LABELS.index("B-SOURCE"), LABELS.index("I-SOURCE")]] += self.source_bias
        else:
            biased = lp
        path = viterbi(biased, enc.ids == 1)
        probs = np.exp(lp[np.arange(len(path)), path]) if len(path) else np.zeros(0)
        out = []
        for role, a, b in runs(path):
            s, e = _snap(text, int(enc.starts[a]), int(enc.ends[b - 1]))
            out.append(TagRun(role, s, e, int(enc.para[a]), float(probs[a:b].mean())))
        return out


def _snap(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen a span that starts or ends inside a word to the whole word."""
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
        e += 1
    return s, e


@lru_cache(maxsize=4)
def load_tagger(model_dir: str = str(DEFAULT_MODEL), threads: int | None = None) -> Tagger:
    return Tagger(model_dir, threads=threads)
