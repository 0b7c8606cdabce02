"""Error classes found by a second journalist's read of real news pages (issue 16), on hand-written
text: each test failed before its fix."""
from __future__ import annotations

import pytest

from onrecord.types import QUOTE_KINDS, AttributionKind


def _by_cue(attributions, cue: str):
    return [a for a in attributions if a.cue and a.cue[0].text == cue]


def test_a_title_in_the_addressee_does_not_hide_the_cue_before_a_quote(rules_nlp):
    text = 'Ruiz told "Morning Talk" co-host Dana Price, "Because we never sleep before a deadline."'
    (told,) = _by_cue(rules_nlp(text)._.attributions, "told")
    assert [s.text for s in told.source] == ["Ruiz"]
    assert [s.text for s in told.content] == ['"Because we never sleep before a deadline."']


@pytest.mark.parametrize(
    "text",
    [
        "Explaining why the council closed the library in March.",
        "Asked what it is about chess that fascinates him, Tom Hale said he liked the silence.",
    ],
)
def test_a_question_whose_asker_is_not_named_is_no_quote(rules_nlp, text):
    questions = [a for a in rules_nlp(text)._.attributions if a.cue[0].text in ("Explaining", "Asked")]
    assert questions and all(a.kind is AttributionKind.ACT and not a.source for a in questions)


def test_according_to_someones_explanations_is_that_person_speaking(nlp):
    text = (
        "The talks in Lima are meant to “prepare a strong declaration by our leaders” for the summit, "
        "according to Hartley’s explanations. President Joe Marsh opened the talks. "
        "The declaration should set out “our shared principles for a joint response,” Hartley added."
    )
    (according,) = _by_cue(nlp(text)._.attributions, "according to")
    assert [s.text for s in according.source] == ["Hartley"]
    assert according.speaker is not None and according.speaker.name == "Hartley"


def test_according_to_someones_explanations_gives_the_pronoun_after_it(nlp):
    text = (
        "President Joe Marsh opened the summit on Monday. The talks are meant to “prepare a strong "
        "declaration by our leaders,” according to Secretary Tom Hartley’s explanations. "
        "The declaration should set out “our shared principles for a joint response,” he added."
    )
    (added,) = _by_cue(nlp(text)._.attributions, "added")
    assert added.speaker is not None and added.speaker.name == "Tom Hartley"


def test_the_reader_addressed_by_a_site_notice_is_no_source(nlp):
    text = (
        "Free speech is our core value at the Valley Times. If the letter you sent was not published, "
        "and you believe that its contents were not libellous, let us know by phone or email."
    )
    assert [a for a in nlp(text)._.attributions if any(s.text == "you" for s in a.source)] == []


def test_you_inside_a_quotation_stays_a_source(nlp):
    text = "“You said that the bridge was safe,” the councillor told the mayor on Monday."
    (told,) = _by_cue(nlp(text)._.attributions, "told")
    assert told.kind in QUOTE_KINDS and [s.text for s in told.source] == ["the councillor"]


def test_the_topic_of_a_passive_forecast_is_no_speaker(nlp):
    text = "Roads may close again as temperatures are forecast to reach 40 degrees on Friday."
    (forecast,) = [a for a in nlp(text)._.attributions if a.cue_lemma == "forecast"]
    assert forecast.speaker is None


def test_another_person_is_not_the_person_before(nlp):
    text = (
        "“The plan is far too large for the lake,” said one resident at the meeting.\n"
        "“It would ruin the quiet of the whole valley,” said another person.\n"
        "“We cannot afford more traffic on the lake road,” said another person."
    )
    speakers = [a.speaker.id for a in nlp(text)._.attributions if a.speaker is not None]
    assert len(speakers) == 3 and len(set(speakers)) == 3


def test_an_unnamed_deliberation_stays_a_thought(rules_nlp):
    (considering,) = [a for a in rules_nlp("Still considering which candidate to endorse in the primary.")._.attributions]
    assert considering.kind is AttributionKind.THOUGHT


@pytest.mark.parametrize(
    "text",
    [
        "That said the council have argued that the numbers could drop.",
        "It is worth emphasizing that the plan relies on private insurers.",
        "The senator, it should be noted, already has a bestseller.",
        "It should be noted that the senator already has a bestseller.",
        "It remains difficult to predict how much of a problem the drought could become.",
    ],
)
def test_the_writers_own_voice_is_no_attribution(nlp, text):
    assert [a for a in nlp(text)._.attributions if not a.source or a.source[0].text.lower() in ("it", "that")] == []


@pytest.mark.parametrize(
    "text",
    [
        "It was reported that the senator already has a bestseller.",
        "That, he said, was the end of the matter.",
        "The senator will find it difficult to say that the bridge is safe.",
    ],
)
def test_an_unnamed_report_and_a_parenthetical_speaker_stay(nlp, text):
    assert nlp(text)._.attributions


def test_a_clause_that_suggests_something_is_evidence_not_speech(rules_nlp):
    text = "Spending so much time and effort to make such a tool suggests that birch tar was widely used."
    (suggests,) = rules_nlp(text)._.attributions
    assert suggests.kind is AttributionKind.EVIDENCE


@pytest.mark.parametrize(
    "text",
    [
        "After a short wait, they followed his trail and found him wounded and lying next to his rifle.",
        "First responders found a man slumped between a forklift and a trailer.",
        "Agents found 300 pounds of cannabis concealed inside a fishing boat.",
    ],
)
def test_someone_found_in_a_state_is_a_discovery_not_a_finding(nlp, text):
    assert [a for a in nlp(text)._.attributions if a.cue_lemma == "find"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Tests found the flue pipe had not been attached.",
        "Investigators found that the driver was speeding.",
        "The study found children exposed to lead scored lower on tests.",
    ],
)
def test_a_finding_stays_evidence(nlp, text):
    assert [a.kind for a in nlp(text)._.attributions] == [AttributionKind.EVIDENCE]
