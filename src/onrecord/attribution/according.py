"""The "according to" cue: "According to X, CONTENT" and "CONTENT, according to X"."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..types import AttributionKind
from .cues import load_cue_lexicon
from .kinds import load_kind_nouns
from .syntax import SUBJECT_DEPS, Candidate, minus, subtree_range, trim


def candidates_from_according(doc: Doc, starts: list[int]) -> list[Candidate]:
    """"According to X, CONTENT" and "CONTENT, according to X"."""
    out = []
    for i in starts:
        according, to = doc[i], doc[i + 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
        if not pobj:
            continue
        source = _owner_of_words(pobj[0]) or trim(doc, *subtree_range(pobj[0]))
        phrase = (i, max(trim(doc, *subtree_range(pobj[0]))[1], i + 2))
        head = according.head
        while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head is not head:
            head = head.head
        sent = according.sent
        clause = subtree_range(head) if head.dep_ != "ROOT" else (sent.start, sent.end)
        parts = [p for p in (trim(doc, *p, keep_quotes=True) for p in minus(clause, phrase)) if p[1] > p[0]]
        if not parts and i == sent.start:
            # the parser hung the whole sentence under the source ("According to radio host
            # Ana Ruiz, the plan failed" with "failed" as an apposition): the comma ends the source
            comma = next((t.i for t in doc[i + 2 : sent.end] if t.text == ","), None)
            if comma is not None and comma > i + 2:
                source = trim(doc, i + 2, comma)
                parts = [p for p in [trim(doc, comma + 1, sent.end, keep_quotes=True)] if p[1] > p[0]]
        subject = _apposed_subject(head, pobj[0])
        if subject is not None and i == sent.start:
            # "According to a blog post for InfoAmazonia, Brazil's institute predicts that …": the parser
            # made the verb's subject an apposition of the source; the comma before it ends the source
            source = trim(doc, i + 2, subject.left_edge.i)
            parts = [p for p in [trim(doc, subject.left_edge.i, sent.end, keep_quotes=True)] if p[1] > p[0]]
        if not parts:
            continue
        out.append(Candidate([i, i + 1], parts, source, "according to", "according-to", 0.9))
    return out


def _apposed_subject(head: Token, pobj: Token) -> Token | None:
    """An apposition in the source after a comma that ends right before a verb with no subject: the
    verb's own subject."""
    if head.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in head.children):
        return None
    doc = head.doc
    for t in pobj.subtree:
        if t.dep_ == "appos" and t.right_edge.i + 1 == head.i and doc[t.left_edge.i - 1].text == ",":
            return t
    return None


#: kinds of the nouns of someone's words or writing ("according to Blinken's explanations")
_WORDS_KINDS = {AttributionKind.SPEECH, AttributionKind.WRITING}


def _owner_of_words(noun: Token) -> tuple[int, int] | None:
    """"according to Blinken's explanations", "according to the ministry's statement": the one whose
    words they are is the source (the possessor without its 's), not the words."""
    lexicon_entry = load_cue_lexicon().entry(noun.lemma_.lower(), "NOUN")
    if load_kind_nouns().get(noun.lemma_.lower()) not in _WORDS_KINDS and (lexicon_entry is None or lexicon_entry.kind != "speech"):
        return None
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    if not owners:
        return None
    start, end = trim(noun.doc, *subtree_range(owners[0]))
    if end > start and noun.doc[end - 1].tag_ == "POS":
        end -= 1
    return (start, end) if end > start else None
