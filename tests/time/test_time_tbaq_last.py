"""Classes of TBAQ error left after wt-timex4, fixed by TimeML / TIDES rules (wt-timex5), each on hand-written sentences.

Every test failed before its fix; the classes and their TBAQ counts are in docs/claims.md ("TempEval-3 TBAQ").
"""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.time import find_time_expressions

THURSDAY = dt.date(2031, 11, 6)


def _found(parse, text, published=THURSDAY):
    return [(t.span.text, t.type, t.value) for t in find_time_expressions(parse(text), published)]


# A wire report's dateline names the day it was written: relative expressions count from it, not from a DCT a day later.
@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("ROME, Nov. 5 (Reuters) -- The ministers met on Wednesday and will meet again tomorrow.", THURSDAY,
         [("Nov. 5", "DATE", "2031-11-05"), ("Wednesday", "DATE", "2031-11-05"), ("tomorrow", "DATE", "2031-11-06")]),
        ("OSLO, November 4 (Xinhua) -- Norway's parliament voted Wednesday to raise fuel taxes.", THURSDAY,
         [("November 4", "DATE", "2031-11-04"), ("Wednesday", "DATE", "2031-10-29")]),
    ],
)
def test_time_a_dateline_day_anchors_the_report(parse, text, published, expected):
    assert _found(parse, text, published) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the same day as the DCT, or a date in the body rather than a dateline: publication stays the anchor
        ("ROME, Nov. 6 (Reuters) -- The ministers met on Wednesday.", [("Nov. 6", "DATE", "2031-11-06"), ("Wednesday", "DATE", "2031-11-05")]),
        ("The ministers met on Oct. 30, and again on Wednesday.", [("Oct. 30", "DATE", "2031-10-30"), ("Wednesday", "DATE", "2031-11-05")]),
        # a dateline weeks before the DCT is no writing day (a delayed release): publication stays the anchor
        ("ROME, Oct. 2 (Reuters) -- The ministers met on Wednesday.", [("Oct. 2", "DATE", "2031-10-02"), ("Wednesday", "DATE", "2031-11-05")]),
    ],
)
def test_time_without_a_near_dateline_publication_anchors(parse, text, expected):
    assert _found(parse, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # conjoined verbs share their auxiliaries: "had ruled ... and set Friday" is "had set", a plan of the past
        ("The agency had heard the case and set Friday as the deadline.", ("Friday", "DATE", "2031-10-31")),
        # a range or a disjunction of durations is one vague duration of the first unit (TimeML PX<unit>)
        ("The brewer expects acquisitions during the next 12 to 18 months.", ("the next 12 to 18 months", "DURATION", "PXM")),
        ("The hostage probably died within weeks or months of his capture.", ("weeks or months", "DURATION", "PXW")),
        # "the day before" a date is one expression, a day before it (TIDES: "the day before yesterday")
        ("The day before last Tuesday's hearing, the uncle went to the house.", ("The day before last Tuesday", "DATE", "2031-11-03")),
        # a holiday's week is the ISO week of the holiday
        ("Protesters prayed as Easter week began.", ("Easter week", "DATE", "2031-W15")),
        # "post-1959", "pre-1990": the year, before or after it (TimeML mod AFTER / BEFORE)
        ("The post-1959 politics split thousands of families.", ("post-1959", "DATE", "1959")),
        # "at this crucial moment": the present (TimeML PRESENT_REF), as "at the moment"
        ("He would not be traveling at this crucial moment without a reason.", ("this crucial moment", "DATE", "PRESENT_REF")),
    ],
)
def test_time_single_classes(parse, text, expected):
    assert expected in _found(parse, text)


def test_time_weekday_nights_are_a_set(parse):
    """"on Monday and Tuesday nights": a plural part of day after weekdays makes each a SET (TimeML quant EVERY)."""
    found = _found(parse, "Two new flights would leave on Monday and Tuesday nights.")
    assert ("Monday", "SET", "XXXX-WXX-1TNI") in found and ("Tuesday nights", "SET", "XXXX-WXX-2TNI") in found


def test_time_post_year_mod(parse):
    (post,) = find_time_expressions(parse("The post-1959 politics split thousands of families."), THURSDAY)
    assert post.mod == "AFTER"


