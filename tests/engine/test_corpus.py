"""Ingesting a corpus: idempotent, equal to ``onrecord analyze``, bad inputs reported, and SIGKILL-proof."""
from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.engine.base import EngineSettings
from onrecord.engine.corpus import ingest
from onrecord.engine.local import LocalEngine
from onrecord.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from spark_corpus import make_records, write_text_files  # noqa: E402

ONRECORD = Path(sys.executable).parent / "onrecord"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """60 template articles as text files in three folders."""
    return write_text_files(tmp_path_factory.mktemp("corpus"), make_records(60, seed=3), per_folder=20)


def test_a_second_ingest_adds_nothing(corpus, tmp_path):
    progress = []
    with Store.open(tmp_path / "s.db") as store, LocalEngine(workers=1) as engine:
        first = ingest([corpus], store, engine, on_progress=lambda p: progress.append((p.done, p.total)))
        dump = store.dump()
        second = ingest([corpus], store, engine)
        assert (first.stored, first.existing, second.stored, second.existing) == (60, 0, 0, 60)
        assert second.resolution is None  # nothing new: no resolution stage
        assert store.dump() == dump
    assert progress[-1] == (60, 60)
    assert first.write_seconds > 0 and 0 < first.write_share < 1


def test_the_same_text_twice_in_one_input_is_stored_once(tmp_path):
    from onrecord.types import RawArticle

    text = "“The harbour will reopen on Friday,” the port authority said.\n"
    raws = [RawArticle("one", text), RawArticle("two", text), RawArticle("three", text + "Later it said the ferries would run.\n")]
    with Store.open(tmp_path / "s.db") as store, LocalEngine(workers=0, settings=EngineSettings(model=None)) as engine:
        report = ingest(raws, store, engine)
        assert (report.stored, report.existing) == (2, 1)
        assert [a.id for a in store.articles().items] == ["one", "three"]


def test_stored_articles_equal_onrecord_analyze_jsonl(examples_dir, tmp_path):
    runner = CliRunner()
    analysed = runner.invoke(app, ["analyze", str(examples_dir), "--jsonl", str(tmp_path / "a.jsonl")])
    assert analysed.exit_code == 0, analysed.output
    stored = runner.invoke(app, ["ingest", str(examples_dir), "--db", str(tmp_path / "s.db"), "--workers", "1"])
    assert stored.exit_code == 0, stored.output
    lines = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    assert lines
    with Store.open(tmp_path / "s.db") as store:
        assert store.stats().articles == len(lines)
        for line in lines:
            assert store.article(line["id"]) == line


def _reader_handles_jsonl_and_gzip(tmp_path: Path) -> bool:
    from onrecord.ingest import iter_articles
    from onrecord.types import RawArticle

    probe = tmp_path / "probe.jsonl"
    probe.write_text(json.dumps({"id": "p", "text": "Officials said the road was safe."}) + "\n", "utf-8")
    items = list(iter_articles([probe]))
    return len(items) == 1 and isinstance(items[0], RawArticle) and items[0].id == "p"


def test_bad_inputs_are_reported_and_everything_else_is_stored(tmp_path):
    assert _reader_handles_jsonl_and_gzip(tmp_path)
    records = make_records(8, seed=5)
    bad = tmp_path / "corpus"
    bad.mkdir()
    good_lines = [json.dumps(r) for r in records[:3]]
    (bad / "feed.jsonl").write_text("\n".join(good_lines[:2] + ['{"id": "broken", "text": '] + good_lines[2:]) + "\n", "utf-8")
    whole = gzip.compress(("\n".join(json.dumps(r) for r in records[3:7]) + "\n").encode())
    (bad / "archive.jsonl.gz").write_bytes(whole[: len(whole) * 2 // 3])  # truncated mid-stream
    (bad / "image.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "fine.txt").write_text(records[7]["text"], "utf-8")
    result = CliRunner().invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "s.db"), "--workers", "1"])
    assert result.exit_code == 1
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped")]
    assert any("feed.jsonl" in line for line in skipped), result.output
    assert any("archive.jsonl.gz" in line for line in skipped), result.output
    assert any("image.txt" in line for line in skipped), result.output
    with Store.open(tmp_path / "s.db") as store:
        ids = {a.id for a in store.articles(limit=100).items}
    # the three good lines, the records before the gzip's cut (at least one), and the good text file
    assert {r["id"] for r in records[:3]} | {"fine"} <= ids
    assert "broken" not in ids and ids - {r["id"] for r in records[:3]} - {"fine"} <= {r["id"] for r in records[3:7]}


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def _ingest(corpus: Path, db: Path) -> subprocess.Popen:
    # small batches: fewer articles in flight, so a kill lands between commits rather than after the last
    return subprocess.Popen(
        [str(ONRECORD), "ingest", str(corpus), "--db", str(db), "--workers", "2", "--batch-size", "4"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


@pytest.mark.slow
def test_an_ingest_killed_three_times_ends_identical_to_an_uninterrupted_one(tmp_path):
    corpus = write_text_files(tmp_path / "corpus", make_records(120, seed=8), per_folder=40)
    reference = tmp_path / "reference.db"
    assert _ingest(corpus, reference).wait(timeout=600) == 0
    with Store.open(reference) as store:
        expected = store.dump()
    assert len(expected["articles"]) == 120

    rng = random.Random(int(os.environ.get("ONRECORD_KILL_SEED", "5")))
    db = tmp_path / "killed.db"
    kills = []
    for _ in range(3):
        before = _count(db)
        target = before + rng.randint(1, 15)  # a random point a few articles further on
        proc = _ingest(corpus, db)
        deadline = time.monotonic() + 300
        while _count(db) < target and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.random() * 0.1)  # and somewhere inside the next article's work
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its workers, without warning
        proc.wait()
        kills.append(_count(db))
    print("articles stored at each kill:", kills)
    assert kills[0] < kills[-1] < 120, f"a kill came too late to interrupt anything: {kills}"
    assert _ingest(corpus, db).wait(timeout=600) == 0
    with Store.open(db) as store:
        assert store.dump() == expected
