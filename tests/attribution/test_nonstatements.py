"""Non-statements are no attributions; findings and observations are not speech (hand-written text)."""
from __future__ import annotations

import pytest

from onrecord.types import QUOTE_KINDS, AttributionKind


@pytest.fixture(scope="module")
def extract(rules_nlp):
    def run(text: str):
        return list(rules_nlp(text)._.attributions)

    return run


@pytest.mark.parametrize(
    "text",
    [
        "Neighbours called the police after the fight on Elm Street.",
        "Anyone with information is asked to call police at 555-0134.",
        "It would be safe to say that the festival is back for good.",
        "The harbour authority did not respond to requests for comment.",
        "Ana Ruiz was asked whether the pool would reopen in May.",
        "The company was informed on Oct. 9 that it would not be invited to negotiate a settlement.",
        "Residents were warned that the water was unsafe to drink.",
    ],
)
def test_non_statements_are_no_attributions(extract, text):
    assert extract(text) == []


def test_calling_something_a_name_and_calling_for_something_stay_statements(extract):
    assert [a.cue_lemma for a in extract("The mayor called the plan a costly mistake.")] == ["call"]
    assert [a.cue_lemma for a in extract("The union called for new talks on Monday.")] == ["call"]


@pytest.mark.parametrize(
    "text",
    [
        "MARKETS: Shares in Toronto rose for a third day on Tuesday.\n\nENERGY: Oil fell to $51 a barrel.",
        "Flooding: Rivers rise across the valley as the rain goes on\n\nThe storm is moving east.",
    ],
)
def test_a_heading_before_a_colon_is_no_speaker(extract, text):
    assert [a for a in extract(text) if a.cue_lemma == ":"] == []


def test_a_transcript_keeps_its_speakers(extract):
    text = "HOLT: Your two minutes are up.\n\nRUIZ: I disagree with that entirely.\n\nHOLT: Thank you both."
    assert [s.text for a in extract(text) for s in a.source] == ["HOLT", "RUIZ", "HOLT"]


def test_people_seen_doing_something_are_evidence_not_speech(extract):
    (a,) = extract("Workers were seen stacking crates in the yard.")
    assert a.kind is AttributionKind.EVIDENCE and a.kind not in QUOTE_KINDS


def test_according_to_data_is_evidence(extract):
    (a,) = extract("Deaths rose again on Thursday, according to government data.")
    assert a.kind is AttributionKind.EVIDENCE


def test_a_watch_link_before_a_colon_is_no_speaker_even_when_repeated(rules_nlp):
    from onrecord.attribution.nonstatements import is_non_statement
    from onrecord.types import Attribution, AttributionType, Span

    text = "WATCH: Crowds gather outside the town hall\n\nThe mayor spoke at noon.\n\nWATCH: The mayor speaks about the closure"
    doc = rules_nlp(text)
    colon = text.index(":")
    a = Attribution((Span.of(text, 0, 5),), (Span.of(text, colon, colon + 1),), (Span.of(text, 7, 42),), AttributionType.INDIRECT, ":", 0.5, origin="model")
    assert is_non_statement(doc, a)


def test_an_act_on_an_object_is_no_statement(nlp):
    from onrecord.attribution.nonstatements import is_non_statement
    from onrecord.types import Attribution, AttributionType, Span

    text = "Police have not officially identified the man who died in the crash."
    doc = nlp(text)
    cue, content = text.index("identified"), text.index("the man")
    a = Attribution((Span.of(text, 0, 6),), (Span.of(text, cue, cue + 10),), (Span.of(text, content, len(text) - 1),), AttributionType.INDIRECT, "identify", 0.7, origin="model")
    assert is_non_statement(doc, a)
    assert [x for x in doc._.attributions if x.cue_lemma == "identify"] == []


def test_a_related_article_link_left_in_a_plain_text_is_no_attribution(extract):
    text = (
        "Mayor Ana Ruiz said the harbour bridge would reopen in May.\n\n"
        "WATCH: Harbour union says ferry fares will double next year\n\n"
        "READ MORE: Council says pool closures are here to stay\n\n"
        "Watch: the engineers said the repairs were nearly done.\n\n"
        "UPDATE: The council said on Tuesday that the ferry would run again."
    )
    contents = [a.content_text for a in extract(text)]
    assert contents == ["the harbour bridge would reopen in May", "the repairs were nearly done", "that the ferry would run again"]


@pytest.mark.parametrize("text", [
    "For all the worry, it remains difficult to measure how much water the plants use, and even harder to predict how much of a problem the drought could become.",
    # the parser hangs "harder" on "burns", whose subject is "NASA"
    "For all the hand-wringing, though, it remains difficult to measure how much fuel NASA really burns, and even harder to predict how much of a problem it could become.",
])
def test_a_second_infinitive_after_an_impersonal_it_is_the_writers_voice(nlp, text):
    assert not [a for a in nlp(text)._.attributions if a.cue_lemma == "predict"]
