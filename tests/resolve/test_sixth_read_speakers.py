"""Speaker errors found by a sixth journalist's read of real news pages, on hand-written text: each
test failed before its fix."""
from __future__ import annotations


def test_a_surname_misspelt_once_is_the_named_speaker(nlp):
    text = (
        "“It is a mixed story,” said Trevor Walsen, a partner at the firm. Coal fell again last year, Walsen said. "
        "Builders could install heat pumps. “But that will not happen on its own,” Walsan said."
    )
    (quote,) = [a for a in nlp(text)._.attributions if "on its own" in a.content_text]
    assert quote.speaker is not None and quote.speaker.name == "Trevor Walsen"


def test_a_surname_two_letters_apart_is_someone_else(nlp):
    text = "“It is a mixed story,” said Trevor Walsen, a partner at the firm. “We disagree,” Wilsan said."
    (quote,) = [a for a in nlp(text)._.attributions if "disagree" in a.content_text]
    assert quote.speaker is not None and quote.speaker.name == "Wilsan"


def test_a_misspelt_surname_tagged_an_organisation_is_the_named_speaker(nlp):
    text = (
        "“It’s a good-news bad-news story,” said Trevor Houser, a partner at the firm. "
        "Builders could start installing electric heat pumps rather than gas furnaces in houses. "
        "“But that’s not going to happen on its own,” Hauser said."
    )
    (quote,) = [a for a in nlp(text)._.attributions if "on its own" in a.content_text]
    assert quote.speaker is not None and quote.speaker.name == "Trevor Houser"


def _speaker_of(nlp, text: str, cue: str):
    (found,) = [a for a in nlp(text)._.attributions if a.cue and a.cue[0].text == cue]
    return found.speaker.name if found.speaker else None


def test_who_after_a_thing_and_a_body_is_the_body(nlp):
    text = (
        "It has been a bad week, and the new rules have come with a big fall-out between the cabinet and the "
        "National Public Health Emergency Team who advised a Level 5 and feel the country will have to move up in a few weeks."
    )
    assert _speaker_of(nlp, text, "feel") == "National Public Health Emergency Team"


def test_who_after_between_a_and_b_is_b(nlp):
    text = "The rules came with a big row between the cabinet and the Public Health Advisory Board who advised a full lockdown and feel the county will have to move up."
    assert _speaker_of(nlp, text, "feel") == "Public Health Advisory Board"
