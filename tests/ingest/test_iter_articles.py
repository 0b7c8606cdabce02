"""Dispatch and folders: which reader reads what, sorted recursive walks, hidden files, ids unique and stable."""
from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest

from onrecord.ingest import detect_format, iter_articles

from .conftest import articles, skipped
from .warcs import page, write_warc

EVERY_FIXTURE = [
    "ob-0311-bakery",  # bakery-recall.json
    "ferry-service",  # ferry-service.html
    "gw-2022-0917-library", "gw-2022-0917-rail", "granite-wire:3",  # granite-wire.jsonl
    "ob-0312-museum", "ob-0312-school",  # orlen-bulletin.json
    "reservoir-levels",  # reservoir-levels.txt
    "tram-extension",  # tram-extension (no extension)
]


def test_a_folder_gives_every_article_in_sorted_order(inputs):
    items = list(iter_articles([inputs]))
    assert skipped(items) == []
    assert [a.id for a in items] == EVERY_FIXTURE


def test_folders_are_walked_recursively_and_hidden_files_left_out(inputs, tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(inputs, root / "b-later")
    (root / "a-first").mkdir()
    shutil.copy(inputs / "reservoir-levels.txt", root / "a-first" / "water.txt")
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text("The council met.", "utf-8")
    (root / "a-first" / ".draft.txt").write_text("A hidden draft.", "utf-8")
    ids = [a.id for a in iter_articles([root])]
    assert ids == ["water"] + EVERY_FIXTURE


def test_ids_are_made_unique_in_reading_order_and_are_the_same_every_run(inputs, tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        shutil.copy(inputs / "reservoir-levels.txt", tmp_path / folder / "report.txt")
    shutil.copy(inputs / "tram-extension", tmp_path / "report-2.txt")  # already holds the first suffix
    runs = [[(a.id, Path(a.origin).parent.name) for a in iter_articles([tmp_path])] for _ in range(2)]
    assert runs[0] == runs[1]
    assert runs[0] == [("report", "one"), ("report-2", tmp_path.name), ("report-3", "two")]


def test_a_single_path_and_strings_are_accepted(inputs):
    assert [a.id for a in iter_articles(str(inputs / "reservoir-levels.txt"))] == ["reservoir-levels"]
    assert [a.id for a in iter_articles([str(inputs / "tram-extension")])] == ["tram-extension"]


def test_max_bytes_must_be_positive(inputs):
    with pytest.raises(ValueError, match="max_bytes"):
        iter_articles([inputs], max_bytes=0)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", ("text", "a")),
        ("A.HTML", ("html", "A")),
        ("feed.Jsonl.GZ", ("jsonl", "feed")),
        ("feed.json.gz", ("jsonl", "feed")),
        ("feed.ndjson", ("jsonl", "feed")),
        ("list.json", ("json", "list")),
        ("crawl-00001.warc.gz", ("warc", "crawl-00001")),
        ("report.pdf", (None, "report")),
        ("notes.md", (None, "notes")),
    ],
)
def test_detect_format_by_name(name, expected):
    assert detect_format(Path(name)) == expected


def test_files_without_extension_are_sniffed(inputs, tmp_path):
    (tmp_path / "page").write_bytes((inputs / "ferry-service.html").read_bytes())
    (tmp_path / "records").write_bytes((inputs / "granite-wire.jsonl").read_bytes())
    (tmp_path / "records-gz").write_bytes(gzip.compress((inputs / "granite-wire.jsonl").read_bytes()))
    write_warc(tmp_path / "crawl", [("https://x.example/a", "text/html", page("Pier Reopens", ["The pier reopened on Saturday, its owners said."] * 3))], gzip=True)
    shutil.copy(inputs / "tram-extension", tmp_path / "note")
    formats = {name: detect_format(tmp_path / name)[0] for name in ("page", "records", "records-gz", "crawl", "note")}
    assert formats == {"page": "html", "records": "json", "records-gz": "jsonl", "crawl": "warc", "note": "text"}
    items = list(iter_articles([tmp_path]))
    assert skipped(items) == []
    assert [a.title for a in items if a.origin.startswith(str(tmp_path / "page"))] == ["Island Ferry Service to Resume Next Month"]
    assert len(articles(items)) == 1 + 1 + 3 + 3 + 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_in_a_folder_is_reported_not_read(tmp_path, good_txt):
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(iter_articles([tmp_path]))  # reading the pipe would block forever
    assert [(s.code, Path(s.origin).name) for s in skipped(items)] == [("E008", "pipe.txt")]
    assert [a.id for a in articles(items)] == ["reservoir-levels"]


def test_symlink_loops_and_dangling_links_do_not_stop_the_walk(tmp_path, good_txt):
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    items = list(iter_articles([tmp_path]))
    assert [a.id for a in articles(items)] == ["reservoir-levels"]
    assert [(s.code, Path(s.origin).name) for s in skipped(items)] == [("E009", "gone.txt")]
