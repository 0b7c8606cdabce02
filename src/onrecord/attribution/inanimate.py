"""Sources that cannot speak: a state, an attribute, a substance or a phenomenon (``data/inanimate_nouns.tsv``).

The noun list comes from WordNet's noun classes (:mod:`onrecord.train.wordnet_nouns`): a noun whose
first sense is a state, attribute, feeling, substance, phenomenon and the like, and none of whose senses
names people, a group or a place. Two classes of error seen on real news pages follow from it:

* a deed or a belief of such a thing is no one's statement: "Rising economic inequality threatens
  democracy", "the smoke from the fires threatens the health of …", "Mezcal and tequila are expected
  to grow …" (an act, thought or intention whose source is inanimate, with no quotation) is dropped;
* what such a thing "suggests", "indicates" or "shows" is evidence, not speech: "The surge in complaints
  suggested the outage was …".

Both run in one pass after the kinds are assigned (:func:`settle_inanimate_sources`).

A named entity, a proper noun, a pronoun and any noun outside the list are never inanimate here: "the
pub said" (an artefact standing for its owners) and "sources said" keep their kind.
"""
from __future__ import annotations

import functools
from dataclasses import replace
from importlib import resources

from spacy.tokens import Doc, Span, Token

from ..types import Attribution, AttributionKind
from .events import quoted_content

K = AttributionKind
#: nouns that count or gather whatever follows "of": "a growing body of research", "a host of problems",
#: "none of the Democrats", "plenty of liberals"; without "of" they stand for people ("loved ones")
_GATHERING = {"body", "host", "lot", "number", "series", "set", "wealth", "range", "pile", "array", "one", "none", "plenty",
              "all", "rest", "part", "majority", "minority", "half", "few", "dozen", "score", "handful"}
#: kinds that report a deed, belief or aim: of an inanimate source, none is a statement
_DEEDS = {K.ACT, K.THOUGHT, K.INTENTION}


@functools.lru_cache(maxsize=1)
def load_inanimate_nouns() -> frozenset[str]:
    """``data/inanimate_nouns.tsv``: noun lemmas that name things which cannot speak."""
    text = resources.files("onrecord").joinpath("data/inanimate_nouns.tsv").read_text("utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _source_span(doc: Doc, a: Attribution) -> Span | None:
    if not a.source:
        return None
    span = doc.char_span(a.source[0].start, a.source[0].end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def source_head(doc: Doc, a: Attribution) -> Token | None:
    """The noun the source stands for: its root, the noun a relative "that"/"which" refers to, and
    what "a body of", "a number of" gather."""
    span = _source_span(doc, a)
    if span is None:
        return None
    head = span.root
    if head.lower_ in ("that", "which") and head.head.dep_ == "relcl":
        head = head.head.head  # "a political philosophy that insists …": the philosophy
    if head.lemma_.lower() in _GATHERING:
        objects = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        return objects[0] if objects else None
    return head


def is_inanimate(token: Token | None) -> bool:
    """A common noun of ``data/inanimate_nouns.tsv``, not part of a name."""
    return (
        token is not None
        and token.pos_ == "NOUN"
        and token.ent_type_ == ""
        and token.lemma_.lower() in load_inanimate_nouns()
    )


def inanimate_source(doc: Doc, a: Attribution) -> bool:
    """The attribution's source names a thing that cannot speak."""
    return is_inanimate(source_head(doc, a))


def settle_inanimate_sources(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions with kinds set, each unquoted one of an inanimate source settled (module docstring):
    speech becomes evidence, a deed, belief or aim is dropped."""
    out = []
    for a in attributions:
        if not (a.kind is K.SPEECH or a.kind in _DEEDS) or quoted_content(doc, a) or not inanimate_source(doc, a):
            out.append(a)
        elif a.kind is K.SPEECH:
            out.append(replace(a, kind=K.EVIDENCE))
        elif a.kind not in _DEEDS:
            out.append(a)
    return out
