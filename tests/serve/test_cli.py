"""``onrecord serve``: options reach the app; a public bind never runs without a token."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from onrecord.cli import app

runner = CliRunner()


@pytest.fixture
def started(monkeypatch):
    """Capture what would be served instead of starting uvicorn."""
    import uvicorn

    calls = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.update(app=app, **kwargs))
    return calls


def test_serve_on_loopback_needs_no_token(started, tmp_path):
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
    assert started["app"].state.token is None
    assert started["app"].state.db_url == f"sqlite:///{db}"  # a path means a SQLite file, as in every store command
    assert "http://127.0.0.1:8123/" in result.output


def test_serve_reads_the_store_from_the_environment(started, tmp_path, monkeypatch):
    monkeypatch.setenv("ONRECORD_DB", str(tmp_path / "env.db"))
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert started["app"].state.db_url == f"sqlite:///{tmp_path / 'env.db'}"


def test_serve_on_a_public_address_generates_a_token(started):
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--no-store"])
    assert result.exit_code == 0, result.output
    token = started["app"].state.token
    assert token and len(token) >= 24
    assert token in result.output


def test_serve_takes_a_given_token_and_body_limit(started):
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--token", "abc", "--max-body", "5000", "--no-store"])
    assert result.exit_code == 0, result.output
    assert started["app"].state.token == "abc"
    assert started["app"].state.max_body_bytes == 5000
    assert "abc" not in result.output  # a token the user chose is not echoed
