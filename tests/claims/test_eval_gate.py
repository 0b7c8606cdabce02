"""Quality gate: the hand-written claim test sets stay at or above their recorded floors (bench/eval_claims_floor.json)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def results():
    from bench.eval_claims import evaluate

    return evaluate()


def test_claims_eval_sets_are_large_enough(results):
    assert results["timex"]["cases"] >= 150
    assert results["stance"]["cases"] >= 100


def test_claims_eval_stays_above_floors(results):
    from bench.eval_claims import below_floor

    assert below_floor(results) == []


def test_claims_eval_timex_negatives_raise_no_alarm(results):
    assert results["timex"]["false_alarm_list"] == []
