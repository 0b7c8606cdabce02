"""The tabled attribute ruler and lemmatizer set exactly what spaCy's own components set, token for token."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from onrecord.nlp import load_base, load_parser
from onrecord.nlp_tables import TabledAttributeRuler, TabledLemmatizer, table_rule_components

#: hand-written news text reaching every kind of pattern the pinned ruler has: tag maps, word exceptions
#: ("ai n't", "gon na", "got ta", "let 's"), dependency-dependent ones ("but" as an adverb, "I"/"it" as subject
#: or object, do/have as main verbs, "there is"), line breaks and double spaces (whitespace tokens)
TEXTS = [
    "Officials said on Monday that they ain't gonna give up, and we gotta keep going. Let's see, she added.\n\n"
    "There is no deal yet, but there were talks.  It was, he said, all but certain.",
    "I told you it was them. Did you do it? They have had enough; he did his homework and has a plan.\n"
    "WASHINGTON — The senator's aides, who'd declined to comment, weren't available.  \n  “We'll see,” Smith wrote.",
    "The 3,000 violations (allegedly) were reported by Kyiv at 9:30 a.m. Those who know say that's not true.\t"
    "Whatever happens, the ministry's spokesman, Dmitry Peskov, 58, insisted: 'nothing has been agreed'.",
]

_WORDS = [
    "said", "says", "ain't", "gonna", "gotta", "let's", "there", "is", "are", "was", "but", "I", "you", "it", "me",
    "do", "does", "did", "have", "has", "had", "the", "a", "that", "which", "to", "of", "Smith", "Moscow", "talks",
    "\n", "  ", ",", ".", "“", "”", "'s", "n't", "running", "ran", "better", "best", "leaves", "data", "who",
]


def _attributes(doc) -> tuple:
    return (
        doc.to_array([POS, TAG, DEP, MORPH, LEMMA]).tolist(),
        [str(t.morph) for t in doc],
        [t.lemma_ for t in doc],
    )


@pytest.fixture(scope="module")
def pipelines():
    return load_base(), table_rule_components(load_base())


def test_the_tabled_components_replace_spacys_in_place(pipelines):
    spacy_nlp, tabled = pipelines
    assert tabled.pipe_names == spacy_nlp.pipe_names
    assert type(tabled.get_pipe("attribute_ruler")) is TabledAttributeRuler
    assert type(tabled.get_pipe("lemmatizer")) is TabledLemmatizer
    assert tabled.get_pipe("attribute_ruler").patterns == spacy_nlp.get_pipe("attribute_ruler").patterns


def test_the_parser_onrecord_reads_uses_the_tabled_components():
    nlp = load_parser()
    assert type(nlp.get_pipe("attribute_ruler")) is TabledAttributeRuler
    assert type(nlp.get_pipe("lemmatizer")) is TabledLemmatizer


@pytest.mark.parametrize("text", TEXTS)
def test_tabled_components_set_what_spacys_set(pipelines, text):
    spacy_nlp, tabled = pipelines
    # twice: the second run answers from the tables filled by the first
    assert _attributes(tabled(text)) == _attributes(spacy_nlp(text))
    assert _attributes(tabled(text)) == _attributes(spacy_nlp(text))


def test_the_word_exceptions_over_two_tokens_apply(pipelines):
    _, tabled = pipelines
    doc = tabled("They ain't gonna stop, and we gotta go.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["ai"], lemmas["gon"], lemmas["na"], lemmas["got"], lemmas["ta"]) == ("be", "go", "to", "get", "to")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_tabled_components_agree_on_generated_word_sequences(pipelines, words):
    spacy_nlp, tabled = pipelines
    text = " ".join(words)
    assert _attributes(tabled(text)) == _attributes(spacy_nlp(text))


def test_a_pattern_the_table_cannot_express_falls_back_to_spacys_matcher(pipelines):
    spacy_nlp, _ = pipelines
    ruler = TabledAttributeRuler(spacy_nlp.vocab, "ruler")
    ruler.add([[{"LOWER": "talks"}, {"IS_PUNCT": True, "OP": "?"}]], {"TAG": "NNS", "LEMMA": "discussion"})
    plain = AttributeRuler(spacy_nlp.vocab, "plain")
    plain.add_patterns(ruler.patterns)
    doc = spacy_nlp("The talks. More talks")
    tabled_doc, plain_doc = ruler(doc.copy()), plain(doc.copy())
    assert [t.lemma_ for t in tabled_doc] == [t.lemma_ for t in plain_doc]
    assert [t.lemma_ for t in tabled_doc].count("discussion") == 2


def test_patterns_added_later_are_tabled_too(pipelines):
    spacy_nlp, _ = pipelines
    ruler = TabledAttributeRuler(spacy_nlp.vocab, "ruler")
    ruler.add([[{"LOWER": "kyiv"}]], {"LEMMA": "Kiev"})
    doc = spacy_nlp("Kyiv said no.")
    assert ruler(doc.copy())[0].lemma_ == "Kiev"
    ruler.add([[{"LOWER": "said"}]], {"LEMMA": "state"})
    assert [t.lemma_ for t in ruler(doc.copy())][:2] == ["Kiev", "state"]


def test_the_lemma_index_copy_leaves_the_lookups_passed_in_as_they_were(pipelines):
    spacy_nlp, tabled = pipelines
    original = spacy_nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(type(words) is list for words in original.values())
    copied = tabled.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert {k: list(v) for k, v in copied.items()} == {k: list(v) for k, v in original.items()}
    assert np.all([type(words) is not list for words in copied.values()])


def test_the_tables_start_afresh_when_full_and_answer_the_same(pipelines, monkeypatch):
    import onrecord.nlp_tables as nlp_tables

    spacy_nlp, _ = pipelines
    tabled = table_rule_components(load_base())
    monkeypatch.setattr(nlp_tables, "TABLE_LIMIT", 8)
    ruler, lemmatizer = tabled.get_pipe("attribute_ruler"), tabled.get_pipe("lemmatizer")
    for text in TEXTS:
        assert _attributes(tabled(text)) == _attributes(spacy_nlp(text))
        assert 0 < len(ruler._patterns().cache) <= 8
        assert 0 < len(lemmatizer._onrecord_lemmas) <= 8
        # spaCy's own lemma cache, filled on misses, is emptied with ours
        assert len(lemmatizer.cache) <= 8
