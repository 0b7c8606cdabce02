"""Floating quotes: a quoted paragraph with no cue of its own continues the quote before it."""
from __future__ import annotations

from dataclasses import replace

import pytest

from onrecord.attribution.floating import FLOATING_CONFIDENCE, is_floating, separate_continued_quotes
from onrecord.types import Attribution, AttributionKind, AttributionType, Span

ARTICLE = (
    "The port will close two of its quays next month, director Tomas Berg said on Monday.\n\n"
    "“The harbour is full and the ships wait for days,” said Berg.\n\n"
    "“We need a second quay before the winter season begins.”\n\n"
    "“Without it, the fishing fleet will move north for good.”\n\n"
    "Captain Lena Okafor disagreed. “The quays are empty half the year,” she said.\n\n"
    "“Nobody asked the captains what they need.”\n\n"
    "The council votes on the plan on Friday."
)


@pytest.fixture(scope="module")
def attributions(rules_nlp):
    return list(rules_nlp(ARTICLE)._.attributions)


def floating(attributions):
    return [a for a in attributions if is_floating(a)]


def test_quoted_paragraphs_without_a_cue_become_floating_attributions(attributions):
    contents = [a.content_text for a in floating(attributions)]
    assert contents == [
        "“We need a second quay before the winter season begins.”",
        "“Without it, the fishing fleet will move north for good.”",
        "“Nobody asked the captains what they need.”",
    ]
    for a in floating(attributions):
        assert a.source == () and a.cue == ()
        assert a.type is AttributionType.DIRECT
        assert a.kind is AttributionKind.SPEECH
        assert a.confidence == FLOATING_CONFIDENCE


def test_floating_quotes_take_the_speaker_of_the_quote_they_continue(attributions):
    speakers = [a.speaker.name if a.speaker else None for a in floating(attributions)]
    assert speakers == ["Tomas Berg", "Tomas Berg", "Lena Okafor"]


def test_floating_confidence_is_below_a_quote_beside_its_cue(attributions):
    said = [a for a in attributions if a.cue and a.cue[0].text == "said" and a.type is AttributionType.DIRECT]
    assert said and all(a.confidence > FLOATING_CONFIDENCE for a in said)


def test_a_quote_continued_after_its_cue_in_the_same_paragraph_is_kept(rules_nlp):
    text = "“We have built the probe in four years,” she said. “The possibilities are tremendous.”"
    (a,) = rules_nlp(text)._.attributions
    assert [s.text for s in a.content] == ["“We have built the probe in four years,”", "“The possibilities are tremendous.”"]


def test_a_quotation_with_nothing_quoted_before_it_does_not_float(rules_nlp):
    text = "“Nobody asked the captains what they need.”\n\nThe council votes on the plan on Friday."
    assert not floating(list(rules_nlp(text)._.attributions))


def test_a_scare_quote_or_title_inside_a_sentence_does_not_float(rules_nlp):
    text = "“We need a second quay,” said Berg.\n\nThe council called the plan “a costly and needless harbour expansion” on Friday."
    assert not floating(list(rules_nlp(text)._.attributions))


def test_a_floating_quote_after_reported_speech_takes_that_speaker(rules_nlp):
    text = (
        "“The quays are full,” Captain Lena Okafor said.\n\n"
        "Director Tomas Berg said the port would build a second quay before winter.\n\n"
        "“Nobody will wait for days any more once it opens.”"
    )
    (a,) = floating(list(rules_nlp(text)._.attributions))
    assert a.speaker is not None and a.speaker.name == "Tomas Berg"


def test_the_ggt_view_separates_a_quote_going_on_in_a_new_sentence_with_its_speaker(rules_nlp):
    text = "“We have built the probe in four years,” said Dr. Amara Osei. “The possibilities are tremendous.”"
    (joined,) = rules_nlp(text)._.attributions
    first, second = separate_continued_quotes(text, [joined])
    assert [s.text for s in first.content] == ["“We have built the probe in four years,”"]
    assert first.cue == joined.cue and first.source == joined.source
    assert [s.text for s in second.content] == ["“The possibilities are tremendous.”"]
    assert is_floating(second) and second.speaker == joined.speaker and second.speaker is not None
    assert second.confidence == FLOATING_CONFIDENCE


def test_the_ggt_view_separates_a_continued_quote_whose_spans_leave_out_the_quotation_marks():
    # the learned model's content spans stop inside the marks: “A,” she was quoted as saying. “B.”
    text = "“I was shaken to the core,” she was quoted as saying. “The debt is simply untenable.”"
    said = Attribution(
        (Span.of(text, 28, 31),), (Span.of(text, 32, 52),), (Span.of(text, 1, 25), Span.of(text, 55, 84)),
        AttributionType.DIRECT, "quote", 0.9,
    )
    first, second = separate_continued_quotes(text, [said])
    assert [s.text for s in first.content] == ["I was shaken to the core"]
    assert [s.text for s in second.content] == ["The debt is simply untenable."]
    assert is_floating(second)


def test_the_ggt_view_gives_each_paragraph_of_a_quotation_over_paragraphs_its_own_quote(rules_nlp):
    text = (
        "“The medal is the goal,” Levine said. “Whether I win it this cycle or later, we will see.\n\n"
        "“If I never win it, it is not the end of the world. But it would be nice.”"
    )
    separated = separate_continued_quotes(text, list(rules_nlp(text)._.attributions))
    assert [a.content_text for a in separated] == [
        "“The medal is the goal,”",
        "“Whether I win it this cycle or later, we will see.",
        "“If I never win it, it is not the end of the world. But it would be nice.”",
    ]
    assert [a.speaker.name for a in separated] == ["Levine"] * 3


def test_the_ggt_view_keeps_a_quote_split_by_its_cue_inside_one_sentence(rules_nlp):
    text = "“We have built the probe,” said Dr. Amara Osei, “in only four years.”"
    (joined,) = rules_nlp(text)._.attributions
    assert len(joined.content) == 2
    assert separate_continued_quotes(text, [joined]) == [joined]


def test_a_quoted_subheading_with_no_sentence_end_does_not_float(rules_nlp):
    text = (
        "“The quays are full and the ships wait for days,” said Berg.\n\n"
        "'Not a single quay left for the fleet'\n\n"
        "The council votes on the plan on Friday."
    )
    assert not floating(list(rules_nlp(text)._.attributions))


def test_a_quoted_paragraph_joined_to_a_later_cue_goes_on_with_the_quote_before_it():
    from onrecord.attribution.floating import detach_quoted_paragraphs

    text = "“A worker of 45 is not ready to retire,” she said.\n\n“We hear it many times.”\n\nGarland said the costs are broad."
    said = Attribution(
        (Span.of(text, 78, 85),), (Span.of(text, 86, 90),), (Span.of(text, 53, 74), Span.of(text, 91, 110)),
        AttributionType.INDIRECT, "say", 0.9,
    )
    (detached,) = detach_quoted_paragraphs(text, [said])
    assert [s.text for s in detached.content] == ["the costs are broad"]
    # a quoted paragraph after the cue, or the only content, stays
    assert detach_quoted_paragraphs(text, [replace(said, content=(Span.of(text, 53, 75),))])[0].content == (Span.of(text, 53, 75),)
