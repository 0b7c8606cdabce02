"""Speakers a reader accepts (issue 16): a place used as a place is no speaker, a time is no part of a
speaker's name, a surname joins the person's full name. Hand-written sentences; each test failed before its fix."""
from __future__ import annotations

from onrecord.resolve.speakers import resolve_speakers
from onrecord.types import Attribution, AttributionKind, AttributionType, Span
from tests.resolve.speaker_lookup import speaker_of


def _attribution(text: str, source: str, cue: str, content: str, kind: AttributionKind) -> Attribution:
    s, c, k = text.index(source), text.index(cue), text.index(content)
    return Attribution((Span.of(text, s, s + len(source)),), (Span.of(text, c, c + len(cue)),), (Span.of(text, k, k + len(content)),),
                       AttributionType.INDIRECT, cue, 0.9, kind=kind)


def test_a_town_that_claims_a_record_is_no_speaker(rules_nlp):
    text = "Springfield in Lake County claimed the lowest temperature in the state at minus 30 degrees on Tuesday."
    attribution = _attribution(text, "Springfield in Lake County", "claimed", "the lowest temperature in the state", AttributionKind.SPEECH)
    entities, out = resolve_speakers(rules_nlp(text), [attribution])
    assert out[0].speaker is None
    assert "Springfield" not in [e.name for e in entities]


def test_a_city_that_appears_to_be_something_is_no_speaker(analyse):
    text = "Denver appears to be the first city in the region to lower its speed limit."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "appears") is None


def test_a_capital_that_alleges_a_proposition_speaks_for_its_government(analyse):
    text = "Moscow alleges that the drones were launched from across the border."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "alleges") == "Moscow"


def test_a_year_between_two_speakers_is_no_part_of_their_name(analyse):
    text = "Walter Mondale in 1984 and Michael Dukakis in 1988 both said the party had to change."
    speakers, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Walter Mondale and Michael Dukakis"
    assert not [s.name for s in speakers if "1984" in s.name]


def test_a_surname_joins_the_full_name_the_ner_took_for_an_organisation(analyse):
    text = "A portrait of state epidemiologist Anders Tegnell hangs in the hall. Tegnell said the strategy had worked."
    speakers, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Anders Tegnell"
    assert [s.kind.value for s in speakers if s.name == "Anders Tegnell"] == ["person"]


def test_a_surname_the_ner_took_for_a_city_is_still_the_person(nlp):
    # "Phoenix" tagged a place: with a non-speech cue (the model's "referring to") the place rule left the speaker out
    attributions = nlp(
        "Joaquin Phoenix won the award for best actor for his role in the film.\n"
        "“I am standing on the shoulders of my favorite actor,” Phoenix said on Sunday, referring to the actor who "
        "won a posthumous Oscar in 2009."
    )._.attributions
    assert speaker_of(attributions, "said") == "Joaquin Phoenix"
    assert speaker_of(attributions, "referring to") == "Joaquin Phoenix"
