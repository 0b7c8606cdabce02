"""Attribution kinds in the store: written, read back, filtered on (one kind or several), and migrated."""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord.errors import UnknownKind
from onrecord.store import QuoteFilter, Store

from .articles import claim


@pytest.fixture
def kinds_corpus(store, make_article):
    """One council story whose attributions report speech, writing, thought, evidence and intention."""
    store.add_articles([
        make_article("k1", [("Marta Velez", "Marta Velez", "said", "the ferry would run all winter"),
                            ("Marta Velez", "Velez", "wrote", "the timetable was final"),
                            ("Tomas Reyes", "Tomas Reyes", "believes", "the fares are too high")],
                     published="2025-05-02", outlet="Coast Courier", kinds={1: "writing", 2: "thought"},
                     claims={0: claim("states"), 1: claim("states"), 2: claim("claims")}),
        make_article("k2", [("Harbour survey", "a harbour survey", "found", "the pier needs new pilings"),
                            ("Marta Velez", "Velez", "plans", "the pier would reopen in June")],
                     published="2025-05-09", outlet="Coast Courier", kinds={0: "evidence", 1: "intention"},
                     speakers={"Harbour survey": {"kind": "organisation"}}),
    ])
    return store


def _kinds(page) -> list[str]:
    return sorted(q.kind for q in page.items)


def test_stored_article_keeps_each_attributions_kind(kinds_corpus):
    stored = kinds_corpus.article("k1")
    assert [a["kind"] for a in stored["attributions"]] == ["speech", "writing", "thought"]
    record = kinds_corpus.article_record("k2")
    assert [a.kind.value for a in record.attributions] == ["evidence", "intention"]


def test_quotes_filter_by_one_kind_or_several(kinds_corpus):
    assert kinds_corpus.quotes().total == 5
    assert _kinds(kinds_corpus.quotes(kind="writing")) == ["writing"]
    assert _kinds(kinds_corpus.quotes(kind="speech,writing")) == ["speech", "writing"]
    assert _kinds(kinds_corpus.quotes(kind=["thought", "evidence"])) == ["evidence", "thought"]
    assert kinds_corpus.quotes(kind="intention").items[0].content_text == "the pier would reopen in June"


def test_kind_combines_with_the_other_filters(kinds_corpus):
    assert kinds_corpus.quotes(kind="speech,writing", speaker="Marta Velez").total == 2
    assert kinds_corpus.quotes(kind="intention", speaker="Marta Velez").total == 1
    assert kinds_corpus.quotes(kind="thought", stance="claims").total == 1
    assert kinds_corpus.quotes(kind="speech", stance="claims").total == 0
    assert kinds_corpus.quotes(kind="evidence", since=dt.date(2025, 5, 5)).total == 1
    assert kinds_corpus.search("pier", kind="evidence").items[0].content_text == "the pier needs new pilings"
    assert kinds_corpus.search("pier", kind="speech,writing").total == 0


@pytest.mark.parametrize("filters", [
    {"kind": "speech"}, {"kind": "speech,writing"}, {"kind": "thought", "stance": "claims"},
    {"kind": "evidence", "since": dt.date(2025, 5, 5)}, {"kind": "writing", "speaker": "Marta Velez"}, {"kind": "intention", "q": "pier"},
])
def test_total_with_a_kind_counts_exactly_the_rows_listed(kinds_corpus, filters):
    everything = kinds_corpus.quotes(**filters, limit=1000)
    assert everything.total == len(everything.items) > 0
    assert kinds_corpus.quotes(**filters, limit=1).total == everything.total


def test_a_quote_filter_object_and_keywords_are_the_same_query(kinds_corpus):
    where = QuoteFilter(speaker="Marta Velez", kind=("writing", "speech"))
    assert where.kind == ("speech", "writing")
    by_object = kinds_corpus.quotes(where)
    by_keywords = kinds_corpus.quotes(speaker="Marta Velez", kind="speech,writing")
    assert [(q.article_id, q.index) for q in by_object.items] == [(q.article_id, q.index) for q in by_keywords.items]
    assert kinds_corpus.quotes(where, kind="writing").total == 1  # a keyword replaces the object's field


