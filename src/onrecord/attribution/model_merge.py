"""Combining the learned model's attributions with the rules' (used by ``assemble``).

Rules are precise where they fire with a strong pattern (a quotation with a speech verb beside
it, a that-clause under a lexicon verb); the model covers the long tail. So:

1. rule attributions whose rule confidence reaches ``rules_win_at`` are kept and win over any
   model attribution they overlap (in cue or content);
2. model attributions are kept where they overlap no winning rule; one that overlaps a weaker
   rule attribution replaces it when it reaches ``model_over_rule_min`` (else the rule's stays);
   one that overlaps no rule attribution at all (only the model saw it) must reach ``model_alone_min`` calibrated
   confidence when its content is a clause (holds a verb), and the higher
   ``model_alone_min_phrase`` when it is a bare phrase ("later clarified *the remarks*",
   "the remarks suggest *an opening*"): a phrase after a verb is as often the topic or object of
   an ordinary verb as the content of an attribution, so it needs stronger evidence where
   nothing else agrees;
3. the remaining rule attributions fill in where nothing else was kept.

Rule attributions take as confidence the accuracy their type had on PolNeAR dev in this merge
(stored in the model's calibration.json), so confidences stay comparable across origins.
The thresholds live in the model's config (``merge``) and are reported with its dev figures.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..types import Attribution

DEFAULT_POLICY = {"rules_win_at": 0.8, "model_over_rule_min": 0.4, "model_alone_min": 0.5, "model_alone_min_phrase": 0.75}


def _overlaps(a: Attribution, b: Attribution) -> bool:
    return any(x.overlaps(y) for x in a.cue for y in b.cue) or any(x.overlaps(y) for x in a.content for y in b.content)


def content_is_clause(doc: Doc | None, a: Attribution) -> bool:
    """Whether the content holds a verb (a clause or a quotation), not a bare phrase.
    Without the parsed ``doc`` nothing counts as a clause (the stricter bar applies)."""
    if doc is None:
        return False
    for span in a.content:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is not None and any(t.pos_ in ("VERB", "AUX") for t in tokens):
            return True
    return False


def merge_parts(model_found: list[Attribution], rule_found: list[Attribution], policy: dict | None = None, doc: Doc | None = None):
    """``(winning rules, kept model attributions, filling rules)`` under the merge policy;
    ``doc`` is the parsed document (it tells clause contents from phrases).

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
        if any(_overlaps(m, r) for r in rule_found):
            bar = policy["model_over_rule_min"]
        else:
            bar = policy["model_alone_min"] if content_is_clause(doc, m) else policy["model_alone_min_phrase"]
        if m.confidence < bar:
            continue
        kept.append(m)
    fill = [r for r in rule_found if r.confidence < policy["rules_win_at"] and not any(_overlaps(r, x) for x in winners + kept)]
    return winners, kept, fill


def merge_with_rules(
    model_found: list[Attribution],
    rule_found: list[Attribution],
    rule_confidence: dict[str, float] | None = None,
    policy: dict | None = None,
    doc: Doc | None = None,
) -> list[Attribution]:
    """The merged attributions; rule ones get their type's dev accuracy as confidence."""
    winners, kept, fill = merge_parts(model_found, rule_found, policy, doc)
    rules = winners + fill
    if rule_confidence:
        rules = [replace(r, confidence=rule_confidence.get(r.type.value, r.confidence)) for r in rules]
    return kept + rules
