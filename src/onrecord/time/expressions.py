"""Time expressions of an article, normalised against its publication date as TIMEX3 values.

:func:`find_time_expressions` is the public entry point; the spans come from the spaCy Matcher
patterns in ``patterns``, their values from ``values`` / ``resolve`` (dateparser
for calendar dates, our own code for TIMEX3 granularity, parts of day, modifiers and sets).
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
from dateutil.easter import easter
from dateutil.relativedelta import TH, TU, relativedelta
from spacy.attrs import ORTH
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..nlp import doc_text
from ..types import Span, TimeExpression
from .patterns import build_matcher, is_anchor
from .periods import is_year_back, resolve_reporting_periods
from .rejects import rejected
from .resolve import resolve
from .anaphora import ANAPHORIC, anaphoric_value
from .calendar import OUT_OF_CALENDAR, fmt_duration, fmt_week
from .dateline import writing_day
from .lexicon import timex_lexicon
from .merges import conjoined_days, day_of, merge_clock_and_day, merge_possessive_year, merge_ranges, share_weekday_sets, duration_range_starts
from .tense import tense_of
from .values import Parts, Value, parse_calendar, parse_number, read_parts
from .words import spoken_year_value, the_year_value

#: Signals that TimeML leaves outside the expression ("on Monday" → "Monday").
_SIGNALS = {"on", "in", "at", "since", "by", "until", "till", "during", "from", "through", "throughout", "of", "before",
            "after", "to", "for", "within", "lasting", "between", "and"}
_TIME_WORDS = {"century", "quarter", "period", "half", "weekend", "time", "week", "year", "month", "day", "decade"}


def find_time_expressions(doc: Doc, published: dt.date | None = None) -> list[TimeExpression]:
    """Every time expression of ``doc`` in text order, with its TIMEX3 type and value.

    Args:
        doc: a parsed spaCy ``Doc`` (tags and dependencies are used to read the tense).
        published: the publication date; defaults to ``doc._.published``.

    Example:
        >>> from onrecord.nlp import load_base
        >>> doc = load_base()("The talks ended on Monday and resume next week.")
        >>> [(t.span.text, t.value) for t in find_time_expressions(doc, dt.date(2025, 4, 22))]
        [('Monday', '2025-04-21'), ('next week', '2025-W18')]
    """
    if published is None and doc.has_extension("published"):
        published = doc._.published
    spans = _candidate_spans(doc)
    if spans and published is not None:  # a wire report's dateline ("ROME, Nov. 5 (Reuters) --"): the day it was written (time.dateline)
        published = writing_day(spans[0][0], day_of(_value_of(spans[0][0], published, None, None, False)[0].value), published) or published
    found: list[tuple[SpacySpan, Value, bool]] = []
    anchor: tuple[dt.date, str] | None = None  # "the next day" needs a date mentioned before it
    clock_only: list[int] = []
    for span, after_in in spans:
        future = {"FUTURE": True, "PAST": False}.get(tense_of(span))  # None: the text gives no tense (see time.tense)
        if span.label_ in ANAPHORIC:  # "Oct. 12, the day before …", "in the morning" of a day named before (time.anaphora)
            value, clock = anaphoric_value(span, found, published, future, anchor), False
            if value is None:
                continue
        else:
            value, clock = _value_of(span, published, future, anchor, after_in)
            if value.value is None and span[0].lower_ == "that":
                continue  # "on days when prices tumble, trades made that day": a "that day" with no day before it is generic (TBAQ: 0 of 2 tagged)
        if clock:
            clock_only.append(len(found))
        found.append((span, value, future))
        if not _comparison_base(span):
            anchor = _anchor_of(value.value) or anchor
    found = resolve_reporting_periods(merge_possessive_year(doc, _anchor_clocks(found, clock_only)), published)
    found = merge_clock_and_day(doc, found)
    found = duration_range_starts(doc, share_weekday_sets(doc, merge_ranges(doc, conjoined_days(doc, found))))
    text = doc_text(doc)
    return [
        TimeExpression(Span.of(text, s.start_char, s.end_char), v.type, v.value, v.mod, v.note)
        for s, v, _ in found
    ]


def _value_of(span: SpacySpan, published: dt.date | None, future: bool, anchor, after_in: bool) -> tuple[Value, bool]:
    """The value of one expression, and whether it is a bare clock time; a date the calendar cannot hold is X-valued, never an error."""
    try:
        if _indefinite_day(span):
            return Value("DATE", "FUTURE_REF"), False
        if span.label_ == "VAGUE":  # "a while": a duration of no stated unit
            return Value("DURATION", "PXX"), False
        if span.label_ == "REF" and span[0].lower_ == "then":  # "the then current chairman": the present of a past time
            return Value("DATE", "PAST_REF"), False
        if span.label_ == "REF" and span[-1].lower_ == "possible":  # "as soon as possible"
            return Value("DATE", "FUTURE_REF"), False
        if span.label_ == "REF" and span[-1].lower_ == "moment":  # "at this crucial moment"
            return Value("DATE", "PRESENT_REF"), False
        if span.label_ == "VAGUERANGE":  # "the next 12 to 18 months", "weeks or months": a vague duration of the first unit
            return Value("DURATION", fmt_duration("X", timex_lexicon()["units"][next(t for t in span if t._.timex_unit).lower_])), False
        if span.label_ == "DAYBEFORE":  # "the day before last Tuesday": one day off the date named
            day = day_of(_value_of(span[3:], published, future, anchor, False)[0].value)
            shifted = day + dt.timedelta(days=-1 if span[2].lower_ == "before" else 1) if day else None
            return Value("DATE", shifted.isoformat() if shifted else None, note=None if shifted else "not understood"), False
        if span.label_ == "HOLWEEK":  # "Easter week": the ISO week of the holiday
            day = day_of(_holiday(span[:-1], published, None).value)  # the nearest: "as Easter week began" is said inside it
            return Value("DATE", fmt_week(day) if day else None, note=None if day else "not understood"), False
        if span.label_ == "CLOCKPOD":
            return _clock_in_part_of_day(span, published), True
        if span.label_ == "RANGE":
            return _explicit_range(span, published, future), False
        if span.label_ == "HOLIDAY":
            return _holiday(span, published, future), False
        if span.label_ == "SPOKEN":
            return spoken_year_value(span), False
        if span.label_ == "THEYEAR":
            return the_year_value(span, published), False
        if span.label_ == "YEAREND":  # read as "the end of the year"
            return resolve(Parts(unit="Y", edge=True, mod="END"), "DATE", published, future, anchor, span.text, after_in), False
        if span.label_ == "HALF":
            return Value("DATE", f"{span[-1].text}-H{1 if any(t.lower_ == 'first' for t in span) else 2}"), False
        if span.label_ in ("FUTURE", "PAST"):  # "coming months", "past years": no number of them, only a direction
            return Value("DATE", f"{span.label_}_REF"), False
        if span.label_ == "WEEKOF":  # "the week of March 6": the ISO week of that date
            day = _value_of(span[3:], published, future, anchor, False)[0]
            return (Value("DATE", fmt_week(day_of(day.value)), day.mod) if day_of(day.value) else day), False
        parts = read_parts(span)
        value = resolve(parts, span.label_, published, future, anchor, span.text, after_in)
        midday = value.type == "TIME" and parts.edge and parts.unit == "D"  # "the middle of the day on Monday": Monday's (as a clock)
        return value, bool(parts.clock and not (parts.weekday or parts.dayword or parts.month)) or midday
    except (OverflowError, ValueError):  # datetime arithmetic past year 1 or 9999 (OutOfCalendar is a ValueError)
        kind = "TIME" if span.label_ == "TIME" else "DURATION" if span.label_ == "DURATION" else "DATE"
        return Value(kind, "XXXX-XX-XX" if kind != "DURATION" else None, note=OUT_OF_CALENDAR), False


def _indefinite_day(span: SpacySpan) -> bool:
    """"will one day be", "hopes he one day follows": "one day" inside a verb phrase is some day ahead (FUTURE_REF), no duration."""
    if [t.lower_ for t in span] not in (["one", "day"], ["some", "day"]) or span.end >= len(span.doc) or span.start == 0:
        return False
    before, after = span.doc[span.start - 1], span.doc[span.end]
    return after.tag_ in ("VB", "VBP", "VBZ") and (before.tag_ in ("MD", "PRP", "NN", "NNP", "NNS") or before.dep_ == "nsubj")


def _clock_in_part_of_day(span: SpacySpan, published: dt.date | None) -> Value:
    """"4 in the morning" → T04:00, "8 in the evening" → T20:00, on the day a dated expression of the sentence gives."""
    hour = parse_number([span[0].lower_])
    if not isinstance(hour, float) or not 1 <= hour <= 12 or hour != int(hour):
        return Value("TIME", None, note="not understood")
    hour = int(hour) % 12 + (12 if span[-1].lower_ in ("afternoon", "evening") else 0)
    day = published.isoformat() if published else "XXXX-XX-XX"
    return Value("TIME", f"{day}T{hour:02d}:00")


def anchor_windows(doc: Doc, is_anchor, before: int = 6, after: int = 8) -> list[tuple[int, int]]:
    """Token windows around anchor words, merged: the Matcher runs on these only (most of a text has no dates).

    ``is_anchor`` reads a token's text only (as :func:`~onrecord.time.patterns.is_anchor` does): it is asked
    once per distinct text of the document, on the first token with it.
    """
    if not len(doc):
        return []
    distinct, first, inverse = np.unique(doc.to_array(ORTH), return_index=True, return_inverse=True)
    anchors = np.array([bool(is_anchor(doc[i])) for i in first.tolist()])[inverse.reshape(-1)]
    windows: list[list[int]] = []
    for i in np.nonzero(anchors)[0].tolist():
        start, end = max(0, i - before), min(len(doc), i + after + 1)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return [(s, e) for s, e in windows]


def _candidate_spans(doc: Doc) -> list[tuple[SpacySpan, bool]]:
    matcher = build_matcher(doc.vocab)
    candidates = []
    for window_start, window_end in anchor_windows(doc, is_anchor):
        for match_id, start, end in matcher(doc[window_start:window_end]):
            span = SpacySpan(doc, window_start + start, window_start + end, label=match_id)
            if not rejected(span):
                candidates.append(span)
    out = []
    for span in _longest_first(candidates):
        start, end = span.start, span.end
        while start < end - 1 and doc[start].lower_ in _SIGNALS and not (span.label_ == "REF" and doc[start].lower_ in ("in", "at")) \
                and doc[start + 1].lower_ not in ("least", "most", "excess"):
            start += 1
        if end - start == 2 and doc[start].lower_ == "the" and doc[start + 1].lower_.startswith(("pre-", "post-")):
            start += 1  # "the post-1959 politics": the article belongs to the noun
        elif end - start > 2 and doc[start].lower_ in ("a", "an") and doc[start + 1].like_num:
            start += 1  # "a 30-hour truce": the article belongs to the noun
        elif end - start > 3 and doc[start].like_num and doc[start + 1].lower_ in ("a", "an") and doc[start + 2]._.timex_unit:
            start += 1  # "up from seven a year ago", "$307.2 a year earlier": the number counts something else
        while end - 1 > start and doc[end - 1].tag_ in ("NN", "NNP", "NNS") and doc[end - 1].lower_ not in _TIME_WORDS and not doc[end - 1]._.timex_unit \
                and not doc[end - 1]._.timex_pod and not doc[end - 1]._.timex_month and not doc[end - 1]._.timex_weekday and not doc[end - 1]._.timex_season \
                and doc[end - 2]._.timex_year:
            end -= 1
        if doc[end - 1]._.timex_year and doc[end - 1].text.endswith("0") and end < len(doc) and doc[end].lower_ in ("'s", "’s") \
                and doc[end - 2].lower_ == "the":
            end += 1  # "the 1990's": a decade spelt with an apostrophe (read as one in values.read_parts)
        if end - start > 1 and doc[start].lower_ == "the" and doc[start + 1]._.timex_year and (end - start == 2 or doc[end - 1].lower_ in ("'s", "’s")):
            start += 1  # "the 2016 election", "the 1990's": TimeML leaves the article out (TBAQ: "the <TIMEX3>1996</TIMEX3> Olympic")
        while end - 1 > start and doc[end - 1].text == ",":
            end -= 1  # "Sept. 30," of "MON DAY COMMA? YEAR?" without its year
        if end - 1 > start and span.label_ == "DURATION" and doc[end - 1].lower_ == "of":
            end -= 1  # "months of talks": the duration without "of"
        if end - start > 2 and span.label_ == "DURATION" and doc[start].lower_ == "over" and doc[start + 1].lower_ == "the":
            start += 1  # "over the years": a signal here, not "over two years" (MORE_THAN)
        label = span.label
        if end - start > 1 and doc[end - 1].lower_ == "earlier" and doc[end - 2]._.timex_unit and doc[end - 2].lower_ not in ("year", "years") \
                and span.label_ == "DATE":
            end, label = end - 1, "DURATION"  # "a day earlier", "a month earlier": the duration, "earlier" its signal (as "later"; TimeML)
        after_in = start > 0 and doc[start - 1].lower_ == "in"
        out.append((SpacySpan(doc, start, end, label=label), after_in))
    return out


def _longest_first(spans: list[SpacySpan]) -> list[SpacySpan]:
    """Non-overlapping spans, preferring the most words that are not signals ("March 1998" over "in March")."""
    def core(span: SpacySpan) -> int:
        return sum(1 for t in span if t.lower_ not in _SIGNALS)

    chosen: list[SpacySpan] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (core(s), len(s), -s.start), reverse=True):
        if not any(i in taken for i in range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def _comparison_base(span: SpacySpan) -> bool:
    """"fell 8% from a year ago", "compared with a year earlier": the base of a comparison is no event of the story,
    so a later "a year earlier" does not count back from it (it is the same year back, not one more)."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in ("from", "with", "than") and is_year_back(" ".join(t.lower_ for t in span))


