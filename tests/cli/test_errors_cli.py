"""Every command against a missing spaCy pipeline, a missing store and a bad option: one coded line
on stderr and the documented exit status (README "Exit status"), never a traceback."""
from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from onrecord.cli import app

runner = CliRunner()
MISSING = "en_core_web_missing_for_tests"


def _all_commands() -> list[tuple[str, ...]]:
    group = typer.main.get_command(app)
    found = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):  # a group (Typer vendors its own click: no isinstance on click.Group)
            found += [(name, sub) for sub in command.commands]
        else:
            found.append((name,))
    return sorted(found)


def _one_line_error(result, code: str) -> str:
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    (line,) = [line for line in lines if f"[{code}]" in line]
    assert line.startswith("error [")
    return line


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "vote.txt"
    path.write_text("Council member Iris Vang said the vote would be held in June.", "utf-8")
    return path


@pytest.fixture
def no_model(monkeypatch):
    monkeypatch.setenv("ONRECORD_SPACY_MODEL", MISSING)


def test_every_command_and_subcommand_rejects_an_unknown_option():
    commands = _all_commands()
    assert ("model", "install") in commands and ("entities", "show") in commands and len(commands) >= 16
    for command in commands:
        result = runner.invoke(app, [*command, "--no-such-option"])
        assert result.exit_code == 2, (command, result.output)
        assert "No such option" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("command", [["analyze", "{article}"], ["analyze", "{article}", "--rules-only"], ["timex", "{article}"],
                                     ["ingest", "{article}", "--db", "{tmp}/s.db"], ["ingest", "{article}", "--db", "{tmp}/w.db", "--workers", "0"],
                                     ["ingest", "{article}", "--db", "{tmp}/k.db", "--engine", "spark"],
                                     ["serve", "--port", "0"]])
def test_a_missing_spacy_pipeline_is_one_coded_line_naming_the_install_command(command, no_model, article, tmp_path):
    args = [a.format(article=article, tmp=tmp_path) for a in command]
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output
    line = _one_line_error(result, "E030")
    assert "onrecord model install" in line and MISSING in line and "{error}" not in line
    assert list(tmp_path.glob("*.db")) == []  # ingest stops before it creates a store


def test_train_checks_the_pipeline_before_training(no_model, tmp_path):
    for folder in ("train", "dev"):
        (tmp_path / folder / "text").mkdir(parents=True)
    scorer = tmp_path / "score.py"
    scorer.write_text("", "utf-8")
    args = ["train", "--train", str(tmp_path / "train"), "--dev", str(tmp_path / "dev"), "--out", str(tmp_path / "m"), "--scorer", str(scorer)]
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output
    _one_line_error(result, "E030")


def test_the_pinned_pipeline_missing_names_the_command_without_the_environment(monkeypatch, article):
    from onrecord import spacy_model

    monkeypatch.delenv("ONRECORD_SPACY_MODEL", raising=False)
    monkeypatch.setattr(spacy_model, "PINNED_PACKAGE", MISSING)
    result = runner.invoke(app, ["analyze", str(article)])
    line = _one_line_error(result, "E030")
    assert line == f"error [E030] cannot load the spaCy pipeline '{MISSING}': run `onrecord model install` to install it (not installed)"
    info = runner.invoke(app, ["model", "info"])
    assert info.exit_code == 3 and "onrecord model install" in info.stderr


STORE_COMMANDS = [["quotes"], ["speakers"], ["search", "strike"], ["related", "a", "0"], ["article", "a"],
                  ["export", "--format", "jsonl", "--out", "{tmp}/out.jsonl"], ["entities", "show", "Ana"],
                  ["entities", "merge", "A", "B"], ["entities", "split", "A", "B"], ["entities", "resolve"],
                  ["roles", "Ana"], ["check", "a"]]


@pytest.mark.parametrize("command", STORE_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_store_that_does_not_exist_is_reported_not_created(command, tmp_path):
    db = tmp_path / "missing.db"
    result = runner.invoke(app, [*(a.format(tmp=tmp_path) for a in command), "--db", str(db)])
    assert result.exit_code == 2, result.output
    line = _one_line_error(result, "E081")
    assert str(db) in line and "onrecord ingest" in line
    assert not db.exists()


def test_the_store_commands_cover_every_command_that_reads_a_store():
    named = {" ".join(c[:2]) if c[0] == "entities" else c[0] for c in STORE_COMMANDS}
    creating = {"analyze", "ingest", "timex", "serve", "train", "model install", "model info"}  # no store, or they make one
    assert {" ".join(c) for c in _all_commands()} == named | creating


def test_version_is_the_package_metadata():
    from importlib.metadata import version

    import onrecord

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"onrecord {version('onrecord')}\n"
    assert onrecord.__version__ == version("onrecord")
