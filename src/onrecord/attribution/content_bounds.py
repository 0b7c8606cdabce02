"""Where a content ends, checked against the parse after rules and model are merged.

* A time adjunct between a cue and its content belongs to the cue: "Microsoft said on Thursday it aims
  to …", "the ministry said Monday it would …". With no "that", the parser hangs the time on the reported
  clause's verb and the content starts with it; it then neither reads as what was said nor dates the
  statement (``claims/said_on`` takes a time outside the content, right after the cue).
* A cue inside the subject of a clause reports nothing past that subject: "customers who sought to pay
  bills through Surepay were turned away" — what they sought ends before "were turned away".
* "not only … but also …" is one content: "hopes the fundraiser will not only raise money but also make
  the public aware" does not end after "not only raise money".
* A content before its cue that opens with the writer's own lead-in before a colon starts after it:
  "Android devices face a slew of threats: a new breed of malware has infected 25 million handsets,
  researchers have said" reports what was found, not the writer's summary.
* The one told is no part of what was said: "to inform you that this morning the Premier was detained"
  reports from "that"; "pledged to the board in July that …" from "that".
* The "what" of a free relative is no content: "what the institution called an “outrageous” party"
  keeps "an “outrageous” party"; "did not know what the minister said" reports nothing of "said".
* A cue in a subordinate clause before the main one reports nothing past that clause: "While some users
  reported intermittent access later in the day, others continued experiencing problems" ends at "day".
* A cue inside a dash aside reports nothing past the closing dash: "— the Post's team documented 39,573
  falsehoods that he spouted — Trump could end up …" ends at "spouted"."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..nlp import doc_text
from ..types import Attribution, AttributionType, Span
from .kinds import cue_word

#: what opens a subordinate clause before the main one ("while …, others …"); not "as" ("as he said, X"
#: reports the main clause)
_SUBORDINATORS = {"while", "whilst", "although", "though", "whereas", "because", "since", "when", "if", "after", "before", "until", "unless"}
#: prepositions that open a time adjunct ("on Thursday", "in June", "at noon")
_TIME_PREPS = {"on", "in", "at", "during"}
#: what a reported clause starts with after the time: its subject, or a complementiser
_CLAUSE_START_DEPS = {"nsubj", "nsubjpass", "expl", "mark"}


def bound_contents(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions, each indirect content that opens with a time adjunct right after its cue
    starting after it, and each content of a cue inside a clause's subject ending with that subject."""
    bounded = (_without_addressee_part(doc, _after_addressee(doc, _after_lead_in(doc, _without_free_relative(_with_but_also(doc, _within_subject(doc, _within_subordinate(doc, _within_dashes(doc, _trimmed(doc, a))))))))) for a in attributions)
    return [a for a in bounded if a is not None]


#: a colon that ends the writer's lead-in: then a sentence of four words or more (capital or not)
_LEAD_IN = re.compile(r":\s+(?=\S+(?:\s+\S+){3})")


def _after_lead_in(doc: Doc, a: Attribution | None) -> Attribution | None:
    if a is None or a.type is AttributionType.DIRECT or not a.cue or not a.content or a.content[-1].end > a.cue[0].start:
        return a
    if a.cue_lemma in ("according to", "accord"):
        return a  # "X put forward two proposals: one …, according to people familiar": the whole sentence is theirs
    first = a.content[0]
    colon = _LEAD_IN.search(first.text)
    if colon is None or any(ch in first.text[: colon.start()] for ch in "“”\"\n"):
        return a
    text = doc_text(doc)
    return replace(a, content=(Span.of(text, first.start + colon.end(), first.end), *a.content[1:]))


def _after_addressee(doc: Doc, a: Attribution | None) -> Attribution | None:
    if a is None or a.type is AttributionType.DIRECT or not a.cue or not a.content:
        return a
    first = a.content[0]
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    verb = cue_word(doc, a)
    if span is None or len(span) < 3 or verb is None:
        return a
    told, that = span[0], span[1]
    if told.pos_ != "PRON" or told.dep_ not in ("dobj", "dative") or told.head != verb or that.lower_ != "that" or that.dep_ != "mark":
        return a
    return replace(a, content=(Span.of(doc_text(doc), that.idx, first.end), *a.content[1:]))


def _without_addressee_part(doc: Doc, a: Attribution | None) -> Attribution | None:
    """"pledged to the board in July that the department would …": the one spoken to, the object of
    the cue's "to", is no part of what was said when the content goes on after it."""
    if a is None or len(a.content) < 2 or not a.cue:
        return a
    verb = cue_word(doc, a)
    first = doc.char_span(a.content[0].start, a.content[0].end, alignment_mode="expand")
    if verb is None or first is None or not len(first):
        return a
    to = first.root.head
    addressed = first.root.dep_ == "pobj" and to.lower_ == "to" and to.head == verb and first.start == first.root.left_edge.i and first.end == first.root.right_edge.i + 1
    return replace(a, content=a.content[1:]) if addressed else a


#: the pronoun of a free relative, object of the cue before it ("what he called …")
_FREE_RELATIVE = {"what", "whatever"}


