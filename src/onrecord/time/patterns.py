"""spaCy Matcher patterns that find time expressions (the spans only; ``values`` normalises them).

Patterns are written in a small shorthand so they read like a grammar: each element is a token class
from :data:`TOKEN_CLASSES` (``WD`` a weekday, ``MON`` a month, ``NUM`` a number …) or a literal word in
quotes (``'ago'``, ``'more'|'less'``), with an optional ``?``, ``*`` or ``+``. Token classes are
boolean token extensions (``token._.timex_month``) read from ``data/timex.json``.
"""
from __future__ import annotations

import functools
import re

from spacy.matcher import Matcher
from spacy.tokens import Token
from spacy.vocab import Vocab

from .lexicon import timex_lexicon

_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_DAYNUM = re.compile(r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$", re.I)
_DECADE = re.compile(r"^(1[5-9]|20)?\d0s$")
_ORDINAL = re.compile(r"^\d{1,2}(st|nd|rd|th)$", re.I)
_CLOCK = re.compile(r"^(\d{1,2})([:.](\d{2}))?(am|pm|a\.m\.?|p\.m\.?)$|^(\d{1,2}):(\d{2})$", re.I)
_HHMM = re.compile(r"^([01]\d|2[0-3])[0-5]\d$")
_NUMDATE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4})$")
_QUARTER = re.compile(r"^[QH][1-4]$")
_MODDATE = re.compile(r"^(mid|early|late|pre|post)-(1[5-9]\d\d|20\d\d|(1[5-9]|20)\d0s|[a-z]+)$", re.I)

NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen",
}
ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
#: Era markers after a year: "500 BC" is TimeML's BC0500.
ERA_WORDS = ["bc", "b.c.", "bce", "b.c.e.", "b.c"]
TIMEZONES = ["gmt", "bst", "utc", "et", "est", "edt", "ct", "cst", "pt", "pst", "pdt", "cet", "cest", "eet", "eest", "msk", "ist", "jst"]


def _lex(key: str) -> dict:
    return timex_lexicon()[key]


def _is_month(text: str) -> bool:
    low = text.lower().rstrip(".")
    if low not in _lex("months"):
        return False
    # "may", "march", "sun" … are months only when capitalised; modal "May" is rejected in context (time.py)
    return low not in _lex("_months_need_capital") or text[:1].isupper()


def _is_weekday(text: str) -> bool:
    low = text.lower().rstrip(".")
    if low not in _lex("weekdays"):
        return False
    return len(low) > 4 or text[:1].isupper()  # abbreviations only when capitalised ("Sat", not "sat")


def _is_num(text: str) -> bool:
    low = text.lower()
    if low in NUMBER_WORDS or low in ("a", "an", "couple", "half") or low in _lex("vague_numbers"):
        return True
    return bool(re.match(r"^\d+([.,]\d+)?$", low)) and not _YEAR.match(low)


@functools.lru_cache(maxsize=200_000)
def _classes_of_text(text: str) -> frozenset[str]:
    """Every token class a word belongs to, from its text alone (so it can be cached by ``orth``)."""
    low = text.lower()
    units = _lex("units")
    checks = {
        "weekday": _is_weekday(text),
        "weekdays": low.endswith("s") and low[:-1] in _lex("weekdays") and len(low) > 5,
        "month": _is_month(text),
        "year": bool(_YEAR.match(text)),
        "daynum": bool(_DAYNUM.match(text)),
        "decade": bool(_DECADE.match(low)) or low in DECADE_WORDS,
        "ordinal": bool(_ORDINAL.match(text)) or low in ORDINAL_WORDS,
        "num": _is_num(text),
        "unit": low in units,
        "plunit": low in units and low.endswith(("s", "ia")),
        "sgunit": low in units and not low.endswith(("s", "ia")),
        "pod": low in _lex("parts_of_day"),
        "season": low in _lex("seasons"),
        "clock": bool(_CLOCK.match(text)) or low in ("noon", "midday", "midnight"),
        "hhmm": bool(_HHMM.match(text)),
        "numdate": bool(_NUMDATE.match(text)),
        "quarter": bool(_QUARTER.match(text)),
        "moddate": bool(_MODDATE.match(text)) and (low.split("-", 1)[1] in _lex("months") or text[-1].isdigit() or low.endswith("0s")),
    }
    checks["numpart"] = checks["num"] or low in ("-", "and", "a", "half", "of", "1/2", "½") or bool(re.match(r"^\d{1,3}(,\d{3})+$", text))
    return frozenset(name for name, hit in checks.items() if hit)


