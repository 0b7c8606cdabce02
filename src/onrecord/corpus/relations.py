"""How two statements from different articles relate: ``corroborates``, ``contradicts`` or ``related``.

Pure Python over what the store keeps (content text, claim stance, ``negated``, quantities, speaker id);
``onrecord.store.related.related`` finds the candidates with the full-text index and calls
:func:`classify` on each. The rules, in order (``docs/store.md`` explains them):

1. **contradicts** (polarity): one side denies (stance ``denies``, a negated cue read as doubt:
   "does not believe" → ``questions`` with ``negated``, or an asserting cue whose content is itself
   negated: "Mexico would not pay for the wall, he said") and the other asserts (``ASSERTING`` stances),
   and the contents overlap at least ``CONTRADICT_MIN`` with ``MIN_SHARED_COMMON`` shared words that are
   not names or numbers, each side with ``MIN_CLAIM_WORDS`` content words
   (every relation needs a weighted Dice of ``RELATED_MIN`` and ``MIN_SHARED`` shared content words);
2. **contradicts** (numbers): as much overlap, both carry a quantity of the same unit and no pair can be the
   same number, given their qualifiers ("nearly 3,000" is 2,550–3,000; "500" is 475–525);
3. **corroborates**: both assert, or both deny, the overlap is at least ``CORROBORATE_MIN`` with more
   than ``MIN_SHARED`` shared words (``MIN_SHARED_COMMON`` of them not names) making ``CONTAIN_MIN`` of the
   shorter statement, each side has ``MIN_CLAIM_WORDS`` content words, and the
   speakers are two different known entities, neither a description such as "GOP front-runner"
   (an independent source);
4. otherwise **related** (the same speaker repeating himself, no stance to compare, a weaker overlap).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .numbers import compare_quantities
from .overlap import content_words, negated_words, overlap

#: stances that put the content forward as true
ASSERTING = frozenset({"states", "claims", "alleges", "accuses", "confirms", "admits", "reiterates", "clarifies", "warns", "promises"})
#: weighted Dice of content words below which a candidate is dropped
RELATED_MIN = 0.2
#: distinct shared content words needed (one shared word on a short quote says little)
MIN_SHARED = 2
#: shared common words (lower case on at least one side: not names, not numbers) needed to corroborate
#: or contradict by polarity; shared names alone say two statements are about the same people, not the same claim
MIN_SHARED_COMMON = 2
#: content words each side needs before it can corroborate or contradict: a shorter content is a topic
#: ("the former secretary of state"), not a claim
MIN_CLAIM_WORDS = 4
#: share of the shorter statement's (weighted) words found in the other, needed to corroborate
CONTAIN_MIN = 0.6
#: overlap needed before a difference in polarity counts as a contradiction
CONTRADICT_MIN = 0.25
#: overlap needed for two independent statements of the same polarity to corroborate
CORROBORATE_MIN = 0.4


def content_polarity(stance: str | None, negated: bool, content_negated: bool) -> int | None:
    """:func:`polarity`, with an asserted negative content counted as a denial ("the ship was never
    seized, she said" denies what "the navy seized the ship" asserts). A denial keeps -1 whatever its
    content says: "denied that it had never paid" is rare, an emphatic "denied it had ever" common.

    Example:
        >>> content_polarity("states", False, True), content_polarity("states", False, False), content_polarity("denies", False, True)
        (-1, 1, -1)
    """
    found = polarity(stance, negated)
    return -1 if found == 1 and content_negated else found


def polarity(stance: str | None, negated: bool = False) -> int | None:
    """+1 when the stance asserts the content, -1 when it denies or doubts it (a negated cue read as
    ``questions``), None when there is nothing to compare (no claim, ``none``, hopes, questions …).

    Example:
        >>> polarity("alleges"), polarity("denies"), polarity("questions", negated=True), polarity("none", True)
        (1, -1, -1, None)
    """
    if stance is None or stance == "none":
        return None
    if stance == "denies" or (negated and stance == "questions"):
        return -1
    if stance in ASSERTING and not negated:
        return 1
    return None


@dataclass(frozen=True, slots=True)
class Statement:
    """What the comparison reads of one stored attribution."""

    content: str
    speaker_id: str | None = None
    speaker_name: str | None = None
    stance: str | None = None
    negated: bool = False
    quantities: tuple[Mapping[str, Any], ...] = ()
    words: Mapping[str, float] = field(default_factory=dict)
    negated_words: frozenset[str] = frozenset()

    @classmethod
    def of(cls, content: str, speaker_id: str | None = None, speaker_name: str | None = None, stance: str | None = None,
           negated: bool = False, quantities: Sequence[Mapping[str, Any]] = ()) -> Statement:
        """A statement with its content words computed."""
        return cls(content, speaker_id, speaker_name, stance, negated, tuple(quantities), content_words(content), negated_words(content))


@dataclass(frozen=True, slots=True)
class Relation:
    """How a candidate relates to the statement asked about."""

    relation: str  # corroborates / contradicts / related
    score: float  # the content-word overlap, 0–1
    reasons: tuple[str, ...]
    shared_words: tuple[str, ...]


def is_description(name: str | None) -> bool:
    """Whether a speaker's name is a description ("GOP front-runner", "the billionaire mogul") rather than a
    name: its last word is in lower case. A description may be a named speaker's second mention.

    Example:
        >>> is_description("GOP front-runner"), is_description("Hillary Clinton"), is_description("FBI")
        (True, False, False)
    """
    words = re.findall(r"[^\W_][\w'’.-]*", name or "")
    return bool(words) and words[-1][0].islower()


def _describe(statement: Statement) -> str:
    who = statement.speaker_name or "an unresolved speaker"
    stance = statement.stance or "no stance stored"
    return f"{who} ({stance}{', negated cue' if statement.negated else ''})"


def classify(statement: Statement, other: Statement) -> Relation | None:
    """How ``other`` relates to ``statement``, or None when their contents overlap too little (a weighted
    Dice below ``RELATED_MIN`` or fewer than ``MIN_SHARED`` shared words).

    Example:
        >>> a = Statement.of("the Velmoran navy seized the grain ship Aurora", "irina-solberg", "Irina Solberg", "alleges")
        >>> b = Statement.of("the Velmoran navy never seized the grain ship Aurora", "pavel-dremov", "Pavel Dremov", "denies")
        >>> classify(a, b).relation
        'contradicts'
    """
    score, shared = overlap(statement.words, other.words)
    if score < RELATED_MIN or len(shared) < MIN_SHARED:
        return None
    reasons = [f"shared words: {', '.join(shared[:8])}" + (" …" if len(shared) > 8 else "")]
    # a content negates the claim when a negation covers one of the shared words that are not names
    # ("Mexico would not pay for a wall" against "Mexico pays for the wall": "pay")
    shared_common = {w for w in shared if min(statement.words[w], other.words[w]) == 1.0}
    negative = [sorted(s.negated_words & shared_common) for s in (statement, other)]
    if statement.negated_words and other.negated_words:  # both say "not" somewhere: no contrast read from that
        negative = [[], []]
    mine = content_polarity(statement.stance, statement.negated, bool(negative[0]))
    theirs = content_polarity(other.stance, other.negated, bool(negative[1]))
    agree, disagree = compare_quantities(statement.quantities, other.quantities)
    common = sum(1 for w in shared if min(statement.words[w], other.words[w]) == 1.0)
    shorter = min(statement.words, other.words, key=lambda words: sum(words.values()))
    contained = sum(shorter[w] for w in shared) / sum(shorter.values())
    claim_like = common >= MIN_SHARED_COMMON and min(len(statement.words), len(other.words)) >= MIN_CLAIM_WORDS
    both_known = statement.speaker_id is not None and other.speaker_id is not None
    same_speaker = both_known and statement.speaker_id == other.speaker_id
    described = next((s.speaker_name for s in (statement, other) if is_description(s.speaker_name)), None)
    by_cue = polarity(statement.stance, statement.negated) != polarity(other.stance, other.negated)
    # a negation word can sit anywhere in a long content: opposite polarity read from the contents alone
    # needs the overlap asked of a corroboration (the same thing said, once with "not")
    strong = score >= CORROBORATE_MIN and len(shared) > MIN_SHARED and contained >= CONTAIN_MIN
    if mine is not None and theirs is not None and mine != theirs and score >= CONTRADICT_MIN and claim_like and (by_cue or strong):
        relation = "contradicts"
        reasons.append(f"opposite polarity: {_describe(statement)} vs {_describe(other)}")
        reasons += [f"negative content: {who.speaker_name or 'an unresolved speaker'} says not “{', '.join(words)}”"
                    for who, words in zip((statement, other), negative) if words]
    elif disagree and score >= CONTRADICT_MIN and claim_like and statement.stance != "none" and other.stance != "none":
        relation = "contradicts"
        reasons += disagree
    elif (
        mine is not None and mine == theirs and claim_like and score >= CORROBORATE_MIN and len(shared) > MIN_SHARED
        and contained >= CONTAIN_MIN and both_known and not same_speaker and described is None
    ):
        relation = "corroborates"
        side = "assert" if mine > 0 else "deny"
        reasons.append(f"both {side}: {_describe(statement)} and {_describe(other)}, an independent source")
    else:
        relation = "related"
        if mine is None or theirs is None:
            reasons.append(f"no polarity to compare: {_describe(statement)} vs {_describe(other)}")
        elif not claim_like:
            reasons.append(f"a topic, not a claim: {common} shared word(s) besides names, or a content under {MIN_CLAIM_WORDS} words")
        elif mine != theirs and not by_cue:
            reasons.append(f"one content negative, but overlap {score:.2f} ({len(shared)} words, {contained:.0%} of the shorter) too weak to oppose them")
        elif mine != theirs:
            reasons.append(f"opposite polarity, but overlap {score:.2f} below {CONTRADICT_MIN}")
        elif score < CORROBORATE_MIN or len(shared) <= MIN_SHARED or contained < CONTAIN_MIN:
            reasons.append(f"same polarity, overlap {score:.2f} ({len(shared)} words, {contained:.0%} of the shorter) too weak to corroborate")
        elif not both_known:
            reasons.append("same polarity, but a speaker is unresolved: independence unknown")
        elif described is not None and not same_speaker:
            reasons.append(f"same polarity, but “{described}” is a description, maybe of the same speaker: independence unknown")
    if same_speaker:
        reasons.append("same speaker" + (": a change of position" if relation == "contradicts" else ""))
    reasons += agree
    return Relation(relation, score, tuple(reasons), tuple(shared))