def _anchor_of(value: str | None) -> tuple[dt.date, str] | None:
    """A date value as (first day, granularity D/M/Y) for narrative expressions ("a year later")."""
    if not value or value.endswith("_REF"):
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)", value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return dt.date(year, int(month), int(day)), "D"
        if month:
            return dt.date(year, int(month), 1), "M"
        return dt.date(year, 1, 1), "Y"
    except ValueError:  # year 0000, month 13: no anchor
        return None


def _anchor_clocks(found, clock_only: list[int]):
    """A bare clock time ("at 7am") takes the day of a dated expression in its sentence, else publication."""
    for i in clock_only:
        span, value, future = found[i]
        if not value.value or "T" not in value.value:
            continue
        days = [(abs(other.start - span.start), day_of(v.value)) for j, (other, v, _) in enumerate(found)
                if j != i and other.sent == span.sent and day_of(v.value) and j not in clock_only]
        if days:
            day = min(days)[1]
            found[i] = (span, Value("TIME", f"{day.isoformat()}T{value.value.split('T')[1]}", value.mod, value.note), future)
    return found


def _explicit_range(span: SpacySpan, published: dt.date | None, future: bool) -> Value:
    """"April 3-5", "3-5 April 2024", "2019-2021"."""
    tokens = [t for t in span if t.lower_ not in ("-", "–", ",", "to", "and")]
    years = [int(t.text) for t in tokens if t._.timex_year]
    if len(years) == 2 and len(tokens) == 2:
        return Value("DATE", f"{years[0]}/{years[1]}")
    month = next((t.text for t in tokens if t._.timex_month), None)
    days = [int(re.match(r"\d+", t.text).group()) for t in tokens if t._.timex_daynum and not t._.timex_year]
    if month is None or len(days) != 2:
        return Value("DATE", None, note="not understood")
    year = years[0] if years else None
    if year is None and published is None:
        return Value("DATE", None, note="no publication date to resolve it against")
    base = published or dt.date(year, 1, 1)
    first = parse_calendar(f"{days[0]} {month} {year or ''}".strip(), base, future)
    if first is None:
        return Value("DATE", None, note="not understood")
    try:
        last = first[0].replace(day=days[1])
    except ValueError:
        return Value("DATE", None, note="not understood")
    return Value("DATE", f"{first[0].isoformat()}/{last.isoformat()}")


