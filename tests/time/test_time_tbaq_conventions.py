"""TimeML conventions counted over all of TempEval-3 TBAQ (wt-timex3), each on hand-written sentences.

Each class follows the convention most TBAQ golds of that form take (counts in docs/claims.md, "TempEval-3 TBAQ").
"""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.time import find_time_expressions

THURSDAY = dt.date(2031, 11, 6)


def _found(parse, text, published=THURSDAY):
    return [(t.span.text, t.type, t.value) for t in find_time_expressions(parse(text), published)]


@pytest.mark.parametrize(
    "text, expression, value",
    [
        # the other side of a comparison of results is the quarter a year back, not the year
        ("Quill Paper earned $4.1 million in the third quarter. Its packaging unit lost $2 million, "
         "compared with a profit of $1.5 million last year.", "last year", "2030-Q3"),
        ("Quill Paper earned $4.1 million in the third quarter. Last year's results included a large charge.", "Last year", "2030-Q3"),
        # "the latest quarter" names the quarter that a year back beside it refers to
        ("In the latest quarter the chemicals unit led, with profit up to $15 million from $9 million a year earlier.",
         "a year earlier", "2030-Q3"),
    ],
)
def test_time_a_year_back_beside_a_quarter_of_results_is_that_quarter(parse, text, expression, value):
    assert (expression, "DATE", value) in _found(parse, text)


def test_time_last_year_outside_a_comparison_stays_the_year(parse):
    text = "Quill Paper earned $4.1 million in the third quarter. The mill it bought last year added sales."
    assert ("last year", "DATE", "2030") in _found(parse, text)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Harwick Mills lost $3 million in the third quarter. In the year-ago third quarter it earned $2 million.",
         "the year-ago third quarter", "2030-Q3"),
        ("Harwick Mills lost $3 million in the third quarter. For the quarter a year ago, it earned $2 million.",
         "the quarter a year ago", "2030-Q3"),
    ],
)
def test_time_a_quarter_a_year_back_is_one_expression(parse, text, expression, value):
    assert (expression, "DATE", value) in _found(parse, text)


@pytest.mark.parametrize(
    "text, value",
    [
        # the tagger reads these "hurt" as presents (VBP), which a singular subject rules out
        ("Weakness in retail stocks hurt the index as well as the bond market on Friday.", "2031-10-31"),
        ("Selling in bank stocks hurt the market on Friday.", "2031-10-31"),
    ],
)
def test_time_a_past_in_present_form_beside_a_singular_subject_looks_back(parse, text, value):
    assert ("Friday", "DATE", value) in _found(parse, text)


def test_time_the_fiscal_year_given_by_its_end_is_a_duration(parse):
    text = "In the fiscal year ended Jan. 31, Tolland Jewelers reported sales of $40 million. Profit will rise in the fiscal year."
    found = _found(parse, text)
    assert found[0] == ("the fiscal year", "DURATION", "P1Y")
    assert ("the fiscal year", "DATE", "2031") in found[1:]


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Students marched to the embassy in what has become a daily rally for the prisoners.", "daily", "P1D"),
        ("The governor spoke of the floods in her weekly radio address.", "weekly", "P1W"),
    ],
)
def test_time_a_daily_or_weekly_event_is_a_set(parse, text, expression, value):
    assert (expression, "SET", value) in _found(parse, text)


@pytest.mark.parametrize(
    "text",
    ["The average daily volume on the exchange was 90 million shares.", "Corran Foods raised its quarterly dividend to 8 cents.",
     "Annual sales at the unit reach $2 billion."],
)
def test_time_rates_and_report_periods_before_a_noun_are_no_sets(parse, text):
    assert _found(parse, text) == []


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("By mid-afternoon the river had crested at Dunmore.", "mid-afternoon", "2031-11-06TAF"),
        ("In Leeds at mid-afternoon yesterday, the shares were up 2 pence.", "mid-afternoon yesterday", "2031-11-05TAF"),
        ("The march began early Friday morning in the old town.", "early Friday morning", "2031-10-31TMO"),
    ],
)
def test_time_early_mid_late_with_a_part_of_day(parse, text, expression, value):
    assert (expression, "TIME", value) in _found(parse, text)


def test_time_this_century_has_a_value(parse):
    assert _found(parse, "Peace has been rare in Europe this century.") == [("this century", "DATE", "20")]


