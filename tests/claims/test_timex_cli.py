"""``onrecord timex`` through Typer's CliRunner."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from onrecord.cli import app


def test_timex_cli_jsonl_lists_every_expression_with_offsets(tmp_path):
    path = tmp_path / "note.txt"
    text = "The talks ended on Monday. They resume next week and last 48 hours."
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(app, ["timex", "--published", "2025-04-22", str(path), "--jsonl", "-"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["type"], r["value"]) for r in rows] == [
        ("Monday", "DATE", "2025-04-21"), ("next week", "DATE", "2025-W18"), ("48 hours", "DURATION", "PT48H")]
    assert all(text[r["span"][0] : r["span"][1]] == r["text"] for r in rows)


def test_timex_cli_table_and_bad_input(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Voting closed on Sunday.", "utf-8")
    empty = tmp_path / "b.txt"
    empty.write_text("", "utf-8")
    result = CliRunner().invoke(app, ["timex", "--published", "2025-04-22", str(good), str(empty)])
    assert result.exit_code == 1
    assert "2025-04-20" in result.output and "b.txt" in result.output
