"""The learned model's sources checked against the parse, after rules and model are merged.

The role tagger sometimes marks as the source the subject of another clause: the speaker of the sentence's
first verb ("Anne said there was concern …, and Henry condemned his relatives": "Anne" for "condemned"), or
the subject inside the cue's own complement ("after he suggested she stay home": "she" for "suggested").
When the cue's verb has a subject of its own that names someone, that subject is the source. A content part
that is only the one the words were told to ("she remembered telling Harry") is dropped.
Runs after the merge so that the model's recorded predictions (``model.predict``) stay as trained.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..nlp import doc_text
from ..types import Attribution, Span
from .kinds import cue_word
from .syntax import own_subject


def give_sources_their_cue_subject(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """``attributions`` with each model source that the parse gives to another clause replaced by the
    cue's own subject, and without a content part that is only the addressee.

    Example:
        >>> give_sources_their_cue_subject(None, [])
        []
    """
    checked = [_checked(doc, a) if a.origin == "model" and len(a.source) == 1 and a.cue else a for a in attributions]
    return [_without_addressee(doc, a) if a.origin == "model" and len(a.content) > 1 and a.cue else a for a in checked]


def _without_addressee(doc: Doc, a: Attribution) -> Attribution:
    """"“I can't be left alone,” she remembered telling Harry": a content part that is only the one the
    cue's words were told to (the object of the cue or of a gerund after it) is no part of what was said."""
    verb = cue_word(doc, a)
    text = doc_text(doc)
    quoted = any(text[max(0, p.start - 1) : p.start].strip() in ('"', "“", "‘", "'") for p in a.content)
    if verb is None or not quoted:  # only beside a quotation: elsewhere the tagger's parts follow PolNeAR's
        return a
    heads = {verb.i} | {c.i for c in verb.children if c.tag_ == "VBG"}
    kept = []
    for part in a.content:
        tokens = doc.char_span(part.start, part.end, alignment_mode="expand")
        root = tokens.root if tokens is not None and len(tokens) else None
        told = root is not None and root.dep_ in ("dobj", "dative") and root.head.i in heads and root.pos_ in ("PROPN", "PRON")
        if not told:
            kept.append(part)
    return replace(a, content=tuple(kept)) if kept and len(kept) < len(a.content) else a


def _checked(doc: Doc, a: Attribution) -> Attribution:
    verb = cue_word(doc, a)
    source = doc.char_span(a.source[0].start, a.source[0].end, alignment_mode="expand")
    if verb is None or verb.pos_ not in ("VERB", "AUX") or source is None or not len(source):
        return a
    own = own_subject(verb, source.start, source.end)
    if own is None or own == (source.start, source.end):
        return a
    text = doc_text(doc)
    first, last = doc[own[0]], doc[own[1] - 1]
    return replace(a, source=(Span.of(text, first.idx, last.idx + len(last.text)),))
