"""Nouns taken for cues that name a state or a sight, not words said (``data/non_cue_nouns.tsv``).

The learned model sometimes tags a noun with a clause after it as a cue: "complimented her for her
general understanding of how decisions … can impact …", "these were mostly open looks that they
could not get to go down". Neither reports what anyone said or thought; "our understanding that the
deal is off" (a complement clause of the noun) still does.
"""
from __future__ import annotations

import functools
from importlib import resources

from spacy.tokens import Doc

from ..types import Attribution
from .cues import load_cue_lexicon


@functools.lru_cache(maxsize=1)
def load_non_cue_nouns() -> dict[str, str]:
    """``data/non_cue_nouns.tsv``: noun lemma -> its FrameNet frame."""
    text = resources.files("onrecord").joinpath("data/non_cue_nouns.tsv").read_text("utf-8")
    return dict(line.split("\t")[:2] for line in text.splitlines() if line.strip() and not line.startswith("#"))


#: frames whose nouns can hold what someone knows in a "that" clause ("our understanding that …")
_HOLDS_A_CLAUSE = {"Awareness"}


def _names_no_words(doc: Doc, a: Attribution) -> bool:
    if not a.cue:
        return False
    span = doc.char_span(a.cue[0].start, a.cue[-1].end, alignment_mode="expand")
    nouns = [t for t in span or () if t.pos_ == "NOUN" and t.lemma_.lower() in load_non_cue_nouns()]
    if not nouns:
        return False
    lexicon = load_cue_lexicon()
    if any(t.pos_ == "VERB" and lexicon.entry(t.lemma_.lower(), "VERB") is not None for t in span):
        return False  # "said in her understanding": a verb cue speaks
    if load_non_cue_nouns()[nouns[0].lemma_.lower()] not in _HOLDS_A_CLAUSE:
        return True  # "open looks that they could not get to go down": a sight, whatever follows
    # "our understanding that the deal is off": a complement clause says what is understood
    return not any(c.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in nouns[0].children)


def drop_non_cue_nouns(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions without those whose cue is a noun of ``data/non_cue_nouns.tsv`` with no
    complement clause.

    Example: "… for her general understanding of how decisions can impact the region" gives no
    attribution of "understanding".
    """
    return [a for a in attributions if not _names_no_words(doc, a)]
