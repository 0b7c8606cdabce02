"""Time expressions normalised against the publication date (TIMEX3)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.time import find_time_expressions
from onrecord.time.expressions import anchor_windows
from onrecord.time.patterns import is_anchor

TUESDAY = dt.date(2025, 4, 22)


def _values(parse, text, published=TUESDAY):
    return {t.span.text: (t.type, t.value, t.mod) for t in find_time_expressions(parse(text), published)}


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        ("The ceasefire was broken on Monday, officials said.", "Monday", ("DATE", "2025-04-21", None)),
        ("The truce was announced on Saturday.", "Saturday", ("DATE", "2025-04-19", None)),
        ("Shelling continued between Sunday and Monday.", "Sunday", ("DATE", "2025-04-20", None)),  # a range is two DATEs (TimeML)
        ("A refinery was hit overnight.", "overnight", ("TIME", "2025-04-21TNI", None)),
        ("Delegates will gather in Rome this week.", "this week", ("DATE", "2025-W17", None)),
        ("The envoys met in Ankara last week.", "last week", ("DATE", "2025-W16", None)),
        ("The plant has been closed since early 2022.", "early 2022", ("DATE", "2022", "START")),
        ("It is the first such visit in over two years.", "over two years", ("DURATION", "P2Y", "MORE_THAN")),
    ],
)
def test_time_issue_examples_get_their_stated_values(parse, text, expression, expected):
    assert _values(parse, text)[expression] == expected


def test_time_tense_chooses_the_weekday_before_or_after_publication(parse):
    assert _values(parse, "The mayor resigned on Thursday.")["Thursday"][1] == "2025-04-17"
    assert _values(parse, "The mayor will resign on Thursday.")["Thursday"][1] == "2025-04-24"


def test_time_signals_stay_outside_the_expression(parse):
    (t,) = find_time_expressions(parse("The vote was held on 4 July 2024."), TUESDAY)
    assert t.span.text == "4 July 2024" and t.value == "2024-07-04"


def test_time_offsets_point_at_their_text(parse):
    text = "On Monday at 3pm, two days after the storm, the council met; it meets every Tuesday."
    for t in find_time_expressions(parse(text), TUESDAY):
        assert text[t.span.start : t.span.end] == t.span.text


def test_time_without_publication_date_keeps_relative_values_open(parse):
    found = _values(parse, "The strike began on Monday and ended last month.", published=None)
    assert found["Monday"][1] == "XXXX-WXX-1"
    assert found["last month"][1] is None
    (t,) = [t for t in find_time_expressions(parse("The strike ended last month."), None)]
    assert t.note and "publication date" in t.note


def test_time_absolute_dates_resolve_without_publication_date(parse):
    assert _values(parse, "The decree was signed on 5 May 2021.", published=None)["5 May 2021"][1] == "2021-05-05"


def test_time_words_that_only_look_like_dates_are_left_alone(parse):
    for text in ("Officials may announce new measures.", "The 45-year-old driver was arrested.", "A second round of talks is planned."):
        assert find_time_expressions(parse(text), TUESDAY) == []


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_time_relative_days_and_weeks_follow_the_calendar(parse, published):
    found = _values(parse, "Yesterday the river rose; this week it fell, and it will rise again next week.", published)
    assert found["Yesterday"][1] == (published - dt.timedelta(days=1)).isoformat()
    year, week, _ = published.isocalendar()
    assert found["this week"][1] == f"{year}-W{week:02d}"
    year, week, _ = (published + dt.timedelta(weeks=1)).isocalendar()
    assert found["next week"][1] == f"{year}-W{week:02d}"


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)), st.sampled_from(["Monday", "Wednesday", "Friday", "Sunday"]))
def test_time_past_weekday_is_within_the_week_before_publication(parse, published, weekday):
    (t,) = find_time_expressions(parse(f"The talks collapsed on {weekday}."), published)
    day = dt.date.fromisoformat(t.value)
    assert day.strftime("%A") == weekday
    assert dt.timedelta(0) <= published - day < dt.timedelta(days=7)


def test_bare_numbers_open_no_matcher_window_but_their_time_words_do(parse):
    doc = parse("A farmer sold two cows and some hay to an old friend.")
    assert anchor_windows(doc, is_anchor) == []
    doc = parse("A farmer sold two cows two weeks ago and some hay a year ago.")
    windows = anchor_windows(doc, is_anchor)
    assert windows and all(any(doc[i].lower_ in ("weeks", "year", "ago") for i in range(s, e)) for s, e in windows)
    assert _values(parse, doc.text) == {"two weeks ago": ("DATE", "2025-W15", None), "a year ago": ("DATE", "2024", None)}
