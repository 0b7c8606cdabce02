"""The shipped attribution model: predictions on hand-written news sentences, and its recorded dev figures."""
from __future__ import annotations

import json

import pytest

from onrecord.attribution.model import default_model_dir, load_model
from onrecord.types import AttributionType

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model():
    found = load_model("default")
    if found is None:
        pytest.skip("no model shipped in onrecord/data/model")
    return found


@pytest.fixture(scope="module")
def parse():
    from onrecord.attribution.model_data import base_pipeline

    return base_pipeline()


def _by_cue(attributions, cue: str):
    hits = [a for a in attributions if any(s.text == cue for s in a.cue)]
    assert hits, f"no attribution with cue {cue!r} in {[[s.text for s in a.cue] for a in attributions]}"
    return hits[0]


def test_load_model_none_means_rules_only():
    assert load_model(None) is None


def test_indirect_speech_gets_source_cue_and_that_clause(model, parse):
    doc = parse("The harbour commissioner said on Tuesday that the new ferry terminal would open in the spring.")
    a = _by_cue(model.predict(doc), "said")
    assert [s.text for s in a.source] == ["The harbour commissioner"]
    assert a.content[0].text.startswith("that the new ferry terminal")
    assert a.type is AttributionType.INDIRECT and a.origin == "model" and a.speaker is None
    assert a.cue_lemma == "say"
    assert 0.0 <= a.confidence <= 1.0


def test_quote_split_by_its_cue_keeps_both_pieces_as_content(model, parse):
    text = "“We have no plans to raise fares,” the transit director said, “and we will not cut routes either.”"
    a = _by_cue(model.predict(parse(text)), "said")
    joined = " ".join(s.text for s in a.content)
    assert "raise fares" in joined and "cut routes" in joined
    assert a.type is AttributionType.DIRECT
    assert [s.text for s in a.source] == ["the transit director"]


def test_reported_speech_inside_a_content_stays_part_of_it_as_polnear_annotates(model, parse):
    # PolNeAR never marks a cue inside another attribution's content (0 of 1,951 speech verbs
    # in train), so the model reports the outer attribution with the inner one as its content
    doc = parse("The auditor told lawmakers that the contractor had claimed the invoices were accurate.")
    found = model.predict(doc)
    told = _by_cue(found, "told")
    assert [s.text for s in told.source] == ["The auditor"]
    assert told.content[0].text == "that the contractor had claimed the invoices were accurate"
    assert not [a for a in found if any(s.text == "claimed" for s in a.cue)]


def test_according_to_links_the_source_in_its_object(model, parse):
    doc = parse("Unemployment in the region fell to 4 percent last year, according to the state labour office.")
    a = _by_cue(model.predict(doc), "according to")
    assert [s.text for s in a.source] == ["the state labour office"]
    assert "Unemployment in the region fell" in a.content[0].text


def test_offsets_point_into_the_text(model, parse):
    text = "Officials, who spoke on condition of anonymity, said the talks had stalled. “It is over,” one added."
    doc = parse(text)
    for a in model.predict(doc):
        for span in a.source + a.cue + a.content:
            assert text[span.start : span.end] == span.text


def test_shipped_model_reproduces_its_recorded_dev_subset_figures(model, parse, shared_dir):
    from bench.eval import load_scorer

    recorded = json.loads((default_model_dir() / "dev_scores.json").read_text("utf-8"))["subset"]
    scorer = load_scorer(shared_dir)
    gold = scorer.load_gold(shared_dir / "data/polnear/dev")
    ids = recorded["ids"]
    docs = parse.pipe([gold[i]["text"] for i in ids])
    pred = {}
    for i, doc in zip(ids, docs):
        pred[i] = [{r: [s.as_pair() for s in getattr(a, r)] for r in ("source", "cue", "content")} for a in model.predict(doc)]
    result = scorer.score({i: gold[i] for i in ids}, pred, 0.5)
    for metric in ("attr/full", "attr/content", "span/content/exact", "span/cue/exact", "span/source/exact"):
        assert result[metric]["f1"] == pytest.approx(recorded["metrics"][metric]["f1"], abs=0.002), metric
