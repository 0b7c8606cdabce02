"""Words the small NER model tags PERSON that are no one's name do not become speakers, and a name it
tags PERSON stays a person when it tags it a place once. Hand-written articles; each failed before its fix."""
from __future__ import annotations

from tests.resolve.speaker_lookup import speaker_of


def test_an_interjection_opening_a_sentence_is_no_person_a_pronoun_can_mean(analyse):
    text = (
        "The date went badly for Tessa on Monday.\n\n"
        "Anywho, she decided to stay. “I am not going home tonight,” she said."
    )
    entities, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Tessa"
    assert "Anywho" not in {e.name for e in entities}


def test_a_surname_opening_a_sentence_before_a_comma_stays_a_person(analyse):
    text = (
        "Coach Ilse Marwick was hired by the club in 2019.\n\n"
        "Marwick, who played in Sweden for a decade, said the team would be ready by spring."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Ilse Marwick"


def test_a_given_name_tagged_a_person_more_often_than_a_place_stays_a_person(analyse):
    # the small model tags "Demi" a place once ("In Demi, …") and a person four times
    text = (
        "Tracy and Demi argued on the beach. Demi said the others were too old for him.\n\n"
        "In Demi, the group visited a farm. Demi stayed behind with Tracy.\n\n"
        "At the cocktail party, Demi decided to step up her campaign. “Some of us are already five steps ahead of them,” she said."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="she") == "Demi"

