"""Speaker names a reader accepts (issue 16): a name is what the source calls the speaker, not the clause,
apposition or stray bracket around it. Hand-written sentences; each test failed before its fix."""
from __future__ import annotations

from tests.resolve.speaker_lookup import speaker_of


def test_a_relative_clause_after_the_head_is_not_part_of_the_name(analyse):
    text = "A third headteacher, who leads a large school in the north, said the exams had been chaotic."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "third headteacher"


def test_a_participle_after_the_head_is_not_part_of_the_name(analyse):
    text = "A group of retired teachers, known locally as the Friday Club, said the library must stay open."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "group of retired teachers"


def test_a_bracket_the_source_leaves_open_is_closed_in_the_name(analyse):
    text = "A spokesperson for the National Union of Bus Drivers (NUBD) said the strike would go ahead."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "spokesperson for the National Union of Bus Drivers (NUBD)"


def test_a_name_given_with_identified_as_is_the_speaker(analyse):
    text = "The driver, identified as 43-year-old Peter Lang, told police he had not seen the cyclist."
    speakers, attributions = analyse(text)
    assert speaker_of(attributions, "told") == "Peter Lang"
    assert [s.kind.value for s in speakers if s.name == "Peter Lang"] == ["person"]


def test_a_coordinated_group_keeps_every_member(analyse):
    text = "Black voters, campaign organizers and veteran volunteers said they would march on Saturday."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Black voters, campaign organizers and veteran volunteers"


def test_a_name_in_apposition_stays_in_the_source_name(analyse):
    text = "The captain of the team, Jordan Stewart, and his mother said the video had moved them to tears."
    _, attributions = analyse(text)
    assert "Jordan Stewart" in speaker_of(attributions, "said")
