"""Time expressions that need words rather than digits: years said aloud and "the year" of a report.

* Broadcast transcripts write years as they are spoken: "nineteen ninety-six" is 1996, "January
  nineteen ninety-seven" 1997-01, "the year two thousand" 2000 (TimeML values them as the digits would be).
* "the year" of an earnings report: "for the (fiscal) year ended Sept. 30" is a period of one year (DURATION
  P1Y, TimeML's reading of a span given by its end); "for the year", "the full year" otherwise the
  publication year (the report's own year: a year named before is as often last year's comparison).
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from .lexicon import timex_lexicon
from .values import Value

_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 0}
_CENTURIES = {"eighteen": 1800, "nineteen": 1900}
#: Words after "the year" that make it a span given by its end ("the year ended Sept. 30").
_ENDED = {"ended", "ending", "ends", "through", "to"}


def spoken_year_value(span: Span) -> Value:
    """"nineteen ninety-six" → 1996, "January nineteen ninety-seven" → 1997-01, "the year two thousand" → 2000,
    "the winter of nineteen ninety-four" → 1994-WI.

    Example:
        >>> from onrecord.nlp import load_base
        >>> spoken_year_value(load_base()("nineteen seventy-nine")[0:4]).value
        '1979'
    """
    words = [t.lower_ for t in span if t.lower_ not in ("-", "–", "the", "year", "and", "of")]
    month = timex_lexicon()["months"].get(words[0].rstrip(".")) if words else None
    season = timex_lexicon()["seasons"].get(words[0]) if words else None  # "the winter of nineteen ninety-four"
    if month is not None or season is not None:
        words = words[1:]
    if words[:2] == ["two", "thousand"]:
        year = 2000 + sum(_ONES.get(w, 0) for w in words[2:])
    elif words and words[0] in _CENTURIES:
        year = _CENTURIES[words[0]] + sum(_TENS.get(w, _ONES.get(w, 0)) for w in words[1:])
    else:
        return Value("DATE", None, note="not understood")
    return Value("DATE", f"{year:04d}-{month:02d}" if month else f"{year:04d}-{season}" if season else f"{year:04d}")


def the_year_value(span: Span, published: dt.date | None) -> Value:
    """"the (fiscal) year ended Sept. 30" → P1Y; "for the year", "the full year" → the year in context (see module docstring)."""
    doc = span.doc
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    if nxt in _ENDED:
        return Value("DURATION", "P1Y")
    if published is None:
        return Value("DATE", None, note="no publication date to resolve it against")
    return Value("DATE", f"{published.year:04d}")
