"""End to end on the seed article (../shared/data/seed), scored with the shared scorer."""
from __future__ import annotations

import json

import pytest

from bench.eval import load_scorer

PEOPLE = {"Vladimir Putin", "Dmitry Peskov", "Volodymyr Zelensky", "Donald Trump"}


@pytest.fixture(scope="module")
def seed(shared_dir):
    path = shared_dir / "data/seed/expected.jsonl"
    return json.loads(path.read_text("utf-8").splitlines()[0])


@pytest.fixture(scope="module")
def article(seed):
    import onrecord

    return onrecord.analyze(seed["text"], seed["published"], id=seed["id"])


def _token_matches(scorer, seed, article):
    """Gold attributions paired with the predicted ones the scorer matches them to (attr/full)."""
    from onrecord.serialize import attribution_to_dict

    tokens = scorer.tokenize(seed["text"])
    preds = [attribution_to_dict(a) for a in article.attributions]
    gold_t = scorer.as_token_attrs(tokens, seed["attributions"])
    pred_t = scorer.as_token_attrs(tokens, preds)
    pairs = []
    for p, g in scorer.match(pred_t, gold_t, 0.5):
        pairs.append((preds[pred_t.index(p)], seed["attributions"][gold_t.index(g)]))
    return pairs


def test_seed_article_attr_full_f1_at_least_085(shared_dir, seed, article):
    from onrecord.serialize import article_to_dict

    scorer = load_scorer(shared_dir)
    pred = {seed["id"]: article_to_dict(article)["attributions"]}
    result = scorer.score({seed["id"]: {"text": seed["text"], "attributions": seed["attributions"]}}, pred, 0.5)
    assert result["attr/full"]["f1"] >= 0.85, result["attr/full"]


def test_seed_article_matched_people_have_their_canonical_speaker(shared_dir, seed, article):
    scorer = load_scorer(shared_dir)
    checked = 0
    for pred, gold in _token_matches(scorer, seed, article):
        if gold["speaker"] in PEOPLE:
            assert pred["speaker"] is not None and pred["speaker"]["name"] == gold["speaker"], (pred["content_text"], gold["speaker"])
            checked += 1
    assert checked >= 8  # nine of the fourteen gold attributions are by these four people


def test_seed_article_offsets_point_at_their_text(seed, article):
    for a in article.attributions:
        for span in a.source + a.cue + a.content:
            assert seed["text"][span.start : span.end] == span.text
    assert article.published.isoformat() == seed["published"]
