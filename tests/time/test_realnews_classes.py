"""Classes of time-expression error seen on real news pages (wt-timex7), each on hand-written sentences.

Every test failed before its fix (the pages where each class was seen are named in the commit messages).
"""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.time import find_time_expressions

WEDNESDAY = dt.date(2031, 11, 5)


def _found(parse, text, published=WEDNESDAY):
    return [(t.span.text, t.type, t.value) for t in find_time_expressions(parse(text), published)]


# "century" after a word that names no century ("a", "half a", "one") is the unit, as "decade" is: not a day back from publication.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mill was built a century ago by the river.", [("a century ago", "DATE", "19")]),
        ("The mill was built one century ago.", [("one century ago", "DATE", "19")]),
        ("The family has run the mill for a century.", [("a century", "DURATION", "P100Y")]),
        ("The feud between the villages lasted half a century.", [("half a century", "DURATION", "P50Y")]),
        ("The feud between the villages lasted a half-century.", [("a half-century", "DURATION", "P50Y")]),
        # a named century keeps its reading
        ("The mill was built in the 19th century.", [("the 19th century", "DATE", "18")]),
    ],
)
def test_time_a_century_without_an_ordinal_is_the_unit(parse, text, expected):
    assert _found(parse, text) == expected


# A date ahead that falls on the publication day is that day, not the same day a year later (dateparser's "future" skips it).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Polling stations will open on Nov. 5 at dawn.", [("Nov. 5", "DATE", "2031-11-05")]),
        ("Polling stations will open on 5 November.", [("5 November", "DATE", "2031-11-05")]),
        ("Tenants can vote between Nov. 5 and Nov. 25.", [("Nov. 5", "DATE", "2031-11-05"), ("Nov. 25", "DATE", "2031-11-25")]),
        # a day just before publication in a future clause is still next year's
        ("Polling stations will open on Nov. 4.", [("Nov. 4", "DATE", "2032-11-04")]),
    ],
)
def test_time_a_future_date_on_the_publication_day_is_that_day(parse, text, expected):
    assert _found(parse, text) == expected


# "the 1990's": a decade written with an apostrophe (TBAQ tags the decade, without the article).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The harbour was busier in the 1990's than it is now.", [("1990's", "DATE", "199"), ("now", "DATE", "PRESENT_REF")]),
        ("The harbour was busier in the 2000’s.", [("2000’s", "DATE", "200")]),
        # "the 2016 election": the year without its article
        ("She narrowly lost the 2016 election.", [("2016", "DATE", "2016")]),
    ],
)
def test_time_a_decade_with_an_apostrophe(parse, text, expected):
    assert _found(parse, text) == expected


# "in the next three months" is the stretch ahead (TBAQ: "the next two weeks" DURATION P2W after "within", "over", "during"),
# not a date counted from an event the text does not name; "in three months" stays the date three months ahead.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rainfall will stay below normal in the next three months.", [("the next three months", "DURATION", "P3M")]),
        ("Rainfall will stay below normal in the coming three months.", [("the coming three months", "DURATION", "P3M")]),
        ("Rainfall will stay below normal over the next three months.", [("the next three months", "DURATION", "P3M")]),
        ("The dam will be finished in three months.", [("three months", "DATE", "2032-02")]),
        ("Rainfall will stay below normal in the coming months.", [("the coming months", "DURATION", "PXM")]),
    ],
)
def test_time_the_next_n_units_is_a_duration(parse, text, expected):
    assert _found(parse, text) == expected


# "the middle of the day" is midday (TIDES part of day MI), on the day the sentence names; "at the last minute" is no time.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("In the middle of the day on Monday, the square fell silent.", [("the middle of the day on Monday", "TIME", "2031-11-03TMI")]),
        ("The square fell silent in the middle of the day.", [("the middle of the day", "TIME", "2031-11-05TMI")]),
        ("The square must be cleared by the end of the day.", [("the end of the day", "DATE", "2031-11-05")]),
        ("The pact was rescued at the last minute.", []),
        ("It was a last-minute rescue.", []),
    ],
)
def test_time_parts_of_a_day_and_the_last_minute(parse, text, expected):
    assert _found(parse, text) == expected


# Numbers that only look like times: an age group ("15-24-year-olds", as "a 56-year-old") and a house number
# ("2344 Bragg St.": neither the year 2344 nor the clock 23:44).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Infections among 15-24-year-olds doubled.", []),
        ("Infections among 10-year-olds doubled.", []),
        ("Voters can cast ballots at 2344 Bragg St. between noon and 8 p.m.", [("noon", "TIME", "2031-11-05T12:00"), ("8 p.m.", "TIME", "2031-11-05T20:00")]),
        ("The march ended at 1600 Pennsylvania Avenue.", []),
        # a year before a name that is no street stays a year
        ("In 1990 Congress passed the law.", [("1990", "DATE", "1990")]),
    ],
)
def test_time_ages_and_house_numbers_are_no_times(parse, text, expected):
    assert _found(parse, text) == expected


