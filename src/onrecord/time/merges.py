"""Expressions combined after each is valued: a clock and its day, the two ends of a range, a possessive year.

``find_time_expressions`` (time.expressions) runs these on the (span, value, future) triples in text order:
"Monday at 3pm" becomes one TIME, "next year's first quarter" one DATE, "between Sunday and Monday" and
"April 24 and 25" two DATEs whose notes name each other (TimeML tags a range as its two ends).
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .lexicon import timex_lexicon
from .values import Value

_RANGE_LINKS = {"and": ("between",), "to": ("from",), "until": ("from",), "till": ("from",), "through": ("from",), "-": ("from", None), "–": ("from", None)}


def day_of(value: str | None) -> dt.date | None:
    if value and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


_PART_OF_YEAR = re.compile(r"^\d{4}(-(?:Q[1-4]|H[12]|SP|SU|FA|WI|\d{2}))$")


def merge_possessive_year(doc: Doc, found):
    """"next year's first quarter", "last year's spring": one expression in the year the possessive names (TimeML)."""
    out = []
    for item in found:
        span, value, future = item
        if out:
            prev, prev_value, prev_future = out[-1]
            part = _PART_OF_YEAR.match(value.value or "")
            gap = [t.lower_ for t in doc[prev.end : span.start]]
            if part and gap in (["'s"], ["’s"]) and re.fullmatch(r"\d{4}", prev_value.value or "") and prev_value.type == "DATE":
                merged = SpacySpan(doc, prev.start, span.end, label=span.label)
                out[-1] = (merged, Value(value.type, prev_value.value + part.group(1), value.mod, value.note), prev_future)
                continue
        out.append(item)
    return out


def conjoined_days(doc: Doc, found):
    """"April 24 and 25": the second day is a DATE of its own in the same month (TimeML tags "25" alone)."""
    out = []
    for span, value, future in found:
        out.append((span, value, future))
        day = day_of(value.value)
        if day is None or len(value.value) != 10 or not span[-1]._.timex_daynum or span.end + 1 >= len(doc):
            continue
        link, nxt = doc[span.end], doc[span.end + 1]
        after = doc[span.end + 2] if span.end + 2 < len(doc) else None
        if link.lower_ in ("and", "or", "&") and nxt._.timex_daynum and nxt.text.isdigit() and not (after is not None and (
                after._.timex_month or after._.timex_unit or after.pos_ in ("NOUN", "PROPN") or after.text in ("%", "-", "–"))):
            try:
                other = day.replace(day=int(nxt.text))
            except ValueError:
                continue
            if other > day:
                out.append((SpacySpan(doc, nxt.i, nxt.i + 1, label="DATE"), Value("DATE", other.isoformat()), future))
    return out


def merge_clock_and_day(doc: Doc, found):
    """"Monday at 3pm", "3pm on Monday" → one TIME expression on that day."""
    out = []
    i = 0
    while i < len(found):
        span, value, future = found[i]
        if i + 1 < len(found):
            other, other_value, _ = found[i + 1]
            gap = [t.lower_ for t in doc[span.end : other.start]]
            if gap in ([], ["at"], ["on"], [","]) and {value.type, other_value.type} == {"TIME", "DATE"}:
                clock, date = (value, other_value) if value.type == "TIME" else (other_value, value)
                clock_span, date_span = (span, other) if value.type == "TIME" else (other, span)
                day = day_of(date.value)
                # "Monday, Tuesday morning": two days named (not "Tuesday morning, March 12": one day twice)
                own_day = all(any(t._.timex_weekday for t in s) for s in (clock_span, date_span))
                if day is not None and clock.value and "T" in clock.value and len(date.value) == 10 and not own_day:
                    merged = SpacySpan(doc, span.start, other.end, label="TIME")
                    out.append((merged, Value("TIME", f"{day.isoformat()}T{clock.value.split('T')[1]}", clock.mod), future))
                    i += 2
                    continue
        out.append(found[i])
        i += 1
    return out


def merge_ranges(doc: Doc, found):
    """"between Sunday and Monday", "from today through Nov. 17": two DATEs, as TimeML and TimeBank tag them.

    TIMEX3 has no interval value, so the ends stay two expressions (the signals "from", "to", "between",
    "and" outside them); the start is moved before the end where a weekday allows two readings ("from
    Monday to Friday"), and each end's note names the other, so a reader can still rebuild the range.
    """
    out = list(found)
    for i in range(len(out) - 1):
        (span, value, future), (other, other_value, other_future) = out[i], out[i + 1]
        if value.type != "DATE" or other_value.type != "DATE" or not value.value or not other_value.value:
            continue
        gap = [t.lower_ for t in doc[span.end : other.start]]
        before = doc[span.start - 1].lower_ if span.start > 0 else None
        if len(gap) == 1 and gap[0] in _RANGE_LINKS and before in _RANGE_LINKS[gap[0]]:
            start_value = _start_before(value.value, other_value.value, span)
            out[i] = (span, Value("DATE", start_value, value.mod, f"start of a range ending {other_value.value}"), future)
            out[i + 1] = (other, Value("DATE", other_value.value, other_value.mod, f"end of a range starting {start_value}"), other_future)
    return out


def _start_before(start: str, end: str, span: SpacySpan) -> str:
    """A weekday range's start is the last such weekday on or before its end ("from Monday to Friday")."""
    a, b = day_of(start), day_of(end)
    if a and b and a > b and any(t._.timex_weekday for t in span):
        while a > b:
            a -= dt.timedelta(days=7)
        return a.isoformat()
    return start


def share_weekday_sets(doc: Doc, found):
    """"on Monday and Tuesday nights": a bare weekday conjoined before a weekday set is the same set ("Monday" XXXX-WXX-1TNI)."""
    out = list(found)
    for i in range(len(out) - 1):
        (span, value, future), (other, other_value, _) = out[i], out[i + 1]
        gap = [t.lower_ for t in doc[span.end : other.start]]
        if len(span) == 1 and span[0]._.timex_weekday and gap in (["and"], ["or"], [",", "and"]) and other_value.type == "SET" \
                and (other_value.value or "").startswith("XXXX-WXX-") and other[0]._.timex_weekday:
            pod = other_value.value[len("XXXX-WXX-") + 1 :]
            weekday = timex_lexicon()["weekdays"][span[0].lower_.rstrip(".")]
            out[i] = (span, Value("SET", f"XXXX-WXX-{weekday}{pod}"), future)
    return out


_DURATION = re.compile(r"^P(T?)(\d+)([A-Z])$")


def duration_range_starts(doc: Doc, found):
    """"between two to six days": the first end is a DURATION of its own in the second's unit (P2D), as TimeML tags both ends."""
    out = []
    for span, value, future in found:
        m = _DURATION.match(value.value or "") if value.type == "DURATION" else None
        if m and span[0].like_num and span.start >= 3 and doc[span.start - 1].lower_ in ("to", "and") \
                and doc[span.start - 3].lower_ in ("between", "from") and doc[span.start - 2].like_num:
            first = doc[span.start - 2]
            number = first.text if first.text.isdigit() else _NUMBER_WORDS.get(first.lower_)
            if number is not None:
                out.append((SpacySpan(doc, first.i, first.i + 1, label="DURATION"), Value("DURATION", f"P{m.group(1)}{number}{m.group(3)}"), future))
        out.append((span, value, future))
    return out


_NUMBER_WORDS = {w: str(n) for n, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])}
