"""Queries: quotes by speaker, date, stance and words; speaker rankings; one speaker's record; listings."""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.errors import EntityNotFound

from .articles import claim


@pytest.fixture
def corpus(store, make_article):
    """Three outlets quoting the same minister across three weeks, plus others."""
    speakers = {"Irina Solberg": {"aliases": ["Solberg"], "titles": ["Trade Minister"], "nationality": "Velmoran"}}
    store.add_articles([
        make_article("w1", [("Irina Solberg", "Irina Solberg", "said", "grain exports would resume within a week"),
                            ("Pavel Dremov", "Pavel Dremov", "said", "the corridor remained unsafe for ships")],
                     published="2025-03-01", outlet="Harbour Times", title="Grain corridor talks open", speakers=speakers,
                     claims={0: claim("states"), 1: claim("warns")}),
        make_article("w2", [("Irina Solberg", "Trade Minister Solberg", "denied", "any ship had been turned back at the port"),
                            ("Irina Solberg", "Solberg", "added", "inspections would be shared with observers")],
                     published="2025-03-08", outlet="Velmora Daily", title="Minister denies ships turned back",
                     speakers={"Irina Solberg": {"aliases": ["Solberg"], "titles": ["Trade Minister"]}},
                     claims={0: claim("denies")}, said_on={0: "2025-03-07"}),
        make_article("w3", [("Irina Solberg", "Minister Irina Solberg", "told", "the grain deal was finally signed"),
                            ("United Nations food agency", "the United Nations food agency", "said", "prices of grain had fallen")],
                     published="2025-03-15", outlet="Harbour Times", title="Grain deal signed",
                     speakers={"Irina Solberg": {"titles": ["Minister"]}, "United Nations food agency": {"kind": "organisation"}}),
    ])
    return store


def test_quotes_of_a_speaker_by_name_alias_or_id_in_date_order(corpus):
    by_name = corpus.quotes(speaker="Irina Solberg", oldest_first=True)
    assert by_name.total == 4
    assert [q.day for q in by_name.items] == sorted(q.day for q in by_name.items)
    assert [q.article_id for q in by_name.items] == ["w1", "w2", "w2", "w3"]
    assert corpus.quotes(speaker="Solberg").total == 4  # alias
    assert corpus.quotes(speaker="irina-solberg").total == 4  # entity id
    assert corpus.quotes(speaker="Trade Minister Irina Solberg").total == 4  # with a title
    assert corpus.quotes(speaker="Nobody Known").total == 0


def test_quotes_between_dates_use_the_statement_day(corpus):
    # said on 2025-03-07 although published on 2025-03-08
    window = corpus.quotes(speaker="Irina Solberg", since=dt.date(2025, 3, 2), until=dt.date(2025, 3, 7))
    assert [(q.article_id, q.said_on) for q in window.items] == [("w2", "2025-03-07")]
    newest_first = corpus.quotes(since=dt.date(2025, 3, 8))
    assert [q.article_id for q in newest_first.items] == ["w3", "w3", "w2"]


def test_quotes_by_stance_and_words(corpus):
    assert [q.content_text for q in corpus.quotes(stance="denies").items] == ["any ship had been turned back at the port"]
    assert {q.article_id for q in corpus.quotes(q="grain").items} == {"w1", "w3"}
    assert corpus.quotes(q="grain", speaker="Irina Solberg").total == 2
    assert corpus.quotes(q='"grain deal"').total == 1
    assert corpus.quotes(q="ships OR ship").total == 2
    assert corpus.quotes(q="grain -prices").total == 2
    assert corpus.quotes(q="exports", stance="warns").total == 0


@pytest.mark.parametrize("hostile", ['"', "AND(", "NEAR(a b", "*", "'; DROP TABLE attributions; --", "-", "OR"])
def test_any_query_text_is_safe(corpus, hostile):
    page = corpus.quotes(q=hostile)
    assert (page.total, tuple(page.items)) == (0, ())  # no word of these is in any content: nothing matches, nothing breaks
    assert corpus.quotes().total == 6  # and the table is still there


def test_a_control_character_in_the_query_is_ignored(corpus):
    page = corpus.quotes(q="grain\x00")
    assert page.total == 3
    assert all("grain" in q.content_text for q in page.items)
    assert corpus.stats().attributions == 6


def test_paging_gives_each_quote_once(corpus):
    seen = []
    for offset in range(0, 6, 4):
        seen += [(q.article_id, q.index) for q in corpus.quotes(limit=4, offset=offset).items]
    assert len(seen) == len(set(seen)) == corpus.quotes().total == 6


def test_speakers_ranked_with_counts_dates_and_outlets(corpus):
    page = corpus.speakers()
    top = page.items[0]
    assert (top.id, top.name, top.kind, top.quotes, top.articles) == ("irina-solberg", "Irina Solberg", "person", 4, 3)
    assert (top.first_seen, top.last_seen) == (dt.date(2025, 3, 1), dt.date(2025, 3, 15))
    assert top.outlets == ("Harbour Times", "Velmora Daily")  # most statements first
    assert page.total == 3
    assert [s.name for s in corpus.speakers(kind="organisation").items] == ["United Nations food agency"]
    assert [s.name for s in corpus.speakers(q="dremov").items] == ["Pavel Dremov"]


