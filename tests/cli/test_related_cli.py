"""``onrecord related ARTICLE_ID INDEX`` through Typer's CliRunner on a small hand-made SQLite store."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.store import Store
from tests.store.articles import related_corpus


@pytest.fixture
def db(tmp_path) -> str:
    path = tmp_path / "related.db"
    with Store.open(path) as store:
        store.add_articles(related_corpus())
    return str(path)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_related_as_json_classifies_each_statement(db):
    result = run("related", "r1", "0", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    by_article = {item["quote"]["article_id"]: item for item in json.loads(result.stdout)}
    assert by_article["r2"]["relation"] == "contradicts"
    assert by_article["r3"]["relation"] == "corroborates"
    assert by_article["r4"]["relation"] == "related" and "same speaker" in by_article["r4"]["reasons"]
    assert "r7" not in by_article


def test_related_table_and_csv(db):
    table = run("related", "r5", "0", "--db", db, "--limit", "3")
    assert table.exit_code == 0, table.output
    assert "contradicts" in table.stdout and "disagree" in table.stdout and "“500”" in table.stdout
    rows = list(csv.DictReader(io.StringIO(run("related", "r1", "0", "--db", db, "-f", "csv", "-n", "2").stdout)))
    assert len(rows) == 2 and rows[0]["relation"] in {"contradicts", "corroborates", "related"} and rows[0]["quote_article_id"]


def test_related_unknown_article_or_index_is_a_one_line_error(db):
    missing = run("related", "nope", "0", "--db", db)
    assert missing.exit_code == 1 and "E042" in missing.output
    out_of_range = run("related", "r1", "9", "--db", db)
    assert out_of_range.exit_code == 1 and "E043" in out_of_range.output
