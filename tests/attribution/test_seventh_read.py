"""Error classes found by a seventh journalist's read of real news pages, on hand-written text: each
test failed before its fix."""
from __future__ import annotations


def _cued(attributions, cue: str):
    return [a for a in attributions if " ".join(s.text for s in a.cue) == cue]


def test_a_cue_in_a_while_clause_reports_nothing_of_the_main_clause(nlp):
    text = (
        "While some residents reported flooding on the east side later in the week, "
        "others continued to drive through the main streets without trouble."
    )
    (reported,) = _cued(nlp(text)._.attributions, "reported")
    assert reported.content_text == "flooding on the east side later in the week"


def test_a_cue_in_an_although_clause_keeps_its_reported_clause(nlp):
    text = "Although the council said the bridge would reopen by spring, the repairs went on until the autumn."
    (said,) = _cued(nlp(text)._.attributions, "said")
    assert said.content_text == "the bridge would reopen by spring"


def test_an_as_clause_still_reports_the_main_clause(nlp):
    text = "As the mayor said at the meeting, the bridge will reopen in May."
    (said,) = _cued(nlp(text)._.attributions, "said")
    assert "reopen in May" in said.content_text


def test_the_subject_of_seem_with_an_infinitive_is_no_source(nlp):
    for text, cue in (
        ("When I cook on Sundays, I seem to always come back to my grandmother's recipes for stews and soups.", "seem"),
        ("The new plan seems to have worked.", "seems"),
    ):
        for a in _cued(nlp(text)._.attributions, cue):
            assert a.source == () and a.speaker is None


def test_a_parenthetical_it_seems_is_the_writers_voice(nlp):
    text = "So the mayor did, it seems, read the whole report before the vote."
    assert _cued(nlp(text)._.attributions, "seems") == []


def test_what_data_appear_to_show_stays(nlp):
    text = "The data appear to show that the river is cleaner than a decade ago."
    (shown,) = [a for a in nlp(text)._.attributions if "show" in " ".join(s.text for s in a.cue)]
    assert shown.content_text == "that the river is cleaner than a decade ago"


def test_appearing_to_blame_is_still_the_subjects_statement(nlp):
    text = "The chief executive appeared to blame junior staff for the losses at the bank."
    assert [a for a in nlp(text)._.attributions if "blame" in " ".join(s.text for s in a.cue)]


def test_messages_received_are_the_source_of_what_they_state(nlp):
    text = "Many users reported receiving messages stating that an unexpected error had occurred."
    (stating,) = _cued(nlp(text)._.attributions, "stating")
    assert [s.text for s in stating.source] == ["messages"]
    assert stating.kind.value == "writing"


def test_a_statement_issued_is_still_its_issuers(nlp):
    text = "The ministry issued a statement saying that the border would stay closed."
    (saying,) = _cued(nlp(text)._.attributions, "saying")
    assert saying.speaker is not None and saying.speaker.name.lower().endswith("ministry")


def test_a_participle_misparsed_onto_the_object_keeps_the_speakers_kind(nlp):
    text = "The restaurant owners have hit out at the decision saying more than 1,000 workers will lose their jobs."
    (saying,) = _cued(nlp(text)._.attributions, "saying")
    assert saying.kind.value == "speech"


def test_a_cue_inside_a_dash_aside_reports_nothing_past_the_closing_dash(nlp):
    text = (
        "Given his record — the city auditor documented 412 errors that he made over his two terms — "
        "the mayor could end up in the same position as his predecessor."
    )
    (documented,) = _cued(nlp(text)._.attributions, "documented")
    assert documented.content_text == "412 errors that he made over his two terms"


def test_an_aside_inside_the_content_stays(nlp):
    text = "The mayor said the budget — which was approved in May — would cover the repairs."
    (said,) = _cued(nlp(text)._.attributions, "said")
    assert said.content_text == "the budget — which was approved in May — would cover the repairs"


def test_a_question_put_to_you_is_no_statement(nlp):
    for text in (
        "Just before the vote — do you know who your city councilperson is? — the mayor resigned.",
        "What painter living or dead would you most like to show with?",
    ):
        assert [a for a in nlp(text)._.attributions if [s.text for s in a.source] == ["you"]] == []


def test_what_you_said_to_someone_stays(nlp):
    text = "You said the budget was balanced, the senator told the minister."
    assert _cued(nlp(text)._.attributions, "said")


def test_thinking_about_a_pronoun_is_no_statement(nlp):
    text = "Energy use is rising fast. Some engineers are thinking about it."
    assert [a for a in nlp(text)._.attributions if "thinking" in " ".join(s.text for s in a.cue)] == []


def test_thinking_about_doing_something_stays(nlp):
    text = "Residents worry about the river. They are thinking about moving."
    assert [a for a in nlp(text)._.attributions if "thinking" in " ".join(s.text for s in a.cue)]


def test_growing_fear_after_there_is_a_thought_of_no_one(nlp):
    for text in (
        "It’s not just a worry for engineers. As more firms in more sectors begin to use AI, "
        "there’s growing fear that the technology will only deepen the water crisis.",
        "It’s not just a worry for beekeepers. As more growers across more regions begin to use the spray, "
        "there’s growing fear that the chemical will only deepen the decline of bees.",
    ):
        (fear,) = [a for a in nlp(text)._.attributions if "fear" in " ".join(s.text for s in a.cue)]
        assert fear.source == () and fear.speaker is None
        assert fear.kind.value == "thought"
