"""``onrecord analyze`` over a folder of one good and several bad inputs, through Typer's CliRunner."""
from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from onrecord.cli import app

from .conftest import INPUTS


def _mixed_folder(folder):
    folder.mkdir()
    shutil.copy(INPUTS / "ferry-service.html", folder / "ferry-service.html")
    (folder / "blank.txt").write_text("   \n\n", "utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (folder / "latin1.txt").write_bytes("Le café a fermé, said the owner of the café on the corner.".encode("latin-1"))
    (folder / "notes.md").write_text("# Notes\nCall the council press office.", "utf-8")
    (folder / "broken.json").write_text('{"id": "b", "text": "The council met on Monday.",}', "utf-8")
    return {"blank.txt": "E001", "scan.txt": "E002", "latin1.txt": "E003", "notes.md": "E008", "broken.json": "E006"}


def test_analyze_outputs_the_good_article_and_one_skipped_line_per_bad_input(tmp_path):
    bad = _mixed_folder(tmp_path / "batch")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "batch"), "--jsonl", "-", "--rules-only"])
    assert result.exit_code == 1, result.output
    (line,) = result.stdout.splitlines()
    article = json.loads(line)
    assert article["id"] == "ferry-service" and article["published"] == "2023-03-14"
    assert any(a["speaker"] and a["speaker"]["name"] == "Declan Moyo" for a in article["attributions"])
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == len(bad)
    for name, code in bad.items():
        (message,) = [line for line in skipped if f"/batch/{name}:" in line]
        assert f"[{code}]" in message
    assert f"{len(bad)} input(s) failed" in result.stderr


def test_analyze_of_good_inputs_only_exits_zero(tmp_path):
    folder = tmp_path / "good"
    folder.mkdir()
    shutil.copy(INPUTS / "granite-wire.jsonl", folder)
    result = CliRunner().invoke(app, ["analyze", str(folder), "--jsonl", "-", "--rules-only"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["gw-2022-0917-library", "gw-2022-0917-rail", "granite-wire:3"]
    assert "skipped" not in result.stderr
