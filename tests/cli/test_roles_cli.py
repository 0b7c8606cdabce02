"""``onrecord roles NAME`` and ``onrecord check ARTICLE_ID|PATH`` through Typer's CliRunner on the hand-written 2025 articles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.ingest import iter_articles
from onrecord.pipeline import analyze_raws
from onrecord.store import Store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "roles" / "articles.jsonl"


@pytest.fixture(scope="module")
def db(rules_nlp, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("roles-cli") / "roles.db"
    with Store.open(path) as store:
        store.add_articles(a for a in analyze_raws(iter_articles([FIXTURE]), rules_nlp))
    return str(path)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_roles_lists_the_history_per_office(db):
    result = run("roles", "Donald Trump", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    roles = {(r["qualifier"], r["office"]): r for r in json.loads(result.stdout)}
    assert roles[(None, "president")]["articles"] == 5 and roles[(None, "president")]["first_seen"] == "2025-03-10"
    assert roles[("former", "president")]["last_seen"] == "2025-04-22"
    table = run("roles", "donald-trump", "--db", db)
    assert table.exit_code == 0 and "former president" in table.stdout


def test_roles_of_an_unknown_name_is_a_coded_error(db):
    result = run("roles", "Nobody Known", "--db", db)
    assert result.exit_code == 1 and "[E041]" in result.stderr


def test_check_a_stored_article_flags_the_former_president(db):
    result = run("check", "peace-overture", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    conflicts = [c for c in json.loads(result.stdout) if c["status"] == "conflicts"]
    assert {c["text"] for c in conflicts} == {"Former President", "currently seeking the Republican nomination"}
    assert all(len(c["evidence"]) == 5 for c in conflicts)


def test_check_a_path_against_the_store(db, tmp_path):
    path = tmp_path / "fresh.txt"
    path.write_text("Former President Donald Trump said the summit would fail.", "utf-8")
    result = run("check", str(path), "--db", db, "--published", "2025-04-20", "--window-days", "30", "--format", "json")
    assert result.exit_code == 0, result.output
    (check,) = json.loads(result.stdout)
    assert check["status"] == "conflicts" and check["since"] == "2025-03-21"


def test_check_an_unknown_article_is_a_coded_error(db):
    result = run("check", "no-such-article", "--db", db)
    assert result.exit_code == 1 and "[E042]" in result.stderr


def test_check_with_a_role_table(db, tmp_path):
    path = tmp_path / "ruiz.txt"
    path.write_text("Former Mayor Ana Ruiz said the bridge would reopen.", "utf-8")
    table = Path(__file__).resolve().parents[2] / "docs" / "examples" / "roles.csv"
    result = run("check", str(path), "--db", db, "--published", "2025-04-20", "--roles-csv", str(table), "--format", "json")
    assert result.exit_code == 0, result.output
    (check,) = json.loads(result.stdout)
    assert check["status"] == "conflicts" and "Springfield city council website" in check["table"][0]
    bad = run("check", str(path), "--db", db, "--roles-csv", str(tmp_path / "missing.csv"))
    assert bad.exit_code == 1 and "[E095]" in bad.stderr
