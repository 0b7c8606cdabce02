"""The examples in the package's docstrings are run, so they stay true as the code changes."""
from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import onrecord

# Alembic's env.py only runs inside an Alembic command; importing __main__ runs the CLI.
_LEFT_OUT = ("onrecord.store.migrations", "onrecord.__main__")
REPO = Path(__file__).resolve().parents[1]


def _modules() -> list[str]:
    names = ["onrecord"]
    for info in pkgutil.walk_packages(onrecord.__path__, "onrecord."):
        if not info.name.startswith(_LEFT_OUT):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name, monkeypatch):
    monkeypatch.chdir(REPO)  # examples in the docstrings read examples/articles
    try:
        module = importlib.import_module(name)
    except ImportError as error:  # an optional extra (pyspark) that is not installed
        pytest.skip(f"{name} needs an optional dependency: {error}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples failed in {name}"
