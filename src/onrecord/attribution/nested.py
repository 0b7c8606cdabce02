"""A cue inside another attribution's content that the parser gave the outer speaker.

"He says data from the institute show that imports rose": the parser hangs "show" on "says" as a
clause of its own, and its subject climbs to "He". What the data show is part of what he says;
a second attribution of "show" to the same source repeats the outer one with half its content.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..types import Attribution
from .kinds import cue_word
from .syntax import SUBJECT_DEPS


def _inside(a: Attribution, outer: Attribution) -> bool:
    return bool(a.cue) and any(s.start <= a.cue[0].start and a.cue[-1].end <= s.end for s in outer.content)


def _subjectless_clause(doc: Doc, a: Attribution) -> bool:
    """The cue is a finite verb hung on another verb as a clause, with no subject of its own ("show" in
    "says data … show that"); a coordinated verb ("urged …, and criticized …") or an infinitive
    ("appeared to acknowledge") is a statement of its own."""
    verb = cue_word(doc, a)
    return (
        verb is not None
        and verb.dep_ in ("advcl", "ccomp")
        and verb.tag_ in ("VBP", "VBZ", "VBD")
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in verb.children)
    )


def drop_echoed_cues(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions without those whose cue, a finite verb with no subject of its own, lies inside
    another's content and whose source is that other's source (the same span, outside the content).

    Example: for "He says data show that imports rose", "says" (source "He", content "data show that
    imports rose") stays and "show" (source "He", content "that imports rose") goes.
    """
    return [
        a
        for a in attributions
        if not any(
            outer is not a and a.source and a.source == outer.source and _inside(a, outer) and a.cue != outer.cue
            for outer in attributions
        )
        or not _subjectless_clause(doc, a)
    ]
