"""The dateline of a wire report: the day it was written, which relative expressions count from.

A wire report opens with a dateline, the place and the day of writing before the source's name
("WASHINGTON, March 12 (Xinhua) --", "ROME, Nov. 5 (Reuters) --"). Its "Friday", "today" and "last
week" are said on that day; an archive's document creation time is often the day after (the day the
wire was stored). TimeML values a relative expression against the time of its utterance (TimeML 1.2.1
guidelines, "temporal function": the anchor is the DCT unless the text sets another reference time), and
the dateline is the text setting it. Only a dateline one to three days before the DCT moves the anchor:
one weeks away is as likely a delayed release as a writing day (measured on TBAQ: docs/claims.md).
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Span as SpacySpan

#: Tokens that end a dateline: the wire's name in brackets, or a dash before the body.
_AFTER_DATELINE = {"(", "--", "—", "–", "_", "-"}
#: Tokens (blank lines included) a dateline's day may have before it: the place ("BUENOS AIRES, Argentina ,").
_MAX_TOKENS_BEFORE = 12
#: Days before the DCT a dateline may lie and still be the writing day.
_MAX_DAYS_BEFORE = 3


def is_dateline(span: SpacySpan) -> bool:
    """Whether ``span`` ("March 12") is the day of a dateline: a capitalised place and a comma before it, at the top, a bracket or dash after.

    Example:
        >>> from onrecord.nlp import load_base
        >>> is_dateline(load_base()("OSLO, Nov. 4 (AP) -- Rain.")[2:4])
        True
    """
    doc = span.doc
    if span.start > _MAX_TOKENS_BEFORE:
        return False  # a dateline opens the text: no scan of a long prefix
    before = [t for t in doc[: span.start] if not t.is_space]
    if not 2 <= len(before) <= 6 or before[-1].text != "," or span.end >= len(doc):
        return False
    place = before[:-1]
    if not all(t.is_title or t.is_upper or t.text in (".", ",") for t in place) or not any(t.is_alpha for t in place):
        return False
    return doc[span.end].text in _AFTER_DATELINE


def writing_day(span: SpacySpan, day: dt.date | None, published: dt.date | None) -> dt.date | None:
    """The day to count relative expressions from when ``span`` (valued ``day``) is a dateline 1-3 days before ``published``; else None."""
    if day is None or published is None or not is_dateline(span):
        return None
    return day if 1 <= (published - day).days <= _MAX_DAYS_BEFORE else None
