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
