"""A cue's source is its own subject, not a clause before it that the parser hung on the same verb (issue 16)."""
from __future__ import annotations

TEXT = "The new bypass for the 2024 season links Millbrook, but the route still heavily favours lorries."


def _sources(doc) -> list[str]:
    return [" ".join(s.text for s in a.source) for a in doc._.attributions if a.cue_lemma == "favour"]


def test_the_rules_take_the_nearest_of_two_subjects(rules_nlp):
    assert _sources(rules_nlp(TEXT)) == ["the route"]


def test_the_model_source_is_narrowed_to_the_nearest_of_two_subjects(nlp):
    assert _sources(nlp(TEXT)) in ([], ["the route"])  # the model may drop the cue; when it keeps it, not the bypass


def test_two_coordinated_names_stay_one_source(nlp):
    text = "Even deputy minister Walt Brenner and associate deputy minister Lisa Carver weighed in on what the department told the media."
    sources = [" ".join(s.text for s in a.source) for a in nlp(text)._.attributions if a.cue_lemma == "weigh"]
    assert sources == ["Even deputy minister Walt Brenner and associate deputy minister Lisa Carver"]
