"""The store commands through Typer's CliRunner: quotes, speakers, search, article, export, entities."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.store import Store

from .articles import build_article, claim


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    with Store.open(path) as store:
        store.add_articles([
            build_article("m1", [("Irina Solberg", "Irina Solberg", "said", "grain exports would resume within a week"),
                                 ("Pavel Dremov", "Pavel Dremov", "said", "the corridor remained unsafe")],
                          published="2025-03-01", outlet="Harbour Times", speakers={"Irina Solberg": {"aliases": ["Solberg"]}},
                          claims={1: claim("warns")}),
            build_article("m2", [("Irina Solberg", "Solberg", "denied", "any ship had been turned back")],
                          published="2025-03-09", outlet="Velmora Daily", claims={0: claim("denies")}),
            build_article("m3", [("Solberg", "Solberg", "added", "observers would see every inspection")], published="2025-03-12"),
        ])
    return str(path)


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    return result


def test_quotes_by_speaker_since_a_date_as_json(db):
    result = run("quotes", "--speaker", "Irina Solberg", "--since", "2025-03-05", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    quotes = json.loads(result.stdout)
    assert [(q["article_id"], q["said_on"] or q["published"]) for q in quotes] == [("m2", "2025-03-09"), ("m3", "2025-03-12")]
    assert {q["speaker"]["id"] for q in quotes} == {"irina-solberg"}


def test_quotes_table_and_csv(db):
    table = run("quotes", "--stance", "warns", "--db", db)
    assert table.exit_code == 0 and "Dremov" in table.stdout and "Irina" not in table.stdout and "unsafe" in table.stdout
    rows = list(csv.DictReader(io.StringIO(run("quotes", "--db", db, "-f", "csv").stdout)))
    assert len(rows) == 4 and rows[0]["speaker"] in {"Irina Solberg", "Pavel Dremov"}


def test_quotes_of_an_unknown_speaker_says_so(db):
    result = run("quotes", "--speaker", "Nobody Known", "--db", db)
    assert result.exit_code == 0 and "no speaker matches" in result.output


def test_bad_date_is_a_usage_error(db):
    result = run("quotes", "--since", "March", "--db", db)
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_speakers_top_with_aliases(db):
    result = run("speakers", "--top", "1", "--db", db, "-f", "json")
    (top,) = json.loads(result.stdout)
    assert (top["id"], top["quotes"], top["articles"], top["first_seen"], top["last_seen"]) == ("irina-solberg", 3, 3, "2025-03-01", "2025-03-12")
    assert "Solberg" in top["aliases"] and top["outlets"] == ["Harbour Times", "Velmora Daily"]


def test_search_full_text(db):
    result = run("search", "ship OR corridor", "--db", db, "-f", "json")
    assert {q["article_id"] for q in json.loads(result.stdout)} == {"m1", "m2"}


def test_article_json_and_table(db):
    as_json = json.loads(run("article", "m2", "--db", db, "-f", "json").stdout)
    assert as_json["id"] == "m2" and as_json["attributions"][0]["cue_text"] == "denied"
    table = run("article", "m2", "--db", db)
    assert table.exit_code == 0 and "Solberg" in table.stdout and "turned" in table.stdout
    missing = run("article", "nope", "--db", db)
    assert missing.exit_code == 1 and "E042" in missing.output


def test_export_writes_each_format(db, tmp_path):
    for fmt, out in [("jsonl", "a.jsonl"), ("csv", "a.csv"), ("parquet", "pq"), ("brat", "brat"), ("doccano", "d.jsonl")]:
        result = run("export", "--format", fmt, "--out", str(tmp_path / out), "--db", db)
        assert result.exit_code == 0, result.output
        assert (tmp_path / out).exists()
    assert len((tmp_path / "a.jsonl").read_text().splitlines()) == 3


def test_entities_show_split_and_merge(db):
    shown = run("entities", "show", "Solberg", "--db", db)
    assert shown.exit_code == 0 and "irina-solberg" in shown.stdout and "alias" in shown.stdout
    split = run("entities", "split", "irina-solberg", "Solberg", "--reason", "another Solberg", "--db", db)
    assert split.exit_code == 0, split.output
    assert len(json.loads(run("quotes", "--speaker", "irina-solberg", "--db", db, "-f", "json").stdout)) == 2
    merged = run("entities", "merge", "irina-solberg", "solberg", "--db", db)
    assert merged.exit_code == 0, merged.output
    assert len(json.loads(run("quotes", "--speaker", "irina-solberg", "--db", db, "-f", "json").stdout)) == 3
    bad = run("entities", "merge", "irina-solberg", "nobody", "--db", db)
    assert bad.exit_code == 1 and "E041" in bad.output


def test_every_store_command_is_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "store.md").read_text("utf-8")
    for command in ("ingest", "quotes", "speakers", "search", "article", "export", "entities show", "entities merge",
                    "entities split", "entities resolve"):
        assert f"onrecord {command}" in doc, command


@pytest.fixture
def kinds_db(tmp_path):
    path = tmp_path / "kinds.db"
    with Store.open(path) as store:
        store.add_articles([
            build_article("f1", [("Lena Ortiz", "Lena Ortiz", "said", "the ferry would run all winter"),
                                 ("Lena Ortiz", "Ortiz", "wrote", "the timetable was final"),
                                 ("Ivo Brandt", "Ivo Brandt", "believes", "the ferry fares are too high"),
                                 ("harbour survey", "a harbour survey", "found", "the ferry pier needs new pilings")],
                          published="2025-05-02", kinds={1: "writing", 2: "thought", 3: "evidence"},
                          speakers={"harbour survey": {"kind": "organisation"}}),
        ])
    return str(path)


def test_quotes_by_kind_and_quotes_only(kinds_db):
    def kinds(*args):
        result = run("quotes", "--db", kinds_db, "-f", "json", *args)
        assert result.exit_code == 0, result.output
        return sorted(q["kind"] for q in json.loads(result.stdout))

    assert kinds() == ["evidence", "speech", "thought", "writing"]
    assert kinds("--kind", "thought") == ["thought"]
    assert kinds("--kind", "evidence,thought") == ["evidence", "thought"]
    assert kinds("--quotes-only") == ["speech", "writing"]
    assert kinds("--quotes-only", "--speaker", "Lena Ortiz") == ["speech", "writing"]
    table = run("quotes", "--db", kinds_db, "--kind", "writing")
    assert table.exit_code == 0 and "kind" in table.stdout and "writing" in table.stdout and "all winter" not in table.stdout


def test_search_by_kind(kinds_db):
    found = run("search", "ferry", "--db", kinds_db, "-f", "json", "--kind", "thought,evidence")
    assert sorted(q["kind"] for q in json.loads(found.stdout)) == ["evidence", "thought"]
    quotes = run("search", "ferry", "--db", kinds_db, "-f", "json", "--quotes-only")
    assert [q["kind"] for q in json.loads(quotes.stdout)] == ["speech"]


def test_unknown_kind_or_both_options_are_usage_errors(kinds_db):
    unknown = run("quotes", "--db", kinds_db, "--kind", "speech,gossip")
    assert unknown.exit_code == 2 and "E066" in unknown.output and "gossip" in unknown.output
    both = run("quotes", "--db", kinds_db, "--kind", "speech", "--quotes-only")
    assert both.exit_code == 2 and "not both" in both.output


def test_article_and_exports_carry_the_kind(kinds_db, tmp_path):
    as_json = json.loads(run("article", "f1", "--db", kinds_db, "-f", "json").stdout)
    assert [a["kind"] for a in as_json["attributions"]] == ["speech", "writing", "thought", "evidence"]
    table = run("article", "f1", "--db", kinds_db)
    assert table.exit_code == 0 and "evidence" in table.stdout and "thought" in table.stdout
    assert run("export", "--format", "csv", "--out", str(tmp_path / "a.csv"), "--db", kinds_db).exit_code == 0
    rows = list(csv.DictReader(open(tmp_path / "a.csv", encoding="utf-8")))
    assert [r["kind"] for r in rows] == ["speech", "writing", "thought", "evidence"]


def test_speakers_quotes_only_counts_speech_and_writing(kinds_db):
    everyone = {s["name"]: s["quotes"] for s in json.loads(run("speakers", "--db", kinds_db, "-f", "json").stdout)}
    assert everyone == {"Lena Ortiz": 2, "Ivo Brandt": 1, "harbour survey": 1}
    quoted = json.loads(run("speakers", "--quotes-only", "--db", kinds_db, "-f", "json").stdout)
    assert [(s["name"], s["quotes"]) for s in quoted] == [("Lena Ortiz", 2)]
