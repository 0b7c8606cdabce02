"""Attribution errors found reading real news whole (issue 16, the journalist read), on hand-written
text: each test failed before its fix."""
from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord.attribution.kinds import classify_kind
from onrecord.attribution.nonstatements import drop_non_statements, is_non_statement
from onrecord.types import Attribution, AttributionKind, AttributionType, Span


@pytest.fixture(scope="module")
def extract(rules_nlp):
    def run(text: str):
        return list(rules_nlp(text)._.attributions)

    return run


def _attribution(text: str, cue: str, content: str) -> Attribution:
    c, k = text.index(cue), text.index(content)
    return Attribution((), (Span.of(text, c, c + len(cue)),), (Span.of(text, k, k + len(content)),), AttributionType.INDIRECT, cue.lower(), 0.5)


def _cues(attributions) -> list[str]:
    return [" ".join(s.text for s in a.cue) for a in attributions]


def test_a_question_put_to_the_speaker_is_an_act_not_speech(rules_nlp):
    # the learned model proposes "Asked if …" with no source (seen on real news): not what anyone is quoted saying
    text = (
        "Asked if there was any indication the shooting was connected to the earlier incident, "
        "Supt Ramsay said there was no evidence to suggest this at the moment."
    )
    doc = rules_nlp(text)
    asked = _attribution(text, "Asked", "if there was any indication the shooting was connected to the earlier incident")
    said = _attribution(text, "said", "there was no evidence to suggest this at the moment")
    assert [classify_kind(doc, a) for a in (asked, said)] == [AttributionKind.ACT, AttributionKind.SPEECH]


def test_told_to_do_something_without_an_addressee_is_what_the_subject_was_told(extract):
    text = (
        "One lecturer told the authors how she had been plunged into a teaching contract without training, "
        "and told to simply read out old notes."
    )
    assert [a.content[0].text for a in extract(text)] == ["how she had been plunged into a teaching contract without training"]


@pytest.mark.parametrize(
    "text",
    [
        "Employees could face a fine if they fail to tell their bosses that they must stay at home.",
        "Anyone who says they are infective can be fined.",
        "Residents may be fined unless they report that their dog has been vaccinated.",
    ],
)
def test_a_condition_or_a_source_that_is_no_one_reports_no_statement(extract, text):
    assert extract(text) == []


def test_no_one_inside_a_statement_is_no_speaker_of_its_own(extract):
    text = "Director Mina Sato said backstage that no-one could predict what might happen at the awards."
    assert _cues(extract(text)) == ["said"]


def test_a_quoted_title_inside_the_speakers_description_is_not_a_quote(extract):
    text = "“Harbour Lights” director Mina Sato said backstage that no-one could predict what might happen at the awards."
    attributions = extract(text)
    assert [a.content[0].text for a in attributions] == ["that no-one could predict what might happen at the awards"]


def test_a_hyphenated_name_after_a_quote_takes_the_whole_quote(extract):
    text = (
        "Moments earlier, the writer accepted the award for best comedy.\n\n"
        "“This whole thing has been a dream and if I wake up tomorrow and find it’s over, thank you. "
        "It’s been the most beautiful dream,” Lena Hart-Wood said."
    )
    attributions = extract(text)
    assert [a.content[0].text[:20] for a in attributions] == ["“This whole thing ha"]


def test_the_name_right_before_the_cue_speaks_not_the_title_described_before_it(extract):
    text = (
        "Asked about discrepancies in her 1956 autobiography, Lady Sings the Blues, which was credited to her "
        "and the writer William Dufty, Billie Holiday replied, “Man, I never read that book.”"
    )
    assert [[s.text for s in a.source] for a in extract(text) if a.cue_lemma == "reply"] == [["Billie Holiday"]]


def test_a_property_of_the_subject_is_no_statement(rules_nlp):
    # the learned model proposes "were quite dedicated to" as a cue (seen on real news); the rule must drop it
    text = "This suggests the Neanderthals were quite dedicated to making such tools."
    doc = rules_nlp(text)
    dedicated = _attribution(text, "were quite dedicated to", "making such tools")
    assert is_non_statement(doc, dedicated)


def test_the_one_who_asked_a_question_stays_its_source(rules_nlp):
    text = "Asked about the tattoo last week by newspaper GP, Tegnell laughed and said Agerblad would have to take responsibility."
    doc = rules_nlp(text)
    asked = _attribution(text, "Asked", "about the tattoo last week")
    kept = drop_non_statements(doc, [replace(asked, source=(Span.of(text, text.index("newspaper GP"), text.index("newspaper GP") + 12),))])
    assert [[s.text for s in a.source] for a in kept] == [["newspaper GP"]]


def test_a_verb_between_dashes_is_no_cue_of_the_sentences_own_verb(extract):
    text = (
        "Rep. Tom Haddon's shock retirement — revealed just 30 hours before the filing deadline in North Carolina — "
        "has roiled some Republicans in the state."
    )
    assert extract(text) == []


def test_told_in_a_passive_that_shares_its_subject_is_what_was_said_to_the_subject(extract):
    text = "This could involve someone who knows they are infective and has been told to remain away from others."
    assert [a.cue_lemma for a in extract(text) if a.cue_lemma == "tell"] == []


def test_that_said_opening_a_sentence_is_a_connective_not_a_statement(extract):
    text = "Analysts said the chip was fast. That said, the malware leaves files unencrypted if the file extension is unknown."
    assert [a.content[0].text for a in extract(text)] == ["the chip was fast"]
