"""Nothing about a date raises: dates before year 1 are TimeML BC values, dates past 9999 are X-valued with a note.

The fuzz runs derandomized (the same examples on every run) so CI is stable.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import onrecord
from onrecord.time import find_time_expressions
from onrecord.time.calendar import OUT_OF_CALENDAR, shifted_value

#: What a TIMEX3 value may look like: dates, weeks, quarters, decades, BC years, X placeholders, durations, references.
_VALUE = re.compile(r"^(BC\d{1,4}|[\dX]{1,4}(-[\dXWQHSUPFAIN]{1,3})*(T[\dX:]{2,5}|T[A-Z]{2})?|P[\dX.]+[YMWDE]{1,2}|PT[\dX.]+[HMS]|"
                    r"(PRESENT|PAST|FUTURE)_REF|[\dX-]{4,10}/[\dX-]{4,10}|XXXX-WXX-\d|XXXX-XX-XXT[A-Z]{2})$")

_UNITS = ["day", "days", "week", "weeks", "month", "months", "quarter", "year", "years", "decade", "decades", "century", "centuries",
          "millennium", "millennia", "hours", "fortnights"]
_NUMBERS = st.one_of(
    st.integers(1, 5_000_000).map(str),
    st.integers(1, 5_000_000).map(lambda n: f"{n:,}"),
    st.sampled_from(["a", "two", "ten", "a hundred", "ten thousand", "a million", "several"]),
)
_MONTHS = ["January", "February", "April", "June", "Sept.", "November"]


@st.composite
def _sentences(draw) -> str:
    n, unit = draw(_NUMBERS), draw(st.sampled_from(_UNITS))
    year = draw(st.integers(1, 99_999))
    templates = [
        f"It happened {n} {unit} ago.",
        f"It will happen {n} {unit} from now.",
        f"The dam opened on 4 May 2001; {n} {unit} later it burst.",
        f"In {year}, the town was founded; {n} {unit} earlier, nobody lived there.",
        f"In the {draw(st.integers(1, 9_999))}s, music changed.",
        f"In the {draw(st.integers(1, 999)) * 10}s, music changed.",
        f"The city was founded in {year:,} BC, or in {draw(st.integers(1, 99_999))} B.C.",
        f"In the {draw(st.integers(1, 99))}th century BC and the {draw(st.integers(1, 99))}th century, it rose.",
        f"Profits in Q{draw(st.integers(0, 9))} {year} and the fourth quarter of {year} grew; next quarter they fall.",
        f"It was signed on {draw(st.sampled_from(_MONTHS))} {draw(st.integers(0, 99))}, {year}.",
        f"It was signed on {draw(st.integers(0, 99))}/{draw(st.integers(0, 99))}/{year}.",
        f"It was signed on {year:04d}-{draw(st.integers(0, 99)):02d}-{draw(st.integers(0, 99)):02d}, a Monday at 3pm.",
        "Yesterday, last week, next month, the next decade, last century, this millennium and at Christmas it rose.",
        f"It fell {n} {unit} ago, last spring, next winter, on Monday, the following day and the previous year.",
    ]
    return draw(st.sampled_from(templates))


_PUBLISHED = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from([dt.date(1, 1, 1), dt.date(1, 12, 31), dt.date(9999, 1, 1), dt.date(9999, 12, 31)]),
    st.none(),
)


@settings(max_examples=2000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_sentences(), _PUBLISHED)
def test_time_no_date_raises_and_every_value_is_timeml(parse, text, published):
    for t in find_time_expressions(parse(text), published):
        assert t.value is None or _VALUE.match(t.value), (text, published, t)
        assert text[t.span.start : t.span.end] == t.span.text


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_sentences(), _PUBLISHED)
def test_time_analyze_never_raises_on_dates(text, published):
    article = onrecord.analyze(text, published, model=None)
    assert article.text == text


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Humans arrived 200,000 years ago.", dt.date(2019, 5, 2), ("XXXX", OUT_OF_CALENDAR)),
        ("The glaciers left 100 centuries ago.", dt.date(2024, 5, 1), ("BC79", None)),
        ("The ice retreated ten thousand years ago.", dt.date(2024, 5, 1), ("BC7977", None)),
        ("It ends 10,000 years from now.", dt.date(2024, 5, 1), ("XXXX", OUT_OF_CALENDAR)),
        ("On 31 December 9999 the vault closed; the next year it opened.", dt.date(9999, 12, 31), ("XXXX", OUT_OF_CALENDAR)),
        ("The temple was built in 500 BC.", dt.date(2024, 5, 1), ("BC0500", None)),
        ("Rome grew in the 5th century BC.", dt.date(2024, 5, 1), ("BC04", None)),
        ("A town stood there in 20,000 BC.", dt.date(2024, 5, 1), ("XXXX", OUT_OF_CALENDAR)),
    ],
)
def test_time_years_outside_the_calendar_are_bc_or_x_valued(parse, text, published, expected):
    found = [t for t in find_time_expressions(parse(text), published) if t.value and ("BC" in t.value or "X" in t.value)]
    assert [(t.value, t.note) for t in found] == [expected]


def test_time_one_year_before_year_one_is_bc0001():
    assert shifted_value(dt.date(1, 6, 1), -1, "Y") == ("BC0001", None)
    assert shifted_value(dt.date(1, 6, 1), -6, "M") == ("BC0001", "before year 1: the year only")
    assert shifted_value(dt.date(9999, 12, 31), 1, "D") == ("XXXX-XX-XX", OUT_OF_CALENDAR)
