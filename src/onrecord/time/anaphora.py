"""Time expressions that only the story's own time line values: "the day" in apposition, "in the morning" of a named day.

TimeML values an anaphoric expression against the time it refers back to (TimeML 1.2.1 guidelines:
``anchorTimeID``), not against the DCT. Two narrow cases have that time in the text itself, and only
these are tagged; without it the words are left alone (no value is guessed):

* apposition: "Oct. 12, the day before the plunge" — "the day" is the date it renames;
* comparative ellipsis: "twice as high this year as last" — "last" is the period before the one just named;
* the day of writing: "today is the eighth day of …", "it's the second day of …" (a present "is");
* a part of day after "in"/"during" in a past clause, when the text last named a day within a week
  before publication: "dashed Friday. Dealers placed orders in the morning" — that day's morning.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span as SpacySpan

from .lexicon import timex_lexicon
from .merges import day_of
from .values import Value

#: Matcher labels whose value comes from this module (patterns.PATTERNS).
ANAPHORIC = {"APPOS", "INPOD", "ELLIPSIS", "NTHDAY"}
#: Days before publication within which the last day the text named is the story's own day.
STORY_DAYS = 6


def anaphoric_value(span: SpacySpan, found: list, published: dt.date | None, future: bool | None, anchor) -> Value | None:
    """The value of an APPOS or INPOD candidate from the story's time line, or None: no expression (see module docstring).

    ``found`` is the (span, value, future) list of the expressions before ``span``; ``anchor`` the last dated one (first day, granularity).
    """
    if span.label_ == "ELLIPSIS":
        return _elided_period(span, found)
    if span.label_ == "NTHDAY":
        return _day_of_writing(span, published)
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


def _day_of_writing(span: SpacySpan, published: dt.date | None) -> Value | None:
    """"Today is the eighth day of Desert Shield", "it's the second day of an offensive": the day the text is written.

    Only as the complement of a present "is" whose subject is "today", "it" or "this" (TBAQ: 2 of 2); "his first day in
    office", "the second day of talks" elsewhere count from a day the text may not give: no expression.
    """
    verb = span.root.head
    if published is None or span.root.dep_ != "attr" or verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP"):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in ("today", "it", "this") for c in verb.children):
        return None
    return Value("DATE", published.isoformat(), note="the day of writing")


def _elided_period(span: SpacySpan, found: list) -> Value | None:
    """"this year as last", "this month than last": the year or month before the "this" period named just before, in the sentence."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in ("than", "as") or (span.end < len(doc) and doc[span.end].is_alpha) or not found:
        return None
    before, value, _ = found[-1]
    if before.sent != span.sent or before[0].lower_ != "this" or not value.value:
        return None
    if re.fullmatch(r"\d{4}", value.value):
        return Value("DATE", f"{int(value.value) - 1:04d}", note="the period before the one named")
    month = re.fullmatch(r"(\d{4})-(\d{2})", value.value)
    if month:
        n = int(month.group(1)) * 12 + int(month.group(2)) - 2
        return Value("DATE", f"{n // 12:04d}-{n % 12 + 1:02d}", note="the period before the one named")
    return None
