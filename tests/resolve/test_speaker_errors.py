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
