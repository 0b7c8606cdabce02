"""Opening a store: URLs, migrations on open, SQLite settings, the full-text index."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect

from onrecord.store import Store
from onrecord.store.db import current_revision, database_url, head_revision


def test_database_url_takes_paths_and_urls(tmp_path, monkeypatch):
    assert database_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    assert database_url("postgresql://u:p@127.0.0.1/db") == "postgresql+psycopg://u:p@127.0.0.1/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    monkeypatch.setenv("ONRECORD_DB", str(tmp_path / "env.db"))
    assert database_url(None).endswith("/env.db")
    monkeypatch.delenv("ONRECORD_DB")
    assert database_url(None).endswith("/onrecord.db")


def test_open_applies_every_migration(store):
    assert current_revision(store.engine) == head_revision()
    tables = set(inspect(store.engine).get_table_names())
    assert {"articles", "entities", "entity_names", "article_entities", "mentions", "attributions", "claims", "merges"} <= tables


def test_reopening_a_migrated_store_keeps_its_content(store_url, make_article):
    article = make_article("a1", [("Ana Ruiz", "Ana Ruiz", "said", "the bridge would reopen in May")])
    with Store.open(store_url) as first:
        first.add_article(article)
    with Store.open(store_url) as second:
        assert second.stats().articles == 1
        assert current_revision(second.engine) == head_revision()


def test_sqlite_store_uses_wal_and_an_fts5_index(tmp_path):
    with Store.open(tmp_path / "s.db") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'attributions_fts'").scalar()
        assert "fts5" in sql.lower()


def test_postgres_store_has_a_gin_index_on_contents(pg_url):
    with Store.open(pg_url) as store, store.engine.connect() as conn:
        definition = conn.exec_driver_sql(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_attributions_fts' AND schemaname = current_schema()"
        ).scalar()
    assert definition is not None and "gin" in definition and "to_tsvector" in definition


def test_unsupported_database_is_a_clear_error():
    from onrecord.errors import StoreError

    with pytest.raises(StoreError, match="unsupported database"):
        Store.open("mysql://u@h/db")
