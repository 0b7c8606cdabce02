"""Candidate spans that are no time expressions: names, ages, rates, counts, signals (TimeML marks none of them).

``rejected(span)`` is asked of every Matcher candidate before it becomes a time expression; each rule
names the class of text it keeps out, with an example.
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Span as SpacySpan

from .lexicon import timex_lexicon
from .patterns import classes_of, is_anchor
from .tense import tense_of

def rejected(span: SpacySpan) -> bool:
    """Whether a Matcher candidate is no time expression (see the module docstring)."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    low = [t.lower_ for t in span]
    if span.label_ == "REF" and low[:3] in (["in", "the", "past"], ["in", "the", "future"]) and nxt is not None \
            and (nxt._.timex_numpart or nxt._.timex_unit or nxt.lower_ == "few"):
        return True
    if nxt is not None and (nxt.lower_ in ("old", "olds") or (nxt.text in ("-", "–") and after is not None and after.lower_ in ("old", "olds"))):
        return True  # ages: "a 56-year-old", "three years old", "among 15-24-year-olds"
    if low[-1] == "second" and nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN"):
        return True  # "a second round"
    if len(span) == 1 and span[0]._.timex_weekday and nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" \
            and not nxt._.timex_month and not nxt._.timex_daynum and not (span.start > 0 and doc[span.start - 1].tag_ == "PRP$"):
        return True  # "the Sunday Times" (not "his Sunday Mass": a possessive dates a person's own event)
    if low == ["may"] or low[-1:] == ["may"] and span[-1].tag_ == "MD":
        return True
    if len(span) == 1 and span[0]._.timex_month and not _month_before_a_noun(span[0], nxt):
        return True  # a bare month is a date only as "the October slaying", "a June agreement" (a month after "in" is matched with it)
    if (span[-1]._.timex_year or span[-1]._.timex_hhmm) and nxt is not None and nxt.pos_ == "PROPN" and after is not None and after.lower_.rstrip(".") in _STREETS:
        return True  # a house number: "at 2344 Bragg St.", "1600 Pennsylvania Avenue"
    if len(span) == 1 and span[0]._.timex_year and _counts_things(span[0], nxt):
        return True  # "2000 troops", "$1990", "1990 and 1995 shares": a number, not a year
    if len(span) == 1 and low[0] in ("current", "recent") and (span[0].dep_ != "amod" or span[0].head.lower_ in _NOT_TIMES
                                                             or (nxt is not None and nxt.lower_ in _NOT_TIMES)):
        return True  # "current account", "the current": only "current market conditions", "a recent filing"
    if len(span) == 1 and span[0]._.timex_weekday and len(low[0]) <= 4 and not (nxt is not None and (nxt.text == "." or nxt._.timex_month or nxt._.timex_daynum or (nxt.text == "," and after is not None and (after._.timex_month or after._.timex_daynum)))):
        return True  # "Sun" (Sun Microsystems), "Wed" as a name: abbreviations only in datelines ("Sun., May 4")
    if len(span) == 1 and span[0].lower_ in _SET_WORDS and (span[0].dep_ == "amod" or span[0].tag_ == "NN") and not _recurring_event(span[0]):
        return True  # "a quarterly dividend", "annual sales", "the party daily": they describe a thing (TimeBank tags none)
    if span.label_ == "CLOCKPOD" and (span.start == 0 or doc[span.start - 1].lower_ not in _CLOCK_PREPOSITIONS):
        return True  # "four in the morning session": a count; the clock reading needs "at 4 in the morning"
    if span.label_ == "DURATION" and low[-1] == "of" and (low[0] == "quarters" or span.start > 0 and doc[span.start - 1].like_num
                                                         or nxt is not None and (nxt._.timex_weekday or nxt._.timex_month or nxt._.timex_year)):
        return True  # "three quarters of the vote", "some quarters of the party", "the early hours of Thursday": no duration
    if low[-1] == "quarters" and nxt is not None and nxt.lower_ == "of" and (after is not None and after.tag_ in ("DT", "PRP$", "CD") or "-" in low):
        return True  # a fraction: "three quarters of the vote", "three-quarters of its food" (not "several quarters of losses")
    if span[-1]._.timex_season and nxt is not None and nxt.lower_ == "of" and not (after is not None and after._.timex_year):
        return True  # "the fall of the Berlin Wall": an event (not "the summer of 1998", matched whole)
    if low[-1:] in (["future"], ["time"]) and nxt is not None and nxt.lower_ == "of":
        return True  # "the future of our peoples", "at the time of its founding": a thing or an event, not a time
    if low[-3:] in (["last", "-", "minute"], ["last", "–", "minute"]) or nxt is not None and nxt.text in ("-", "–") and low[-1] == "quarter" \
            and after is not None and after.lower_ == "to":
        return True  # "the last-minute effort" (late), "the quarter-to-quarter comparison": adjectives, not times
    if low[-2:] == ["last", "minute"] and [t.lower_ for t in doc[max(0, span.end - 4) : span.end - 2]] == ["at", "the"]:
        return True  # "changed at the last minute": late, the idiom of "last-minute" (not the minute before publication)
    if low == ["now"] and nxt is not None and nxt.text == "," and (span[0].is_sent_start or span.start == span.sent.start):
        return True  # "Now, he says, …": a discourse marker opening the sentence (TBAQ tags none of its 3; "Now the mission is" stays)
    if low == ["soon"] and tense_of(span) == "PAST":
        return True  # "that soon became a flood", "he was soon released": shortly after a past event, no future (TBAQ: 0 of 2)
    if low == ["soon"] and ((span.start > 0 and doc[span.start - 1].lower_ == "as") or (nxt is not None and nxt.lower_ in ("after", "before"))):
        return True  # "as soon as", "soon after": a signal, not a time (TimeML)
    if len(span) == 2 and low[0] in ("a", "an", "per") and span[1]._.timex_sgunit and span.start > 0 \
            and doc[span.start - 1].tag_ in ("NNS", "CD", "NN") and span[1].dep_ == "npadvmod":
        return True  # a rate: "four flights a week", "$500 million a year" (TimeBank tags none)
    if len(span) == 1 and low[0] in _SET_WORDS and span.start > 0 and (doc[span.start - 1].text in ("%", "percent") or doc[span.start - 1].tag_ in ("CD", "NNS")):
        return True  # a rate again: "rise 8.5% annually", "10,000 units annually", "doubling its profits annually"
    if len(span) >= 3 and low[-2] in ("a", "an", "per") and span[-1]._.timex_sgunit and span[-3].like_num:
        return True  # a rate with its number: "358,000 a month", "$55 a night"
    if span[-1]._.timex_decade and span.start > 0 and doc[span.start - 1].lower_ in ("his", "her", "their", "its", "my", "your", "our"):
        return True  # an age: "in his 30s", "in their twenties"
    if span.label_ == "VAGUERANGE" and span.start > 0 and doc[span.start - 1].lower_ in ("between", "from"):
        return True  # "between two to six days": a range with both ends, tagged as two expressions (as dates: time.merges)
    if low[-1] == "quarter" and (_in_a_game(span) or _in_a_game_report(span)):
        return True  # "led 30-25 after the first quarter", "scored 12 points in the third quarter of the game": a game's period
    if span[0].lower_ == "this" and span[0].is_title and span[0].i > span.sent.start and all(t.is_title for t in span):
        return True  # ABC's "This Week": a title
    return _in_a_name(span)


