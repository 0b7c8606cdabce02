"""Classes of time expression met in TempEval-3 news: reporting periods, fiscal years, months without a year, tense."""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.time import find_time_expressions, tense_of

THURSDAY = dt.date(2031, 10, 30)


def _values(parse, text, published=THURSDAY):
    return {t.span.text: (t.type, t.value) for t in find_time_expressions(parse(text), published)}


def test_time_reporting_periods_refer_to_the_quarter_in_context(parse):
    text = ("Brindle Foods posted a third-quarter loss of $4 million, against year-earlier profit of $2 million. "
            "Its bakeries lost money in the quarter. In the year-ago quarter, they earned $1 million. "
            "Sales were $90 million, up from $80 million a year earlier.")
    assert _values(parse, text) == {
        "third-quarter": ("DATE", "2031-Q3"), "year-earlier": ("DATE", "2030-Q3"), "the quarter": ("DATE", "2031-Q3"),
        "the year-ago quarter": ("DATE", "2030-Q3"), "a year earlier": ("DATE", "2030-Q3"),
    }


def test_time_a_year_earlier_without_a_quarter_in_context_is_a_year(parse):
    assert _values(parse, "The bridge closed a year ago.")["a year ago"] == ("DATE", "2030")


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Sales in fiscal 2030 reached a record.", "fiscal 2030", "2030"),
        ("It expects lower earnings for the fiscal year.", "the fiscal year", "2031"),
        ("Margins in the current fiscal year will be thin.", "the current fiscal year", "2031"),
        ("A fourth-quarter charge of $3 million is expected.", "fourth-quarter", "2031-Q4"),
        ("Costs in the latest quarter rose.", "the latest quarter", "2031-Q3"),
    ],
)
def test_time_fiscal_years_and_quarters(parse, text, expression, value):
    assert _values(parse, text)[expression] == ("DATE", value)


def test_time_month_without_year_and_without_tense_is_the_nearest(parse):
    found = _values(parse, "The dividend is payable Nov. 20 to holders of record Oct. 31.")
    assert found["Nov. 20"] == ("DATE", "2031-11-20") and found["Oct. 31"] == ("DATE", "2031-10-31")
    assert _values(parse, "Payments start Feb. 3 under the plan.", dt.date(2031, 12, 20))["Feb. 3"] == ("DATE", "2032-02-03")


def test_time_month_follows_the_tense_when_there_is_one(parse):
    assert _values(parse, "The harbour froze in November.")["November"] == ("DATE", "2030-11")
    assert _values(parse, "The harbour will freeze in September.")["September"] == ("DATE", "2032-09")
    assert _values(parse, "The ferry resumes service this September.")["this September"] == ("DATE", "2031-09")


@pytest.mark.parametrize(
    "text, tense",
    [
        ("The talks ended on Monday.", "PAST"),
        ("The talks have ended on Monday.", "PAST"),
        ("The talks will end on Monday.", "FUTURE"),
        ("The talks are due to end on Monday.", "FUTURE"),
        ("Payable on Monday.", None),
        ("They said they would appeal the ruling, announced Monday by the court.", "PAST"),
    ],
)
def test_time_tense_of_the_governing_verb(parse, text, tense):
    doc = parse(text)
    monday = next(t for t in doc if t.text == "Monday")
    assert tense_of(doc[monday.i : monday.i + 1]) == tense


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The senator lost his 1996 campaign for re-election.", [("1996", "DATE", "1996")]),
        ("The notes are due 2033 and pay 6%.", [("2033", "DATE", "2033")]),
        ("The army sent 2000 troops to the border.", []),
        ("Costs rose because of current market conditions, a recent filing showed.",
         [("current", "DATE", "PRESENT_REF"), ("recent", "DATE", "PAST_REF")]),
        ("The current account deficit widened.", []),
        ("Sun shares fell after Sun cut its forecast.", []),
        ("Brindle Foods raised its quarterly dividend.", []),
        ("Average daily volume rose to 133 million shares.", []),
        ('The minister, speaking on the show "This Week," agreed.', []),
        ("Supporters rallied almost daily.", [("daily", "SET", "P1D")]),
    ],
)
def test_time_bare_years_references_and_lookalikes(parse, text, expected):
    assert [(t.span.text, t.type, t.value) for t in find_time_expressions(parse(text), THURSDAY)] == expected


