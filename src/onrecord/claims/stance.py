"""The stance of an attribution's cue: states, claims, alleges, denies … from ``data/stance.tsv`` plus context.

Context that changes the lexicon's reading:

* negation of the cue ("did not say", "has yet to address", "declined to confirm", "never claimed") voids
  the claim (stance ``none``) or flips it where the lexicon says so ("did not rule out" → suggests);
* "again", "once more", "repeatedly" on a neutral cue → reiterates;
* a participle cue takes the stance of the verb it elaborates ("clarified …, stating that" → clarifies);
* a neutral cue whose content is the speaker's own stance verb ("“We hope …,” he added", "said he feared")
  takes that verb's stance; a neutral cue over a question ("asked whether", content ending in "?") → questions.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..types import Attribution
from .lexicons import StanceEntry, stance_lexicon

NEUTRAL = {"states"}
_AGAIN = {"again", "repeatedly", "anew"}
_NEGATING_HEADS = {"decline", "refuse", "fail", "avoid", "neglect", "stop", "hesitate"}
_SELF = {"i", "we", "he", "she", "they", "it"}
_OWN_STANCES = {"hopes", "warns", "promises", "denies", "threatens", "admits", "confirms", "fears", "questions", "accuses", "claims"}
_DEFAULT = StanceEntry("say", "states", "certain", "none", "unknown")


@dataclass(frozen=True, slots=True)
class StanceReading:
    """A cue's stance, whether it was negated, and the certainty the cue itself lends the content."""

    stance: str
    certainty: str
    negated: bool = False
    cue_token: Token | None = None


def cue_tokens(doc: Doc, attribution: Attribution) -> list[Token]:
    """The tokens of the attribution's cue spans (empty when they do not align with the doc)."""
    tokens: list[Token] = []
    for span in attribution.cue:
        found = doc.char_span(span.start, span.end, alignment_mode="expand")
        if found is not None:
            tokens.extend(found)
    return tokens


def content_tokens(doc: Doc, attribution: Attribution) -> list[Token]:
    tokens: list[Token] = []
    for span in attribution.content:
        found = doc.char_span(span.start, span.end, alignment_mode="contract")
        if found is not None:
            tokens.extend(t for t in found if not t.is_punct or t.text in "?")
    return tokens


def head_of(tokens: list[Token]) -> Token | None:
    """The token of ``tokens`` whose syntactic head lies outside them (the first such)."""
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head == t:
            return t
    return tokens[0] if tokens else None


def lexicon_lemma(token: Token) -> str:
    """The token's lemma as the stance lexicon spells it (the tagger's lemmatizer gives "hop" for "hoped")."""
    lexicon = stance_lexicon()
    low = token.lower_
    for candidate in (token.lemma_.lower(), low, low[:-1], low[:-2], low[:-3] + "e", low[:-3], low[:-3] + "y"):
        if candidate in lexicon:
            return candidate
    return token.lemma_.lower()


def cue_key(cue: Token | None, attribution: Attribution) -> str:
    """The lexicon key of a cue: lemma plus particle ("rule out"), or "according to"."""
    if cue is None:
        return attribution.cue_lemma
    if cue.lower_ == "according":
        return "according to"
    lemma = lexicon_lemma(cue)
    particles = [c.lower_ for c in cue.children if c.dep_ == "prt"]
    if particles and f"{lemma} {particles[0]}" in stance_lexicon():
        return f"{lemma} {particles[0]}"
    return lemma


def entry_for(key: str, fallback: str) -> StanceEntry:
    lexicon = stance_lexicon()
    return lexicon.get(key) or lexicon.get(fallback) or _DEFAULT


def is_negated(cue: Token) -> bool:
    """"did not say", "never confirmed", "has yet to address", "declined to confirm", "neither confirmed nor denied"."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "neither", "nor") for c in cue.children):
        return True
    if any(c.lower_ == "yet" and c.dep_ == "advmod" for c in cue.children) and any(c.lemma_ == "have" for c in cue.children):
        return True
    head = cue.head
    if cue.dep_ in ("xcomp", "ccomp", "conj") and head != cue:
        if head.lemma_ in _NEGATING_HEADS and cue.dep_ == "xcomp":
            return True
        if head.lemma_ == "have" and any(c.lower_ == "yet" for c in head.children):
            return True  # "has yet to address"
        if cue.dep_ == "conj" and any(c.lower_ in ("neither", "nor") for c in head.children):
            return True
        if cue.dep_ == "conj" and head.dep_ == "xcomp" and head.head.lemma_ in _NEGATING_HEADS:
            return True  # "declined to confirm or deny"
    if any(c.lower_ in ("neither",) for c in cue.subtree if c.i < cue.i and c.i >= cue.i - 3):
        return True
    return False


def stance_of(doc: Doc, attribution: Attribution) -> StanceReading:
    """Stance, negation and cue certainty of one attribution.

    Example:
        >>> from onrecord.nlp import load_base
        >>> doc = load_base()("The ministry denied that troops had crossed the border.")
        >>> from onrecord.types import Attribution, AttributionType, Span
        >>> a = Attribution((Span.of(doc.text, 0, 12),), (Span.of(doc.text, 13, 19),), (Span.of(doc.text, 20, 55),),
        ...                 AttributionType.INDIRECT, "deny", 1.0)
        >>> stance_of(doc, a).stance
        'denies'
    """
    cue = head_of(cue_tokens(doc, attribution))
    entry = entry_for(cue_key(cue, attribution), attribution.cue_lemma)
    if cue is None:
        return StanceReading(entry.stance, entry.certainty)
    if is_negated(cue):
        return StanceReading(entry.negated_stance, entry.negated_certainty, True, cue)
    stance, certainty = entry.stance, entry.certainty
    if stance in NEUTRAL:
        stance, certainty = _from_context(doc, attribution, cue, stance, certainty)
    return StanceReading(stance, certainty, False, cue)


def _from_context(doc: Doc, attribution: Attribution, cue: Token, stance: str, certainty: str) -> tuple[str, str]:
    if any(c.lower_ in _AGAIN for c in cue.children) or _once_more(cue):
        return "reiterates", certainty
    if cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp", "conj") and cue.head != cue:
        main = entry_for(cue_key(cue.head, attribution), "say")
        if lexicon_lemma(cue.head) in stance_lexicon() and main.stance not in NEUTRAL:
            return main.stance, main.certainty
    content = content_tokens(doc, attribution)
    if not content:
        return stance, certainty
    if content[-1].text == "?" or content[0].lower_ in ("whether",) or (content[0].lower_ == "if" and cue.lemma_ in ("ask", "wonder")):
        return "questions", "unknown"
    root = head_of([t for t in content if not t.is_punct])
    if root is not None and root.pos_ in ("VERB", "AUX") and lexicon_lemma(root) in stance_lexicon():
        subjects = [c for c in root.children if c.dep_ in ("nsubj",)]
        own = entry_for(lexicon_lemma(root), "say")
        if subjects and subjects[0].lower_ in _SELF and own.stance in _OWN_STANCES and not is_negated(root):
            return own.stance, own.certainty
    return stance, certainty


def _once_more(cue: Token) -> bool:
    """"once more", "once again", "yet again" next to the cue."""
    doc = cue.doc
    window = [t.lower_ for t in doc[max(cue.i - 3, 0) : cue.i + 4]]
    pairs = set(zip(window, window[1:]))
    return bool(pairs & {("once", "more"), ("once", "again"), ("yet", "again")})