_CLOCK_PREPOSITIONS = {"at", "around", "about", "by", "until", "till", "before", "after", "since", "from", "to"}

#: Day words that, capitalised inside a sentence after another capitalised word, belong to a name ("USA Today").
_NAME_DAY_WORDS = {"today", "tonight", "tomorrow", "yesterday", "noon"}


def _in_a_name(span: SpacySpan) -> bool:
    """Time words inside a proper name, which TimeML does not mark: "USA Today", "High Noon", "Orion 1980"."""
    if len(span) == 2 and span[0].like_num and span[1]._.timex_unit and span[1].is_title and span.start > span.sent.start \
            and sum(t.is_title for t in span.sent if t.is_alpha) * 2 < sum(t.is_alpha for t in span.sent):  # not a headline
        return True  # a number and a capitalised unit inside a sentence: "CBS's 60 Minutes", "48 Hours" (a programme)
    if len(span) != 1 or span.start == 0 or span[0].i == span.sent.start:
        return False
    token, prev = span[0], span.doc[span.start - 1]
    if not ((prev.is_title or prev.is_upper) and prev.is_alpha) or prev.i == span.sent.start and prev.pos_ != "PROPN":
        return False
    if token.lower_ in _NAME_DAY_WORDS and token.is_title:
        return True
    return token._.timex_year and prev.pos_ == "PROPN" and not (classes_of(prev) or is_anchor(prev))


