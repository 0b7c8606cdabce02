"""Reporting periods of company results: "the quarter", "the year-ago period", "a year earlier" next to a quarter.

Earnings news names one quarter ("third-quarter profit") and then refers back to it ("in the latest
quarter", "for the quarter") and to the same quarter a year before ("the year-ago quarter",
"year-earlier sales", "compared with $3 million a year ago"). TimeML values these as quarters
(TimeBank: "a year ago" beside a third quarter of 1989 is 1988-Q3). A quarter named in the same or one
of the eight sentences before is the context, if it has ended by publication (a "fourth-quarter charge"
still to come reports nothing); without one, "the quarter" is the last quarter that
ended before publication and "year-ago" the year before it. Results for several quarters ("for the nine
months", "the first half") make the year the context instead: "a year earlier" beside them is the
year before (TimeBank: 1988), and "the 1988 period" that year.
"""
from __future__ import annotations

import datetime as dt
import re

from .values import Value

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR_BACK = {"a year ago", "a year earlier", "one year ago", "one year earlier", "year-ago", "year-earlier"}
_NAMED_PERIOD = re.compile(r"^the \d{4} (quarter|period)$")
_BARE = {"the quarter", "the period"}
_WINDOW = 8  # sentences a named quarter stays the context (TBAQ: 8 gains 5 values over 2, loses 1; the same up to the whole article)
#: Durations of results for several quarters: beside them a year back is a year, not a quarter.
_SEVERAL_QUARTERS = {"P6M", "P9M", "P2Q", "P3Q", "P1Y"}


def resolve_reporting_periods(found: list, published: dt.date | None) -> list:
    """``found`` ((span, value, future) in text order) with reporting-period expressions valued against the quarter in context."""
    context: tuple[int, int, int] | None = None  # year, quarter, sentence number
    several: int | None = None  # sentence number of the last results for several quarters ("for the nine months")
    sentence_numbers: dict[int, int] = {}
    fiscal = False  # whether the quarter in context is a fiscal one ("the fiscal second quarter"): its end is no calendar quarter's
    out = []
    for span, value, future in found:
        sent = _sentence_number(span, sentence_numbers)
        if context is not None and sent - context[2] > _WINDOW:
            context, fiscal = None, False
        words = " ".join(t.lower_ for t in span).replace(" - ", "-").replace(" – ", "-")
        quarter = _QUARTER.match(value.value or "")
        if value.type == "DURATION" and value.value in _SEVERAL_QUARTERS:
            several = sent
        elif several is not None and sent - several <= 1 and (is_year_back(words) or _NAMED_PERIOD.match(words)) \
                and not (quarter and span.label_ != "PERIOD") and (context is None or context[2] <= several):
            value = _year_value(words, context, published) or value
            several = sent
        elif words == "this quarter" and context is not None and _reported_after(span):
            value = Value("DATE", f"{context[0]:04d}-Q{context[1]}")  # "this quarter's loss" in a report: the reported quarter
        elif quarter and span.label_ != "PERIOD" and "year-" not in words:
            named = (int(quarter.group(1)), int(quarter.group(2)))
            if (_has_ended(*named, published) or _reported(span)) and not (context is not None and named < context[:2] and _contrasted(span)):
                # "a fourth-quarter charge" ahead reports nothing yet; "after a flat second quarter" looks back from the reported one
                context, fiscal = (*named, sent), _fiscal(span)
        elif span.label_ == "PERIOD" and words in _BARE and not (context and fiscal) and _quarter_ended_on(span, found) is not None:
            named = _quarter_ended_on(span, found)  # "the quarter ended Sept. 30": the calendar quarter ending that day
            value, context, fiscal = Value("DATE", f"{named[0]:04d}-Q{named[1]}"), (*named, sent), False
        elif span.label_ == "PERIOD" and context is None and words in _BARE:
            continue  # "in the quarter" with no quarter named before: a game's quarter as likely as a company's
        elif span.label_ == "PERIOD" or _NAMED_PERIOD.match(words) or (context is not None and (words in _YEAR_BACK or _compared_last_year(span, words))):
            value = _period_value(words, context, published) or value
            if context is not None:
                context = (context[0], context[1], sent)
            elif span.label_ == "PERIOD" and not is_year_back(words) and _QUARTER.match(value.value or ""):
                # "in the latest quarter": the quarter it names is the context of a year back after it
                context = (int(value.value[:4]), int(value.value[-1]), sent)
        out.append((span, value, future))
    return _renamed_year_back(out)


def _renamed_year_back(found: list) -> list:
    """"the year-ago quarter, the second quarter ended Oct. 31": a quarter in apposition renames the year-back one, so
    both are that quarter a year back (a fiscal quarter, whose number the year-back one did not know)."""
    out = list(found)
    for i in range(len(out) - 1):
        (first, back, f1), (second, named, f2) = out[i], out[i + 1]
        year = re.match(r"^(\d{4})-Q[1-4]$", back.value or "")
        quarter = _QUARTER.match(named.value or "")
        words = " ".join(t.lower_ for t in first).replace(" - ", "-")
        if year and quarter and is_year_back(words) and [t.text for t in first.doc[first.end : second.start]] in ([","], [",", "the"]):
            value = Value("DATE", f"{year.group(1)}-Q{quarter.group(2)}")
            out[i], out[i + 1] = (first, value, f1), (second, value, f2)
    return out


