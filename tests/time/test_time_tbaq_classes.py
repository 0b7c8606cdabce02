"""Classes of error met on TempEval-3 TBAQ news (issue 17), each on hand-written sentences."""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.time import find_time_expressions

THURSDAY = dt.date(2031, 10, 30)


def _values(parse, text, published=THURSDAY):
    return {t.span.text: (t.type, t.value) for t in find_time_expressions(parse(text), published)}


def test_time_years_said_in_words_as_transcripts_write_them(parse):
    text = "The plant opened in nineteen ninety-six and closed in January nineteen ninety-seven. By the year two thousand it was gone."
    assert _values(parse, text) == {"nineteen ninety-six": ("DATE", "1996"), "January nineteen ninety-seven": ("DATE", "1997-01"),
                                    "the year two thousand": ("DATE", "2000")}


def test_time_the_year_of_a_report_is_a_duration_when_given_by_its_end(parse):
    text = "For the year ended Sept. 30, Brindle Foods earned $4 million. For the year, bakery volume was flat."
    values = [(t.span.text, t.type, t.value) for t in find_time_expressions(parse(text), THURSDAY)]
    assert values[0] == ("the year", "DURATION", "P1Y")
    assert values[-1] == ("the year", "DATE", "2031")


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Sales fell in June last year.", "June last year", "2030-06"),
        ("Prices rose in January this year.", "January this year", "2031-01"),
        ("Rates may rise in coming months.", "coming months", "FUTURE_REF"),
        ("Debt grew in past years.", "past years", "PAST_REF"),
        ("Nobody can predict the future.", "the future", "FUTURE_REF"),
        ("Margins will stay thin in the near term.", "the near term", "FUTURE_REF"),
    ],
)
def test_time_months_of_a_named_year_and_vague_references(parse, text, expression, value):
    assert _values(parse, text)[expression][1] == value


@pytest.mark.parametrize(
    "text",
    ["They will leave as soon as the roads open.", "Qantas runs four flights a week to Bombay.",
     "The cuts save $500 million a year.", "Rooms will cost $55 a night.", "Payrolls grew by 358,000 a month.",
     "He was in his 30s then.", "Sun, Hewlett-Packard and others blame the chip.", "Sales should rise 8.5% annually.",
     "The plant would make 10,000 units annually."],
)
def test_time_signals_and_rates_are_no_time_expressions(parse, text):
    assert _values(parse, text) == {}


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        # a month and day modifying a noun takes the default, nearest with the past preferred, even beside a present verb
        ("Police have searched for him since the Oct. 23 shooting.", dt.date(2031, 5, 6), "Oct. 23", "2030-10-23"),
        ("The raid is not linked with the probe into the August 7 bombings.", dt.date(2031, 8, 21), "August 7", "2031-08-07"),
        # the month of publication is itself, whatever the tense
        ("Average daily turnover for October is 148 million shares.", THURSDAY, "October", "2031-10"),
        # a copula whose subject holds the date does not schedule it
        ("Her flats, worth $130 million in October, are worth half that now.", dt.date(2032, 1, 8), "October", "2031-10"),
    ],
)
def test_time_direction_of_dates_without_a_tense_of_their_own(parse, text, published, expression, value):
    assert _values(parse, text, published)[expression] == ("DATE", value)


@pytest.mark.parametrize(
    "text, expression, kind, value",
    [
        ("The strike lasted two more weeks.", "two more weeks", "DURATION", "P2W"),
        ("Shares rose for eight trading days.", "eight trading days", "DURATION", "P8D"),
        ("The lease runs an additional year.", "an additional year", "DURATION", "P1Y"),
        ("Steel shaped the 20th century and 19th century cities alike.", "19th century", "DATE", "18"),
        ("The law passed in 2015; later that year it was repealed.", "that year", "DATE", "2015"),
        ("Each July the festival fills the town.", "Each July", "SET", "XXXX-07"),
    ],
)
def test_time_more_units_centuries_without_article_that_year_and_monthly_sets(parse, text, expression, kind, value):
    assert _values(parse, text)[expression] == (kind, value)


def test_time_the_future_of_a_thing_is_no_time(parse):
    assert _values(parse, "The vote decides the future of the union.") == {}


def test_time_an_edge_as_a_deadline_is_the_current_one(parse):
    text = "Unisys cut stocks by $100 million, leaving it near its goal of a $500 million cut by the end of the year."
    assert _values(parse, text)["the end of the year"] == ("DATE", "2031")
    assert _values(parse, "The plant closed at the end of the month.")["the end of the month"] == ("DATE", "2031-09")
