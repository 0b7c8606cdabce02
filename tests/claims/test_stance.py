"""Stance of the cue from the lexicon plus context, and certainty from hedges."""
from __future__ import annotations

import pytest

from onrecord.claims.certainty import certainty_of
from onrecord.claims.stance import stance_of


def _read(parse, attribution, text, cue, content):
    doc = parse(text)
    a = attribution(text, cue, content)
    reading = stance_of(doc, a)
    certainty, hedges = certainty_of(doc, a, reading)
    return reading, certainty, [h.text for h in hedges]


@pytest.mark.parametrize(
    "text, cue, content, stance",
    [
        ("The opposition alleged that ballots had been destroyed.", "alleged", "that ballots had been destroyed", "alleges"),
        ("The league denied that the match had been fixed.", "denied", "that the match had been fixed", "denies"),
        ("The firm admitted that it had misled customers.", "admitted", "that it had misled customers", "admits"),
        ("The envoy warned that the truce could collapse.", "warned", "that the truce could collapse", "warns"),
        ("The minister reiterated that no deal was possible.", "reiterated", "that no deal was possible", "reiterates"),
    ],
)
def test_stance_comes_from_the_cue_lexicon(parse, attribution, text, cue, content, stance):
    assert _read(parse, attribution, text, cue, content)[0].stance == stance


def test_stance_negated_cue_voids_the_claim(parse, attribution):
    reading, certainty, _ = _read(parse, attribution, "The palace declined to confirm the engagement.", "confirm", "the engagement")
    assert (reading.stance, reading.negated, certainty) == ("none", True, "unknown")
    reading, _, _ = _read(parse, attribution, "The coach has yet to address the rumours.", "address", "the rumours")
    assert reading.negated and reading.stance == "none"


def test_stance_negated_rule_out_flips_to_a_suggestion(parse, attribution):
    reading, certainty, _ = _read(parse, attribution, "The minister did not rule out new taxes.", "rule out", "new taxes")
    assert (reading.stance, reading.negated, certainty) == ("suggests", True, "possible")


def test_stance_context_first_person_hope_and_repetition(parse, attribution):
    text = "“We hope the bridge will reopen soon,” the mayor said."
    assert _read(parse, attribution, text, "said", "“We hope the bridge will reopen soon,”")[0].stance == "hopes"
    text = "The union said again that the strike would go ahead."
    assert _read(parse, attribution, text, "said", "that the strike would go ahead")[0].stance == "reiterates"


def test_certainty_main_clause_modal_lowers_it_and_is_reported_as_hedge(parse, attribution):
    reading, certainty, hedges = _read(parse, attribution, "Officials said the dam might fail.", "said", "the dam might fail")
    assert certainty == "possible" and hedges == ["might"]


def test_certainty_hedge_in_an_embedded_clause_does_not_count(parse, attribution):
    text = "The police said the man, who may have been armed, was detained."
    assert _read(parse, attribution, text, "said", "the man, who may have been armed, was detained")[1] == "certain"


def test_certainty_hedge_on_the_cue_counts(parse, attribution):
    text = "The president reportedly told donors that he would run."
    reading, certainty, hedges = _read(parse, attribution, text, "told", "that he would run")
    assert certainty == "probable" and "reportedly" in hedges
