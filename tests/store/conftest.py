"""Store fixtures: every store test runs on SQLite in ``tmp_path`` and on a real PostgreSQL server.

PostgreSQL comes from ``ONRECORD_TEST_POSTGRES_URL`` (``.ci/run`` starts a server and sets it); each
test gets a schema of its own, dropped afterwards. Without the variable the PostgreSQL runs skip.
"""
from __future__ import annotations

import os
import uuid

import pytest

from onrecord.store import Store

from .articles import build_article

PG_URL = os.environ.get("ONRECORD_TEST_POSTGRES_URL")


def _pg_admin():
    from sqlalchemy import create_engine

    from onrecord.store.db import database_url

    return create_engine(database_url(PG_URL), isolation_level="AUTOCOMMIT")


@pytest.fixture
def pg_url():
    """A PostgreSQL URL whose search_path is a fresh schema (dropped after the test)."""
    if not PG_URL:
        pytest.skip("needs a PostgreSQL server: set ONRECORD_TEST_POSTGRES_URL (.ci/run does)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The location of an empty store, once per database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    with Store.open(store_url) as s:
        yield s


@pytest.fixture
def make_article():
    return build_article
