"""Combining the learned model's attributions with the rules' (used by ``assemble``).

Rules are precise where they fire with a strong pattern (a quotation with a speech verb beside
it, a that-clause under a lexicon verb); the model covers the long tail. So:

1. rule attributions whose rule confidence reaches ``rules_win_at`` are kept and win over any
   model attribution they overlap (in cue or content);
2. model attributions are kept where they overlap no winning rule; one that overlaps no rule
   attribution at all (only the model saw it) must reach ``model_alone_min`` calibrated
   confidence: stronger evidence where nothing else agrees;
3. the remaining rule attributions fill in where nothing else was kept.

Rule attributions take as confidence the accuracy their type had on PolNeAR dev in this merge
(stored in the model's calibration.json), so confidences stay comparable across origins.
The thresholds live in the model's config (``merge``) and are reported with its dev figures.
"""
from __future__ import annotations

from dataclasses import replace

from ..types import Attribution

DEFAULT_POLICY = {"rules_win_at": 0.8, "model_alone_min": 0.7}


def _overlaps(a: Attribution, b: Attribution) -> bool:
    return any(x.overlaps(y) for x in a.cue for y in b.cue) or any(x.overlaps(y) for x in a.content for y in b.content)


def merge_parts(model_found: list[Attribution], rule_found: list[Attribution], policy: dict | None = None):
    """``(winning rules, kept model attributions, filling rules)`` under the merge policy.

    Example:
        >>> merge_parts([], [])
        ([], [], [])
    """
    policy = {**DEFAULT_POLICY, **(policy or {})}
    winners = [r for r in rule_found if r.confidence >= policy["rules_win_at"]]
    kept = []
    for m in model_found:
        if any(_overlaps(m, r) for r in winners):
            continue
        if m.confidence < policy["model_alone_min"] and not any(_overlaps(m, r) for r in rule_found):
            continue
        kept.append(m)
    fill = [r for r in rule_found if r.confidence < policy["rules_win_at"] and not any(_overlaps(r, x) for x in winners + kept)]
    return winners, kept, fill


def merge_with_rules(
    model_found: list[Attribution],
    rule_found: list[Attribution],
    rule_confidence: dict[str, float] | None = None,
    policy: dict | None = None,
) -> list[Attribution]:
    """The merged attributions; rule ones get their type's dev accuracy as confidence."""
    winners, kept, fill = merge_parts(model_found, rule_found, policy)
    rules = winners + fill
    if rule_confidence:
        rules = [replace(r, confidence=rule_confidence.get(r.type.value, r.confidence)) for r in rules]
    return kept + rules
