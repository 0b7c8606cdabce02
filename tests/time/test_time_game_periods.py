"""A game's quarters are no quarters of the year (found on a real NBA report: "the first quarter" had been 2023-Q1).

Only "quarter" is concerned: the sentence reports a game when it has a game word (``data/timex.json`` ``game_words``)
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
