"""The speaker's words when an attribution has a cue but no source span.

The attribution stage sometimes finds "said" without its subject: the parser hung the name on the
verb as something other than a subject ("Traeger\u200b said …", the name glued to an invisible
character), or the cue span took the name in ("DeBoer said"). The parse and the words right before
the verb still say who spoke.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..attribution.events import is_raised_subject
from ..attribution.syntax import has_to_infinitive
from ..nlp import doc_text
from ..types import Span

#: characters some pages put inside words (zero-width space, joiner, soft hyphen, BOM)
INVISIBLE = "\u200b\u200c\u200d\u00ad\ufeff"
_SUBJECTS = ("nsubj", "nsubjpass")


def subject_of_cue(doc: Doc, cue: tuple[Span, ...], inside_quote: list[bool]) -> tuple[Span, ...]:
    """The subject of the cue's verb, as a source span; ``()`` when the text shows none.

    Example:
        >>> doc = nlp("As well as that, Traeger said he would stay.")  # doctest: +SKIP
        >>> said = Span.of(doc.text, 26, 30)  # doctest: +SKIP
        >>> subject_of_cue(doc, (said,), [False] * len(doc))[0].text  # doctest: +SKIP
        'Traeger'
    """
    if not cue:
        return ()
    tokens = doc.char_span(cue[0].start, cue[0].end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return ()
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX") and t.tag_.startswith("VB")]
    if not verbs:
        return ()
    verb = verbs[-1]
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and not inside_quote[c.i]), None)
    if subject is not None and any(t.is_quote or "\n" in t.text_with_ws for t in subject.subtree):
        subject = None  # a subject running across a quotation or a line is a misparse
    if subject is not None and subject.dep_ == "nsubjpass" and _infinitive(verb):
        return ()  # "temperatures are forecast to reach 40C": what the report is about, not who made it
    if is_raised_subject(verb):
        return ()  # "I seem to always come back to …": what the impression is about, not who holds it
    names = _name_before(doc, verb.i, inside_quote)
    # a name right before the verb and outside the parsed subject is the speaker ("the issues raised
    # online, Traeger said"); a name inside it is not ("the report by Smith said")
    if names and (subject is None or not subject.left_edge.i <= names[0].i <= subject.right_edge.i):
        return (_span(doc, names[0], names[-1]),)
    if subject is not None:
        return (_span(doc, subject.left_edge, subject),)
    return ()


def _infinitive(verb: Token) -> bool:
    return has_to_infinitive(verb)


def _name_before(doc: Doc, i: int, inside_quote: list[bool]) -> list[Token]:
    """Capitalised proper nouns right before token ``i`` on the same line ("McNeely said")."""
    out: list[Token] = []
    j = i - 1
    while j >= 0 and doc[j].tag_ in ("NNP", "NNPS") and doc[j].text.strip(INVISIBLE)[:1].isupper() and not inside_quote[j]:
        if "\n" in doc[j].text_with_ws:
            break
        out.insert(0, doc[j])
        j -= 1
    return out


def _span(doc: Doc, first: Token, last: Token) -> Span:
    end = last.idx + len(last.text.rstrip(INVISIBLE))
    return Span.of(doc_text(doc), first.idx, max(end, first.idx + 1))
