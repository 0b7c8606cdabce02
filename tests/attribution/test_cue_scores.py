"""The cue tagger's state scores read straight from the facts equal, bit for bit, those of cue_features' strings."""
from __future__ import annotations

import numpy as np
import pytest

from onrecord.attribution import weight_rows
from onrecord.attribution.cue_scores import cue_state_scores
from onrecord.attribution.features import cue_features, doc_facts
from onrecord.attribution.model import load_model

pytestmark = pytest.mark.slow

#: hand-written: speech and writing cues, a split quotation, a colon cue, a passive with its agent, a possessive
#: source, 'according to', a heading line and a one-word line (sentence edges), names, dates, numbers
_ARTICLES = (
    "Ferry fares frozen\n"
    "Yes.\n"
    "The harbour commissioner, Ana Ruiz, said on Tuesday that the new ferry terminal would open in the spring. "
    "“We have no plans to raise fares,” the transit director said, “and we will not cut routes either.” "
    "According to the city's auditor, the project is already six months late. "
    "The delay was confirmed by a spokesman for the Port Authority, who wrote in an email that 3,400 riders were affected. "
    "The mayor was blunt: “Nobody wants another summer of closures.” "
    "Officials believe the repairs will cost more than $12 million, and the council plans to vote next week.",
    "“It is over,” she said.",
    "",
)


@pytest.fixture(scope="module")
def model():
    found = load_model("default")
    assert found is not None, "the attribution model ships in onrecord/data/model"
    return found


@pytest.fixture(scope="module")
def parse():
    from onrecord.nlp import load_parser

    return load_parser()


def _from_strings(facts, crf) -> np.ndarray:
    sequences = [cue_features(facts, a, b) for a, b in facts.sents]
    scores, _ = crf._state_scores(sequences) if sequences else (np.zeros((0, len(crf.labels))), None)
    return scores


@pytest.mark.parametrize("text", _ARTICLES)
def test_cue_state_scores_are_those_of_the_feature_strings_bit_for_bit(model, parse, text):
    crf = model.cue_tagger
    facts = doc_facts(parse(text), model.lexicon, model.centroids)
    expected = _from_strings(facts, crf)
    found = cue_state_scores([facts], crf)[0]
    assert found.shape == expected.shape == (len(facts.words), len(crf.labels))
    assert found.tobytes() == expected.tobytes()
    if text:
        assert np.abs(found).sum() > 0  # the rows were found, not all zero


def test_cue_state_scores_do_not_depend_on_what_the_caches_held(model, parse, monkeypatch):
    crf = model.cue_tagger
    facts = doc_facts(parse(_ARTICLES[0]), model.lexicon, model.centroids)
    warm = cue_state_scores([facts], crf)[0]
    monkeypatch.setattr(weight_rows, "CACHE_LIMIT", 3)  # every cache starts again after three values
    monkeypatch.setattr(crf, "_cue_templates", None)  # fresh caches (the tagger's own come back after the test)
    assert cue_state_scores([facts], crf)[0].tobytes() == warm.tobytes()
    assert all(len(rows) <= 3 for rows in crf._cue_templates.values())


def test_tag_states_labels_as_tag_batch(model, parse):
    crf = model.cue_tagger
    facts = doc_facts(parse(_ARTICLES[0]), model.lexicon, model.centroids)
    scores = cue_state_scores([facts], crf)[0]
    sequences = [cue_features(facts, a, b) for a, b in facts.sents]
    by_strings = crf.tag_batch(sequences)
    by_states = crf.tag_states([scores[a:b] for a, b in facts.sents])
    assert sum(r.path.count(crf.labels.index("B-CUE")) for r in by_states) >= 4
    for a, b in zip(by_strings, by_states):
        assert a.path == b.path and a.marginals.tobytes() == b.marginals.tobytes() and a.log_norm == b.log_norm


def test_a_batch_of_documents_scores_each_as_alone(model, parse):
    crf = model.cue_tagger
    batch = [doc_facts(parse(text), model.lexicon, model.centroids) for text in (*_ARTICLES, _ARTICLES[1])]
    together = cue_state_scores(batch, crf)
    assert [s.tobytes() for s in together] == [_from_strings(f, crf).tobytes() for f in batch]
    assert cue_state_scores([], crf) == []
