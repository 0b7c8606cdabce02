"""Word classes from the parser's own contextual vectors, for the attribution model's features.

The pinned spaCy pipeline computes a 96-dimensional contextual vector for every token
(``doc.tensor``, the output of its shared ``tok2vec`` layer) before tagging and parsing, so the
vectors cost nothing more at prediction time. k-means on a sample of PolNeAR train vectors
(length-normalised, cosine geometry) turns them into a few hundred discrete classes; the CRFs
read a token's class as a feature, as they would a Brown cluster. Tokens of similar use ("said",
"told", "argued" after a subject; "according" before "to") share classes, which carries what
the CRF learns about frequent cues to rare ones.

The centroids are stored with the model (``clusters.npy``, ``k × 96`` float32).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (cosine geometry)."""
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-6)


def nearest(x: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """Index of the nearest centroid of each row of ``x``."""
    # |x - c|^2 = |x|^2 - 2 x.c + |c|^2; |x|^2 does not change the argmin
    return ((centroids**2).sum(axis=1)[None, :] - 2.0 * x @ centroids.T).argmin(axis=1)


def assign_clusters(vectors: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """The class (row of ``centroids``) nearest to each vector, after length normalisation."""
    if len(vectors) == 0:
        return np.zeros(0, dtype=np.int64)
    return nearest(normalise(np.asarray(vectors, dtype=np.float32)), centroids)


def doc_clusters(doc, centroids: np.ndarray | None) -> list[str]:
    """Per-token class names of a parsed ``Doc`` (``"-"`` where it carries no tok2vec tensor)."""
    tensor = getattr(doc, "tensor", None)
    if centroids is None or tensor is None or tensor.ndim != 2 or tensor.shape != (len(doc), centroids.shape[1]):
        return ["-"] * len(doc)
    return [str(c) for c in assign_clusters(tensor, centroids).tolist()]


def load_clusters(path: Path) -> np.ndarray | None:
    return np.load(path, allow_pickle=False) if Path(path).exists() else None