def _without_free_relative(a: Attribution) -> Attribution | None:
    if a.type is AttributionType.DIRECT or not a.cue:
        return a
    kept = tuple(s for s in a.content if not (s.text.strip().lower() in _FREE_RELATIVE and s.end <= a.cue[0].start))
    if kept == a.content:
        return a
    return replace(a, content=kept) if kept else None


_NOT_ONLY = re.compile(r"\bnot only\b", re.IGNORECASE)
_BUT_ALSO = re.compile(r"\s*,?\s*but(?: also)?\b[^.;!?\n]*", re.IGNORECASE)


def _with_but_also(doc: Doc, a: Attribution) -> Attribution:
    if a.type is AttributionType.DIRECT or not a.content or not _NOT_ONLY.search(a.content[-1].text):
        return a
    text = doc_text(doc)
    last = a.content[-1]
    more = _BUT_ALSO.match(text, last.end)
    if more is None or more.end() <= last.end:
        return a
    return replace(a, content=(*a.content[:-1], Span.of(text, last.start, more.end())))


def _within_subject(doc: Doc, a: Attribution) -> Attribution:
    if a.type is AttributionType.DIRECT or not a.cue or not a.content:
        return a
    verb = cue_word(doc, a)
    if verb is None:
        return a
    subject = verb
    while subject.dep_ not in ("nsubj", "nsubjpass") and subject.head is not subject and subject.dep_ in ("relcl", "acl"):
        subject = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject is verb or subject.head.i <= verb.i:
        return a
    end = doc[subject.right_edge.i].idx + len(doc[subject.right_edge.i])
    if a.content[-1].end <= end or a.content[0].start >= end:
        return a
    text = doc_text(doc)
    kept = [s for s in a.content if s.start < end]
    last = kept[-1]
    cut = min(last.end, end)
    while cut > last.start and not text[cut - 1].isalnum():
        cut -= 1
    if cut <= last.start:
        return a
    return replace(a, content=(*kept[:-1], Span.of(text, last.start, cut)))


#: a dash that opens or closes an aside: an em dash, a spaced en dash, a spaced double hyphen
_DASH = re.compile(r"—|\s–\s|\s--\s")


def _within_dashes(doc: Doc, a: Attribution) -> Attribution:
    """"— the auditor documented 412 errors that he made — the mayor could …": a dash opened before the
    cue in its sentence and not closed closes the content."""
    if a.type is not AttributionType.INDIRECT or not a.cue or not a.content or a.content[0].start < a.cue[-1].end:
        return a
    text = doc_text(doc)
    cue = doc.char_span(a.cue[0].start, a.cue[0].end, alignment_mode="expand")
    if cue is None or not len(cue):
        return a
    before = text[cue.sent.start_char : a.cue[0].start]
    if len(_DASH.findall(before)) % 2 == 0:
        return a
    for k, part in enumerate(a.content):
        dash = _DASH.search(text, part.start, part.end)
        if dash is not None:
            cut = dash.start()
            while cut > part.start and text[cut - 1].isspace():
                cut -= 1
            kept = (*a.content[:k], Span.of(text, part.start, cut)) if cut > part.start else a.content[:k]
            return replace(a, content=kept) if kept else a
    return a


def _within_subordinate(doc: Doc, a: Attribution) -> Attribution:
    """"While some users reported X, others Y": the cue's clause, opened by a subordinator and hung on a
    main verb after it, bounds the content."""
    if a.type is AttributionType.DIRECT or not a.cue or not a.content:
        return a
    verb = cue_word(doc, a)
    if verb is None or verb.dep_ != "advcl" or verb.head.i <= verb.right_edge.i:
        return a
    if not any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS and c.i < verb.i for c in verb.children):
        return a
    end = doc[verb.right_edge.i].idx + len(doc[verb.right_edge.i])
    if a.content[0].start >= end or a.content[-1].end <= end:
        return a
    text = doc_text(doc)
    kept = [s for s in a.content if s.start < end]
    last = kept[-1]
    cut = min(last.end, end)
    while cut > last.start and not text[cut - 1].isalnum() and text[cut - 1] not in "”\"’)":
        cut -= 1
    if cut <= last.start:
        return a
    return replace(a, content=(*kept[:-1], Span.of(text, last.start, cut)))


def _trimmed(doc: Doc, a: Attribution) -> Attribution:
    if a.type is not AttributionType.INDIRECT or not a.cue or not a.content:
        return a
    first = a.content[0]
    text = doc_text(doc)
    if first.start < a.cue[-1].end or text[a.cue[-1].end : first.start].strip():
        return a  # the content does not follow the cue directly
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return a
    i = span.start
    if doc[i].lower_ in _TIME_PREPS:
        i += 1
    start = i
    while i < span.end and doc[i].ent_type_ in ("DATE", "TIME") and doc[i].dep_ not in ("nsubj", "nsubjpass", "poss") and doc[i].tag_ != "POS":
        i += 1
    if i == start or i >= span.end - 1:
        return a
    rest = doc[i]
    if not any(t.dep_ in _CLAUSE_START_DEPS and t.left_edge.i == rest.i for t in doc[i : span.end]):
        return a  # "said Monday's vote was rigged": the date belongs to what was said
    content = (Span.of(text, rest.idx, first.end), *a.content[1:])
    return replace(a, content=content)
