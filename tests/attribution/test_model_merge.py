"""The merge of rule and model attributions, on hand-written sentences parsed by the pinned pipeline."""
from __future__ import annotations

import pytest

from onrecord.attribution.model_merge import content_is_clause, merge_parts, merge_with_rules
from onrecord.types import Attribution, AttributionType, Span

TEXT = (
    "The port director later discussed the harbour plan with reporters. "
    "The port director later said that the harbour would close in May. "
    "“We need a second quay,” the port director said."
)


@pytest.fixture(scope="module")
def doc():
    from onrecord.nlp import load_parser

    return load_parser()(TEXT)


def attribution(cue: str, content: str, confidence: float, origin: str, occurrence: int = 0) -> Attribution:
    def span(part: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(part, start + 1)
        return Span.of(TEXT, start, start + len(part))

    return Attribution(
        source=(span("The port director", occurrence) if occurrence < 2 else span("the port director"),),
        cue=(span(cue),),
        content=(span(content),),
        type=AttributionType.INDIRECT,
        cue_lemma=cue,
        confidence=confidence,
        origin=origin,
    )


PHRASE = ("discussed", "the harbour plan")
CLAUSE = ("said that", "that the harbour would close in May")


def test_content_is_clause_tells_clauses_from_bare_phrases(doc):
    assert content_is_clause(doc, attribution(*CLAUSE, 0.5, "model", 1))
    assert not content_is_clause(doc, attribution(*PHRASE, 0.5, "model"))
    # without the parse nothing counts as a clause: the stricter bar applies
    assert not content_is_clause(None, attribution(*CLAUSE, 0.5, "model", 1))


def test_a_model_attribution_no_rule_saw_needs_more_confidence_for_a_phrase_than_for_a_clause(doc):
    policy = {"rules_win_at": 0.8, "model_alone_min": 0.3, "model_alone_min_phrase": 0.7}
    phrase = attribution(*PHRASE, 0.6, "model")
    clause = attribution(*CLAUSE, 0.6, "model", 1)
    _, kept, _ = merge_parts([phrase, clause], [], policy, doc)
    assert kept == [clause]
    _, kept, _ = merge_parts([attribution(*PHRASE, 0.75, "model")], [], policy, doc)
    assert len(kept) == 1


def test_a_confident_rule_wins_over_the_model_and_a_weak_one_only_fills_in(doc):
    policy = {"rules_win_at": 0.8, "model_alone_min": 0.0, "model_alone_min_phrase": 0.7}
    model_quote = attribution("said.", "“We need a second quay,”", 0.9, "model", 2)
    rule_quote = attribution("said.", "“We need a second quay,”", 0.95, "rules", 2)
    weak_rule = attribution(*CLAUSE, 0.6, "rules", 1)
    model_clause = attribution(*CLAUSE, 0.5, "model", 1)
    winners, kept, fill = merge_parts([model_quote, model_clause], [rule_quote, weak_rule], policy, doc)
    assert winners == [rule_quote]
    assert kept == [model_clause]  # overlaps a rule attribution, so no bar of its own
    assert fill == []  # the weak rule overlaps a kept model attribution
    merged = merge_with_rules([model_quote, model_clause], [rule_quote, weak_rule], {"indirect": 0.77}, policy, doc)
    assert {a.origin for a in merged} == {"model", "rules"}
    assert [a.confidence for a in merged if a.origin == "rules"] == [0.77]


def test_a_weak_model_attribution_does_not_replace_the_rule_one_it_overlaps(doc):
    policy = {"rules_win_at": 0.8, "model_over_rule_min": 0.4, "model_alone_min": 0.0, "model_alone_min_phrase": 0.7}
    weak_rule = attribution(*CLAUSE, 0.6, "rules", 1)
    unsure_model = attribution(*CLAUSE, 0.3, "model", 1)
    winners, kept, fill = merge_parts([unsure_model], [weak_rule], policy, doc)
    assert (winners, kept, fill) == ([], [], [weak_rule])
