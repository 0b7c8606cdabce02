"""The measure of ``make probe-transformer`` (bench/transformer_probe.py), which CI cannot run: it needs torch."""
from __future__ import annotations

import pytest

from bench.transformer_probe import cue_f1


def test_cue_f1_counts_exact_spans_only():
    rows = [{"gold": ["O", "B-CUE", "I-CUE", "O", "B-CUE"]}, {"gold": ["B-CUE", "O"]}]
    exact = [["O", "B-CUE", "I-CUE", "O", "B-CUE"], ["B-CUE", "O"]]
    assert cue_f1(rows, exact) == 1.0
    # one cue cut short, one missed, one extra: 1 of 3 predicted right, 1 of 3 gold found
    partial = [["O", "B-CUE", "O", "O", "B-CUE"], ["O", "B-CUE"]]
    assert cue_f1(rows, partial) == pytest.approx(1 / 3)
    assert cue_f1(rows, [["O"] * 5, ["O"] * 2]) == 0.0
