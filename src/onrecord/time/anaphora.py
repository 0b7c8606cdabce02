"""Time expressions that only the story's own time line values: "the day" in apposition, "in the morning" of a named day.

TimeML values an anaphoric expression against the time it refers back to (TimeML 1.2.1 guidelines:
``anchorTimeID``), not against the DCT. Two narrow cases have that time in the text itself, and only
these are tagged; without it the words are left alone (no value is guessed):

* apposition: "Oct. 12, the day before the plunge" — "the day" is the date it renames;
* a part of day after "in"/"during" in a past clause, when the text last named a day within a week
  before publication: "dashed Friday. Dealers placed orders in the morning" — that day's morning.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Span as SpacySpan

from .lexicon import timex_lexicon
from .merges import day_of
from .values import Value

#: Matcher labels whose value comes from this module (patterns.PATTERNS).
ANAPHORIC = {"APPOS", "INPOD"}
#: Days before publication within which the last day the text named is the story's own day.
STORY_DAYS = 6


def anaphoric_value(span: SpacySpan, found: list, published: dt.date | None, future: bool | None, anchor) -> Value | None:
    """The value of an APPOS or INPOD candidate from the story's time line, or None: no expression (see module docstring).

    ``found`` is the (span, value, future) list of the expressions before ``span``; ``anchor`` the last dated one (first day, granularity).
    """
    if span.label_ == "APPOS":
        if not found:
            return None
        before, value, _ = found[-1]
        gap = [t.text for t in span.doc[before.end : span.start]]
        day = day_of(value.value)
        return Value("DATE", day.isoformat(), note="the date it renames") if gap == [","] and day and len(value.value) == 10 else None
    if future is not False or published is None or anchor is None or anchor[1] != "D" or not 0 < (published - anchor[0]).days <= STORY_DAYS:
        return None
    pod = timex_lexicon()["parts_of_day"][span[-1].lower_]
    return Value("TIME", f"{anchor[0].isoformat()}T{pod}", note="part of the day the text named before")
