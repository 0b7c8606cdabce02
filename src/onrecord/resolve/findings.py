"""A finding has an author, not a speaker (issue 16): "a 2014 study warned …", "city data show …", "Tests
found …" report evidence, and a reader does not take the study, the data or the tests for someone who
spoke. For an attribution of kind evidence whose source is a document or a finding (``data/kind_nouns.tsv``,
nouns of kinds writing and evidence, from WordNet's noun classes), the speaker is the author the phrase
names ("a study by The Economist", "data from the grid operator", "figures published by the ministry",
"the agency's survey"), and no one when it names none. Statements from documents ("the report said") keep
their source: those are quotes."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..types import Attribution, AttributionKind, Span
from .lexicon import finding_nouns

#: prepositions that place people among others ("figures in the party"), never a document's author
_MEMBERSHIP_PREPS = {"in", "at", "within", "among"}
#: prepositions that give a document's author ("a study by …", "data from …")
_AUTHOR_PREPS = {"by", "from"}


def _author(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS:
            return next((p for p in child.children if p.dep_ == "pobj"), None)
        if child.dep_ == "acl":  # "Data published by OpenAI"
            agent = next((a for a in child.children if a.dep_ == "agent"), None)
            if agent is not None:
                return next((p for p in agent.children if p.dep_ == "pobj"), None)
    return None


def finding_author(doc: Doc, attribution: Attribution) -> tuple[Span, ...] | None:
    """The author of a finding's source as a source span; ``()`` when the phrase names none; None when the
    attribution is no finding from a document (its source is resolved as it is).

    Example:
        >>> doc = nlp("A study by the Lakeside Institute found that the lake was warming.")  # doctest: +SKIP
        >>> finding_author(doc, attribution)[0].text  # doctest: +SKIP
        'the Lakeside Institute'
    """
    if attribution.kind is not AttributionKind.EVIDENCE or not attribution.source:
        return None
    tokens = doc.char_span(attribution.source[0].start, attribution.source[0].end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return None
    head = tokens.root
    if head.pos_ != "NOUN" or head.lemma_.lower() not in finding_nouns():
        return None
    if any(c.dep_ == "prep" and c.lower_ in _MEMBERSHIP_PREPS for c in head.children):
        return None  # "centrist figures in the party": people among others, not numbers
    author = _author(head)
    if author is None:
        return ()
    words = [t for t in author.subtree if t.tag_ != "POS"]
    return (Span.of(doc_text(doc), words[0].idx, words[-1].idx + len(words[-1].text)),) if words else ()