def test_a_speakers_page_aggregates_the_attributions_once_and_knows_its_total(corpus):
    from sqlalchemy import event

    grouped = []

    def count_grouping(conn, cursor, statement, parameters, context, executemany):
        grouped.extend([statement] if "GROUP BY entities.pk" in statement else [])

    event.listen(corpus.engine, "before_cursor_execute", count_grouping)
    try:
        page = corpus.speakers(limit=2)
        assert (page.total, len(page.items), len(grouped)) == (3, 2, 1)  # the total comes with the page
        assert corpus.speakers(limit=2, offset=2).total == 3
        assert corpus.speakers(q="dremov").total == 1
        assert (corpus.speakers(q="nobody").total, corpus.speakers(offset=50).total) == (0, 3)  # past the end: counted apart
    finally:
        event.remove(corpus.engine, "before_cursor_execute", count_grouping)


def test_the_speakers_ranking_reads_the_speakers_index_not_the_attribution_rows(corpus):
    if corpus.dialect != "sqlite":
        pytest.skip("a SQLite query plan")
    from sqlalchemy import event

    plans = []

    def explain(conn, cursor, statement, parameters, context, executemany):
        if "GROUP BY entities.pk" in statement:
            plans.extend(r[3] for r in cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters))

    event.listen(corpus.engine, "before_cursor_execute", explain)
    try:
        corpus.speakers()
    finally:
        event.remove(corpus.engine, "before_cursor_execute", explain)
    assert "SCAN attributions USING COVERING INDEX ix_attributions_name_day" in plans, plans


def test_speaker_record_has_aliases_and_dated_roles(corpus):
    detail = corpus.speaker("irina-solberg")
    assert "Solberg" in detail.aliases
    roles = {r.title: (r.first_seen, r.last_seen, r.articles) for r in detail.roles}
    assert roles["Trade Minister"] == (dt.date(2025, 3, 1), dt.date(2025, 3, 8), 2)
    assert roles["Minister"] == (dt.date(2025, 3, 15), dt.date(2025, 3, 15), 1)
    assert detail.nationalities == ("Velmoran",)
    with pytest.raises(EntityNotFound):
        corpus.speaker("no-such-speaker")


def test_statement_dates_for_a_timeline(corpus):
    points = corpus.statement_dates("irina-solberg")
    assert [(day, article, index) for day, article, index, _ in points] == [
        (dt.date(2025, 3, 1), "w1", 0), (dt.date(2025, 3, 7), "w2", 0), (dt.date(2025, 3, 8), "w2", 1), (dt.date(2025, 3, 15), "w3", 0)]


def test_articles_newest_first_with_title_filter(corpus):
    page = corpus.articles()
    assert [a.id for a in page.items] == ["w3", "w2", "w1"]
    assert [a.id for a in corpus.articles(q="grain").items] == ["w3", "w1"]
    assert page.items[0].attributions == 2


def test_search_ranks_better_matches_first(corpus):
    hits = corpus.search("grain deal")
    assert hits.items[0].content_text == "the grain deal was finally signed"


def test_records_serialise_to_json_shapes(corpus):
    quote = corpus.quotes(speaker="Irina Solberg", limit=1, oldest_first=True).items[0].to_dict()
    assert quote["published"] == "2025-03-01" and quote["speaker"] == {"id": "irina-solberg", "name": "Irina Solberg", "kind": "person"}
    (start, end), = quote["content"]
    assert corpus.article(quote["article_id"])["text"][start:end] == quote["content_text"]
    speaker = corpus.speaker("irina-solberg").to_dict()
    assert speaker["roles"][0]["first_seen"] == "2025-03-01"


@pytest.mark.parametrize("filters", [
    {}, {"speaker": "Solberg"}, {"speaker_id": "irina-solberg"}, {"stance": "states"}, {"stance": "denies"},
    {"q": "grain"}, {"q": "grain", "speaker": "Irina Solberg", "stance": "states"}, {"since": dt.date(2025, 3, 5)},
    {"until": dt.date(2025, 3, 7), "speaker": "Irina Solberg"}, {"verification": "unverified"},
])
def test_total_counts_exactly_the_rows_a_full_page_lists(corpus, filters):
    """The count query joins only what the filters need; it must agree with the page query's rows."""
    everything = corpus.quotes(**filters, limit=1000)
    assert everything.total == len(everything.items)
    assert corpus.quotes(**filters, limit=1).total == everything.total


@pytest.mark.parametrize("filters", [
    {"stance": "states"}, {"stance": "denies"}, {"stance": "warns", "since": dt.date(2025, 3, 1)},
    {"stance": "states", "speaker": "Solberg"}, {"stance": "denies", "q": "ship"}, {"verification": "unverified"},
])
def test_claim_filters_list_the_same_rows_whether_or_not_the_value_counts_as_common(corpus, filters, monkeypatch):
    """A common stance is filtered without its index on SQLite (a planning choice): the rows, their order
    and the total must not depend on it."""
    from onrecord.store import queries

    def listing():
        page = corpus.quotes(**filters, limit=1000)
        return page.total, [(q.article_id, q.index) for q in page.items]

    monkeypatch.setattr(queries, "COMMON_SHARE", 0.0)
    common = listing()
    monkeypatch.setattr(queries, "COMMON_SHARE", 1.0)
    rare = listing()
    assert common == rare
    assert common[0] == len(common[1])
    if "stance" in filters and "q" not in filters and "speaker" not in filters:
        assert common[0] > 0, "the fixture has this stance"
