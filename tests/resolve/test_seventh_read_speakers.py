"""Speaker errors found by a seventh journalist's read of real news pages, on hand-written text: each
test failed before its fix."""
from __future__ import annotations

_INTERVIEW = (
    "The painter Marta Velasquez opens her first solo show this weekend in a former garage in Fresno.\n"
    "THE REVIEW: What is your work about?\n"
    "MARTA VELASQUEZ: I paint the orchards where my grandparents picked fruit for forty years, and the people who still work there.\n"
)


def _labelled(nlp, label: str):
    return [a for a in nlp(_INTERVIEW)._.attributions if " ".join(s.text for s in a.source) == label]


def test_an_interview_label_in_capitals_is_the_person_named_in_the_text(nlp):
    (answer,) = _labelled(nlp, "MARTA VELASQUEZ")
    assert answer.speaker is not None and answer.speaker.name == "Marta Velasquez"
    assert answer.content_text.startswith("I paint the orchards")


def test_a_publication_label_in_capitals_names_no_person(nlp):
    for a in _labelled(nlp, "THE REVIEW"):
        assert a.speaker is None or a.speaker.name != "Marta Velasquez"


def _speaker_of(nlp, text: str, cue: str):
    (a,) = [a for a in nlp(text)._.attributions if " ".join(s.text for s in a.cue) == cue]
    return a.speaker.name if a.speaker is not None else None


def test_a_given_name_in_apposition_to_a_relative_is_the_speaker(nlp):
    text = "The senator's former wife, Margot, had claimed that her husband kept a gun in his desk."
    assert _speaker_of(nlp, text, "had claimed") == "Margot"


def test_an_organisation_named_after_another_is_the_speaker(nlp):
    text = (
        "One firm, Halvern, sells these cameras to schools. "
        "Another, Brightline, announced last April that it will provide schools with a cheaper version."
    )
    assert _speaker_of(nlp, text, "announced last April") == "Brightline"


def test_a_full_name_in_apposition_is_unchanged(nlp):
    text = "Her lawyer, Dana Whitfield, said the case was weak."
    assert _speaker_of(nlp, text, "said") == "Dana Whitfield"


def test_a_name_after_another_that_the_parser_hangs_adverbially_is_the_speaker(nlp):
    text = (
        "One company, Avigilon, sells these capabilities to school districts and universities. "
        "Another, Pelco, announced last April that it will provide schools with an IBM version of intelligent video."
    )
    assert _speaker_of(nlp, text, "announced last April") == "Pelco"
