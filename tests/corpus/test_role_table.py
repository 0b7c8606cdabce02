"""A user's role table (CSV) as evidence for the role check, beside an empty store."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onrecord import analyze
from onrecord.corpus.role_table import read_role_table
from onrecord.store.roles_check import check_article
from onrecord.errors import BadRoleTable
from onrecord.store import Store

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "roles.csv"


@pytest.fixture(scope="module")
def table():
    return read_role_table(EXAMPLE)


@pytest.fixture
def store():
    with Store.open(":memory:") as store:
        yield store


def check(store, table, text: str, published: str = "2025-04-22"):
    return check_article(store, analyze(text, published, model=None), table=table).checks


def test_table_rows_are_normalised(table):
    assert [(r.name, r.office, r.qualifier, r.start, r.end) for r in table][:2] == [
        ("Ana Ruiz", "mayor", None, dt.date(2022, 5, 1), None),
        ("Tomas Vidal", "minister", None, dt.date(2019, 1, 10), dt.date(2024, 2, 28)),
    ]


def test_table_agrees_where_the_store_has_nothing(store, table):
    (mayor,) = check(store, table, "Mayor Ana Ruiz said the bridge would reopen.")
    assert mayor.status == "agrees" and "lists Ana Ruiz as mayor from 2022-05-01 to now" in mayor.reason


def test_table_conflicts_with_former_while_in_office(store, table):
    (former,) = check(store, table, "Former Mayor Ana Ruiz said the bridge would reopen.")
    assert former.status == "conflicts" and former.table and "this article says “Former Mayor”" in former.reason


def test_table_conflicts_with_an_office_it_says_has_ended(store, table):
    (minister,) = check(store, table, "Transport Minister Tomas Vidal said the line would close.")
    assert minister.status == "conflicts" and "to 2024-02-28" in minister.reason
    (earlier,) = check(store, table, "Transport Minister Tomas Vidal said the line would close.", "2023-06-01")
    assert earlier.status == "agrees"


def test_bad_tables_are_coded(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,role\nAna Ruiz,Mayor\n", "utf-8")
    with pytest.raises(BadRoleTable, match=r"\[E095\].*lacks start, end, source"):
        read_role_table(bad)
    bad.write_text("name,role,start,end,source\nAna Ruiz,Mayor,May 2022,,x\n", "utf-8")
    with pytest.raises(BadRoleTable, match="not a date"):
        read_role_table(bad)
