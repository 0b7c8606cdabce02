"""Source spans never end or start inside a hyphenated word.

spaCy splits "vice-chancellors" and "co-founders" into three tokens, and the small English parser often
leaves each of them a subject of its own, so the subject found first ("vice", "The co") is cut inside the
word. A source whose edge touches a hyphen that joins two words (no space on either side) is widened to
the whole word, and, at its end, to what hangs on the word's head on the right ("The co-founders of the
company"), as long as it stays before the cue and the content.
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from ..nlp import doc_text
from ..types import Attribution, Span

_HYPHENS = frozenset("-\u2010\u2011")


def _joins(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen glued to a word on each side."""
    if not 0 < i < len(doc) - 1 or doc[i].text not in _HYPHENS:
        return False
    before, after = doc[i - 1], doc[i + 1]
    return not before.whitespace_ and not doc[i].whitespace_ and before.is_alpha and after.is_alpha


def _widened(doc: Doc, span: Span, limit: int) -> Span:
    first = doc.char_span(span.start, span.end, alignment_mode="expand")
    if first is None or not len(first):
        return span
    start, end = first.start, first.end
    while start >= 2 and _joins(doc, start - 1):
        start -= 2
    joined = False
    while end < len(doc) - 1 and _joins(doc, end):
        end += 2
        joined = True
    if joined:  # what hangs on the word on the right: "of the company"
        right = doc[end - 1].right_edge.i + 1
        if right > end and doc[right - 1].idx + len(doc[right - 1]) <= limit and not any(t.is_punct for t in doc[end:right]):
            end = right
    char_start, char_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if (char_start, char_end) == (span.start, span.end) or char_end > limit:
        return span
    char_start, char_end = min(char_start, span.start), max(char_end, span.end)
    return Span(char_start, char_end, doc_text(doc)[char_start:char_end])


def join_hyphenated_sources(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions with each source span widened to whole hyphenated words (see the module)."""
    out = []
    for attribution in attributions:
        if not attribution.source:
            out.append(attribution)
            continue
        others = [s.start for s in (*attribution.cue, *attribution.content) if s.start >= attribution.source[-1].end]
        limit = min(others, default=len(doc_text(doc)))
        source = tuple(_widened(doc, s, limit) for s in attribution.source)
        out.append(attribution if source == attribution.source else dataclasses.replace(attribution, source=source))
    return out
