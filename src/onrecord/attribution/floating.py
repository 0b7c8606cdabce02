"""Floating quotes: a quotation with no cue of its own that goes on with the quote before it.

News writes a speaker's words over several paragraphs with one cue: “A,” she said. / “B.” /
“C.” Each of B and C is a quotation that no cue governs; a reader credits it to the speaker of
the quote just before. Such a quotation becomes an attribution with empty source and cue spans,
type direct, kind speech, a lower confidence than a quote beside its cue, and (after speaker
resolution, :func:`credit_floating_quotes`) the speaker of the quote it continues.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..types import Attribution, AttributionKind, AttributionType, Span
from .quotes import Quote
from .syntax import SUBJECT_DEPS, subtree_range, trim

#: a floating quote is right less often than a quote beside its cue: the speaker may change
FLOATING_CONFIDENCE = 0.6
#: where a floating quotation may start: at a paragraph's start, or right after a sentence ends
_SENTENCE_END = re.compile(r"(?:^|\n|[.!?][”\"’']?\s+|[.!?,][”\"’']\s*)$")
MIN_WORDS = 4


def is_floating(a: Attribution) -> bool:
    """An attribution with content but no source and no cue: a floating quotation."""
    return not a.source and not a.cue and bool(a.content)


def _starts_free(text: str, q: Quote) -> bool:
    """The quotation opens a paragraph or a sentence (not a phrase inside the writer's sentence)."""
    before = text[max(0, q.start - 6) : q.start]
    return q.start == 0 or bool(_SENTENCE_END.search(before))


def _ends_free(text: str, q: Quote) -> bool:
    """Nothing of the writer's sentence runs on after the quotation (“B,” he said, is not floating)."""
    rest = text[q.end : q.end + 40]
    line = rest.split("\n", 1)[0].strip()
    inner = text[q.start : q.end].rstrip("”\"’' ")
    return not line or inner[-1:] in ".!?" and (line[:1].isupper() or line[:1] in "“\"‘'(")


def _is_heading(text: str, q: Quote) -> bool:
    """A quoted line standing alone with no sentence end: a subheading that quotes the story
    ('Not a lot of units available'), not words going on from the quote before."""
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    inner = text[q.start : q.end].strip().strip("“”\"‘’'«»„").rstrip()
    return line == text[q.start : q.end].strip() and inner[-1:] not in (".", "!", "?", "…")


#: subjects that introduce a person: "he"/"she" (a name is told by its entity label)
_PERSON_PRONOUNS = {"he", "she"}


def _introducer(doc: Doc, text: str, q: Quote, found: list[Attribution]) -> Span | None:
    """The person a sentence right before the quotation, in its paragraph, is about: "Bolger's lawyer,
    Jeremy Robinson, had a more succinct statement. “…”", "Dan … has just returned home. He doesn't
    plan to go back. “…”": news introduces a new speaker that way, and the quotation is theirs, not
    a continuation of the quote before. The subject of that sentence's main verb (a name, or "he"/"she")
    becomes the source; None when the sentence quotes or reports speech itself, or is about no person."""
    before = text[: q.start].rstrip()
    if not before or before[-1] not in ".!?" or "\n" in text[len(before) : q.start]:
        return None
    span = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    if "\n" in text[sent.start_char : q.start] or any(t.is_quote for t in sent):
        return None
    if any(a.is_quote and any(sent.start_char <= s.start < sent.end_char for s in a.cue) for a in found):
        return None  # "Delgado said she worried …. “…”": a reported speech goes on as before
    subjects = [c for c in sent.root.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    start, end = trim(doc, *subtree_range(subject))
    named = [t for t in doc[start:end] if t.ent_type_ == "PERSON"]
    if subject.lower_ not in _PERSON_PRONOUNS and not (named and (subject.ent_type_ == "PERSON" or any(c.dep_ == "appos" for c in subject.children))):
        return None
    return Span.of(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def find_floating_quotes(text: str, quotes: list[Quote], found: list[Attribution], doc: Doc | None = None) -> list[Attribution]:
    """Attributions for the quotations of ``text`` that no attribution in ``found`` holds and that
    follow a quote (speech or writing with a quotation) earlier in the text. With ``doc``, a quotation
    that a sentence about a person introduces in its paragraph gets that person as its source
    (:func:`_introducer`) and is no longer floating.

    Example:
        >>> from onrecord.attribution.quotes import find_quotes
        >>> text = "“We won,” she said.\\n\\n“The fans were tremendous tonight.”"
        >>> quoted = Attribution((), (Span.of(text, 10, 13),), (Span.of(text, 0, 9),), AttributionType.DIRECT, "say", 0.9)
        >>> [a.content[0].text for a in find_floating_quotes(text, find_quotes(text), [quoted])]
        ['“The fans were tremendous tonight.”']
    """
    held = [s for a in found for s in a.content]
    quoted_starts = sorted(a.content[0].start for a in found if a.type is not AttributionType.INDIRECT and a.is_quote and a.content)
    out = []
    for q in quotes:
        if any(s.start < q.end and q.start < s.end for s in held):
            continue
        if not quoted_starts or quoted_starts[0] >= q.start:
            continue  # nothing quoted before it to continue
        if len(text[q.start : q.end].split()) < MIN_WORDS or not (_starts_free(text, q) and _ends_free(text, q)):
            continue
        if _is_heading(text, q):
            continue
        introducer = _introducer(doc, text, q, found) if doc is not None else None
        out.append(
            Attribution(
                source=() if introducer is None else (introducer,),
                cue=(),
                content=(Span.of(text, q.start, q.end),),
                type=AttributionType.DIRECT,
                cue_lemma="",
                confidence=FLOATING_CONFIDENCE,
                origin="rules",
                kind=AttributionKind.SPEECH,
            )
        )
    return out


def detach_quoted_paragraphs(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """A quoted paragraph that the learned model joined to the content of a cue in a later paragraph
    (“A,” she said. / “B.” / Garland said C.) is not that cue's: B goes on with the quote before it,
    so it leaves the attribution (and becomes a floating quote, :func:`find_floating_quotes`) when
    the cue has content of its own after it.

    Example:
        >>> text = "“We won,” she said.\\n\\n“The fans were great.”\\n\\nRuiz said the team was tired."
        >>> said = Attribution((), (Span.of(text, 50, 54),), (Span.of(text, 22, 42), Span.of(text, 55, 73)),
        ...                    AttributionType.INDIRECT, "say", 0.9)
        >>> [s.text for s in detach_quoted_paragraphs(text, [said])[0].content]
        ['the team was tired']
    """
    out = []
    for a in attributions:
        if not a.cue or len(a.content) < 2:
            out.append(a)
            continue
        paragraph = text.rfind("\n", 0, a.cue[0].start) + 1
        kept = tuple(s for s in a.content if not (s.end <= paragraph and _whole_quoted_paragraph(text, s)))
        after = any(s.start >= a.cue[-1].end for s in kept)
        out.append(replace(a, content=kept) if kept != a.content and kept and after else a)
    return out


def _whole_quoted_paragraph(text: str, span: Span) -> bool:
    """The span is one paragraph that is a quotation (marks included or just outside the span)."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    line = text[start : len(text) if end < 0 else end].strip()
    edges = " “”\"‘’'.,;:!?…"  # the model's spans leave the marks and the final stop out
    return bool(line) and line[0] in _OPENING_QUOTES and text[span.start : span.end].strip(edges) == line.strip(edges)


def credit_floating_quotes(attributions: list[Attribution]) -> list[Attribution]:
    """Give each floating quotation the speaker of the quote it continues: the nearest quote
    (speech or writing, direct or reported) before it, floating or not. Run after speaker resolution."""
    ordered = sorted(attributions, key=lambda a: a.content[0].start if a.content else (a.cue[0].start if a.cue else 0))
    last = None
    out = []
    for a in ordered:
        if is_floating(a):
            if last is not None and last.speaker is not None:
                a = replace(a, speaker=last.speaker)
            out.append(a)
            last = a
            continue
        # a signed pull quote (no cue, its name after it) interrupts, it is not continued
        if a.is_quote and (a.cue or not a.source or a.source[0].start < a.content[0].start):
            last = a
        out.append(a)
    return out


#: a quotation going on in a new paragraph that opens with its own quotation mark (“A.\n\n“B.”)
_NEW_QUOTED_PARAGRAPH = re.compile(r"\n\s*(?=[“\"‘'«„])")


def _paragraph_pieces(text: str, span: Span) -> list[Span]:
    """``span`` cut where a new paragraph opens with a quotation mark (news style: a quote over
    several paragraphs reopens the mark at each paragraph and closes it only at the end)."""
    cuts = [span.start + m.end() for m in _NEW_QUOTED_PARAGRAPH.finditer(span.text)]
    if not cuts:
        return [span]
    starts, ends = [span.start, *cuts], [*cuts, span.end]
    pieces = [(b, b + len(text[b:e].rstrip())) for b, e in zip(starts, ends)]
    return [Span.of(text, b, e) for b, e in pieces if e > b]


#: between two content spans of one quote: a sentence or paragraph ends right before the next begins
_NEW_SENTENCE = re.compile(r"[.!?][”\"’']?\s*$|\n")  # the gap ends a sentence ("Dr. Osei," does not)
_OPENING_QUOTES = "“\"‘'«„"


def separate_continued_quotes(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """The quotes as the Gender Gap Tracker counts them: a quotation that goes on in a new sentence
    after its cue (“A,” he said. “B.”) is a floating quote of its own, with the same speaker; one
    split by its cue inside a sentence (“A,” he said, “B.”) stays one; each quoted paragraph of a
    quotation over several paragraphs (“B.¶“C.”) is a quote of its own. Other attributions pass as
    they are. onrecord's own output keeps them joined, as PolNeAR annotates them.

    Example:
        >>> text = "“We won,” she said. “The fans were tremendous.”"
        >>> said = Attribution((), (Span.of(text, 10, 18),), (Span.of(text, 0, 9), Span.of(text, 20, 47)),
        ...                    AttributionType.DIRECT, "say", 0.9)
        >>> [[s.text for s in a.content] for a in separate_continued_quotes(text, [said])]
        [['“We won,”'], ['“The fans were tremendous.”']]
    """
    out = []
    for a in attributions:
        content = [piece for span in a.content for piece in _paragraph_pieces(text, span)]
        if not (a.is_quote and (a.cue or is_floating(a)) and len(content) > 1):
            out.append(a)
            continue
        cue_end = a.cue[-1].end if a.cue else 0
        groups = [[content[0]]]
        for span in content[1:]:
            gap = text[groups[-1][-1].end : span.start]
            first = text[span.start : span.end].lstrip()[:1]
            # the span opens a quotation, or starts right inside its mark (the model's spans leave marks out)
            inside_mark = bool(gap.strip()) and gap.rstrip()[-1] in _OPENING_QUOTES
            opens_quote = bool(first) and first in _OPENING_QUOTES or inside_mark
            if inside_mark:
                gap = gap.rstrip()[:-1]
            if span.start >= cue_end and opens_quote and _NEW_SENTENCE.search(gap):
                groups.append([span])
            else:
                groups[-1].append(span)
        out.append(replace(a, content=tuple(groups[0])))
        out += [
            replace(a, source=(), cue=(), content=tuple(g), type=AttributionType.DIRECT, cue_lemma="", confidence=min(a.confidence, FLOATING_CONFIDENCE))
            for g in groups[1:]
        ]
    return out
