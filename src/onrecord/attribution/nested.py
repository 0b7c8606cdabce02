"""A cue inside another attribution's content that the parser gave the outer speaker.

"He says data from the institute show that imports rose": the parser hangs "show" on "says" as a
clause of its own, and its subject climbs to "He". What the data show is part of what he says;
a second attribution of "show" to the same source repeats the outer one with half its content.
"""
from __future__ import annotations

from ..types import Attribution


def _inside(a: Attribution, outer: Attribution) -> bool:
    return bool(a.cue) and any(s.start <= a.cue[0].start and a.cue[-1].end <= s.end for s in outer.content)


def drop_echoed_cues(attributions: list[Attribution]) -> list[Attribution]:
    """The attributions without those whose cue lies inside another's content and whose source is that
    other's source (the same span, outside the content).

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
    ]
