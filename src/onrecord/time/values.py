"""TIMEX3 values for time expressions found by ``patterns``: what a phrase means on the calendar.

Which part does what:

* **dateparser** turns calendar dates written in any of their forms ("21 April 2025", "April 21st",
  "Sept. 3", "04/21/2025", "March") into dates, choosing the year of a year-less date from the tense
  (``PREFER_DATES_FROM`` past or future, relative to the publication date).
* **dateutil.relativedelta** does the calendar arithmetic ("two weeks ago", "next month"), in ``calendar``.
* **this module** does what no library does: TIMEX3 granularity (2025-W17, 2025-Q2, 2025-SU, 199),
  parts of day (2025-04-21TNI), "overnight", early/mid/late and start/end modifiers (mod START …),
  qualified durations ("over two years" → P2Y, MORE_THAN), sets ("every Monday" → XXXX-WXX-1),
  narrative anchoring ("the next day"), and X-values when there is no publication date.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span

from .lexicon import timex_lexicon
from .patterns import DECADE_WORDS, ERA_WORDS, ORDINAL_WORDS


@dataclass
class Parts:
    """The pieces of one time expression, read off its tokens."""

    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    decade: str | None = None
    century: str | None = None
    pod: str | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    unit: str | None = None
    plural: bool = False
    num: float | str | None = None  # "X" when vague ("several days")
    rel: str | None = None  # this, last, next, past, coming, previous, following, current
    the: bool = False
    mod: str | None = None  # START, MID, END
    qual: str | None = None  # MORE_THAN, LESS_THAN, APPROX, EQUAL_OR_MORE, EQUAL_OR_LESS
    edge: bool = False
    ago: str | None = None  # ago, hence, earlier, later, from now
    dayword: str | None = None  # today, tonight, yesterday, tomorrow, overnight, day-before-yesterday …
    elr: str | None = None  # "earlier"/"later" this week
    every: bool = False
    other: bool = False
    setword: str | None = None
    freq: int | None = None
    clock: tuple[int, int] | None = None
    ref: str | None = None
    weekend: bool = False
    numdate: bool = False
    that: bool = False
    the_rel: bool = False  # "the next day": relative to the narrative, not to publication
    bc: bool = False  # "500 BC", "the 5th century BC"


@dataclass(frozen=True)
class Value:
    type: str
    value: str | None
    mod: str | None = None
    note: str | None = None


def _lex(key: str) -> dict:
    return timex_lexicon()[key]


_NUM_RE = re.compile(r"^\d+([.,]\d+)*$")
_CLOCK_RE = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?)?$", re.I)


def parse_number(words: list[str]) -> float | str | None:
    """``["two", "and", "a", "half"]`` → 2.5; ``["several"]`` → "X"; ``["3,000"]`` → 3000."""
    from text_to_num import text2num

    words = [w for w in words if w not in ("-", "of")]
    half = 0.0
    if words[-3:] == ["and", "a", "half"]:
        half, words = 0.5, words[:-3]
    elif len(words) > 1 and words[-1] in ("1/2", "½"):  # "2 1/2 years"
        half, words = 0.5, words[:-1]
    if not words:
        return None
    if any(w in _lex("vague_numbers") or w in ("hundreds", "thousands", "dozens") for w in words):
        return "X" if words != ["a", "couple"] and words != ["couple"] else 2 + half
    if words in (["a"], ["an"], ["one"]):
        return 1 + half
    if words[0] == "half" or (words[-1] == "half" and len(words) <= 2):
        return 0.5
    if words[:1] in (["a"], ["an"]):
        words = words[1:]
    if words == ["dozen"]:
        return 12 + half
    if len(words) == 1 and _NUM_RE.match(words[0]):
        return float(words[0].replace(",", "")) + half
    try:
        return float(text2num(" ".join(words), "en")) + half
    except ValueError:
        return None


def read_parts(span: Span) -> Parts:
    """Classify each token of a (trimmed) time expression into :class:`Parts`."""
    p = Parts()
    lex_units, lex_pod, lex_seasons = _lex("units"), _lex("parts_of_day"), _lex("seasons")
    quals = _lex("qualifiers")
    tokens = list(span)
    low = [t.lower_ for t in tokens]
    joined = " ".join(low)
    for phrase in sorted(quals, key=len, reverse=True):
        if joined.startswith(phrase + " "):
            p.qual = quals[phrase]
            break
    for phrase, ref in _lex("references").items():
        if joined == phrase:
            p.ref = ref
    num_words: list[str] = []
    if re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", span.text):
        p.numdate = True
        return p
    i = 0
    while i < len(tokens):
        t, w = tokens[i], low[i]
        x = t._
        if w == "the":
            p.the = True
        elif w in ERA_WORDS:
            p.bc = True
        elif i + 1 < len(tokens) and low[i + 1] in ERA_WORDS and re.match(r"^\d{1,3}(,?\d{3})*$", w):
            p.year = int(w.replace(",", ""))
        elif x.timex_moddate:
            head, rest = w.split("-", 1)
            p.mod = {"pre": "BEFORE", "post": "AFTER"}.get(head) or _lex("mods")[head]  # "post-1959": TimeML mod AFTER
            if rest in _lex("months"):
                p.month = _lex("months")[rest]
            elif rest.endswith("0s"):
                p.decade = rest[:3]
            else:
                p.year = int(rest)
        elif x.timex_year and not p.year and t.text.endswith("0") and low[i + 1 : i + 2] in (["'s"], ["’s"]):
            p.decade = t.text[:3]  # "1990's" (expressions keeps the "'s" only after "the")
        elif x.timex_hhmm and (i + 1 < len(tokens) or (i and low[i - 1] in ("at", "by", "around", "before", "after", "until")) or w.startswith("0")):
            # "0400": a leading zero makes a clock of the 24-hour day ("at 0400 Tuesday"), never a year
            p.clock = (int(t.text[:2]), int(t.text[2:]))
        elif x.timex_numdate:
            p.numdate = True
        elif x.timex_weekday:
            p.weekday = _lex("weekdays")[w.rstrip(".")]
        elif x.timex_weekdays:
            p.weekday, p.every = _lex("weekdays")[w[:-1]], True
        elif x.timex_month and not (w == "march" and p.unit):
            p.month = _lex("months")[w.rstrip(".")]
        elif x.timex_year and not p.year:
            p.year = int(t.text)
        elif x.timex_decade:
            p.decade = _decade(t, tokens[i - 1] if i else None)
        elif w == "century" and i and low[i - 1] not in ("this", "last", "next", "past", "previous", "coming", "current") and _century(low[:i]):
            p.century = _century(low[:i])  # "the 19th century"; "a century ago", "half a century" name no century: the unit (below)
        elif x.timex_daynum and (p.month or (i + 1 < len(tokens) and (tokens[i + 1]._.timex_month or low[i + 1] == "of"))):
            p.day = int(re.match(r"\d+", t.text).group())
        elif x.timex_quarter:
            (p.__setattr__("quarter" if t.text[0] == "Q" else "half", int(t.text[1])))
        elif w in ("quarter", "half") and i and _before(low, i) in ORDINAL_WORDS | {"last", "final"}:
            n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(_before(low, i), 4 if w == "quarter" else 2)
            setattr(p, w, n)
            if _before(low, i) == "last" and not p.the and i + 1 == len(tokens):
                setattr(p, w, None)
                p.rel, p.unit = "last", "Q" if w == "quarter" else "H"
        elif w == "quarter" and (p.rel or p.every):  # "next quarter", "every quarter"
            p.unit = "Q"
        elif w in ("night", "nights") and not num_words and p.rel not in ("past", "coming"):
            p.pod = "NI"
        elif w in lex_units and w != "second" or (w == "second" and num_words):
            p.unit, p.plural = lex_units[w], w.endswith(("s", "ia"))
        elif w.endswith("s") and w[:-1] in lex_pod and p.weekday:  # "Tuesday mornings": a set (patterns)
            p.pod = lex_pod[w[:-1]]
        elif w in lex_pod and w != "midday" or (w == "midday" and p.dayword):
            p.pod = lex_pod[w]
        elif x.timex_clock or (w in ("am", "pm", "a.m.", "p.m.") and num_words) or w == "o'clock":
            p.clock = _clock(tokens, i, num_words)
            num_words = []
        elif x.timex_season:
            p.season = lex_seasons[w]
        elif w == "fiscal":  # a fiscal year is taken as the calendar year it mostly lies in
            p.rel = p.rel or "this"
        elif w in ("this", "last", "next", "past", "coming", "previous", "following", "current", "recent", "latest"):
            p.rel = w if p.rel is None else p.rel
            p.the_rel = p.the_rel or (i > 0 and low[i - 1] == "the")
        elif w in ("early", "mid", "late") or (w in _lex("mods") and i + 1 < len(tokens) and low[i + 1] == "of"):
            p.mod, p.edge = _lex("mods")[w], w not in ("early", "mid", "late")
        elif w in ("earlier", "later") and (num_words or p.unit):
            p.ago = w
        elif w in ("earlier", "later"):
            p.elr = w
        elif w in ("ago", "hence"):
            p.ago = w
        elif w == "now" and low[i - 1:i] == ["from"]:
            p.ago = "from now"
        elif w in ("today", "tonight", "yesterday", "tomorrow", "overnight"):
            p.dayword = w if p.dayword is None else p.dayword
            if low[:2] == ["the", "day"]:
                p.dayword = "day-before-yesterday" if w == "yesterday" else "day-after-tomorrow"
        elif w == "weekend":
            p.weekend = True
        elif w in ("every", "each"):
            p.every = True
        elif w == "other" and p.every:
            p.other = True
        elif w in _lex("sets"):
            p.setword = w
        elif w in _lex("frequencies"):
            p.freq = _lex("frequencies")[w]
        elif w == "that":
            p.that = True
        elif w == "so" and i and low[i - 1] == "or":  # "a week or so ago": about that long (TimeML mod APPROX)
            p.qual, p.mod = p.qual or "APPROX", p.mod or "APPROX"
        elif w == "times" and num_words:
            p.freq, num_words = int(parse_number(num_words) or 0) or None, []
        elif t._.timex_numpart and not (w in ("a", "an") and (p.freq or p.every) and num_words == []) and w not in ("of",):
            if not (w in ("a", "an") and i + 1 < len(tokens) and low[i + 1] in ("half",) and num_words):
                num_words.append(w)
            else:
                num_words.append(w)
        i += 1
    if num_words and p.num is None:
        p.num = parse_number(num_words) if any(x not in ("and", "-", "a", "an") for x in num_words) or p.unit else None
        if p.num is None and num_words in (["a"], ["an"]):
            p.num = 1
    return p


def _before(low: list[str], i: int) -> str:
    """The word before position ``i``, across a hyphen ("third-quarter")."""
    j = i - 1
    if j > 0 and low[j] in ("-", "–"):
        j -= 1
    return low[j]


def _decade(token, previous) -> str | None:
    w = token.lower_
    if w in DECADE_WORDS:
        return f"19{DECADE_WORDS[w]}"
    digits = w[:-1]
    if len(digits) == 4:
        return digits[:3]
    if len(digits) == 2:  # '90s
        return ("19" if int(digits) >= 30 else "20") + digits[0]
    return None


def _century(words: list[str]) -> str | None:
    words = [w for w in words if w not in ("the", "-", "early", "mid", "late")]
    text = " ".join(words)
    m = re.match(r"(\d+)", text)
    if m:
        n = int(m.group(1))
    else:
        order = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth"]
        n = 20 if words[:1] == ["twenty"] else 0
        last = words[-1] if words else ""
        n += order.index(last) + 1 if last in order else 0
    return f"{n - 1:02d}" if n else None


def _clock(tokens, i: int, num_words: list[str]) -> tuple[int, int] | None:
    w = tokens[i].lower_
    if w in ("noon", "midday"):
        return (12, 0)
    if w == "midnight":
        return (0, 0)  # the start of the day it is attached to
    text = tokens[i].text
    if w in ("am", "pm", "a.m.", "p.m.") or w == "o'clock":
        text = (num_words[-1] if num_words else "") + (" " + w if w != "o'clock" else "")
    elif i + 1 < len(tokens) and tokens[i + 1].lower_ in ("am", "pm", "a.m.", "p.m.", "a.m", "p.m"):
        text += " " + tokens[i + 1].lower_
    m = _CLOCK_RE.match(text.strip())
    if not m:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").lower()
    if half.startswith("p") and hour < 12:
        hour += 12
    if half.startswith("a") and hour == 12:
        hour = 0
    return (hour, minute) if hour <= 24 and minute < 60 else None


@functools.lru_cache(maxsize=32)
def _date_parser(base: dt.date, prefer: str):
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12, 0),
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": [],
    }
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=8192)
def parse_calendar(text: str, base: dt.date, future: bool) -> tuple[dt.date, str] | None:
    """dateparser on a calendar date phrase: (date, period) with period day/month/year, or None."""
    data = _date_parser(base, "future" if future else "past").get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day, period = data.date_obj.date(), data.period or "day"
    if future and day.year == base.year + 1 and (day.month, day.day if period == "day" else base.day) == (base.month, base.day):
        # dateparser's "future" skips the period that holds the base: "voting opens on Nov. 8" written on 8 November is that day
        day = day.replace(year=base.year)
    return day, period
