"""Sources that cannot speak (attribution/inanimate.py, data/inanimate_nouns.tsv from WordNet): their deeds
are no statements and what they "suggest" is evidence; hand-written text, each test failed before the fix."""
from __future__ import annotations

import pytest

from onrecord.attribution.inanimate import load_inanimate_nouns
from onrecord.types import AttributionKind as K


def _sources(nlp, text):
    doc = nlp(text)
    return [(text[a.source[0].start : a.source[0].end] if a.source else None, a.cue_lemma, a.kind) for a in doc._.attributions]


@pytest.mark.parametrize("text, noun", [
    ("Rising economic inequality threatens democracy in many countries.", "inequality"),
    ("A surge in mortgage rates has threatened the recovery of the housing market.", "surge"),
])
def test_a_state_or_event_threatening_something_is_no_statement(nlp, text, noun):
    assert not [f for f in _sources(nlp, text) if f[0] and noun in f[0]]


@pytest.mark.parametrize("text", [
    "None of the House Democrats have endorsed the senator so far.",
    "Her loved ones say the victim was a kind and generous man.",
    "The Biden campaign countered that the senator had voted for the bill twice.",
])
def test_people_counted_or_standing_behind_a_noun_keep_their_attributions(nlp, text):
    found = _sources(nlp, text)
    assert found and all(k is not K.EVIDENCE for _, _, k in found)


def test_what_a_surge_of_complaints_suggests_is_evidence_not_speech(nlp):
    found = _sources(nlp, "The surge in complaints suggested the outage was affecting users across several regions.")
    assert [(s, k) for s, _, k in found] == [("The surge in complaints", K.EVIDENCE)]


@pytest.mark.parametrize("text", ["The pub said it would stay closed until March.", "Sources said the minister would resign."])
def test_things_that_stand_for_speakers_keep_speaking(nlp, text):
    found = _sources(nlp, text)
    assert len(found) == 1 and found[0][2] is K.SPEECH


def test_a_quotation_stays_speech_whatever_its_source(nlp):
    found = _sources(nlp, "“We are not closing,” the problem page of the council website said on Monday.")
    assert all(k is not K.EVIDENCE for _, _, k in found)


def test_the_noun_list_holds_states_and_substances_not_speakers():
    nouns = load_inanimate_nouns()
    assert {"inequality", "problem", "surge", "tequila", "neoliberalism"} <= nouns
    assert not {"source", "police", "government", "family", "couple", "official", "body", "pub", "report", "campaign", "initiative"} & nouns
