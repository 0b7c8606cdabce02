"""The speaker timeline's geometry: every dated statement drawn once, inside the chart, counted in the bars."""
from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.serve.timeline import DOTS_HEIGHT, build_timeline

days = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31))
statements = st.lists(st.tuples(st.one_of(st.none(), days), st.just("/articles/a#attr-0"), st.text(max_size=20)), max_size=300)


@settings(max_examples=60, deadline=None)
@given(statements)
def test_every_dated_statement_is_drawn_once_inside_the_chart(items):
    timeline = build_timeline(items)
    dated = [s for s in items if s[0] is not None]
    assert len(timeline.dots) == len(dated)
    assert timeline.undated == len(items) - len(dated)
    assert sum(int(re.match(r"\d+", b.label).group()) for b in timeline.bars) == len(dated)
    for dot in timeline.dots:
        assert timeline.left <= dot.x <= timeline.right
        assert timeline.axis_y < dot.y <= timeline.axis_y + 12 + DOTS_HEIGHT
    for bar in timeline.bars:
        assert bar.height <= timeline.axis_y and bar.x >= timeline.left - 1 and bar.x + bar.width <= timeline.right + 1
    assert all(timeline.left <= t.x <= timeline.right for t in timeline.ticks)
    assert len(timeline.ticks) <= 9


def test_the_tallest_bar_is_the_busiest_period():
    items = [(dt.date(2016, 3, d), "/a", "x") for d in (1, 2, 3)] + [(dt.date(2016, 9, 9), "/b", "y")]
    timeline = build_timeline(items)
    tallest = max(timeline.bars, key=lambda b: b.height)
    assert tallest.label.startswith("3 statements") and timeline.max_count == 3


def test_no_dates_no_bars():
    timeline = build_timeline([(None, "/a", "x")])
    assert (timeline.bars, timeline.dots, timeline.undated) == ([], [], 1)