def classes_of(token: Token) -> frozenset[str]:
    """The token classes of ``token`` (from its text alone, cached)."""
    return _classes_of_text(token.text)


CLASS_NAMES = ["weekday", "weekdays", "month", "year", "daynum", "decade", "ordinal", "num", "numpart", "unit", "plunit", "sgunit",
               "pod", "season", "clock", "hhmm", "numdate", "quarter", "moddate"]
#: Lexeme flag slots used for the classes (spaCy's FLAG19-FLAG63 are free for applications); unions after them.
_FLAG_BASE = 30
_UNIONS = {"weekday|pod|season": ("weekday", "pod", "season"), "unit|pod": ("unit", "pod")}


def flag_id(name: str) -> int:
    names = CLASS_NAMES + list(_UNIONS)
    return _FLAG_BASE + names.index(name)


def register_flags(vocab: Vocab) -> None:
    """Lexeme flags for the token classes: the Matcher tests them in C, not through Python getters."""
    # module-level functions under functools.partial: a vocab with these getters still pickles
    for name in CLASS_NAMES:
        vocab.add_flag(functools.partial(_has_any_class, (name,)), flag_id=flag_id(name))
    for union, parts in _UNIONS.items():
        vocab.add_flag(functools.partial(_has_any_class, parts), flag_id=flag_id(union))


def _has_any_class(names: tuple[str, ...], text: str) -> bool:
    classes = _classes_of_text(text)
    return any(name in classes for name in names)


def _in_lower(words: frozenset[str], text: str) -> bool:
    return text.lower() in words


def _in_orth(words: frozenset[str], text: str) -> bool:
    return text in words


#: Words near which a time expression can be: the Matcher only runs on windows around them.
#: A bare number or quantity word ("a", "some", "two") anchors nothing by itself: the patterns that
#: hold one also hold a unit, month, year, clock or other anchor, which opens the window (on PolNeAR
#: dev and train the same expressions were found without them, but for one radio frequency, "990 AM").
def is_anchor(token: Token) -> bool:
    return bool(classes_of(token) - _NOT_ANCHORS) or token.lower_ in _ANCHOR_WORDS


_NOT_ANCHORS = frozenset({"numpart", "num"})


_ANCHOR_WORDS = {"today", "tonight", "yesterday", "tomorrow", "overnight", "now", "currently", "nowadays", "presently", "recently",
                 "lately", "soon", "current", "recent", "present", "moment", "time", "past", "future", "weekend", "quarter", "half", "century", "christmas",
                 "easter", "halloween", "thanksgiving", "valentine", "o'clock", "daily", "weekly", "monthly", "annually", "yearly",
                 "hourly", "nightly", "fortnightly", "quarterly", "biannually", "once", "twice", "thrice", "boxing", "armistice",
                 "bastille", "independence", "new", "good", "days", "ago", "fiscal", "future", "previously", "term", "later",
                 "nineteen", "eighteen", "while", "period", *ERA_WORDS}


def _register_extensions() -> None:
    for name in CLASS_NAMES:
        if not Token.has_extension(f"timex_{name}"):
            Token.set_extension(f"timex_{name}", getter=lambda t, name=name: name in _classes_of_text(t.text))