#: a game's score, "30-25" (not a range of percentages, "3-5%")
_SCORE = re.compile(r"(?<![\d.,$])\d{1,3} ?[-–] ?\d{1,3}(?![\d.,%])(?! ?(?:percent|per cent))")


def _in_a_game(span: SpacySpan) -> bool:
    """Whether the sentence of a "quarter" reports a game: a game word (``data/timex.json`` ``game_words``) or a score ("30-25")."""
    words = _game_words()
    sent = span.sent
    text = sent.text.lower()
    # a game word as a verb is no game: "rebounding from its earlier loss" (a company's results), not "12 rebounds"
    return any((t.lemma_.lower() in words or t.lower_ in words) and t.pos_ != "VERB" for t in sent) or _SCORE.search(text) is not None \
        or any(phrase in text for phrase in words if " " in phrase)


def _in_a_game_report(span: SpacySpan) -> bool:
    """"The third quarter belonged to Embiid" in a game report: a quarter with no year and no company's figures in its
    sentence, in a text where two sentences or more report a game (a game word or a score)."""
    sent = span.sent
    if any(t._.timex_year or t.lemma_.lower() in _FIGURES for t in sent):
        return False
    return sum(1 for s in span.doc.sents if s != sent and _in_a_game(s)) >= 2


#: Words of a company's or an economy's figures: a quarter beside them is a calendar or fiscal quarter.
_FIGURES = {"result", "results", "earnings", "profit", "revenue", "sale", "sales", "figure", "income", "fiscal", "dividend", "share",
            "economy", "gdp", "growth", "output", "quarterly", "percent", "%", "company", "firm"}


@functools.lru_cache(maxsize=1)
def _game_words() -> frozenset[str]:
    return frozenset(timex_lexicon()["game_words"])


def _recurring_event(token) -> bool:
    """"a daily rally", "his weekly radio address": an event that recurs each day or week, a SET in TBAQ (7 of 11).

    Not "average daily volume" (a rate), not "quarterly"/"annual" (a quarterly dividend, annual sales: never tagged)
    and not the noun ("the party daily").
    """
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return token.lower_ in _EVENT_FREQUENCIES and token.dep_ == "amod" and token.tag_ == "JJ" and before != "average"


_EVENT_FREQUENCIES = {"daily", "weekly", "hourly", "nightly", "fortnightly"}
_SET_WORDS = {"daily", "weekly", "monthly", "quarterly", "annual", "annually", "yearly", "hourly", "nightly", "fortnightly", "biannually"}
#: Heads an adjective "current"/"recent" modifies that are not about time.
_NOT_TIMES = {"account", "accounts", "affairs", "events", "assets", "liabilities", "flow", "flows", "density"}


def _month_before_a_noun(token, nxt) -> bool:
    """"the October slaying", "a June agreement": a month between an article and the common noun it dates."""
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return before in ("the", "a", "an") and nxt is not None and nxt.tag_ in ("NN", "NNS") and nxt.is_lower


#: Plural nouns that a year premodifies rather than a number counts ("1989 results", "1990 earnings").
_RESULTS_OF_A_YEAR = {"results", "earnings", "profits", "revenues", "sales", "figures", "elections", "games", "olympics"}


_STREETS = {"st", "street", "ave", "avenue", "rd", "road", "blvd", "boulevard", "lane", "ln", "drive", "dr", "way", "place", "pl"}


def _counts_things(token, nxt) -> bool:
    """Whether a year-shaped number counts something: a plural noun after it, a currency or "No." before it."""
    before = token.nbor(-1) if token.i > 0 else None
    if token.dep_ in ("nummod", "compound", "amod") and token.head.lower_ in _RESULTS_OF_A_YEAR:
        return False  # "the company's 1989 operating results", "1990 earnings": the year of results, not a count
    if before is not None and (before.tag_ == "$" or before.lower_ in ("no.", "number", "flight", "route", "page", "room", "#")):
        return True
    if nxt is not None and (nxt.tag_ == "NNS" or nxt.text in ("%", "percent") or nxt.lower_ in ("to", "-") and before is not None and before.lower_ == "from"):
        return True
    return token.dep_ in ("nummod",) and token.head.tag_ == "NNS"
