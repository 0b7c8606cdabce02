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


SHORT_PAGE = (
    "<html><body><nav><ul>"
    + "".join(f"<li>Section {n}: news, sport, weather, travel and the arts from the region</li>" for n in range(40))
    + "</ul></nav><article><p>The harbour master said the north pier would close for a week from Monday while divers inspect its piles.</p></article></body></html>"
)


def test_analyze_prints_an_articles_warning_once_and_keeps_it_in_the_json(tmp_path):
    (tmp_path / "pier.html").write_text(SHORT_PAGE, "utf-8")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "pier.html"), "--jsonl", "-", "--rules-only"])
    assert result.exit_code == 0, result.output  # a warning is no failure
    (warning,) = [line for line in result.stderr.splitlines() if line.startswith("warning")]
    assert warning.startswith("warning pier: [E011] the extracted body has 19 words")
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["warnings"] == [warning.removeprefix("warning pier: ")]


def test_ingest_prints_an_articles_warning_once(tmp_path):
    (tmp_path / "pier.html").write_text(SHORT_PAGE, "utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "pier.html"), "--db", str(tmp_path / "s.db"), "--rules-only", "--workers", "1"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning")]
    assert len(warnings) == 1 and "[E011]" in warnings[0]
