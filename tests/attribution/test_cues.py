"""Cue candidates found from the document's columns are what a spaCy Matcher of the cue patterns finds, in its order."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spacy.matcher import Matcher

from onrecord.attribution.cues import ACCORDING_TO, NOUN_CUE, VERB_CUE, find_cue_candidates, load_cue_lexicon

TEXTS = [
    "According to the ministry, the talks failed. The report said so, according to",
    "Officials said on Monday that the claims, which the army denied, were false; a statement added that talks would resume.",
    "“We will win,” she told reporters. Her announcement, according to aides, was a warning. They have said it before.",
    "according",
    "",
]

_WORDS = ["said", "says", "according", "to", "the", "statement", "claim", "claims", "denied", "warning", "told", "they",
          "have", "has", "announcement", ",", ".", "Smith", "report", "reports", "according to", "believes", "noted"]


def _matcher_view(doc):
    """The cue candidates as the spaCy Matcher the finder replaced gives them."""
    lexicon = load_cue_lexicon()
    matcher = Matcher(doc.vocab)
    matcher.add(VERB_CUE, [[{"LEMMA": {"IN": sorted(lexicon.verbs)}, "POS": {"IN": ["VERB", "AUX"]}}]])
    matcher.add(NOUN_CUE, [[{"LEMMA": {"IN": sorted(lexicon.nouns)}, "POS": "NOUN"}]])
    matcher.add(ACCORDING_TO, [[{"LOWER": "according"}, {"LOWER": "to"}]])
    return [(doc.vocab.strings[label], start, end) for label, start, end in matcher(doc)]


@pytest.mark.parametrize("text", TEXTS)
def test_cue_candidates_are_the_matchers(parse, text):
    doc = parse(text)
    assert find_cue_candidates(doc) == _matcher_view(doc)


def test_according_to_and_a_verb_cue_at_one_token_come_in_the_matchers_order(parse):
    doc = parse("The figures, according to police, were said to be accurate.")
    labels = [label for label, _, _ in find_cue_candidates(doc)]
    assert "ACCORDING_TO" in labels and "VERB_CUE" in labels
    assert find_cue_candidates(doc) == _matcher_view(doc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_cue_candidates_agree_with_the_matcher_on_generated_text(parse, words):
    doc = parse(" ".join(words))
    assert find_cue_candidates(doc) == _matcher_view(doc)
