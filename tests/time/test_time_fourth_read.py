"""Real-news time errors found by the fourth read: a game's quarters, a list of days taken for a clock on one day.

A game's quarter: only "quarter" is concerned: the sentence reports a game when it has a game word (``data/timex.json`` ``game_words``)
or a score; a company's quarter, even beside a range of figures, stays a calendar quarter.
"""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.time import find_time_expressions

WEDNESDAY = dt.date(2024, 3, 6)


def _found(parse, text):
    return [(t.span.text, t.value) for t in find_time_expressions(parse(text), WEDNESDAY)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Sixers led 30-25 after the first quarter, coach Nick Nurse said on Monday.", [("Monday", "2024-03-04")]),
        ("Embiid scored 12 points in the third quarter before the Celtics tied the game in the fourth quarter.", []),
        ("The Jets trailed 14 - 7 in the first quarter.", []),
        ("The quarterback threw two interceptions in the second quarter.", []),
    ],
)
def test_time_a_games_quarter_is_no_calendar_quarter(parse, text, expected):
    assert _found(parse, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sales rose 3-5% in the first quarter.", [("the first quarter", "2024-Q1")]),
        ("Costs fell 10-15 percent in the fourth quarter.", [("the fourth quarter", "2023-Q4")]),
        ("Profit rose 12% in the first quarter, the company said.", [("the first quarter", "2024-Q1")]),
    ],
)
def test_time_a_companys_quarter_stays_a_quarter(parse, text, expected):
    assert _found(parse, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list of days: each its own (a real report had "Monday, Tuesday morning" as one time on Monday)
        ("Schools will close on Monday, Tuesday morning and Friday.",
         [("Monday", "2024-03-11"), ("Tuesday morning", "2024-03-12TMO"), ("Friday", "2024-03-08")]),
        # one day named twice, or a clock on a day, stays one expression
        ("The vote is on Tuesday morning, March 12.", [("Tuesday morning, March 12", "2024-03-12TMO")]),
        ("The vote is at 3 p.m. Monday.", [("3 p.m. Monday", "2024-03-11T15:00")]),
    ],
)
def test_time_a_list_of_days_is_no_clock_on_a_day(parse, text, expected):
    assert _found(parse, text) == expected
