"""Ingest fixtures: the hand-written input files, and helpers to look at what a batch gave back."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from onrecord.types import RawArticle, Skipped

INPUTS = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"


@pytest.fixture
def inputs() -> Path:
    """The folder of hand-written good inputs (text, HTML, JSON, JSONL, an extensionless text)."""
    return INPUTS


@pytest.fixture
def good_txt(tmp_path) -> Path:
    """A copy of one good plain-text article in ``tmp_path``: the 'rest of the batch' in bad-input tests."""
    return Path(shutil.copy(INPUTS / "reservoir-levels.txt", tmp_path / "reservoir-levels.txt"))


def articles(items) -> list[RawArticle]:
    return [item for item in items if isinstance(item, RawArticle)]


def skipped(items) -> list[Skipped]:
    return [item for item in items if isinstance(item, Skipped)]
