"""Speaker errors seen on real news (issue 16), on hand-written articles: each test failed before its fix."""
from __future__ import annotations

import pytest

from onrecord.resolve.speakers import resolve_speakers
from onrecord.types import Attribution, AttributionType, Span


@pytest.fixture(scope="module")
def analyse(rules_nlp):
    def run(text: str):
        doc = rules_nlp(text)
        return doc._.speakers, list(doc._.attributions)

    return run


def speaker_of(attributions, cue: str, source: str | None = None) -> str | None:
    for a in attributions:
        if " ".join(s.text for s in a.cue) == cue and (source is None or [s.text for s in a.source] == [source]):
            return a.speaker.name if a.speaker else None
    raise AssertionError(f"no attribution with cue {cue!r} and source {source!r}")


def _attribution(text: str, cue: str, content: str, source: str | None = None) -> Attribution:
    c = text.index(cue)
    k = text.index(content)
    src = (Span.of(text, text.index(source), text.index(source) + len(source)),) if source else ()
    return Attribution(src, (Span.of(text, c, c + len(cue)),), (Span.of(text, k, k + len(content)),), AttributionType.INDIRECT, cue.split()[-1], 0.9)


def test_a_cue_without_a_source_goes_to_the_name_before_it(rules_nlp):
    text = (
        "Union president Jeff Traeger welcomed the vote on Friday.\n\n"
        "As well as the issues raised online, Traeger\u200b said he expects the union to help employees.\n\n"
        "Mara Lind, the owner, was not available."
    )
    attribution = _attribution(text, "said", "he expects the union to help employees")
    _, out = resolve_speakers(rules_nlp(text), [attribution])
    assert out[0].speaker is not None and out[0].speaker.name == "Jeff Traeger"


def test_the_person_a_source_is_about_is_the_speaker_not_a_place_before_the_name(analyse):
    text = (
        "Veterans wrote to several members of Parliament in August.\n\n"
        "In response to one letter, Nova Scotia Liberal MP Sean Fraser conceded that his first reaction was disbelief."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "conceded") == "Sean Fraser"


def test_someone_of_a_person_is_not_the_person(analyse):
    text = (
        "Prime Minister Anton Vessel held a town hall in Halifax on Tuesday.\n\n"
        "Vessel's office said that about 1,300 people attended the event.\n\n"
        "Vessel's lawyers said the case against him was politically motivated."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", "Vessel's office") == "Vessel's office"
    assert speaker_of(attributions, "said", "Vessel's lawyers") == "Vessel's lawyers"


def test_her_statement_is_the_woman_who_wrote_it(analyse):
    text = (
        "Former minister Dana Whitlock was moved to another portfolio in January.\n\n"
        "She published a statement on her website that hinted at disagreements with the cabinet.\n\n"
        "“Our system of justice must be free from political interference,” her statement said."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", "her statement") == "Dana Whitlock"


def test_plural_officials_are_not_the_person_just_named(analyse):
    text = (
        "President Harlan Voss has not said whether he would veto the bill.\n\n"
        "But the standoff only emboldens Voss, the officials said on Sunday."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", "the officials") == "officials"


def test_a_name_after_a_title_inside_an_organisation_span_is_a_person(analyse):
    text = (
        "Police officers arrested 14 people at the camp on Monday, Assistant Commissioner Eric Stobbs said.\n\n"
        "But Wet'suwet'en Hereditary Chief Na'moks said he did not consider the protest threatening.\n\n"
        "“When you are passively there, I don't think there's any aggression,” he said."
    )
    entities, attributions = analyse(text)
    assert speaker_of(attributions, "said", "he") == "Na'moks"
