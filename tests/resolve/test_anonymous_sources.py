"""Anonymous sources and pronouns as a reader reads them: the anonymity request is no part of the name, a bare "One"
is one of the people just named. Hand-written articles; each failed before (a real page gave the speaker
"One" for "One, who asked not to be named, said")."""
from __future__ import annotations

import pytest

from tests.resolve.speaker_lookup import speaker_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A resident who asked not to be identified said the police arrived late.", "resident"),
        ("An aide who spoke on condition of anonymity said the deal was close.", "aide"),
        ("A senior official, who spoke on condition of anonymity, said the talks had stalled.", "senior official"),
    ],
)
def test_an_anonymity_request_is_no_part_of_the_speakers_name(analyse, text, name):
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == name


def test_a_relative_clause_that_says_who_they_are_stays_in_the_name(analyse):
    _, attributions = analyse("Others who have tracked her career say she will run.")
    assert speaker_of(attributions, "say") == "Others who have tracked her career"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Two vice-chancellors spoke to the Guardian on Friday. One, who asked not to be named, said the plan would fail.",
         "one of the vice-chancellors"),
        ("Three senior officials briefed reporters in Geneva. One said the talks had stalled.", "one of the senior officials"),
        ("Police interviewed several witnesses on Friday. One, who lives nearby, said she heard shots.", "one of the witnesses"),
    ],
)
def test_a_bare_one_is_one_of_the_people_just_named(analyse, text, name):
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == name


def test_one_of_named_in_full_keeps_its_own_words(analyse):
    _, attributions = analyse("Dozens of residents gathered outside. One of the organisers said the march would go on.")
    assert speaker_of(attributions, "said") == "One of the organisers"


def test_a_pronoun_goes_to_the_known_subject_after_a_newly_named_person(analyse):
    """The small NER tags "Cloverdale Sport" (of "Cloverdale Sport and Ice Complex") a person; the mayor, named
    again as the subject after it, is who "he" means (a GGT article gave the quote to "Cloverdale Sport")."""
    text = (
        "Mayor Doug McCallum presented the budget on Tuesday.\n\n"
        "One of the projects McCallum's council plans to cancel is the $44.5 million Cloverdale Sport and Ice Complex. "
        "In a media availability shortly after the budget was made public, McCallum was upbeat about the rinks the city still had.\n\n"
        "“We have one ice rink in South Surrey and three in Fleetwood,” he said."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Doug McCallum"