def test_unknown_kind_is_a_coded_error(kinds_corpus):
    with pytest.raises(UnknownKind, match=r"\[E066\].*'quote'.*speech, writing, thought, evidence, intention"):
        kinds_corpus.quotes(kind="speech,quote")
    with pytest.raises(TypeError):
        kinds_corpus.quotes(kinds="speech")  # a misspelt filter is an error, never ignored


def test_quote_records_carry_the_kind_to_json(kinds_corpus):
    quote = kinds_corpus.quotes(kind="writing").items[0].to_dict()
    assert quote["kind"] == "writing" and quote["content_text"] == "the timetable was final"


def test_rows_stored_before_kinds_existed_become_speech(store_url, make_article, monkeypatch):
    """A store at migration 0002 (no kind column) upgraded on open: its attributions are speech."""
    from alembic import command

    from onrecord.store import db
    from onrecord.store.write import ArticleWriter

    engine = db.create_db_engine(db.database_url(store_url))
    with engine.begin() as connection:
        command.upgrade(db._alembic_config(connection), "0002")
    old_row = ArticleWriter._attribution_row

    def row_without_kind(*args):
        row = old_row(*args)
        del row["kind"]
        del row["said_on_source"]  # added by 0004, after kinds
        return row

    monkeypatch.setattr(ArticleWriter, "_attribution_row", staticmethod(row_without_kind))
    old = Store(engine, db.database_url(store_url))
    old.add_article(make_article("old", [("Ana Ruiz", "Ana Ruiz", "wrote", "the bridge would reopen in May")], kinds={0: "writing"}))
    old.close()
    monkeypatch.undo()
    with Store.open(store_url) as store:
        assert db.current_revision(store.engine) == db.head_revision()
        assert [q.kind for q in store.quotes().items] == ["speech"]
        assert store.quotes(kind="speech").total == 1


def test_a_speakers_timeline_keeps_the_kinds_asked_for(kinds_corpus):
    everything = kinds_corpus.statement_dates("marta-velez")
    quotes = kinds_corpus.statement_dates("marta-velez", kind="speech,writing")
    assert len(everything) == 3
    assert [text for _, _, _, text in quotes] == ["the ferry would run all winter", "the timetable was final"]


def test_speakers_count_only_the_kinds_asked_for(kinds_corpus):
    everyone = {s.name: s.quotes for s in kinds_corpus.speakers().items}
    assert everyone == {"Marta Velez": 3, "Tomas Reyes": 1, "Harbour survey": 1}
    quoted = kinds_corpus.speakers(attribution_kind="speech,writing")
    assert quoted.total == 1 and [(s.name, s.quotes) for s in quoted.items] == [("Marta Velez", 2)]
    assert [s.name for s in kinds_corpus.speakers(attribution_kind=["evidence"], kind="organisation").items] == ["Harbour survey"]


@pytest.mark.parametrize("filters", [
    {"kind": "speech,writing"}, {"kind": "thought"}, {"kind": "speech,writing", "speaker": "Marta Velez"}, {"kind": "evidence", "q": "pier"},
])
def test_kind_filter_lists_the_same_rows_whether_or_not_the_kinds_count_as_common(kinds_corpus, filters, monkeypatch):
    """Common kinds are filtered without their index on SQLite (a planning choice): rows, order and total must not change."""
    from onrecord.store import queries

    def listing():
        page = kinds_corpus.quotes(**filters, limit=1000)
        return page.total, [(q.article_id, q.index) for q in page.items]

    monkeypatch.setattr(queries, "COMMON_SHARE", 0.0)
    common = listing()
    monkeypatch.setattr(queries, "COMMON_SHARE", 1.0)
    assert listing() == common and common[0] == len(common[1]) > 0
