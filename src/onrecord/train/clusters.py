"""Fitting the word classes the attribution model reads (k-means over the parser's token vectors).

Prediction assigns classes with :func:`onrecord.attribution.clusters.assign_clusters`.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from ..attribution.clusters import assign_clusters, nearest, normalise


def fit_clusters(vectors: np.ndarray, k: int, seed: int, sample: int = 150_000, iterations: int = 25) -> np.ndarray:
    """k-means centroids (Lloyd's algorithm, seeded) of length-normalised ``vectors``.

    Example:
        >>> rng = np.random.default_rng(0)
        >>> x = np.concatenate([rng.normal(5, 1, (50, 4)), rng.normal(-5, 1, (50, 4))]).astype("float32")
        >>> c = fit_clusters(x, 2, seed=1)
        >>> sorted(np.bincount(assign_clusters(x, c)).tolist())
        [50, 50]
    """
    rng = np.random.default_rng(seed)
    x = normalise(np.asarray(vectors, dtype=np.float32))
    if len(x) > sample:
        x = x[rng.choice(len(x), sample, replace=False)]
    centroids = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iterations):
        labels = nearest(x, centroids)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                centroids[j] = members.mean(axis=0)
    return centroids.astype(np.float32)


def save_clusters(path: Path, centroids: np.ndarray) -> None:
    np.save(path, centroids.astype(np.float32), allow_pickle=False)
