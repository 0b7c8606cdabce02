"""A time adjunct between a cue and its content belongs to the cue: "Microsoft said on Thursday it aims
to …", "the ministry said Monday it would …". With no "that", the parser hangs the time on the reported
clause's verb and the content starts with it; it then neither reads as what was said nor dates the
statement (``claims/said_on`` takes a time outside the content, right after the cue)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..nlp import doc_text
from ..types import Attribution, AttributionType, Span

#: prepositions that open a time adjunct ("on Thursday", "in June", "at noon")
_TIME_PREPS = {"on", "in", "at", "during"}
#: what a reported clause starts with after the time: its subject, or a complementiser
_CLAUSE_START_DEPS = {"nsubj", "nsubjpass", "expl", "mark"}


def without_leading_time(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions, each indirect content that opens with a time adjunct right after its cue
    starting after it instead."""
    return [_trimmed(doc, a) for a in attributions]


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
