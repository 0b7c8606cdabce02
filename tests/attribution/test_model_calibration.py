"""Calibration of model confidence: ECE, reliability table, logistic fit."""
from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from onrecord.attribution.calibration import Calibrator
from onrecord.train.calibration import expected_calibration_error, fit_calibrator, reliability


def _scores(level: float) -> dict[str, float]:
    return {
        "cue": level, "cue_mean": level, "content_min": level, "content_mean": level, "source_min": level,
        "sequence": level, "has_source": 1.0, "viterbi": 1.0, "content_tokens": 10.0, "content_pieces": 1.0,
    }


def test_perfectly_calibrated_confidence_has_near_zero_ece():
    rng = random.Random(3)
    probs = [rng.random() for _ in range(20000)]
    right = [rng.random() < p for p in probs]
    assert expected_calibration_error(probs, right) < 0.02


def test_overconfidence_shows_as_ece_and_in_the_reliability_table():
    probs = [0.95] * 100
    right = [i < 60 for i in range(100)]
    assert abs(expected_calibration_error(probs, right) - 0.35) < 1e-9
    top = reliability(probs, right)[-1]
    assert top["count"] == 100 and top["accuracy"] == 0.6


@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), min_size=1, max_size=200))
def test_reliability_counts_every_prediction_once_and_ece_is_a_probability_gap(pairs):
    probs = [p for p, _ in pairs]
    right = [r for _, r in pairs]
    assert sum(row["count"] for row in reliability(probs, right)) == len(pairs)
    assert 0.0 <= expected_calibration_error(probs, right) <= 1.0


def test_fitted_calibrator_learns_that_higher_scores_are_right_more_often_and_round_trips():
    rng = random.Random(7)
    scores, right = [], []
    for _ in range(600):
        level = rng.uniform(0.3, 0.99)
        scores.append(_scores(level))
        right.append(rng.random() < level)
    cal = fit_calibrator(scores, ["indirect"] * len(scores), right)
    low, high = cal.probability(_scores(0.4), "indirect"), cal.probability(_scores(0.95), "indirect")
    assert low < high
    probs = [cal.probability(s, "indirect") for s in scores]
    assert expected_calibration_error(probs, right) < 0.08
    again = Calibrator.from_dict(cal.to_dict())
    assert again.probability(_scores(0.7), "direct") == cal.probability(_scores(0.7), "direct")