_PREPS = ["in", "on", "since", "by", "until", "till", "during", "from", "through", "throughout", "of", "before", "after", "to", "at", "around", "for", "between"]
_QUAL1 = ["over", "nearly", "almost", "about", "around", "roughly", "approximately", "some", "under", "barely"]


def token_classes() -> dict[str, dict]:
    """The token classes the shorthand patterns are written in."""
    ext = lambda name: {f"FLAG{flag_id(name.removeprefix('timex_'))}": True}  # noqa: E731
    return {
        "WD": ext("timex_weekday"), "WDS": ext("timex_weekdays"), "MON": ext("timex_month"), "DAY": ext("timex_daynum"),
        "YEAR": ext("timex_year"), "DEC": ext("timex_decade"), "ORDN": ext("timex_ordinal"), "NUM": ext("timex_num"),
        "NP": ext("timex_numpart"), "UNIT": ext("timex_unit"), "PLU": ext("timex_plunit"), "SGU": ext("timex_sgunit"),
        "WD|POD|SEAS": ext("weekday|pod|season"), "UNIT|POD": ext("unit|pod"),
        "POD": ext("timex_pod"), "SEAS": ext("timex_season"), "CLOCK": ext("timex_clock"), "HHMM": ext("timex_hhmm"),
        "NUMDATE": ext("timex_numdate"), "QTR": ext("timex_quarter"), "MODDATE": ext("timex_moddate"),
        "AMPM": {"LOWER": {"IN": ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]}},
        "TZ": {"LOWER": {"IN": TIMEZONES}},
        "REL": {"LOWER": {"IN": ["this", "last", "next", "past", "coming", "previous", "following", "current"]}},
        "MOD": {"LOWER": {"IN": ["early", "mid", "late"]}},
        "ELR": {"LOWER": {"IN": ["earlier", "later"]}},
        "EDGE": {"LOWER": {"IN": ["start", "beginning", "end", "middle", "turn", "close"]}},
        "ORD": {"LOWER": {"IN": ["first", "second", "third", "fourth", "final", "last"]}},
        "DAYW": {"LOWER": {"IN": ["today", "tonight", "yesterday", "tomorrow", "overnight"]}},
        "P": {"LOWER": {"IN": _PREPS}},
        "Q1": {"LOWER": {"IN": _QUAL1}},
        "HY": {"ORTH": {"IN": ["-", "–"]}},
        "COMMA": {"ORTH": ","},
        "APOS": {"ORTH": {"IN": ["'", "’", "‘"]}},
        "EVERY": {"LOWER": {"IN": ["every", "each"]}},
        "SETW": {"LOWER": {"IN": list(_lex("sets"))}},
        "FREQ": {"LOWER": {"IN": list(_lex("frequencies"))}},
        "PER": {"LOWER": {"IN": ["a", "an", "per", "every", "each"]}},
        "NN": {"TAG": {"IN": ["NN", "NNP"]}},
        "JJ": {"TAG": "JJ"},
        "WEEKEND": {"LOWER": {"IN": ["weekend"]}},
        "ERA": {"LOWER": {"IN": ERA_WORDS}},
    }


_TENS = "'" + "'|'".join(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"]) + "'"
_ONES = "'" + "'|'".join(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]) + "'"
_QUALIFIED = ["", "Q1 ", "'more'|'less'|'fewer' 'than' ", "'at' 'least'|'most' ", "'up' 'to' ", "'just'|'well' 'over'|'under' ", "'close' 'to' "]

