"""The role tagger's state scores read straight from the facts equal, bit for bit, those of role_features' strings."""
from __future__ import annotations

import pytest

from onrecord.attribution.bio import spans_of
from onrecord.attribution.features import cue_features, doc_facts
from onrecord.attribution.model import load_model
from onrecord.attribution.role_features import role_features, role_window
from onrecord.attribution.role_scores import role_state_scores

pytestmark = pytest.mark.slow

#: hand-written: a quotation before and after its cue, a split quotation, a colon cue, a cue inside a quotation,
#: 'according to', a passive with its agent, a heading and a one-word line, sentences far from any cue
_ARTICLES = (
    "Bridge to reopen\n"
    "Yes.\n"
    "“We will rebuild the bridge,” Mayor Ana Ruiz said on Monday. "
    "The city's engineer, who inspected it in May, told reporters that the work could take “several months, maybe more.” "
    "According to the council, the repairs will cost $4 million. "
    "“The contractor said ‘no delays’ and we believed him,” a resident said, “but nobody asked us.” "
    "The plan was criticised by the opposition: “It is too little, too late.” "
    "Traffic was diverted through the old town.",
    "“It is over,” she said.",
)


@pytest.fixture(scope="module")
def model():
    found = load_model("default")
    assert found is not None, "the attribution model ships in onrecord/data/model"
    return found


@pytest.fixture(scope="module")
def batch(model):
    from onrecord.nlp import load_parser

    parse = load_parser()
    return [doc_facts(parse(text), model.lexicon, model.centroids) for text in _ARTICLES]


def _cues(batch, model) -> list[tuple[int, int, int, int, int]]:
    cue_tagger = model.cue_tagger
    out = []
    for k, facts in enumerate(batch):
        for a, b in facts.sents:
            labels = cue_tagger.tag_batch([cue_features(facts, a, b)])[0].path
            for c_start, c_end in spans_of([cue_tagger.labels[j] for j in labels], "CUE", a):
                out.append((k, c_start, c_end, *role_window(facts, c_start, c_end)))
    return out


def test_role_state_scores_are_those_of_the_feature_strings_bit_for_bit(model, batch):
    crf = model.role_tagger
    cues = _cues(batch, model)
    assert len(cues) >= 6 and {k for k, *_ in cues} == {0, 1}  # both documents' cues, in one batch
    found = role_state_scores(batch, cues, crf)
    assert len(found) == len(cues)
    for (k, start, end, lo, hi), scores in zip(cues, found):
        expected, _ = crf._state_scores([role_features(batch[k], start, end, lo, hi)])
        assert scores.shape == (hi - lo, len(crf.labels))
        assert scores.tobytes() == expected.tobytes()
    assert role_state_scores(batch, [], crf) == []


def test_role_windows_label_as_with_the_strings(model, batch):
    crf = model.role_tagger
    cues = _cues(batch, model)
    by_strings = crf.tag_batch([role_features(batch[k], s, e, lo, hi) for k, s, e, lo, hi in cues], scores=True)
    by_states = crf.tag_states(role_state_scores(batch, cues, crf), scores=True)
    assert any(crf.labels[j] == "B-CON" for r in by_states for j in r.path)
    for a, b in zip(by_strings, by_states):
        assert a.path == b.path and a.marginals.tobytes() == b.marginals.tobytes() and a.probability() == b.probability()
