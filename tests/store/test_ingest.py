"""``onrecord ingest`` into each database: the stored articles are the analysis, and a rerun adds nothing."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.store import Store


@pytest.fixture(scope="module")
def analysed(examples_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("analysed") / "examples.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(examples_dir), "--jsonl", str(out)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def test_ingest_stores_exactly_the_analysis_and_a_rerun_adds_nothing(store_url, examples_dir, analysed):
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(examples_dir), "--db", store_url, "--workers", "0"])
    assert first.exit_code == 0, first.output
    assert f"{len(analysed)} new article(s)" in " ".join(first.output.split())
    with Store.open(store_url) as store:
        for expected in analysed:
            assert store.article(expected["id"]) == expected
        dump = store.dump()
    second = runner.invoke(app, ["ingest", str(examples_dir), "--db", store_url, "--workers", "0"])
    assert second.exit_code == 0 and f"0 new article(s), {len(analysed)} already stored" in " ".join(second.output.split())
    with Store.open(store_url) as store:
        assert store.dump() == dump
        assert store.pending_groups() == 0 and store.stats().entities > 0


def test_a_store_that_cannot_be_opened_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(app, ["quotes", "--db", "postgresql://nobody:wrong@127.0.0.1:1/none"])
    assert result.exit_code == 2 and "cannot open the store" in result.output and "wrong" not in result.output