#: (label, shorthand) — the label tells the normaliser what kind of expression it is.
PATTERNS: list[tuple[str, str]] = [
    # calendar dates and weekdays
    ("DATE", "WD POD?"), ("DATE", "REL WD POD?"), ("DATE", "MOD 'on'? WD POD?"), ("DATE", "MOD HY? POD DAYW?"),
    ("DATE", "WD COMMA? MON DAY COMMA? YEAR?"), ("DATE", "WD COMMA? 'the'? DAY 'of'? MON COMMA? YEAR?"),
    ("DATE", "MON DAY COMMA? YEAR?"), ("DATE", "DAY 'of'? MON COMMA? YEAR?"), ("DATE", "'the' DAY 'of' MON COMMA? YEAR?"),
    ("DATE", "MON COMMA? YEAR"), ("DATE", "MON 'of' YEAR"), ("DATE", "NUMDATE"), ("DATE", "YEAR HY DAY HY DAY"),
    ("DATE", "'the'? MODDATE"), ("DATE", "'and' YEAR"), ("DATE", "MOD DAYW"),
    ("RANGE", "MON DAY 'to' DAY COMMA? YEAR?"), ("RANGE", "DAY 'to'|'and' DAY MON COMMA? YEAR?"),
    ("HOLIDAY", "'christmas'|'easter'|'halloween'|'thanksgiving'"), ("HOLIDAY", "'christmas'|'boxing'|'armistice'|'bastille'|'independence' 'day'|'eve'"), ("HOLIDAY", "'election' 'day'"),
    ("HOLIDAY", "'new' 'year' \"'s\"|'’s' 'day'|'eve'"), ("HOLIDAY", "'valentine' \"'s\"|'’s' 'day'"), ("HOLIDAY", "'easter'|'good' 'sunday'|'monday'|'friday'"),
    ("RANGE", "MON DAY HY DAY COMMA? YEAR?"), ("RANGE", "DAY HY DAY MON COMMA? YEAR?"),
    ("DATE", "P MON"), ("DATE", "REL MON"), ("DATE", "REL MON DAY COMMA? YEAR?"), ("DATE", "Q1 MON DAY COMMA? YEAR?"), ("DATE", "'the'? MOD HY? MON COMMA? YEAR?"),
    ("DATE", "MON"),  # "the October slaying", "a June agreement" (rejects.py keeps only these)
    ("DATE", "P YEAR"), ("DATE", "'the'? MOD HY? YEAR"), ("DATE", "'the' YEAR NN"),
    ("DATE", "'the'? MOD? HY? APOS? DEC"), ("DATE", "'the'? MOD? HY? ORDN 'century'"), ("DATE", "'the' NUM HY ORDN 'century'"),
    ("DATE", "NUM ERA"), ("DATE", "YEAR ERA"), ("DATE", "'the' MOD? HY? ORDN 'century' ERA"),
    # periods relative to publication
    ("DATE", "REL SGU"), ("PAST", "'past'|'previous' PLU"), ("DATE", "REL 'quarter'"), ("DATE", "MOD REL UNIT"), ("DATE", "ELR REL UNIT"), ("DATE", "ELR DAYW"),
    ("DATE", "'the'? EDGE 'of' 'the'? REL? UNIT"), ("DATE", "'the'? EDGE 'of' MON COMMA? YEAR?"), ("DATE", "'the'? EDGE 'of' YEAR"),
    ("DATE", "REL WEEKEND"), ("DATE", "'at'|'over'|'during'|'on'|'by'|'until' 'the' WEEKEND"),
    ("DATE", "MOD? REL SEAS"), ("DATE", "MOD? SEAS 'of'? YEAR"), ("DATE", "'the' SEAS 'of' YEAR"), ("DATE", "P 'the' MOD? SEAS"), ("DATE", "'the' MOD? SEAS"),
    ("DATE", "'the'? ORD 'quarter' 'of' YEAR"), ("DATE", "'the'? ORD 'quarter' 'of' 'the'|'this'|'last'|'next' 'year'"),
    ("DATE", "'the' ORD 'quarter'"), ("DATE", "QTR YEAR?"),
    # reporting periods of company results: "third-quarter", "fiscal 1989", "the year-ago quarter" (time.periods)
    ("DATE", "'the'? 'fiscal'? ORD HY 'quarter'"), ("DATE", "'fiscal'? ORD 'quarter'"), ("DATE", "'the'? 'fiscal'? YEAR ORD HY? 'quarter'"),
    ("DATE", "'fiscal' YEAR"), ("DATE", "'the' 'current'|'latest'|'last'|'next'|'previous'|'past' 'fiscal' 'year'"),
    ("PERIOD", "'the' 'latest'|'current'? 'quarter'"), ("PERIOD", "'the' 'latest' 'period'"),
    ("PERIOD", "'the'? 'year' HY 'ago'|'earlier' 'quarter'|'period'?"), ("PERIOD", "'the' YEAR 'quarter'|'period'"),
    ("PERIOD", "'the'? 'comparable'|'corresponding'? 'year' HY 'ago'|'earlier' ORD HY? 'quarter'"),  # "the year-ago third quarter"
    ("PERIOD", "'the' 'quarter'|'period' 'a' 'year' 'ago'|'earlier'"),  # "for the quarter a year ago"
    ("DURATION", "'the' 'year' HY 'ago'|'earlier' NUM 'months'"),  # "the year-earlier nine months": P9M
    ("WEEKOF", "'the' 'week' 'of' MON DAY COMMA? YEAR?"),  # "the week of March 6": that date's ISO week
    ("YEAREND", "'year' HY? 'end'"), ("YEAREND", "'year' \"'s\"|'’s' 'end'"),  # "by year-end", "by year's end": the end of the year
    ("HALF", "'the'? 'first'|'last' 'two' 'quarters' 'of' YEAR"),  # "the first two quarters of 1990": 1990-H1
    ("DATE", "'the'? ORD 'half' 'of' YEAR"), ("DATE", "'the'? ORD 'half' 'of' 'the'|'this'|'last'|'next' 'year'"),
    ("DATE", "DAYW POD?"), ("DATE", "'the' 'day' 'before' 'yesterday'"), ("DATE", "'the' 'day' 'after' 'tomorrow'"),
    ("DATE", "REL POD"), ("DATE", "ELR 'this' POD"),
    # "three days later": TimeML marks the duration and leaves "later" out as its signal (like "after", "before")
    ("DATE", "NUM NP* UNIT 'ago'|'hence'|'earlier'"), ("DATE", "NUM NP* UNIT 'from' 'now'"), ("REF", "PLU 'ago'"),
    ("DATE", "NUM UNIT 'and' 'a' 'half' 'ago'|'hence'"),  # "a year and a half ago": 18 months back (time.resolve)
    ("DATE", "'the' 'next'|'following'|'previous' UNIT|POD"), ("DATE", "'that' 'day'|'night'|'morning'|'week'|'month'|'year'"),
    # durations
    *[("DURATION", q + "NUM NP* UNIT") for q in _QUALIFIED],
    *[("DATE", q + "NUM NP* UNIT 'ago'|'earlier'|'hence'") for q in _QUALIFIED[1:]],
    *[("DURATION", q + "NUM 'and' 'a' 'half' UNIT") for q in _QUALIFIED[:2]],
    ("DURATION", "'a'|'an' SGU 'and' 'a' 'half'"), ("DURATION", "'half' 'a'|'an' SGU"),
    ("DURATION", "Q1? NUM 'more'|'additional'|'trading'|'business'|'working' UNIT"), ("DURATION", "'at' 'least' NUM 'more' UNIT"),
    ("DURATION", "NUM HY UNIT"), ("DURATION", "NUM HY UNIT HY 'long'"), ("DURATION", "SGU HY 'long'"),
    ("DURATION", "'the' 'past'|'last'|'next'|'coming'|'first'|'final' NP* UNIT"),
    ("DURATION", "'for'|'over'|'within'|'in'|'after'|'lasting' PLU"), ("DURATION", "'recent' PLU"),
    # vague durations (TimeML PX…): "a while", "the weeks ahead", "over the years", "decades-long", "months of talks"
    ("VAGUE", "'a' 'while'"), ("DURATION", "'the' PLU 'ahead'"), ("DURATION", "'over'|'in' 'the' PLU"), ("DURATION", "PLU HY 'long'"),
    ("DURATION", "PLU 'of'"),
    # sets
    ("SET", "EVERY 'other'? NP* UNIT"), ("SET", "EVERY WD|POD|SEAS"), ("SET", "EVERY MON"), ("SET", "EVERY 'quarter'"), ("SET", "EVERY WEEKEND"), ("SET", "SETW"),
    ("SET", "FREQ PER UNIT"), ("SET", "NUM 'times' PER UNIT"), ("SET", "'on' WDS"),
    # clock times
    ("TIME", "Q1? CLOCK AMPM? TZ?"), ("TIME", "Q1? NUM AMPM TZ?"), ("TIME", "Q1? NUM 'o'clock'"), ("TIME", "HHMM TZ"), ("TIME", "'at'|'by'|'around'|'before'|'after'|'until' HHMM"),
    ("TIME", "Q1? CLOCK 'local' 'time'"), ("TIME", "Q1? NUM AMPM 'local' 'time'"),
    # references
    ("REF", "'now'|'currently'|'nowadays'|'presently'|'recently'|'lately'|'soon'"), ("REF", "'current'|'recent'"),
    # a bare year ("his 1996 campaign", "bonds due 1993"); time.py rejects counts ("2000 troops")
    ("DATE", "YEAR"),
    ("REF", "'then' 'current'"), ("REF", "'as' 'soon' 'as' 'possible'"),  # "as soon as possible": FUTURE_REF (TimeML)  # "the then current chairman": PAST_REF (time.expressions)
    ("CLOCKPOD", "NUM 'in' 'the' 'morning'|'afternoon'|'evening'"),  # "at 4 in the morning": a clock time
    ("REF", "'at' 'present'"), ("REF", "'at' 'the'|'that' 'time'"), ("REF", "'at' 'the' 'moment'"), ("REF", "'right' 'now'"), ("REF", "'these' 'days'"),
    ("REF", "'in' 'the' 'past'|'future'"), ("REF", "'in' 'the' 'near'|'distant' 'future'"),
    ("REF", "'the' 'near'|'distant'? 'future'"), ("REF", "'the' 'near'|'short' 'term'"), ("REF", "'a' 'later' 'date'"),
    ("FUTURE", "'in' 'a'|'an' SGU 'or' 'two'"),  # "you may, in a year or two, save lives": a vague time ahead (not "as long as a month or two")
    ("FUTURE", "'coming'|'future' PLU"),  # "in coming months", "future quarters": FUTURE_REF; "past years" PAST_REF
    # years said in words, as broadcast transcripts write them ("nineteen ninety-six", "the year two thousand"): time.words
    ("SPOKEN", f"MON? 'nineteen'|'eighteen' {_TENS} HY? {_ONES}?"), ("SPOKEN", f"'the' SEAS 'of' 'nineteen'|'eighteen' {_TENS} HY? {_ONES}?"), ("SPOKEN", f"'the' 'year' 'two' 'thousand' 'and'? {_ONES}?"),
    ("DATE", "'the' 'year' YEAR"), ("DATE", "MON 'this'|'last'|'next' 'year'"),  # "the year 1990", "June last year"
    ("THEYEAR", "'the' 'full'|'fiscal'? 'year'"),  # "for the year", "the year ended Sept. 30" (time.words)
    # a range or disjunction of durations: one vague duration of the first unit ("the next 12 to 18 months" PXM, "weeks or months" PXW)
    ("VAGUERANGE", "'the'? 'next'|'past'|'last'? NUM 'to'|'or' NUM PLU"), ("VAGUERANGE", "PLU 'or' PLU"),
    ("DAYBEFORE", "'the' 'day' 'before'|'after' REL? WD"), ("DAYBEFORE", "'the' 'day' 'before'|'after' MON DAY"),  # one day off that date
    ("HOLWEEK", "'christmas'|'easter'|'thanksgiving' 'week'"),  # "Easter week": the ISO week of the holiday
    ("VAGUE", "'a' 'fairly'|'very'|'relatively'? 'long'|'lengthy'|'extended' 'period'"),  # "a fairly lengthy period": PXX
    ("ELLIPSIS", "'last'"),  # "this year as last": the period before the one just named (time.anaphora)
    # "or so" belongs to the expression, mod APPROX: "a week or so ago", "the next two years or so" (TBAQ: 3 of 3)
    ("DATE", "NUM NP* UNIT 'or' 'so' 'ago'|'earlier'|'hence'"), ("DURATION", "NUM NP* UNIT 'or' 'so'"),
    ("DURATION", "'the' 'past'|'last'|'next'|'coming' NUM NP* UNIT 'or' 'so'"), ("DATE", "REL SGU 'or' 'so'"),
    ("NTHDAY", "'the'? ORDN 'day'"),  # "today is the eighth day of Desert Shield": the day of writing (time.anaphora)
    ("APPOS", "'the' 'day'"), ("INPOD", "'in'|'during' 'the' 'morning'|'afternoon'|'evening'"),  # anaphoric: time.anaphora
    ("REF", "'this' JJ? 'moment'"),  # "at this (crucial) moment": PRESENT_REF, as "at the moment"
    ("SET", "WD 'nights'|'mornings'|'afternoons'|'evenings'"),  # "Tuesday nights": every Tuesday night (XXXX-WXX-2TNI)
]


