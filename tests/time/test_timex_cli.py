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


def test_timex_cli_timeml_tags_every_expression_inline_with_the_dct(tmp_path):
    import xml.etree.ElementTree as ET

    path = tmp_path / "note.txt"
    text = "Tolls rose 5% & more on Monday; they fall next week."
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(app, ["timex", "--published", "2025-04-22", str(path), "--format", "timeml"])
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout)
    assert root.find("DCT/TIMEX3").get("value") == "2025-04-22"
    body = root.find("TEXT")
    assert "".join(body.itertext()) == text
    assert [(t.text, t.get("type"), t.get("value")) for t in body.iter("TIMEX3")] == [
        ("Monday", "DATE", "2025-04-21"), ("next week", "DATE", "2025-W18")]
    written = CliRunner().invoke(app, ["timex", "--published", "2025-04-22", str(path), "--format", "timeml", "--out", str(tmp_path / "tml")])
    assert written.exit_code == 0 and (tmp_path / "tml" / "note.tml").read_text("utf-8") == result.stdout
