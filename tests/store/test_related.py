"""Related statements across articles: a denial contradicts an allegation, an independent speaker corroborates,
numbers that cannot agree contradict, the same speaker is only related, other subjects are left out.

Runs on SQLite and (with ONRECORD_TEST_POSTGRES_URL) PostgreSQL: candidates come from each one's full-text index.
"""
from __future__ import annotations

import pytest

from onrecord.errors import ArticleNotFound, AttributionNotFound

from .articles import related_corpus


@pytest.fixture
def corpus(store):
    store.add_articles(related_corpus())
    return store


def relations(store, article_id: str, index: int = 0) -> dict[str, str]:
    return {item.quote.article_id: item.relation for item in store.related(article_id, index).items}


def test_a_denial_contradicts_the_allegation(corpus):
    found = corpus.related("r1", 0)
    denial = next(item for item in found.items if item.quote.article_id == "r2")
    assert denial.relation == "contradicts"
    assert any("opposite polarity" in reason and "denies" in reason and "alleges" in reason for reason in denial.reasons)
    assert {"tarsk", "orvel", "waste"} <= set(denial.shared_words)
    assert found.stance == "alleges" and found.statement.article_id == "r1" and found.statement.index == 0


def test_another_outlets_speaker_corroborates(corpus):
    found = {item.quote.article_id: item for item in corpus.related("r1", 0).items}
    assert found["r3"].relation == "corroborates"
    assert found["r3"].quote.speaker.id == "hanna-voss" and found["r3"].quote.outlet == "River Post"
    assert any("independent source" in reason for reason in found["r3"].reasons)
    assert 0.4 <= found["r3"].score <= 1


def test_the_same_speaker_repeating_herself_is_only_related(corpus):
    found = {item.quote.article_id: item for item in corpus.related("r1", 0).items}
    assert found["r4"].relation == "related"
    assert "same speaker" in found["r4"].reasons


def test_numbers_that_cannot_agree_contradict(corpus):
    found = {item.quote.article_id: item for item in corpus.related("r5", 0).items}
    assert found["r6"].relation == "contradicts"
    assert any(reason.startswith("numbers disagree") and "nearly 3,000" in reason and "500" in reason for reason in found["r6"].reasons)


def test_unrelated_content_and_the_same_article_are_left_out(corpus):
    found = relations(corpus, "r1")
    assert "r7" not in found and "r1" not in found  # r1#1 says nearly the same, but in the same article
    assert set(found) <= {"r2", "r3", "r4", "r5", "r6"}
    assert relations(corpus, "r7") == {}


def test_best_overlap_first_within_the_limit(corpus):
    items = corpus.related("r1", 0).items
    assert [i.score for i in items] == sorted((i.score for i in items), reverse=True)
    assert len(corpus.related("r1", 0, limit=2).items) == 2


def test_json_ready_records(corpus):
    record = corpus.related("r1", 0).to_dict()
    assert record["statement"]["speaker"]["id"] == "mara-lind"
    item = record["items"][0]
    assert set(item) == {"relation", "score", "reasons", "shared_words", "stance", "quote"}
    assert isinstance(item["reasons"], list) and isinstance(item["quote"]["published"], str)


def test_unknown_article_or_index(corpus):
    with pytest.raises(ArticleNotFound):
        corpus.related("nope", 0)
    with pytest.raises(AttributionNotFound):
        corpus.related("r1", 7)