def test_time_a_range_of_durations_with_both_ends_stays_two(parse):
    """"between two to six days": both ends are expressions of their own (as "between Sunday and Monday")."""
    found = _found(parse, "The wait is between two to six days for the sickest patients.")
    assert ("six days", "DURATION", "P6D") in found


def test_time_a_holiday_week_said_inside_it(parse):
    """"as Easter week began", written on the Monday before Easter: this year's Easter, not last year's."""
    assert ("Easter week", "DATE", "2032-W13") in _found(parse, "Protesters prayed as Easter week began.", dt.date(2032, 3, 22))


MONDAY = dt.date(2031, 11, 10)


def test_time_overnight_in_a_story_of_an_earlier_day(parse):
    """A report of Friday's markets read on Monday: "overnight" losses are the night before Friday (the story's day), and
    "the previous Friday" counts back from that night's day, not from publication."""
    text = ("Stocks fell in London on Friday. Shares were depressed initially by overnight losses in New York. "
            "The index closed down 4.5% from the previous Friday.")
    found = _found(parse, text, MONDAY)
    assert ("overnight", "TIME", "2031-11-06TNI") in found and ("previous Friday", "DATE", "2031-10-31") in found


@pytest.mark.parametrize(
    "text, value",
    [
        ("Heavy rain fell overnight across the region.", "2031-11-09TNI"),  # no day named before: the night before publication
        ("The plant closed on Oct. 2. Heavy rain fell overnight across the region.", "2031-11-09TNI"),  # a day weeks back is no story day
    ],
)
def test_time_overnight_without_a_near_story_day(parse, text, value):
    assert ("overnight", "TIME", value) in _found(parse, text, MONDAY)


def test_time_both_ends_of_a_duration_range(parse):
    """"between two to six days": "two" is P2D and "six days" P6D (TimeML tags both ends of a range)."""
    found = _found(parse, "The wait is between two to six days for the sickest patients.")
    assert ("two", "DURATION", "P2D") in found and ("six days", "DURATION", "P6D") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # apposition: "the day" renames the date before it
        ("Eight trading days after Oct. 12, the day before the plunge, the index had fallen.", ("the day", "DATE", "2031-10-12")),
        # "in the morning" of a day the story named, in a past clause
        ("Hopes were dashed Friday. Dealers placed heavy buy orders in the morning.", ("the morning", "TIME", "2031-11-07TMO")),
    ],
)
def test_time_anaphoric_day_and_morning(parse, text, expected):
    assert expected in _found(parse, text, MONDAY)


@pytest.mark.parametrize(
    "text",
    [
        "She runs in the morning before work.",  # no day named: no expression
        "The plant closed on Oct. 2. Dealers placed orders in the morning.",  # a day weeks back is no story day
        "He stayed for the day and left.",  # no date to rename
    ],
)
def test_time_anaphoric_words_without_a_time_are_left_alone(parse, text):
    assert [e for e, _, _ in _found(parse, text, MONDAY) if e in ("the morning", "the day")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # comparative ellipsis: "last" is the year before "this year"
        ("The gain means nearly twice as high a dividend this year as last.", ("last", "DATE", "2030")),
        ("Sales rose faster this month than last.", ("last", "DATE", "2031-10")),
        # a vague duration with no number: PXX
        ("The troops are there to stay for a fairly lengthy period.", ("a fairly lengthy period", "DURATION", "PXX")),
    ],
)
def test_time_ellipsis_and_vague_periods(parse, text, expected):
    assert expected in _found(parse, text)


def test_time_last_alone_is_no_time(parse):
    assert [e for e, _, _ in _found(parse, "He was the last to leave, as last time.")] == []


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Then, a week or so ago, the general picked Saturday night.", "a week or so ago", "2031-W44"),
        ("Analysts expect growth over the next two years or so.", "the next two years or so", "P2Y"),
        ("The plant should reopen in the next year or so.", "next year or so", "2032"),  # a DATE, as "next year"
    ],
)
def test_time_or_so_is_part_of_the_expression(parse, text, expression, value):
    """"or so" is inside the TIMEX3 with mod APPROX (TimeML 1.2.1; TBAQ tags all 3 uses so)."""
    (found,) = [t for t in find_time_expressions(parse(text), THURSDAY) if t.span.text == expression]
    assert (found.value, found.mod) == (value, "APPROX")
