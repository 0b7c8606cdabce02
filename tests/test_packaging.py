"""The package's metadata as users meet it: one version, extras named as users expect, no unused driver in the core."""
from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))


def _names(requirements: list[str]) -> set[str]:
    return {re.match(r"[A-Za-z0-9_.-]+", r).group(0).lower() for r in requirements}


def test_one_version_from_pyproject_to_the_metadata_and_the_module():
    import onrecord

    assert PYPROJECT["project"]["version"] == version("onrecord") == onrecord.__version__


def test_the_core_install_pulls_no_database_driver_and_no_second_warc_reader():
    core = _names(PYPROJECT["project"]["dependencies"])
    assert "psycopg" not in core and "warcio" not in core
    assert {"spacy", "fastwarc", "sqlalchemy"} <= core


def test_extras_are_named_as_users_expect():
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert _names(extras["postgres"]) == {"psycopg"}
    assert "pyspark" in _names(extras["spark"])
    assert {"pytest", "build", "twine", "warcio"} <= _names(extras["dev"])


def test_the_changelog_has_an_entry_for_this_version():
    changelog = (REPO / "CHANGELOG.md").read_text("utf-8")
    assert re.search(rf"^## {re.escape(PYPROJECT['project']['version'])}\b", changelog, re.M)
