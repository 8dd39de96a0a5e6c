"""Our own split of PolNeAR train: 90% to fit, 10% to tune. Dev is kept for measuring.

The split is a fixed function of the article ids (a seeded shuffle), so every script and
every machine agrees on it.
"""
from __future__ import annotations

import random

SEED = 13


def split_ids(ids, tune_share: float = 0.1, seed: int = SEED) -> tuple[list[str], list[str]]:
    ids = sorted(ids)
    random.Random(seed).shuffle(ids)
    n_tune = max(1, round(len(ids) * tune_share))
    return sorted(ids[n_tune:]), sorted(ids[:n_tune])
