""""It" and "they" as sources for organisations and groups: the organisation or people that were the
subject of the sentence before, when none spoke recently. Hand-written articles; each failed before."""
from __future__ import annotations

from tests.resolve.speaker_lookup import speaker_of


def test_they_after_a_union_as_subject_is_the_union(analyse):
    text = (
        "The Atlantic Ferry Workers Union started a campaign last year to save the night crossings.\n\n"
        "On Tuesday, they said that the last ferry would leave at 9 p.m."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="they") == "Atlantic Ferry Workers Union"


def test_it_after_the_company_as_subject_is_the_company_the_article_named(analyse):
    text = (
        "Nordvik Shipping Corp bought two new ferries last month.\n\n"
        "Mayor Bram Kooiman welcomed the ferries.\n\n"
        "The company cut 40 crossings on Monday because of snow. It said the cuts would last a week."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="It") == "Nordvik Shipping Corp"


def test_they_after_officials_as_subject_is_the_officials(analyse):
    text = "Town officials met the bakers on Monday. They said the new rules would be published in May."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="They") == "Town officials"


def test_they_after_a_thing_as_subject_stays_without_a_speaker(analyse):
    text = "The blackouts left the state's energy experts bewildered. They said that the utilities had plenty of power."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="They") is None


def test_they_say_as_an_aside_after_people_described_by_who_is_those_people(analyse):
    text = (
        "Mayor Ruth Okafor won her first race by 30 points.\n\n"
        "Others who have tracked her career see rougher waters ahead. Turnout in city elections is notoriously "
        "low, they say, and she has never faced such attacks."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "say", source="they") == "Others who have tracked her career"