#: Words before "last year" that make it the other side of a comparison of results ("compared with $3 million last year").
_COMPARING = {"compared", "versus", "vs.", "corresponding", "comparable", "same"}
#: Nouns after "last year's" that name results of a period ("last year's results", "last year's quarter").
_RESULTS = {"results", "quarter", "period", "earnings", "figures"}


def _compared_last_year(span, words: str) -> bool:
    """"last year" as the year-back side of a comparison of results: the quarter a year back (TimeBank), not the year."""
    if words != "last year":
        return False
    doc = span.doc
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    if after[:1] in (["'s"], ["’s"]) and after[1:] and (after[1] in _RESULTS or after[1] in ("$", "c$", "us$", "#", "£", "€")):
        return True  # "last year's results", "from last year's $1.55 billion"
    before = doc[max(span.sent.start, span.start - 10) : span.start]
    return any(t.lower_ in _COMPARING for t in before)


#: Words before a named quarter that set it against the one being reported ("after a flat second quarter").
_CONTRAST = {"after", "following", "than", "from", "previous", "preceding", "prior"}
#: Month and day that end a calendar quarter.
_QUARTER_ENDS = {(3, 31): 1, (6, 30): 2, (9, 30): 3, (12, 31): 4}


#: Nouns of reported results after a named quarter ("fourth-quarter earnings").
_RESULT_NOUNS = {"earnings", "profit", "profits", "net", "income", "loss", "losses", "sales", "revenue", "revenues", "results"}


def _reported(span) -> bool:
    """"reported a decline in fourth-quarter earnings": results told in the past are of a quarter that has ended (a fiscal one)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lower_ in _RESULT_NOUNS and span.sent.root.tag_ == "VBD"


def _reported_after(span) -> bool:
    """"this quarter's loss", "this quarter's results": the quarter whose results are told."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ in ("'s", "’s") and doc[span.end + 1].lower_ in _RESULT_NOUNS


def _fiscal(span) -> bool:
    return any(t.lower_ == "fiscal" for t in span.doc[max(span.sent.start, span.start - 2) : span.end])


def _contrasted(span) -> bool:
    """Whether a named quarter is mentioned as a contrast to the reported one: "after a flat second quarter"."""
    before = span.doc[max(span.sent.start, span.start - 3) : span.start]
    return any(t.lower_ in _CONTRAST for t in before)


def _quarter_ended_on(span, found: list) -> tuple[int, int] | None:
    """(year, quarter) of "the quarter ended Sept. 30" when the day ends a calendar quarter (else a fiscal one: None)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("ended", "ending"):
        return None
    for other, value, _ in found:
        if other.start == span.end + 1:
            day = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", value.value or "")
            if day and (int(day.group(2)), int(day.group(3))) in _QUARTER_ENDS:
                return int(day.group(1)), _QUARTER_ENDS[(int(day.group(2)), int(day.group(3)))]
            return None
    return None


def is_year_back(words: str) -> bool:
    """Whether ``words`` name the same period a year back ("a year ago", "year-earlier", "the year-ago quarter")."""
    return "year-ago" in words or "year-earlier" in words or words in _YEAR_BACK or words.endswith((" a year ago", " a year earlier"))


def _year_value(words: str, context: tuple[int, int, int] | None, published: dt.date | None) -> Value | None:
    """A year back, or a named year's period, where the results cover several quarters: the year itself."""
    named_year = re.search(r"\b(\d{4})\b", words)
    if named_year:
        return Value("DATE", named_year.group(1))
    year = context[0] if context is not None else published.year if published is not None else None
    return Value("DATE", f"{year - 1:04d}") if year is not None else None


def _has_ended(year: int, quarter: int, published: dt.date | None) -> bool:
    if published is None:
        return True
    return (year, quarter) < (published.year, (published.month - 1) // 3 + 1)


def _sentence_number(span, cache: dict[int, int]) -> int:
    """The index of the span's sentence in the document (every sentence counts, dated or not)."""
    if not cache:
        cache.update((sent.start, i) for i, sent in enumerate(span.doc.sents))
    return cache[span.sent.start]


def _period_value(words: str, context: tuple[int, int, int] | None, published: dt.date | None) -> Value | None:
    year_back = is_year_back(words) or words == "last year"
    named_year = re.search(r"\b(\d{4})\b", words)
    if context is not None and "current" not in words:
        year, quarter = context[0], context[1]
    elif published is not None:
        year, quarter = published.year, (published.month - 1) // 3 + ("current" in words)
        if quarter == 0:
            year, quarter = year - 1, 4
    else:
        return Value("DATE", None, note="no publication date to resolve it against")
    ordinal = re.search(r"\b(first|second|third|fourth)\b", words)
    if ordinal and year_back:  # "the year-ago third quarter": that quarter, a year back
        quarter = ("first", "second", "third", "fourth").index(ordinal.group(1)) + 1
    if named_year:
        return Value("DATE", f"{named_year.group(1)}-Q{quarter}")
    if year_back:
        return Value("DATE", f"{year - 1:04d}-Q{quarter}" if context is not None or "quarter" in words else f"{year - 1:04d}")
    return Value("DATE", f"{year:04d}-Q{quarter}")
