"""``onrecord analyze`` through Typer's CliRunner."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.serialize import validate_article_dict

runner = CliRunner()


def test_analyze_prints_a_table_of_who_said_what(tmp_path):
    path = tmp_path / "vote.txt"
    path.write_text("Council member Iris Vang said the vote would be held in June.", "utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--rules-only"])
    assert result.exit_code == 0, result.output
    assert "Iris Vang" in result.output
    assert "said" in result.output


def test_analyze_jsonl_output_validates_and_uses_published(tmp_path):
    path = tmp_path / "vote.txt"
    path.write_text("Council member Iris Vang said the vote would be held in June.", "utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", str(path), "--jsonl", str(out), "--published", "2024-03-01", "--rules-only"])
    assert result.exit_code == 0, result.output
    (line,) = out.read_text("utf-8").splitlines()
    record = json.loads(line)
    validate_article_dict(record)
    assert record["id"] == "vote"
    assert record["published"] == "2024-03-01"
    assert record["attributions"][0]["speaker"]["name"] == "Iris Vang"


def test_analyze_rejects_a_malformed_date(tmp_path):
    path = tmp_path / "vote.txt"
    path.write_text("Iris Vang said yes.", "utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--published", "March 1st"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_analyze_keeps_only_the_kinds_asked_for(tmp_path):
    path = tmp_path / "vote.txt"
    path.write_text("Council member Iris Vang said the vote would be held in June.", "utf-8")

    def kinds(*options):
        out = tmp_path / "out.jsonl"
        result = runner.invoke(app, ["analyze", str(path), "--jsonl", str(out), "--rules-only", *options])
        assert result.exit_code == 0, result.output
        return [a["kind"] for a in json.loads(out.read_text("utf-8"))["attributions"]]

    assert kinds() == ["speech"]
    assert kinds("--quotes-only") == ["speech"]
    assert kinds("--kind", "speech,writing") == ["speech"]
    assert kinds("--kind", "thought,intention") == []
    table = runner.invoke(app, ["analyze", str(path), "--rules-only", "--kind", "speech"])
    assert table.exit_code == 0 and "Iris Vang" in table.output and "speech" in table.output
    bad = runner.invoke(app, ["analyze", str(path), "--rules-only", "--kind", "rumour"])
    assert bad.exit_code == 2 and "E066" in bad.output


def test_analyze_reads_a_timestamp_published_as_the_readers_do(tmp_path):
    """--published takes what a JSONL record's "published" takes: the timestamp's own calendar date."""
    path = tmp_path / "vote.txt"
    path.write_text("Council member Iris Vang said the vote would be held in June.", "utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", str(path), "--jsonl", str(out), "--published", "2024-06-04T23:30:00-05:00", "--rules-only"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8"))["published"] == "2024-06-04"


_ARTICLES = {
    "budget": "“We will not raise taxes this year,” Finance Minister Lena Okafor said on Tuesday.\n\nCritics said the plan relied on optimistic growth forecasts.",
    "strike": "Union leader Tom Reyes warned that drivers would walk out on Friday. The company denied that talks had collapsed.",
    "bridge": "The bridge will stay closed until March, Mayor Ana Ruiz told reporters. “Safety comes first,” she added.",
    "port": "Port officials confirmed that two ships had been turned away, according to a statement released late on Monday.",
    "school": "Teachers believe the new timetable is unworkable, said Priya Nair, who heads the staff association.",
}


def test_analyze_with_two_workers_writes_the_same_jsonl_as_one_process(tmp_path):
    articles = tmp_path / "articles"  # not the output's folder: analyze reads JSONL files too
    articles.mkdir()
    for name, text in _ARTICLES.items():
        (articles / f"{name}.txt").write_text(text, "utf-8")
    lines = {}
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        result = runner.invoke(app, ["analyze", str(articles), "--jsonl", str(out), "--published", "2024-03-01", "--workers", workers, "--batch-size", "2"])
        assert result.exit_code == 0, result.output
        lines[workers] = out.read_text("utf-8").splitlines()
    assert len(lines["1"]) == len(_ARTICLES) and sum(len(json.loads(line)["attributions"]) for line in lines["1"]) >= len(_ARTICLES)
    assert lines["2"] == lines["1"]


def test_analyze_does_not_read_its_own_jsonl_output_inside_the_input_folder(tmp_path):
    (tmp_path / "vote.txt").write_text("Council member Iris Vang said the vote would be held in June.", "utf-8")
    # read after vote.txt, with one article per batch: before, it read back each line it wrote, without end
    out = tmp_path / "zz-out.jsonl"
    for _ in range(2):
        result = runner.invoke(app, ["analyze", str(tmp_path), "--jsonl", str(out), "--rules-only", "--batch-size", "1"])
        assert result.exit_code == 0, result.output
        assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == ["vote"]


def test_timex_does_not_read_its_own_outputs_inside_the_input_folder(tmp_path):
    (tmp_path / "rain.txt").write_text("It rained on Monday.", "utf-8")
    out = tmp_path / "times.jsonl"
    for _ in range(2):
        result = runner.invoke(app, ["timex", str(tmp_path), "--published", "2024-06-04", "--jsonl", str(out)])
        assert result.exit_code == 0, result.output
        assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == ["rain"]
    out.unlink()
    for _ in range(2):  # the second run finds tml/rain.tml in the folder: E008 before
        result = runner.invoke(app, ["timex", str(tmp_path), "--published", "2024-06-04", "--format", "timeml", "--out", str(tmp_path / "tml")])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "tml").iterdir()) == ["rain.tml"]