def test_time_a_named_quarter_stays_the_context_over_several_sentences(parse):
    text = ("Brindle Foods earned $4 million in the third quarter. The bakery chain was founded in 1985. "
            "It opened two stores in June. Its chief executive spoke on Monday. "
            "Snack sales were $6 million in the quarter, compared with $5 million a year ago.")
    found = _found(parse, text)
    assert ("the quarter", "DATE", "2031-Q3") in found
    assert ("a year ago", "DATE", "2030-Q3") in found


def test_time_the_year_earlier_nine_months_is_one_duration(parse):
    text = "Profit for the nine months rose 12% from $40 million in the year-earlier nine months."
    assert ("the year-earlier nine months", "DURATION", "P9M") in _found(parse, text)


@pytest.mark.parametrize(
    "text, expression, kind, value",
    [
        ("Harwick Mills has lost money in the past two quarters.", "the past two quarters", "DURATION", "P2Q"),
        ("Harwick Mills returned to profit after several quarters of losses.", "several quarters", "DURATION", "PXQ"),
        ("The charge will cut tax payments in coming quarters.", "coming quarters", "DATE", "FUTURE_REF"),
        ("The slump will last through the first two quarters of 2032.", "the first two quarters of 2032", "DATE", "2032-H1"),
    ],
)
def test_time_quarters_as_a_unit(parse, text, expression, kind, value):
    assert (expression, kind, value) in _found(parse, text)


def test_time_three_quarters_of_something_is_a_fraction(parse):
    assert _found(parse, "The island imports three quarters of its food and about three-quarters of its fuel.") == []


@pytest.mark.parametrize(
    "text",
    ["The league had eight clubs at the time of its founding.", "The allies rejected the last-minute peace effort.",
     "The quarter-to-quarter comparison was helped by charges."],
)
def test_time_signals_and_adjectives_made_of_time_words_are_no_times(parse, text):
    assert _found(parse, text) == []


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Police say they have evidence in the October shooting of a shopkeeper.", "October", "2031-10"),
        ("Tolland Mills is selling itself under a June agreement with its lenders.", "June", "2031-06"),
    ],
)
def test_time_a_month_between_an_article_and_a_noun_is_a_date(parse, text, expression, value):
    assert (expression, "DATE", value) in _found(parse, text)


@pytest.mark.parametrize("text", ["The March of Dimes raised money for polio research.", "She sang with June Carter in Nashville."])
def test_time_a_bare_month_word_in_a_name_is_no_date(parse, text):
    assert _found(parse, text) == []


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Corran expects to close the sale by year-end.", "year-end", "2031"),
        ("Corran hopes to cut 600 jobs by year's end.", "year's end", "2031"),
        # "since" points back whatever the verb: a present copula schedules nothing here
        ("The index is up 4% since year-end.", "year-end", "2030"),
        ("The index is up 3% since Monday.", "Monday", "2031-11-03"),
    ],
)
def test_time_year_end_and_since(parse, text, expression, value):
    assert (expression, "DATE", value) in _found(parse, text)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Demand for the new phones ran well into the summer.", "the summer", "2031-SU"),
        ("Prices last fell that low in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
    ],
)
def test_time_seasons_after_any_preposition_and_in_spoken_years(parse, text, expression, value):
    assert (expression, "DATE", value) in _found(parse, text)


def test_time_the_fall_of_something_is_an_event(parse):
    assert _found(parse, "Historians still debate the fall of the old republic.") == []


def test_time_as_soon_as_a_weekday_looks_ahead(parse):
    text = "The ferry was ready to sail as soon as Tuesday, the harbour master said."
    assert ("Tuesday", "DATE", "2031-11-11") in _found(parse, text)


def test_time_the_previous_weekday_counts_from_the_day_named_before(parse):
    text = "The index rose 2% on Friday. It closed at 2082.1, down 4.5% from the previous Friday."
    assert _found(parse, text, dt.date(2031, 11, 3))[-1] == ("previous Friday", "DATE", "2031-10-24")


def test_time_the_week_of_a_date_is_that_week(parse):
    text = "The trial was set for the week of March 6 in Leeds."
    assert _found(parse, text, dt.date(2032, 2, 24)) == [("the week of March 6", "DATE", "2032-W10")]


def test_time_every_quarter_is_a_set(parse):
    assert _found(parse, "Corran must pay $100 million in interest every quarter.") == [("every quarter", "SET", "P1Q")]
