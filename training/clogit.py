"""Conditional logit: a softmax over each group's candidates, the right one the target.

Shared by the learned rankers (attribute/linker.py's source linker, resolve/salience.py's
pronoun ranker). Full-batch gradient descent on standardised features with L2, numpy, no
randomness, so a retrain gives the same weights.
"""
from __future__ import annotations

import numpy as np


def fit(X: np.ndarray, y: np.ndarray, groups: np.ndarray, l2: float = 1e-3, steps: int = 2000,
        lr: float = 0.5, bias: bool = True) -> np.ndarray:
    """Weights on the raw features. With `bias`, column 0 is a constant 1 (it cancels
    within a group; it is kept so the weight vector lines up with the feature list)."""
    mu, sd = X.mean(0), X.std(0)
    if bias:
        mu[0], sd[0] = 0.0, 1.0
    sd[sd == 0] = 1.0
    Z = (X - mu) / sd
    _, g = np.unique(groups, return_inverse=True)
    n_groups = g.max() + 1
    w = np.zeros(X.shape[1])
    keep = np.r_[0.0, np.ones(X.shape[1] - 1)] if bias else np.ones(X.shape[1])
    for _ in range(steps):
        s = Z @ w
        smax = np.full(n_groups, -np.inf)
        np.maximum.at(smax, g, s)
        e = np.exp(s - smax[g])
        denom = np.zeros(n_groups)
        np.add.at(denom, g, e)
        p = e / denom[g]
        grad = Z.T @ (p - y) / n_groups + l2 * keep * w
        w -= lr * grad
    raw = w / sd
    if bias:
        raw[0] = w[0] - float(np.sum(w[1:] * mu[1:] / sd[1:]))
    return raw


def group_accuracy(X, y, groups, w) -> float:
    """Share of groups whose best-scoring candidate is the right one."""
    s = X @ w
    ok = n = 0
    for g in np.unique(groups):
        idx = np.where(groups == g)[0]
        ok += y[idx[np.argmax(s[idx])]] == 1
        n += 1
    return ok / n
