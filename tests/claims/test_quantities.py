"""Numbers in claims, normalised."""
from __future__ import annotations

from onrecord.claims.quantities import find_quantities
from onrecord.types import Span


def _all(parse, text):
    doc = parse(text)
    return find_quantities(doc, (Span.of(text, 0, len(text)),))


def test_quantities_issue_examples(parse):
    (q,) = _all(parse, "They said troops had violated the truce nearly 3,000 times.")
    assert (q.value, q.qualifier, q.unit) == (3000.0, "nearly", "times")
    (q,) = _all(parse, "Officials confirmed that three people had been injured.")
    assert (q.value, q.unit, q.what) == (3.0, "people", "injured")
    (q,) = _all(parse, "The army said it had launched hundreds of drone and artillery attacks.")
    assert (q.value, q.qualifier, q.unit) == (200.0, "at least", "attacks")
    (q,) = _all(parse, "Both sides agreed a 30-hour pause.")
    assert (q.value, q.unit, q.what) == (30.0, "hours", "pause")


def test_quantities_ranges_money_and_percentages(parse):
    (q,) = _all(parse, "Between 40 and 60 homes were damaged.")
    assert (q.value, q.upper, q.unit) == (40.0, 60.0, "homes")
    (q,) = _all(parse, "The plan will cost £3.5bn.")
    assert (q.value, q.unit) == (3.5e9, "GBP")
    (q,) = _all(parse, "Turnout fell to 48 per cent.")
    assert (q.value, q.unit) == (48.0, "percent")


def test_a_scale_word_written_once_counts_for_both_bounds_of_a_range(parse):
    (q,) = _all(parse, "The dam repairs will cost $2-3 billion.")
    assert (q.value, q.upper, q.unit) == (2e9, 3e9, "USD")
    (q,) = _all(parse, "Between 6 and 9 million voters stayed home.")
    assert (q.value, q.upper, q.unit) == (6e6, 9e6, "voters")
    (q,) = _all(parse, "Between 700 and 1.2 million pilgrims are expected.")
    assert (q.value, q.upper) == (700.0, 1.2e6)  # 700 is larger than 1.2: no shared scale
    (q,) = _all(parse, "The fund lost 40 to 50 billion pounds.")
    assert (q.value, q.upper, q.unit) == (4e10, 5e10, "GBP")


def test_quantities_dates_and_ordinals_are_not_counts(parse):
    assert _all(parse, "The first vote was held on 3 March 2024.") == []


def test_quantities_only_inside_the_given_spans(parse):
    text = "Five people died, police said, and 20 were hurt."
    doc = parse(text)
    inside = find_quantities(doc, (Span.of(text, 0, 16),))
    assert [q.value for q in inside] == [5.0]
