"""FactBank-style certainty of a claim: certain, probable, possible or unknown.

The cue lends a certainty (``data/stance.tsv``: "believes" → probable, "suggests" → possible); hedges
(``data/hedges.tsv``) lower it. A hedge counts when it bears on the content's main predication — an
auxiliary or adverb of a main-clause predicate ("he may be open to talks"), a raising verb ("appears to"),
a hedging adjective ("it is likely that") — but not inside a subordinate clause of the content ("when the
president said that it was possible …, he had in mind …" stays certain). Hedges around the cue itself
("reportedly told", "is believed to have said", "may have signalled") lower it too. The lowest value wins.
"""
from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..types import Attribution, Span
from .lexicons import Hedge, hedge_lexicon
from .stance import StanceReading, content_tokens, stance_of

LEVELS = ["unknown", "possible", "probable", "certain"]
_SUBORDINATE = {"ccomp", "advcl", "relcl", "acl", "csubj", "pcomp", "parataxis", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos"}
_MAIN_CHAIN = {"xcomp", "aux", "auxpass", "advmod", "neg", "acomp", "conj", "cc", "prt", "ROOT", "npadvmod"}


def lowest(*values: str) -> str:
    return min(values, key=LEVELS.index)


def certainty_of(doc: Doc, attribution: Attribution, reading: StanceReading | None = None) -> tuple[str, tuple[Span, ...]]:
    """The claim's certainty and the hedge spans that set it.

    Example:
        >>> from onrecord.nlp import load_base
        >>> from onrecord.types import Attribution, AttributionType, Span
        >>> doc = load_base()("Analysts said the talks could collapse.")
        >>> a = Attribution((Span.of(doc.text, 0, 8),), (Span.of(doc.text, 9, 13),), (Span.of(doc.text, 14, 38),),
        ...                 AttributionType.INDIRECT, "say", 1.0)
        >>> certainty_of(doc, a)[0]
        'possible'
    """
    reading = reading or stance_of(doc, attribution)
    if reading.negated and reading.stance == "none":
        return reading.certainty, ()
    certainty = reading.certainty
    hedges: list[tuple[Token, Token, Hedge]] = []
    content = content_tokens(doc, attribution)
    in_content = {t.i for t in content}
    for token in content:
        if _in_main_clause(token, in_content):
            hedges.extend(_hedges_at(doc, token, in_content))
    if reading.cue_token is not None:
        hedges.extend(_cue_hedges(doc, reading.cue_token, in_content))
    text = doc_text(doc)
    spans = []
    for first, last, hedge in hedges:
        certainty = lowest(certainty, hedge.certainty)
        span = Span.of(text, first.idx, last.idx + len(last))
        if span not in spans:
            spans.append(span)
    if content and content[0].lower_ in ("whether",):
        certainty = "unknown"
    return certainty, tuple(sorted(spans, key=lambda s: s.start))


def _in_main_clause(token: Token, inside: set[int]) -> bool:
    """Whether ``token`` bears on a main predicate of the content, not on a clause embedded in it."""
    t = token
    for _ in range(12):
        if t.head == t or t.head.i not in inside:
            return True
        if t.dep_ not in _MAIN_CHAIN and not (t == token and t.dep_ in ("advmod", "aux", "acomp")):
            return False
        t = t.head
    return False


@functools.lru_cache(maxsize=1)
def _hedges_by_first_word() -> dict[str, tuple[Hedge, ...]]:
    index: dict[str, list[Hedge]] = {}
    for hedge in hedge_lexicon():  # longest first, kept in that order
        index.setdefault(hedge.words[0], []).append(hedge)
    return {word: tuple(hedges) for word, hedges in index.items()}


def _hedges_at(doc: Doc, token: Token, inside: set[int]):
    index = _hedges_by_first_word()
    candidates = index.get(token.lower_, ()) + index.get(token.lemma_.lower(), ())
    for hedge in candidates:
        n = len(hedge.words)
        if token.i + n > len(doc):
            continue
        words = tuple(t.lower_ for t in doc[token.i : token.i + n])
        lemmas = tuple(t.lemma_.lower() for t in doc[token.i : token.i + n])
        if words != hedge.words and lemmas != hedge.words:
            continue
        if hedge.kind == "modal" and token.tag_ != "MD":
            continue
        if hedge.kind == "verb" and not (token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") for c in token.children)):
            continue
        if hedge.kind == "adjective" and token.dep_ not in ("acomp", "amod", "advmod", "ROOT", "attr") and token.pos_ != "ADJ":
            continue
        yield token, doc[token.i + n - 1], hedge
        return  # the longest cue at a token wins ("may well" over "may")


def _cue_hedges(doc: Doc, cue: Token, inside: set[int]):
    """Hedges on the attribution itself: "reportedly told", "may have said", "is believed to have said"."""
    near = [c for c in cue.children if c.i not in inside and c.dep_ in ("aux", "advmod")]
    head = cue.head if cue.dep_ == "xcomp" else None
    if head is not None:  # "is believed to have said": the hedge governs the cue
        near.append(head)
        near.extend(c for c in head.children if c.dep_ in ("aux", "auxpass", "advmod") and c.i not in inside)
    for token in near:
        for first, last, hedge in _hedges_at(doc, token, inside):
            yield first, last, hedge
        if token == head and head.lemma_ in ("believe", "think", "say", "report", "understand", "allege", "expect") and any(c.dep_ == "auxpass" for c in head.children):
            aux = next(c for c in head.children if c.dep_ == "auxpass")
            yield aux, head, Hedge(("is", head.lemma_), "probable", "passive")
