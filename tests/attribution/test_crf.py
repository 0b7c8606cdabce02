"""The numpy CRF decoder gives crfsuite's own labels, marginals and probabilities, to the last bit."""
from __future__ import annotations

import pytest

from onrecord.attribution.bio import spans_of
from onrecord.attribution.crf import LinearChainCRF, read_crfsuite
from onrecord.attribution.features import cue_features, doc_facts
from onrecord.attribution.model import default_model_dir, load_model
from onrecord.attribution.role_features import role_features, role_window

pycrfsuite = pytest.importorskip("pycrfsuite")

pytestmark = pytest.mark.slow

#: hand-written news text: speech, a split quotation, "according to", a statement, a colon cue
_ARTICLE = (
    "The harbour commissioner said on Tuesday that the new ferry terminal would open in the spring. "
    "“We have no plans to raise fares,” the transit director said, “and we will not cut routes either.” "
    "According to the city's auditor, the project is already six months late. "
    "In a statement, the union warned that drivers could strike before the holidays. "
    "The mayor was blunt: “Nobody wants another summer of closures.” "
    "Officials believe the repairs will cost more than expected, and the council plans to vote next week."
)


@pytest.fixture(scope="module")
def model():
    found = load_model("default")
    assert found is not None, "the attribution model ships in onrecord/data/model"
    return found


@pytest.fixture(scope="module")
def taggers():
    out = {}
    for name in ("cue", "role"):
        tagger = pycrfsuite.Tagger()
        tagger.open(str(default_model_dir() / f"{name}.crfsuite"))
        out[name] = tagger
    return out


@pytest.fixture(scope="module")
def facts(model):
    from onrecord.nlp import load_parser

    return doc_facts(load_parser()(_ARTICLE), model.lexicon, model.centroids)


def test_read_crfsuite_finds_crfsuite_s_labels_in_their_order(taggers):
    for name in ("cue", "role"):
        weights = read_crfsuite(default_model_dir() / f"{name}.crfsuite")
        assert weights.labels == taggers[name].labels()
        assert weights.state.shape == (len(weights.attributes) + 1, len(weights.labels))
        assert weights.state[:-1].any() and weights.transition.any()
        assert not weights.state[-1].any()  # the row unknown attributes read


def test_cue_tagger_labels_and_marginals_are_crfsuite_s(facts, taggers):
    crf = LinearChainCRF.from_file(default_model_dir() / "cue.crfsuite")
    sequences = [cue_features(facts, a, b) for a, b in facts.sents]
    found = crf.tag_batch(sequences)
    tagger = taggers["cue"]
    cues = 0
    for features, result in zip(sequences, found):
        labels = tagger.tag(features)
        assert [crf.labels[k] for k in result.path] == labels
        cues += labels.count("B-CUE")
        for t in range(len(features)):
            for label in crf.labels:
                assert result.marginal(label, t) == tagger.marginal(label, t)  # exactly, not approximately
    assert cues >= 4  # the text's cues were found, so the comparison covered labelled cues


def test_role_tagger_labels_marginals_and_probability_are_crfsuite_s(facts, taggers):
    crf = LinearChainCRF.from_file(default_model_dir() / "role.crfsuite")
    cue_tagger = taggers["cue"]
    windows = []
    for a, b in facts.sents:
        for c_start, c_end in spans_of(cue_tagger.tag(cue_features(facts, a, b)), "CUE", a):
            lo, hi = role_window(facts, c_start, c_end)
            windows.append(role_features(facts, c_start, c_end, lo, hi))
    assert len(windows) >= 4
    tagger = taggers["role"]
    # windows of different lengths share one padded batch
    assert len({len(w) for w in windows}) > 1
    for features, result in zip(windows, crf.tag_batch(windows, scores=True)):
        labels = tagger.tag(features)
        assert [crf.labels[k] for k in result.path] == labels
        assert "B-CON" in labels or "B-SRC" in labels or set(labels) == {"O"}
        for t, label in enumerate(labels):
            assert result.marginal(label, t) == tagger.marginal(label, t)
        assert result.probability() == tagger.probability(labels)


def test_unknown_attributes_change_nothing():
    crf = LinearChainCRF.from_file(default_model_dir() / "cue.crfsuite")
    plain = [["w=said", "t=VBD", "l=say"], ["w=the", "t=DT"]]
    noisy = [["w=said", "no such attribute", "t=VBD", "l=say"], ["zz=unknown", "w=the", "t=DT"]]
    a, b = crf.tag_batch([plain, noisy])
    assert a.path == b.path and (a.marginals == b.marginals).all()
    assert crf.tag_batch([[]])[0].path == []
