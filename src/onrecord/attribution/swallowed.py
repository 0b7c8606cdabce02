"""A speaker swallowed by the clause before it, given back to its own cue.

"As trustee Ana Ortiz asked how the buses will cross the route, Mark Hale, the project engineer,
explained that …": the small English parser often runs the first clause on into the name that opens
the main clause, so the question's content ends with "Mark Hale, the project engineer" and
"explained" gets no subject, or the whole first clause as its subject. Checked after rules and model
are merged:

* a named person right before a cue that has no source, or whose source holds a clause of its own,
  with only a description between name and cue (", the project engineer,"), is that cue's source;
* a content that runs into another attribution's source but stops before its cue ends before that
  source (a content that holds a whole attribution, source and cue, is a report of a report and stays).
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from ..nlp import doc_text
from ..types import Attribution, Span

#: how many tokens a description between a name and its cue may take (", assistant director of
#: construction of county transportation and public works,")
_DESCRIPTION_REACH = 14


def give_back_swallowed_speakers(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions, each source found inside the clause before its cue given back to the cue,
    and each content cut before another attribution's source it runs into.

    Example:
        >>> doc = load_nlp()("As Ana Ortiz asked how the line will cross the river, Mark Hale, the engineer, said a bridge would be built.")  # doctest: +SKIP
        >>> [a.source[0].text for a in doc._.attributions if a.cue[0].text == "said"]  # doctest: +SKIP
        ['Mark Hale, the engineer']
    """
    text = doc_text(doc)
    named = [_with_named_source(doc, text, a) for a in attributions]
    return [_cut_before_sources(text, a, named) for a in named]


def _with_named_source(doc: Doc, text: str, a: Attribution) -> Attribution:
    if not a.cue or (a.source and not _holds_a_clause(doc, a.source[0])):
        return a
    cue = doc.char_span(a.cue[0].start, a.cue[0].end, alignment_mode="expand")
    if cue is None or not len(cue):
        return a
    name = _name_before(doc, cue.start)
    if name is None or (a.source and not a.source[0].start <= name.start_char < a.source[0].end):
        return a
    end = cue.start
    while end > name.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return dataclasses.replace(a, source=(Span.of(text, name.start_char, doc[end - 1].idx + len(doc[end - 1].text)),))


def _holds_a_clause(doc: Doc, source: Span) -> bool:
    """A source with a verb and its own subject inside it ("the BRT will cross 46 intersections, Alex
    Barrios") is a clause the parser ran on, not a noun phrase; a relative clause describes the speaker."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None:
        return False
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and span.start <= t.head.i < span.end and t.head.dep_ not in ("relcl", "acl")
        for t in span
    )


def _name_before(doc: Doc, cue: int) -> TokenSpan | None:
    """The person named after a comma right before token ``cue``, with only a described role between
    (", Mark Hale, the project engineer, said"; ", Mark Hale said")."""
    sentence_start = doc[cue].sent.start if cue < len(doc) else 0
    for ent in reversed(doc.ents):
        if ent.end > cue:
            continue
        if ent.start < sentence_start or cue - ent.end > _DESCRIPTION_REACH:
            return None
        if ent.label_ != "PERSON":
            continue
        between = doc[ent.end : cue]
        opened = ent.start > 0 and doc[ent.start - 1].text == ","
        described = not len(between) or (between[0].text == "," and not any(t.pos_ in ("VERB", "AUX") for t in between))
        return ent if opened and described and len(ent) >= 2 else None
    return None


def _cut_before_sources(text: str, a: Attribution, others: list[Attribution]) -> Attribution:
    content = list(a.content)
    for b in others:
        if b is a or not b.source or not b.cue:
            continue
        start, cue = b.source[0].start, b.cue[0].start
        for k, span in enumerate(content):
            # the content runs into b's source and stops before b's cue
            if span.start < start < span.end <= cue:
                end = start
                while end > span.start and text[end - 1] in " ,;\n":
                    end -= 1
                content[k] = Span.of(text, span.start, end)
    if content == list(a.content):
        return a
    return dataclasses.replace(a, content=tuple(s for s in content if s.end > s.start))
