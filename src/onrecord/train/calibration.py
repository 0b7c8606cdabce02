"""Fitting the confidence calibrator and measuring it: Newton's method, reliability table, ECE.

The calibrator itself (what prediction reads) is :class:`onrecord.attribution.calibration.Calibrator`.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from ..attribution.calibration import Calibrator, vectorize


def fit_calibrator(scores: Sequence[dict[str, float]], kinds: Sequence[str], right: Sequence[bool], l2: float = 1.0) -> Calibrator:
    """Fit the logistic calibrator by Newton's method (small L2 penalty keeps it stable).

    Example:
        >>> scores = {"cue": .9, "cue_mean": .9, "content_min": .8, "content_mean": .9, "source_min": .9,
        ...     "sequence": .5, "has_source": 1, "viterbi": 1}
        >>> cal = fit_calibrator([scores] * 4, ["indirect"] * 4, [True, True, True, False])
        >>> round(cal.probability(scores, "indirect"), 1)
        0.7
    """
    import numpy as np

    x = np.array([vectorize(s, k) for s, k in zip(scores, kinds)], dtype=float)
    y = np.array([1.0 if r else 0.0 for r in right])
    w = np.zeros(x.shape[1])
    penalty = l2 * np.eye(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Calibrator([float(v) for v in w])


def reliability(probs: Sequence[float], right: Sequence[bool], bins: int = 10) -> list[dict]:
    """Equal-width reliability table: per bin, count, mean confidence and accuracy."""
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not idx:
            rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "count": 0, "confidence": None, "accuracy": None})
            continue
        rows.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "count": len(idx),
                "confidence": round(sum(probs[i] for i in idx) / len(idx), 4),
                "accuracy": round(sum(1 for i in idx if right[i]) / len(idx), 4),
            }
        )
    return rows


def expected_calibration_error(probs: Sequence[float], right: Sequence[bool], bins: int = 10) -> float:
    """ECE: the count-weighted mean gap between confidence and accuracy over equal-width bins.

    Example:
        >>> expected_calibration_error([0.9, 0.9, 0.1, 0.1], [True, False, False, False])
        0.25
    """
    total = len(probs)
    if not total:
        return 0.0
    gap = 0.0
    for row in reliability(probs, right, bins):
        if row["count"]:
            gap += row["count"] / total * abs(row["confidence"] - row["accuracy"])
    return round(gap, 4)
