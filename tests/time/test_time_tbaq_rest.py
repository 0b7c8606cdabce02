"""Classes of TBAQ error left after wt-timex3, fixed by TimeML rules (wt-timex4), each on hand-written sentences.

Every test failed before its fix; the classes and their TBAQ counts are in docs/claims.md ("TempEval-3 TBAQ").
"""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.time import find_time_expressions

THURSDAY = dt.date(2031, 11, 6)


def _found(parse, text, published=THURSDAY):
    return [(t.span.text, t.type, t.value) for t in find_time_expressions(parse(text), published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # TimeML tags the two ends of a range as two DATEs, the signals outside; TIMEX3 has no interval value
        ("The fund bought 50,000 shares from Sept. 14 to Monday.", [("Sept. 14", "DATE", "2031-09-14"), ("Monday", "DATE", "2031-11-03")]),
        ("The offer is open from today through Nov. 17.", [("today", "DATE", "2031-11-06"), ("Nov. 17", "DATE", "2031-11-17")]),
        ("Voters have to register between now and Dec. 2.", [("now", "DATE", "PRESENT_REF"), ("Dec. 2", "DATE", "2031-12-02")]),
        # the start of a weekday range still lies before its end
        ("Services were cut from Friday to Tuesday.", [("Friday", "DATE", "2031-10-31"), ("Tuesday", "DATE", "2031-11-04")]),
    ],
)
def test_time_a_range_is_two_dates(parse, text, expected):
    assert _found(parse, text) == expected


def test_time_range_ends_name_each_other(parse):
    start, end = find_time_expressions(parse("The plant closed from Aug. 26 to Oct. 20."), THURSDAY)
    assert start.note == "start of a range ending 2031-10-20" and end.note == "end of a range starting 2031-08-26"


@pytest.mark.parametrize(
    "text, expression, value",
    [
        # a deadline moved or granted lies ahead even in a past clause
        ("The agency postponed until Tuesday morning any decision on the permit.", "Tuesday morning", "2031-11-11TMO"),
        ("The board has given the bidders until 9 a.m. Tuesday to raise their offer.", "9 a.m. Tuesday", "2031-11-11T09:00"),
        ("The council extended its deadline until 5 p.m. Monday.", "5 p.m. Monday", "2031-11-10T17:00"),
        # "could not be reached Wednesday": a failed attempt of the past, no plan
        ("The mayor could not be reached Wednesday for comment.", "Wednesday", "2031-11-05"),
        ("Neither he nor his two brothers could be located Wednesday in their home town.", "Wednesday", "2031-11-05"),
    ],
)
def test_time_direction_of_deadlines_and_failed_attempts(parse, text, expression, value):
    assert (expression, value) in [(e, v) for e, _, v in _found(parse, text)]


@pytest.mark.parametrize(
    "text, control",
    [
        ("The rally lasted until 5 p.m. Monday.", ("5 p.m. Monday", "TIME", "2031-11-03T17:00")),
        ("The talks could resume on Monday.", ("Monday", "DATE", "2031-11-10")),
    ],
)
def test_time_direction_controls_keep_their_reading(parse, text, control):
    assert control in _found(parse, text)


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        # a quarter said to end on a calendar quarter's last day is that calendar quarter (not a quarter named before)
        ("Hilltop Airlines reported a loss in its first quarter. For the quarter ended Sept. 30, it posted net income of $13 million.",
         THURSDAY, "the quarter", "2031-Q3"),
        ("Hilltop Airlines posted net income of $13 million for the quarter ended Sept. 30, up from $10 million a year earlier.",
         THURSDAY, "a year earlier", "2030-Q3"),
        # unless the text said the quarter is fiscal
        ("Hilltop Airlines posted a profit for its fiscal first quarter. For the quarter ended Sept. 30, sales rose 9%.",
         THURSDAY, "the quarter", "2031-Q1"),
        # a quarter named as a contrast does not replace the reported one
        ("Pine Paper reported a 20% gain in third-quarter net income. After a flat second quarter, the company credited "
         "its tissue business. Charges taken in the year-earlier period also helped.", THURSDAY, "the year-earlier period", "2030-Q3"),
        # "the fourth quarter" in a January report outside a future clause is the one that just ended
        ("The carrier also announced an 18 percent drop in profits for the fourth quarter.", dt.date(2032, 1, 26),
         "the fourth quarter", "2031-Q4"),
        # the year a possessive names: one expression
        ("The spinoff could take effect as early as next year's first quarter.", THURSDAY, "next year's first quarter", "2032-Q1"),
        ("Sales fell short of last year's fourth quarter.", THURSDAY, "last year's fourth quarter", "2030-Q4"),
    ],
)
def test_time_reporting_quarters(parse, text, published, expression, value):
    assert (expression, value) in [(e, v) for e, _, v in _found(parse, text, published)]


def test_time_a_future_fourth_quarter_stays_ahead(parse):
    assert ("the fourth quarter", "DATE", "2032-Q4") in _found(parse, "The carrier expects profits to rise in the fourth quarter.", dt.date(2032, 1, 26))


def test_time_results_reported_for_a_quarter_make_it_the_context(parse):
    # a fiscal fourth quarter reported in November has ended, though the calendar one has not
    text = ("Acorn Foods reported a 47% decline in fourth-quarter earnings. Sales in the latest period rose 13% "
            "from last year's $1.55 billion.")
    found = _found(parse, text)
    assert ("the latest period", "DATE", "2031-Q4") in found and ("last year", "DATE", "2030-Q4") in found