# "forecasts the cold to return over the weekend", "expect the shares to rally on Monday": the infinitive after the object
# of a verb that looks ahead is ahead too (the parser hangs it on the object as a relative clause).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The weather office forecasts the frost to return over the weekend.", [("over the weekend", "DATE", "2031-W45-WE")]),
        ("Traders expect the shares to rally on Monday.", [("Monday", "DATE", "2031-11-10")]),
        # a plan of the past stays in the past
        ("Traders had expected the shares to rally on Monday.", [("Monday", "DATE", "2031-11-03")]),
    ],
)
def test_time_an_infinitive_after_a_forecast_looks_ahead(parse, text, expected):
    assert _found(parse, text) == expected


# A fraction of a unit back counts in the next smaller unit: "half a century ago" is 50 years back (a shift by whole units
# moved it by none: the publication century or day).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("A half-century ago, the two parties were less divided.", [("A half-century ago", "DATE", "1981")]),
        ("Half a century ago the two parties were less divided.", [("Half a century ago", "DATE", "1981")]),
        ("The mill was sold half a year ago.", [("half a year ago", "DATE", "2031-05")]),
        ("The mill was sold two years ago.", [("two years ago", "DATE", "2029")]),
    ],
)
def test_time_a_fraction_of_a_unit_back(parse, text, expected):
    assert _found(parse, text) == expected


# A date right after "where"/"when" is in the relative clause that word opens, whose verb follows: "schools where by
# 25 October … had reported" is the 25 October before publication, though the parser hangs the date on the noun before
# and so on the modal of the main clause ("could see"). Day-month and month-day order read alike.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Doctors warn that the region could see rates as in Canadian schools where by 25 October, weeks into the term, "
         "900 schools had reported cases.", [("25 October", "DATE", "2031-10-25")]),
        ("The country could see similar rates of infection as in Dutch cities where by 25 October, two months into the "
         "outbreak, 900 clinics had reported cases of flu.", [("25 October", "DATE", "2031-10-25"), ("two months", "DURATION", "P2M")]),
        # the relative clause ahead stays ahead
        ("The team lost in the town where on Sunday it will play the final.", [("Sunday", "DATE", "2031-11-09")]),
    ],
)
def test_time_a_date_after_where_takes_the_tense_of_its_clause(parse, text, expected):
    assert _found(parse, text) == expected


# In a game report, a quarter whose own sentence names no game ("The third quarter belonged to Smith") is the game's,
# not a calendar quarter; a quarter beside a company's figures or a year stays a calendar quarter.
def test_time_quarters_of_a_game_report(parse):
    report = ("The Hawks beat the Lakers 98-91 on Tuesday night. It was a slow first quarter for both teams, as neither side "
              "could hit from deep. Jones was hurt late in the second quarter and went to the locker room, but returned for "
              "the rest of the game. The third quarter belonged to Smith.")
    assert _found(parse, report) == [("Tuesday night", "TIME", "2031-11-04TNI")]
    mixed = ("The Hawks beat the Lakers 98-91 on Tuesday night. Smith scored 30 points in the game. "
             "The owner said the club's sales rose in the third quarter.")
    assert _found(parse, mixed) == [("Tuesday night", "TIME", "2031-11-04TNI"), ("the third quarter", "DATE", "2031-Q3")]
    # one game sentence is not a game report
    single = "The Hawks beat the Lakers 98-91 on Tuesday night. The third quarter was the club's best."
    assert _found(parse, single) == [("Tuesday night", "TIME", "2031-11-04TNI"), ("The third quarter", "DATE", "2031-Q3")]


# "a year and a half ago": the whole expression, 18 months back (the span had stopped before "ago": a duration).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mill was sold a year and a half ago.", [("a year and a half ago", "DATE", "2030-05")]),
        ("The mill was sold two and a half years ago.", [("two and a half years ago", "DATE", "2029-05")]),
        ("The sale took a year and a half.", [("a year and a half", "DURATION", "P1Y6M")]),
    ],
)
def test_time_a_unit_and_a_half_ago(parse, text, expected):
    assert _found(parse, text) == expected


# A four-digit clock with a leading zero and no time zone is a clock of the 24-hour day, never a year.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Troops crossed the river at 0400 Monday.", [("0400 Monday", "TIME", "2031-11-03T04:00")]),
        ("Shares fell 2% by 0930 local time.", [("0930", "TIME", "2031-11-05T09:30")]),
        ("The law dates from 1990.", [("1990", "DATE", "1990")]),
    ],
)
def test_time_a_clock_with_a_leading_zero(parse, text, expected):
    assert _found(parse, text) == expected
