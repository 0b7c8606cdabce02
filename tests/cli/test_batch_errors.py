"""No input crashes a batch: `analyze` and `timex` report a failing article as its coded error and go on."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from onrecord.cli import app

runner = CliRunner()


def _files(tmp_path):
    (tmp_path / "a.txt").write_text("Council member Iris Vang said the vote would be held on Monday.", "utf-8")
    (tmp_path / "b.txt").write_text("BOOM, the minister said on Friday.", "utf-8")
    (tmp_path / "c.txt").write_text("Tom Berg said the budget would pass next week.", "utf-8")
    return [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")]


def test_analyze_cli_reports_the_article_that_raised_and_analyses_the_rest(tmp_path, fragile_analysis):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", *_files(tmp_path), "--rules-only", "--jsonl", str(out)])
    assert result.exit_code == 1
    assert "b.txt: [E061] analysis failed (RuntimeError: a simulated bug)" in " ".join(result.output.split())
    assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == ["a", "c"]
    assert "Traceback" not in result.output


def test_timex_cli_reports_the_article_that_raised_and_goes_on(tmp_path, monkeypatch):
    import onrecord.cli.timex as timex  # the command's own reference to the stage function

    real = timex.find_time_expressions

    def fragile(doc, published):
        if "BOOM" in doc.text:
            raise ValueError("year -197980 is out of range")
        return real(doc, published)

    monkeypatch.setattr(timex, "find_time_expressions", fragile)
    result = runner.invoke(app, ["timex", "--published", "2025-04-22", *_files(tmp_path), "--jsonl", "-"])
    assert result.exit_code == 1
    assert "[E061] analysis failed (ValueError: year -197980 is out of range)" in " ".join(result.output.split())
    assert {json.loads(line)["id"] for line in result.stdout.splitlines() if line.startswith("{")} == {"a", "c"}


def test_timex_cli_escapes_the_reason_of_a_skipped_article(tmp_path, monkeypatch):
    import onrecord.cli.timex as timex  # the command's own references to the functions it calls
    from onrecord.types import Skipped

    monkeypatch.setattr(timex, "analysis_failed", lambda raw, error: Skipped(raw.id, "E061", "bad [/i] tag [not] markup"))
    monkeypatch.setattr(timex, "run_pipeline", lambda *a, **k: (_ for _ in ()).throw(ValueError("x")))
    path = tmp_path / "a.txt"
    path.write_text("It rained on Monday.", "utf-8")
    result = runner.invoke(app, ["timex", str(path), "--jsonl", "-"])  # MarkupError on "[/i]" before
    assert result.exit_code == 1, result.output
    assert "bad [/i] tag [not] markup" in result.output
