"""Confidence calibration of model attributions: logistic regression on the taggers' scores.

An attribution counts as right when the shared scorer's ``attr/full`` criterion matches it to
a gold one (content token Dice >= 0.5, overlapping source, overlapping cue). The calibrator is
fitted on PolNeAR dev and stored with the model (``calibration.json``); expected calibration
error (ECE) and a reliability table are reported from held-out folds of dev.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

#: model scores the calibrator reads, in order (see AttributionModel.predict_tokens)
SCORE_NAMES = ("cue", "cue_mean", "content_min", "content_mean", "source_min", "sequence", "has_source", "viterbi")
_BINARY = frozenset({"has_source", "viterbi"})
TYPES = ("direct", "indirect", "mixed")


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def vectorize(scores: dict[str, float], kind: str) -> list[float]:
    """The calibrator's inputs: logits of the probabilities, length, attribution type, bias."""
    x = [scores[name] if name in _BINARY else _logit(scores[name]) for name in SCORE_NAMES]
    x.append(math.log1p(scores.get("content_tokens", 1.0)))
    x.append(min(scores.get("content_pieces", 1.0), 3.0))
    x += [1.0 if kind == t else 0.0 for t in TYPES]  # one-hot type (acts as the bias too)
    return x


@dataclass
class Calibrator:
    """Logistic regression from :func:`vectorize` to P(attribution is right)."""

    weights: list[float]
    names: tuple[str, ...] = field(default=SCORE_NAMES)

    def probability(self, scores: dict[str, float], kind: str) -> float:
        z = sum(w * x for w, x in zip(self.weights, vectorize(scores, kind)))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def to_dict(self) -> dict:
        return {"kind": "logistic", "inputs": list(self.names), "weights": self.weights}

    @classmethod
    def from_dict(cls, data: dict) -> "Calibrator":
        return cls(list(data["weights"]), tuple(data["inputs"]))
