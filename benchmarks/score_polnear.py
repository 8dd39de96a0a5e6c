"""Score quotegraph on PolNeAR with the shared scorer.

    python benchmarks/score_polnear.py dev          # ../shared/data/polnear/dev
    python benchmarks/score_polnear.py tune         # our 10% of train, for tuning
    python benchmarks/score_polnear.py dev --jobs 2 --out runs/dev.jsonl

Runs `quotegraph extract` exactly as a user would, then
`../shared/tools/attribution_score.py` on the result.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUOTEGRAPH_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))


def split_folder(name: str, tmp: Path) -> Path:
    """A PolNeAR-style folder for dev, or for our tune/fit split of train (symlinks)."""
    if name == "dev":
        return SHARED / "data/polnear/dev"
    from training.split import split_ids
    train = SHARED / "data/polnear/train"
    ids = [p.stem for p in (train / "text").glob("*.txt")]
    fit, tune = split_ids(ids)
    chosen = set(tune if name == "tune" else fit)
    (tmp / "text").mkdir(parents=True)
    (tmp / "attributions").mkdir()
    for p in (train / "text").glob("*.txt"):
        if p.stem in chosen:
            (tmp / "text" / p.name).symlink_to(p)
    for p in (train / "attributions").glob("*.ann"):
        if p.stem.rsplit("_", 1)[0] in chosen:
            (tmp / "attributions" / p.name).symlink_to(p)
    return tmp


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", choices=["dev", "tune", "fit"])
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--json", type=Path, help="write the scorer's figures here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = split_folder(args.split, Path(tmp) / "gold")
        out = args.out or Path(tmp) / "pred.jsonl"
        t0 = time.time()
        subprocess.run([sys.executable, "-m", "quotegraph.cli", "extract", str(folder / "text"), "-o", str(out),
                        "--jobs", str(args.jobs), "--no-progress"], check=True)
        n = len(list((folder / "text").glob("*.txt")))
        print(f"extracted {n} articles in {time.time() - t0:.1f} s (model load included)")
        cmd = [sys.executable, str(SHARED / "tools/attribution_score.py"), str(folder), str(out)]
        if args.json:
            cmd += ["--json", str(args.json)]
        subprocess.run(cmd, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
