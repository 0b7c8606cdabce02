"""JSON, JSONL and gzipped JSONL records: ids, metadata, dates, html records, and per-line failures."""
from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from onrecord.ingest import iter_articles, raw_from_record
from onrecord.types import RawArticle, Skipped

from .conftest import articles, skipped


def test_jsonl_records_keep_ids_metadata_and_dates(inputs):
    items = list(iter_articles([inputs / "granite-wire.jsonl"], published=dt.date(2030, 1, 1)))
    assert [a.id for a in items] == ["gw-2022-0917-library", "gw-2022-0917-rail", "granite-wire:3"]
    library, rail, festival = items
    assert library.title == "Library Extends Opening Hours"
    assert library.url == "https://granitewire.example/0917/library" and library.outlet == "Granite Wire"
    assert library.published == dt.date(2022, 9, 17)
    assert rail.published == dt.date(2022, 9, 17)  # an ISO timestamp keeps the date it was written in
    assert festival.published == dt.date(2022, 9, 18)
    assert festival.origin.endswith("granite-wire.jsonl:3")
    assert '"The building is full every afternoon, and we turn people away at six," he said.' in library.text


def test_gzipped_jsonl_reads_like_jsonl(inputs, tmp_path):
    plain = list(iter_articles([inputs / "granite-wire.jsonl"]))
    for name in ("granite-wire.jsonl.gz", "granite-wire.json.gz"):
        path = tmp_path / name
        path.write_bytes(gzip.compress((inputs / "granite-wire.jsonl").read_bytes()))
        zipped = list(iter_articles([path]))
        assert [(a.id, a.text, a.published) for a in zipped] == [(a.id, a.text, a.published) for a in plain]


def test_json_file_with_one_record(inputs):
    (article,) = iter_articles([inputs / "bakery-recall.json"])
    assert (article.id, article.author, article.outlet) == ("ob-0311-bakery", "Sami Korhonen", "Orlen Bulletin")
    assert article.published == dt.date(2021, 3, 11)
    assert article.text.startswith("The bakery chain Hollin & Rye recalled")


def test_json_list_with_an_html_record(inputs):
    museum, school = iter_articles([inputs / "orlen-bulletin.json"])
    assert museum.id == "ob-0312-museum" and museum.origin.endswith("orlen-bulletin.json#1")
    assert school.id == "ob-0312-school" and school.title == "School Roof Repairs Finished Early"
    assert school.text.startswith("Repairs to the storm-damaged roof of Eastfield Primary School")
    assert "Home" not in school.text and "newsletter" not in school.text  # trafilatura dropped the boilerplate
    assert school.published == dt.date(2021, 3, 12)


def test_gzipped_json_list(inputs, tmp_path):
    path = tmp_path / "orlen.json.gz"
    path.write_bytes(gzip.compress((inputs / "orlen-bulletin.json").read_bytes()))
    assert [a.id for a in iter_articles([path])] == ["ob-0312-museum", "ob-0312-school"]


def test_jsonl_saved_as_json_is_read_as_jsonl(inputs, tmp_path):
    path = tmp_path / "wire.json"
    path.write_bytes((inputs / "granite-wire.jsonl").read_bytes())
    assert [a.id for a in iter_articles([path])] == ["gw-2022-0917-library", "gw-2022-0917-rail", "wire:3"]


def test_blank_lines_are_ignored_and_line_numbers_stay_true(tmp_path):
    text = "Officials in Brackwater said the harbour road would reopen on Monday after the storm damage was repaired."
    path = tmp_path / "feed.jsonl"
    path.write_text("\n" + json.dumps({"text": text}) + "\n\n   \n" + json.dumps({"text": text + " Traffic was light."}) + "\n", "utf-8")
    assert [a.id for a in iter_articles([path])] == ["feed:2", "feed:5"]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-06-04", dt.date(2024, 6, 4)),
        ("2024-06-04T23:30:00-05:00", dt.date(2024, 6, 4)),
        ("2024-06-04T08:30:00Z", dt.date(2024, 6, 4)),
        ("2024-06-04 08:30:00.123456", dt.date(2024, 6, 4)),
        (None, dt.date(2000, 1, 1)),
        ("", dt.date(2000, 1, 1)),
    ],
)
def test_record_dates(published, expected):
    raw = raw_from_record({"id": "d", "text": "Officials said the road was safe.", "published": published}, origin="t:1", published=dt.date(2000, 1, 1))
    assert isinstance(raw, RawArticle) and raw.published == expected


@pytest.mark.parametrize("published", ["04/06/2024", "next Tuesday", "2024-13-01", 20240604, ["2024-06-04"]])
def test_bad_record_date_is_skipped_with_the_value(published):
    skip = raw_from_record({"id": "d", "text": "Officials said the road was safe.", "published": published}, origin="feed.jsonl:4")
    assert isinstance(skip, Skipped)
    assert skip.code == "E020" and skip.origin == "feed.jsonl:4"
    assert repr(published) in skip.reason and "YYYY-MM-DD" in skip.reason


@pytest.mark.parametrize(
    ("record", "needle"),
    [
        ({"id": "x"}, "no 'text'"),
        ({"id": "x", "text": 42}, "'text' must be a string"),
        ({"id": ["x"], "text": "Officials said the road was safe."}, "'id' must be a string or an integer"),
        ({"id": "x", "text": "Officials said the road was safe.", "title": {"en": "Road"}}, "'title' must be a string"),
        (["not", "an", "object"], "expected a JSON object"),
    ],
)
def test_malformed_record_is_skipped_with_what_is_wrong(record, needle):
    skip = raw_from_record(record, origin="feed.jsonl:9")
    assert isinstance(skip, Skipped) and skip.code == "E006" and needle in skip.reason


def test_record_with_numeric_id_and_table_row_dates():
    raw = raw_from_record({"id": 1042, "text": "Officials said the road was safe.", "published": dt.datetime(2024, 6, 4, 8, 30)}, origin="rows.parquet:0")
    assert raw.id == "1042" and raw.published == dt.date(2024, 6, 4)


def test_a_bad_jsonl_line_costs_only_that_line(inputs, tmp_path):
    lines = (inputs / "granite-wire.jsonl").read_text("utf-8").splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([lines[0], '{"id": "cut", "text": "The council', lines[1], '{"id": "nodate", "text": "x", "published": "soon"}', lines[2]]) + "\n", "utf-8")
    items = list(iter_articles([path]))
    assert [a.id for a in articles(items)] == ["gw-2022-0917-library", "gw-2022-0917-rail", "mixed:5"]
    bad_json, bad_date = skipped(items)
    assert (bad_json.origin, bad_json.code) == (f"{path}:2", "E006") and "malformed JSON" in bad_json.reason
    assert (bad_date.origin, bad_date.code) == (f"{path}:4", "E020") and "'soon'" in bad_date.reason
