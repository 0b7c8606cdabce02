"""Where onrecord's own conventions gave way to TimeML's (issue 17, step 2), each on hand-written sentences.

Each rule is the one TimeBank and AQUAINT follow across their documents (docs/claims.md, "TimeML rules").
"""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.time import find_time_expressions

WEDNESDAY = dt.date(2031, 11, 5)


def _found(parse, text, published=WEDNESDAY):
    return [(t.span.text, t.type, t.value, t.mod) for t in find_time_expressions(parse(text), published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mill flooded on 4 May 2030. Three days later, the owners closed it.", ("Three days", "DURATION", "P3D", None)),
        ("The mill flooded in 2030; a year later it was sold.", ("a year", "DURATION", "P1Y", None)),
        ("A few days later, the harbour board approved the plan.", ("A few days", "DURATION", "PXD", None)),
        ("The ferry sank at dawn. Just over an hour later, the crew was found.", ("Just over an hour", "DURATION", "PT1H", "MORE_THAN")),
    ],
)
def test_time_n_units_later_is_a_duration_and_later_its_signal(parse, text, expected):
    assert expected in _found(parse, text)
    assert not any(t[0].endswith("later") for t in _found(parse, text))


MONDAY = dt.date(2031, 6, 9)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        # a scheduling participle after its noun announces a plan: the coming August, not the last one
        ("The treaty is expected to top the agenda of a summit set for Geneva in August.", "August", "2031-08"),
        ("Ministers hope to sign the accord at talks scheduled in August.", "August", "2031-08"),
        ("The ruling expected in August could change the market.", "August", "2031-08"),
        # a present passive ("is heard") is no past participle clause: no tense, the nearest August
        ("Lawyers asked the judge for more time before the case is heard in August.", "August", "2031-08"),
        # a plan in the pluperfect was a plan of the past: the Friday before publication
        ("The offer had been due to expire on Friday evening.", "Friday evening", "2031-06-06TEV"),
        ("The tender offer had been scheduled to expire at midnight Friday, but it was extended.", "midnight Friday", "2031-06-06T00:00"),
    ],
)
def test_time_direction_of_plans_participles_and_passives(parse, text, expression, value):
    assert {t[0]: t[2] for t in _found(parse, text, MONDAY)}[expression] == value


def test_time_a_plan_told_in_the_past_is_the_day_before(parse):
    text = "A memorial service planned at the town hall for Saturday was canceled after threats."
    assert {t[0]: t[2] for t in _found(parse, text, MONDAY)}["Saturday"] == "2031-06-07"


def test_time_a_year_back_beside_nine_months_is_the_year_not_the_quarter(parse):
    text = ("Brindle posted third-quarter net income of $13 million, up from $10 million a year earlier. "
            "For the nine months, Brindle earned $41 million, compared with a loss of $9 million a year earlier. "
            "In the first six months, sales were $88 million, against $80 million in the 2030 period, and the year-ago results included a charge.")
    values = [(t[0], t[2]) for t in _found(parse, text, dt.date(2031, 10, 30))]
    assert values == [("third-quarter", "2031-Q3"), ("a year earlier", "2030-Q3"), ("nine months", "P9M"), ("a year earlier", "2030"),
                      ("the first six months", "P6M"), ("the 2030 period", "2030"), ("the year-ago", "2030")]


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("The refugees lived in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("She spent about 5 1/2 hours in Nairobi.", "about 5 1/2 hours", "PT5H30M"),
        ("The climb took a minute and a half.", "a minute and a half", "PT1M30S"),
        ("The trial could last a year and a half.", "a year and a half", "P1Y6M"),
        ("They talked for one and a half days.", "one and a half days", "P1DT12H"),
        ("She spent half an hour answering questions.", "half an hour", "PT30M"),
    ],
)
def test_time_half_units_are_written_as_whole_units_and_the_next_smaller_one(parse, text, expression, value):
    assert {t[0]: t[2] for t in _found(parse, text)}.get(expression) == value


@pytest.mark.parametrize(
    "text",
    [
        "He set up a joint venture called Orion 1980, making parts for satellites.",
        "This is Harbour Today, with the news at the top of the hour.",
        "You are listening to WBUR Today from Boston.",
        "The poster showed Gary Cooper from the film High Noon on a bare street.",
    ],
)
def test_time_words_inside_proper_names_are_no_time(parse, text):
    assert _found(parse, text) == []


def test_time_names_rule_leaves_times_at_the_start_and_after_a_month_alone(parse):
    found = _found(parse, "Today the venture Orion said it was founded in March 1980.")
    assert [t[0] for t in found] == ["Today", "March 1980"]
