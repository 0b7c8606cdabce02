"""Writing articles: exact round trip, idempotency by text hash, id clashes, claims, deletion."""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.errors import ArticleNotFound
from onrecord.serialize import article_to_dict

from .articles import claim, with_times

PEOPLE = [
    ("Ana Ruiz", "Mayor Ana Ruiz", "said", "the harbour bridge would stay closed until the inspection ends"),
    ("Tomas Vidal", "Tomas Vidal", "told", "half of his customers cross that bridge every morning"),
]


def test_stored_article_reads_back_exactly_as_analysed(store, make_article):
    article = with_times(
        make_article("bridge", PEOPLE, published="2025-04-22", outlet="Brackwater Post", title="Bridge closed",
                     speakers={"Ana Ruiz": {"aliases": ["Ruiz"], "titles": ["Mayor"], "nationality": "Spanish"}},
                     claims={0: claim("states", "probable", "unverified", ("the Post",))}, said_on={1: "2025-04-21"}),
        "until the inspection ends", "2025-05",
    )
    result = store.add_article(article, origin="bridge.txt")
    assert result.created and result.id == "bridge" and result.attributions == 2
    assert store.article("bridge") == article_to_dict(article)
    assert store.article_record("bridge") == article


def test_the_same_text_twice_adds_nothing(store, make_article):
    article = make_article("x1", PEOPLE)
    assert store.add_article(article).created
    again = store.add_articles([article, article], resolve=False)
    assert [r.created for r in again] == [False, False]
    assert store.stats().articles == 1 and store.stats().attributions == 2


def test_same_id_with_another_text_is_kept_under_a_suffixed_id(store, make_article):
    first = make_article("report", PEOPLE[:1])
    second = make_article("report", PEOPLE[1:])
    assert store.add_article(first).id == "report"
    other = store.add_article(second)
    assert other.created and other.id == f"report~{second.text_sha256[:8]}"
    assert store.article(other.id)["attributions"][0]["speaker"]["name"] == "Tomas Vidal"


def test_claim_columns_are_queryable(store, make_article):
    article = make_article(
        "c1",
        [("Irina Solberg", "Irina Solberg", "denied", "any shipment had been stopped"),
         ("Pavel Dremov", "Pavel Dremov", "warned", "the talks could collapse")],
        published="2025-03-03",
        claims={0: claim("denies", "certain", "disputed", ("Reuters",)), 1: claim("warns", "possible")},
    )
    store.add_articles([article])
    denials = store.quotes(stance="denies")
    assert [q.speaker.name for q in denials.items] == ["Irina Solberg"]
    assert denials.items[0].verification == "disputed" and denials.items[0].certainty == "certain"
    assert store.quotes(verification="disputed").total == 1
    assert store.quotes(stance="states").total == 0


def test_deleting_an_article_removes_what_was_extracted(store, make_article):
    store.add_articles([make_article("gone", PEOPLE, claims={0: claim("states")})])
    assert store.delete_article("gone")
    stats = store.stats()
    assert (stats.articles, stats.attributions, stats.claims) == (0, 0, 0)
    assert store.search("bridge").total == 0
    with pytest.raises(ArticleNotFound):
        store.article("gone")


def test_statement_day_prefers_said_on(store, make_article):
    article = make_article("d1", PEOPLE, published="2025-04-22", said_on={0: "2025-04-20"})
    store.add_articles([article])
    days = {q.speaker.name: q.day for q in store.quotes().items}
    assert days == {"Ana Ruiz": dt.date(2025, 4, 20), "Tomas Vidal": dt.date(2025, 4, 22)}


def test_a_nul_character_is_stored_on_every_database(store, make_article):
    article = make_article("nul", [("Ana Ruiz", "Ana Ruiz", "said", "the bridge\x00 would reopen")])
    assert store.add_article(article).created
    stored = store.article("nul")
    assert len(stored["text"]) == len(article.text)  # offsets still point at the same words
    assert stored["attributions"][0]["content_text"].replace("\ufffd", "\x00") == "the bridge\x00 would reopen"


def test_two_writers_storing_the_same_article_store_it_once(store_url, make_article):
    from onrecord.store import Store

    article = make_article("race", PEOPLE)
    with Store.open(store_url) as a, Store.open(store_url) as b:
        # a commits the article after b looked for it and before b inserts it
        real_group_keys = b._writer._group_keys
        fired = []

        def a_commits_first(conn, wanted):
            if not fired:
                fired.append(a.add_article(article))
            return real_group_keys(conn, wanted)

        b._writer._group_keys = a_commits_first
        result = b.add_article(article)
        assert fired[0].created and not result.created
        assert b.stats().articles == 1 and b.stats().attributions == 2
