"""When a statement was made (``said_on``): the date the text gives to the speech act itself.

A time expression dates the cue when it hangs on it in the parse and lies outside the content: "In a
televised interview … on Monday, President Putin stated that …", "“…,” Peskov told reporters on
Tuesday", "Speaking on Friday, the minister said …". Times inside the content are what the claim is
about, not when it was made. An undated statement takes the date of the same speaker's dated statement
in the same or a neighbouring sentence ("… stated …, before adding …"; a lead sentence that sums up the
interview reported next), unless its own cue says it came at another time ("later clarified").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..types import Attribution, TimeExpression
from .stance import cue_tokens, head_of

_OTHER_TIME = {"later", "earlier", "previously", "subsequently", "afterwards", "since", "then", "once", "formerly"}
_PERIOD_SIGNALS = {"since", "until", "till", "by", "through", "before", "after", "from", "to", "between", "than"}
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class SpeechDate:
    """The expression that dates a statement, and the day it gives (None when it cannot be had)."""

    time: TimeExpression | None
    day: str | None
    flag: str | None = None  # "said-after-publication", "no-publication-date"
    inherited: bool = False


def date_statements(doc: Doc, attributions: list[Attribution], times: list[TimeExpression], published: dt.date | None) -> list[SpeechDate]:
    """One :class:`SpeechDate` per attribution (``time`` None when the text does not date it)."""
    contents = [(s.start, s.end) for a in attributions for s in (*a.content, *a.source)]  # the source's own clauses too
    cues = [head_of(cue_tokens(doc, a)) for a in attributions]
    dated = [_own_date(doc, a, cue, times, contents, published) for a, cue in zip(attributions, cues)]
    sentence_of = [_sentence_index(doc, cue) for cue in cues]
    out = []
    for i, (a, cue, date) in enumerate(zip(attributions, cues, dated)):
        if date.time is None and cue is not None and not any(c.lower_ in _OTHER_TIME for c in cue.children):
            date = _inherited(i, attributions, dated, sentence_of) or date
        out.append(date)
    return out


def _own_date(doc: Doc, a: Attribution, cue: Token | None, times, contents, published) -> SpeechDate:
    if cue is None:
        return SpeechDate(None, None)
    sent = cue.sent
    for t in times:
        if t.type not in ("DATE", "TIME") or not (sent.start_char <= t.span.start < sent.end_char):
            continue
        span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if span is None or _states_a_period(doc, span):
            continue
        # a time between the source and the cue dates the statement, even inside a content the model drew over it
        between = _between_source_and_cue(doc, cue, span, a)
        if any(s <= t.span.start < e for s, e in contents) and not between:
            continue
        if between or _hangs_on(span.root, cue, contents) or _right_after(doc, cue, span, a):
            return _day_of(t, published)
    return SpeechDate(None, None)


def _states_a_period(doc: Doc, span) -> bool:
    """"As of February 28", "since Monday", "by Friday": the date of a state or a deadline, not of the speaking."""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    two_before = doc[span.start - 2].lower_ if span.start > 1 else ""
    return before in _PERIOD_SIGNALS or (before == "of" and two_before == "as")


def _hangs_on(token: Token, cue: Token, contents) -> bool:
    """Whether the head chain from ``token`` reaches ``cue`` without entering a content or another clause."""
    t = token
    for _ in range(10):
        if t == cue:
            return True
        if t.head == t:
            return False
        if t != token and any(s <= t.idx < e for s, e in contents):
            return False
        if t != token and t.pos_ in ("VERB", "AUX") and not (t.dep_ in ("advcl", "acl", "pcomp", "xcomp") and t.tag_ in ("VBG", "VBN")):
            return False  # another clause's verb: "after strikes that hit on Monday, …" stops here
        t = t.head
    return False


def _right_after(doc: Doc, cue: Token, span, a: Attribution) -> bool:
    """"said on Monday they had …": the time sits between cue and content, whatever the parser attached it to."""
    if span.start <= cue.i:
        return False  # before the cue: only the parse can tie it to the cue ("Speaking on Friday, … said")
    gap = doc[cue.i + 1 : span.start]
    content_starts = [s.start for s in a.content if s.start >= span.end_char]
    return bool(content_starts) and all(t.lower_ in ("on", "at", "in", "late", "early", "earlier", "later") for t in gap) and len(gap) <= 2


def _between_source_and_cue(doc: Doc, cue: Token, span, a: Attribution) -> bool:
    """"Police on Monday said …", "Microsoft in 2017 announced …": the time sits between the source's words and
    its cue, whatever the parser attached it to (it often hangs "in 2017" on the subject, and the source span
    may end with it); not a time inside a clause of the source ("the minister who resigned on Monday said")."""
    if span.end > cue.i or not a.source or not all(t.pos_ in ("AUX", "ADV", "PUNCT") for t in doc[span.end : cue.i]) \
            or span.end + 2 < cue.i:
        return False
    holder = next((s for s in a.source if s.start <= span.start_char < s.end), None)
    if holder is not None:  # the source span ends with the time: no verb of its own before it
        return span.end_char == holder.end and not any(t.pos_ in ("VERB", "AUX") for t in doc.char_span(holder.start, span.start_char, alignment_mode="expand") or ())
    source_end = max(s.end for s in a.source)
    before = [t for t in doc[: span.start] if t.idx >= source_end]
    return span.start_char >= source_end and len(before) <= 2 and all(t.lower_ in _BEFORE_A_TIME for t in before)


_BEFORE_A_TIME = {"on", "in", "at", "late", "early", ","}


def _day_of(t: TimeExpression, published: dt.date | None) -> SpeechDate:
    if t.value is None:
        return SpeechDate(t, None, "no-publication-date" if published is None else None)
    match = _DAY.match(t.value)
    if not match:
        return SpeechDate(t, None)  # a week or a month: not a day
    day = match.group(1)
    if published is not None and dt.date.fromisoformat(day) > published:
        return SpeechDate(t, None, "said-after-publication")
    return SpeechDate(t, day)


def _sentence_index(doc: Doc, cue: Token | None) -> int | None:
    if cue is None:
        return None
    return cue.sent.start


def _inherited(i: int, attributions, dated, sentence_of) -> SpeechDate | None:
    """The date of the same speaker's dated statement in this or a neighbouring sentence, none between."""
    me = attributions[i]
    sentences = sorted({s for s in sentence_of if s is not None})
    if sentence_of[i] is None:
        return None
    position = sentences.index(sentence_of[i])
    best = None
    for j, other in enumerate(attributions):
        if j == i or dated[j].day is None or dated[j].inherited or sentence_of[j] is None:
            continue
        distance = abs(sentences.index(sentence_of[j]) - position)
        if distance > 1 or not _same_speaker(me, other):
            continue
        low, high = sorted((sentence_of[i], sentence_of[j]))
        between = [k for k in range(len(attributions)) if sentence_of[k] is not None and low <= sentence_of[k] <= high
                   and k not in (i, j) and not _same_speaker(attributions[k], me)]
        if between:
            continue
        if best is None or distance < best[0]:
            best = (distance, dated[j])
    if best is None:
        return None
    return SpeechDate(best[1].time, best[1].day, best[1].flag, inherited=True)


def _same_speaker(a: Attribution, b: Attribution) -> bool:
    if a.speaker is not None and b.speaker is not None:
        return a.speaker.id == b.speaker.id
    if a.source and b.source:
        return a.source == b.source
    return False