def _holiday(span: SpacySpan, published: dt.date | None, future: bool) -> Value:
    """Fixed-date and movable feasts: "Christmas Eve" → 12-24, "Good Friday" → Easter − 2 (dateutil.easter)."""
    name = " ".join(t.lower_ for t in span).replace(" 's", "'s").replace(" ’s", "'s")
    rule = timex_lexicon()["holidays"].get(name)
    if rule is None:
        return Value("DATE", None, note="not understood")
    if published is None:
        return Value("DATE", f"XXXX-{rule}" if rule[0].isdigit() else None, note="no publication date to resolve it against")

    if rule == "election" and not span[0].is_title:
        return Value("DATE", None, note="not understood")  # "on election day" elsewhere than the United States: no fixed date

    def on(year: int) -> dt.date:
        if rule.startswith("easter"):
            return easter(year) + dt.timedelta(days=int(rule[6:]))
        if rule == "thanksgiving":  # the fourth Thursday of November (United States)
            return dt.date(year, 11, 1) + relativedelta(weekday=TH(4))
        if rule == "election":  # the Tuesday after the first Monday of November (United States)
            return dt.date(year, 11, 2) + relativedelta(weekday=TU(0))
        return dt.date(year, int(rule[:2]), int(rule[3:]))

    if future is None:  # no tense: the nearest, one ahead counting twice its distance (as a month without a year, time.tense)
        days = [on(year) for year in (published.year - 1, published.year, published.year + 1)]
        return Value("DATE", min(days, key=lambda d: abs((d - published).days) * (2 if d > published else 1)).isoformat())
    day = on(published.year)
    if future and day < published:
        day = on(published.year + 1)
    elif not future and day > published:
        day = on(published.year - 1)
    return Value("DATE", day.isoformat())