def test_time_a_quarter_expected_ahead_is_still_no_context(parse):
    found = _found(parse, "Analysts expect fourth-quarter earnings to rise. Its earnings fell in the latest quarter.")
    assert ("the latest quarter", "DATE", "2031-Q3") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a number before "a year ago" counts something else: it is no part of the expression
        ("The firm has 13 plants, up from seven a year ago.", [("a year ago", "DATE", "2030")]),
        # a year before the results it dates is a year, not a count
        ("The company's 1989 operating results were strong.", [("1989", "DATE", "1989")]),
        ("The fund holds 1990 shares.", []),
        # conjoined days: the second day is a DATE of its own in the same month
        ("Poland will join on April 24 and 25.", [("April 24", "DATE", "2032-04-24"), ("25", "DATE", "2032-04-25")]),
        ("It happened on Oct. 3 and 4 people died.", [("Oct. 3", "DATE", "2031-10-03")]),
    ],
)
def test_time_spans_of_years_days_and_counts(parse, text, expected):
    assert _found(parse, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "one day" inside a verb phrase is an indefinite day ahead (FUTURE_REF), not a duration
        ("The party will one day be the largest in the country.", [("one day", "DATE", "FUTURE_REF")]),
        ("The pilot hopes he one day flies to Mars.", [("one day", "DATE", "FUTURE_REF")]),
        ("The festival lasted one day.", [("one day", "DURATION", "P1D")]),
        # a number with a capitalised unit inside a sentence is a name (a programme), which TimeML does not mark
        ("Smith told CBS's 60 Minutes that he would stay.", []),
        ("The show lasted 60 minutes.", [("60 minutes", "DURATION", "PT60M")]),
    ],
)
def test_time_indefinite_days_and_names(parse, text, expected):
    assert _found(parse, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # vague durations: TimeML writes an X for the number (PXX when not even the unit is said)
        ("They will live without power for a while.", [("a while", "DURATION", "PXX")]),
        ("Funds will face pressure in the weeks ahead.", [("the weeks ahead", "DURATION", "PXW")]),
        ("Over the years many patients died.", [("the years", "DURATION", "PXY")]),
        ("The decades-long battle goes on.", [("decades-long", "DURATION", "PXY")]),
        ("The merger follows months of twists and turns.", [("months", "DURATION", "PXM")]),
        # not durations: a fraction, a place, a part of a day; and "over two years" keeps its qualifier
        ("In some quarters of the party the plan was popular.", []),
        ("Police arrested him in the early hours of Thursday morning.", [("Thursday morning", "TIME", "2031-11-06TMO")]),
        ("Talks lasted over two years.", [("over two years", "DURATION", "P2Y")]),
        ("While the talks went on, prices rose.", []),
    ],
)
def test_time_vague_durations(parse, text, expected):
    assert _found(parse, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "last <month>" written in that month is a year back ("this March" would be the current one); the month
        # just ended stays the nearest (TBAQ's one "last February" of 1 March reads a year back, the own set t055 not)
        ("Two helicopters crashed last February.", [("last February", "DATE", "2031-02")]),
        ("The plant closed last March.", [("last March", "DATE", "2030-03")]),
        ("The plant closed last January.", [("last January", "DATE", "2031-01")]),
        # "N units earlier" is the duration, "earlier" its signal, as with "later" (TimeML); a year back stays a date
        ("A day earlier, trucks streamed across the border.", [("A day", "DURATION", "P1D")]),
        ("The vote came a month earlier than planned.", [("a month", "DURATION", "P1M")]),
        # "the then current level": the present of a past time
        ("Profit fell from the then current level.", [("then current", "DATE", "PAST_REF")]),
        # "at 4 in the morning" is a clock time, on the day the sentence gives
        ("He will leave at 4 in the morning (4 a.m. Thursday), Castro said.",
         [("4 in the morning", "TIME", "2031-03-06T04:00"), ("4 a.m. Thursday", "TIME", "2031-03-06T04:00")]),
        ("He had four in the morning session.", []),
    ],
)
def test_time_last_months_signals_and_clocks(parse, text, expected):
    assert _found(parse, text, dt.date(2031, 3, 5)) == expected


def test_time_as_soon_as_possible_is_ahead(parse):
    assert _found(parse, "The firm wants a deal as soon as possible.") == [("as soon as possible", "DATE", "FUTURE_REF")]
    assert _found(parse, "The firm will act as soon as it can.") == []


def test_time_this_quarter_of_a_report_is_the_reported_one(parse):
    text = "Acorn Foods reported a third-quarter loss of $2 million. This quarter's loss includes charges of $4.9 million."
    assert ("This quarter", "DATE", "2031-Q3") in _found(parse, text)
    assert ("this quarter", "DATE", "2031-Q4") in _found(parse, "Acorn expects to grow this quarter.")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a holiday in a clause with no tense is the nearest one, one ahead counting twice its distance (as months)
        ("Shops close on Christmas Day.", [("Christmas Day", "DATE", "2025-12-25")]),
        ("Shops stayed open on Christmas Day.", [("Christmas Day", "DATE", "2024-12-25")]),
        # the United States' Election Day: the Tuesday after the first Monday of November
        ("The campaign runs from now to Election Day.", [("now", "DATE", "PRESENT_REF"), ("Election Day", "DATE", "2025-11-04")]),
        ("Britain votes on election day.", [("election day", "DATE", None)]),
    ],
)
def test_time_holidays(parse, text, expected):
    assert _found(parse, text, dt.date(2025, 10, 28) if "campaign" in text else dt.date(2025, 12, 20)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In his Sunday Mass at the cathedral, the cardinal condemned the murder.", [("Sunday", "DATE", "1998-10-25")]),
        ("She told the Sunday Times that she would stay.", []),
    ],
)
def test_time_a_weekday_before_a_capitalised_noun(parse, text, expected):
    assert _found(parse, text, dt.date(1998, 10, 25)) == expected
