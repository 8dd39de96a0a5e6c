"""The shipped linear scorers' weights files: a feature list and one weight per feature.

Both learned rankers (attribute/linker.py, resolve/salience.py; weights in models/) are
conditional logit models trained by a script in training/ (training/clogit.py). A
weights file trained on another feature list is refused, with the script that retrains it.
"""
from __future__ import annotations

import json
from pathlib import Path


class LinearScorer:
    def __init__(self, path: Path, features: list[str], script: str):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data["features"] != features:
            raise ValueError(f"{path}: trained on other features; retrain with {script}")
        self.weights = data["weights"]

    def score(self, row: list[float]) -> float:
        return sum(w * x for w, x in zip(self.weights, row))
