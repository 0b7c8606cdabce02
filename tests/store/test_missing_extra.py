"""A postgresql:// store without the ``postgres`` extra: a coded error naming it."""
from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.errors import MissingExtra
from onrecord.store import Store


def test_a_postgresql_url_without_psycopg_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(MissingExtra, match=r'\[E082\].*pip install "onrecord\[postgres\]"'):
        Store.open("postgresql://user@127.0.0.1:1/none")
    result = CliRunner().invoke(app, ["quotes", "--db", "postgresql://user@127.0.0.1:1/none"])
    assert result.exit_code == 3 and "[E082]" in result.stderr and "Traceback" not in result.output