#: Free lexeme flag slots for the word-set classes (REL, P, MOD …); the Matcher then tests them in C.
_WORD_SET_SLOTS = [*range(19, 30), *range(51, 55), *range(59, 64)]


def _word_sets_as_flags(vocab: Vocab, classes: dict[str, dict]) -> dict[str, dict]:
    """Replace ``{"LOWER": {"IN": words}}`` classes by lexeme flags (Python set predicates are the Matcher's slow path)."""
    out = dict(classes)
    slots = iter(_WORD_SET_SLOTS)
    for name, spec in sorted(classes.items()):
        attr = next(iter(spec))
        if len(spec) != 1 or attr not in ("LOWER", "ORTH") or not isinstance(spec[attr], dict):
            continue
        slot = next(slots, None)
        if slot is None:
            break
        words = frozenset(spec[attr]["IN"])
        getter = functools.partial(_in_lower if attr == "LOWER" else _in_orth, words)
        vocab.add_flag(getter, flag_id=slot)
        out[name] = {f"FLAG{slot}": True}
    return out


def compile_shorthand(shorthand: str, classes: dict[str, dict]) -> list[dict]:
    """Turn ``"REL 'quarter' YEAR?"`` into a spaCy Matcher pattern."""
    pattern = []
    for element in shorthand.split():
        op = element[-1] if element[-1] in "?*+" else None
        body = element[:-1] if op else element
        if body.startswith(("'", '"')):
            words = [w.strip('"') if w.startswith('"') else w.strip("'") for w in body.split("|")]
            spec: dict = {"LOWER": words[0]} if len(words) == 1 else {"LOWER": {"IN": words}}
        elif "|" in body:  # alternatives of token classes: a union flag registered for them
            spec = dict(classes[body])
        else:
            spec = dict(classes[body])
        if op:
            spec["OP"] = op
        pattern.append(spec)
    return pattern


@functools.lru_cache(maxsize=4)
def build_matcher(vocab: Vocab) -> Matcher:
    """One Matcher per vocab with every time pattern, keyed by label."""
    _register_extensions()
    register_flags(vocab)
    classes = _word_sets_as_flags(vocab, token_classes())
    matcher = Matcher(vocab, validate=False)  # flag attributes (FLAGnn) are not in the pattern schema
    by_label: dict[str, list] = {}
    for label, shorthand in PATTERNS:
        by_label.setdefault(label, []).append(compile_shorthand(shorthand, classes))
    for label, patterns in by_label.items():
        matcher.add(label, patterns)
    return matcher
