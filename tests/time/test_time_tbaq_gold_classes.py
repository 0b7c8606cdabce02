"""Classes of TBAQ error re-read by counting how the gold tags every instance of the class (wt-timex6, issue 17).

Each test runs on hand-written sentences and failed before its fix; /tmp notes are not part of the project,
the class counts are in docs/claims.md ("Ceiling").
"""
from __future__ import annotations

import datetime as dt

from onrecord.time import find_time_expressions

THURSDAY = dt.date(2031, 10, 30)


def _values(parse, text, published=THURSDAY):
    return {t.span.text: (t.type, t.value) for t in find_time_expressions(parse(text), published)}


def test_time_a_company_rebounding_is_no_game(parse):
    text = "Brindle Foods, rebounding from its earlier loss, expects to report a small profit for the third quarter."
    assert _values(parse, text)["the third quarter"] == ("DATE", "2031-Q3")
    assert "the third quarter" not in _values(parse, "Okafor grabbed 12 rebounds in the third quarter.")


def test_time_a_plan_told_in_the_past_dates_the_planned_event_ahead(parse):
    values = _values(parse, "Protesters planned a large demonstration in the square on Saturday.")
    assert values["Saturday"] == ("DATE", "2031-11-01")
    assert _values(parse, "On Saturday, the protesters planned a march to the square.")["Saturday"] == ("DATE", "2031-10-25")


def test_time_an_absolute_with_clause_takes_the_tense_of_its_host(parse):
    text = "Two new flights will leave on Monday nights, with the third departing each Thursday from August 6."
    assert _values(parse, text)["August 6"] == ("DATE", "2032-08-06")
    text = "Two routes closed, with the last flight departing on Nov. 20."
    assert _values(parse, text)["Nov. 20"] == ("DATE", "2030-11-20")


def test_time_the_base_of_a_comparison_is_no_anchor_for_the_next_year_back(parse):
    text = ("Brindle plans to cut 600 jobs by year end. Its output fell 8% from a year ago. "
            "The finance unit blamed higher borrowing costs compared with a year earlier.")
    values = [(t.span.text, t.value) for t in find_time_expressions(parse(text), THURSDAY)]
    assert values == [("year end", "2031"), ("a year ago", "2030"), ("a year earlier", "2030")]


def test_time_now_opening_a_sentence_before_a_comma_is_a_discourse_marker(parse):
    text = "The plan looked sound. Now, he says, it looks like a trap. Now the mission is unclear, and prices are high now."
    found = [(t.span.text, t.span.start) for t in find_time_expressions(parse(text), THURSDAY)]
    assert found == [("Now", text.index("Now the")), ("now", text.index("now."))]


def test_time_that_day_with_no_date_before_it_is_generic(parse):
    assert "that day" not in _values(parse, "In 2029, on days when prices tumbled, dealers lost money on trades made that day.")
    text = "Prices tumbled on Oct. 13. Dealers lost money on trades made that day."
    assert _values(parse, text)["that day"] == ("DATE", "2031-10-13")


def test_time_soon_in_a_past_clause_is_no_future(parse):
    assert "soon" not in _values(parse, "He was taken to a hospital and was soon released.")
    assert "soon" not in _values(parse, "Cash began to arrive, a trickle that soon became a flood.")
    assert _values(parse, "The budget will soon move into surplus.")["soon"] == ("DATE", "FUTURE_REF")


def test_time_a_quarter_in_apposition_renames_the_year_ago_quarter(parse):
    text = ("Brindle Foods earned $3 million in the third quarter. In the comparable year-ago quarter, "
            "the second quarter ended Oct. 31, Brindle had a loss of $12 million.")
    values = [(t.span.text, t.value) for t in find_time_expressions(parse(text), THURSDAY)]
    assert values[1:3] == [("year-ago quarter", "2030-Q2"), ("the second quarter", "2030-Q2")]


def test_time_the_nth_day_that_today_is_is_the_day_of_writing(parse):
    assert _values(parse, "In the capital, today is the eighth day of the blockade.")["the eighth day"] == ("DATE", "2031-10-30")
    assert _values(parse, "Gunfire again. It's the second day of an offensive against the villages.")["the second day"] == ("DATE", "2031-10-30")
    assert "his first day" not in _values(parse, "He vowed to act on his first day in office.")


def test_time_a_past_verb_conjoined_under_a_modal_shares_the_auxiliaries_above(parse):
    text = "The agency had ruled that the boy must be returned to his father, and set Friday as the deadline for his return."
    assert _values(parse, text)["Friday"] == ("DATE", "2031-10-24")


def test_time_in_a_unit_or_two_is_a_vague_time_ahead(parse):
    assert _values(parse, "You may, in a year or two, save a few more lives.")["a year or two"] == ("DATE", "FUTURE_REF")
    assert _values(parse, "The review could take as long as a month or two.")["a month"] == ("DURATION", "P1M")


def test_time_a_past_verb_tagged_as_an_adverbial_adjective_is_past(parse):
    text = ("President Clinton, meantime, glossed over stern warnings from Moscow on Thursday that air strikes "
            "could do serious harm to relations with the Kremlin.")
    assert _values(parse, text, published=dt.date(2031, 10, 31))["Thursday"] == ("DATE", "2031-10-30")