def test_time_a_weekday_of_a_thing_is_the_one_before_but_a_scheduled_present_is_ahead(parse):
    assert _values(parse, "Nestle's share before Friday's purchases is far below the leaders.")["Friday"] == ("DATE", "2031-10-24")
    friday = dt.date(2013, 3, 22)  # issue 17: an article of Friday 2013-03-22
    assert _values(parse, "Kick-off is at 15:00 GMT Saturday.", friday)["15:00 GMT Saturday"] == ("TIME", "2013-03-23T15:00")
    assert _values(parse, "The match is on Saturday.", friday)["Saturday"] == ("DATE", "2013-03-23")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The dam held for a decade.", [("a decade", "DURATION", "P10Y")]),
        ("Floods were rare in the last decade.", [("the last decade", "DATE", "202")]),
        ("The past week has been calm.", [("The past week", "DATE", "2031-W43")]),
        ("In the past two weeks, rents rose.", [("the past two weeks", "DURATION", "P2W")]),
        ("The museum was shut in 2009-2010.", [("2009", "DATE", "2009"), ("2010", "DATE", "2010")]),
        ("Prices doubled between 2020 and 2025.", [("2020", "DATE", "2020"), ("2025", "DATE", "2025")]),
        ("The mill closed nearly four years ago.", [("nearly four years ago", "DATE", "2027")]),
        ("The union has called a strike for 1 July.", [("1 July", "DATE", "2032-07-01")]),
    ],
)
def test_time_timeml_conventions_of_tempeval(parse, text, expected):
    published = dt.date(2031, 10, 30) if "July" not in text else dt.date(2032, 6, 14)
    assert [(t.span.text, t.type, t.value) for t in find_time_expressions(parse(text), published)] == expected


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Directors approved a split, payable Nov. 7 to holders of record.", "Nov. 7", "2031-11-07"),
        ("The offer was extended to Nov. 20.", "Nov. 20", "2031-11-20"),
        ("She gave no reason for the Jan. 14 deadline.", "Jan. 14", "2032-01-14"),
        ("The offer runs from today through Nov. 17.", "Nov. 17", "2031-11-17"),  # a range is two DATEs (TimeML)
        ("The paper said in an editorial on Saturday, Nov. 1:", "Saturday, Nov. 1", "2031-11-01"),
    ],
)
def test_time_dates_of_things_and_deadlines_take_the_nearest(parse, text, expression, value):
    assert _values(parse, text)[expression] == ("DATE", value)


def test_time_a_quarter_still_to_come_is_no_reporting_context(parse):
    text = "Mill Co. expects a fourth-quarter charge. Its earnings fell in the latest quarter."
    assert _values(parse, text)["the latest quarter"] == ("DATE", "2031-Q3")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He has been tried twice in the past four years and will be tried again.", [("the past four years", "DURATION", "P4Y")]),
        ("The shooting happened last Oct. 23 in Amherst.", [("last Oct. 23", "DATE", "2031-10-23")]),
        ("The vote is set for around Nov. 1.", [("around Nov. 1", "DATE", "2031-11-01")]),
    ],
)
def test_time_past_periods_and_dates_with_a_modifier(parse, text, expected):
    assert [(t.span.text, t.type, t.value) for t in find_time_expressions(parse(text), THURSDAY)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("At the time, the mill employed 300 people.", [("At the time", "DATE", "PAST_REF")]),
        ("The mill was founded several years ago.", [("several years ago", "DATE", "PAST_REF")]),
        ("The mill reopens a few weeks from now.", [("a few weeks from now", "DATE", "FUTURE_REF")]),
        ("For the first time, the mill made a profit.", []),
    ],
)
def test_time_references_present_past_future(parse, text, expected):
    assert [(t.span.text, t.type, t.value) for t in find_time_expressions(parse(text), THURSDAY)] == expected


def test_time_the_quarter_needs_a_named_quarter_before_it(parse):
    assert _values(parse, "The Hawks scored 12 points in the quarter.") == {}
    assert _values(parse, "Brindle posted a third-quarter loss. Sales fell in the quarter.")["the quarter"] == ("DATE", "2031-Q3")
