"""Shared fixtures: the spaCy pipeline loaded once per test session, and the ../shared data."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ONRECORD_SHARED", REPO.parent / "shared"))
EXAMPLES = REPO / "examples" / "articles"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (seed article, PolNeAR train/dev, the scorer); tests needing it skip without it."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"needs the shared data folder at {SHARED} (set ONRECORD_SHARED); it is not part of the repo")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The full onrecord pipeline (spaCy + onrecord component, shipped model if any)."""
    from onrecord.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def rules_nlp():
    """The pipeline with the rules only (no learned model): for tests of the rules themselves."""
    from onrecord.pipeline import load_nlp

    return load_nlp(None)


@pytest.fixture(scope="session")
def parse():
    """Parse a text with the pinned spaCy model (no attribution component): our own attributions are built by hand."""
    from onrecord.nlp import load_base

    nlp = load_base()
    cache: dict = {}

    def run(text: str, published: dt.date | None = None):
        if text not in cache:
            cache[text] = nlp(text)
        doc = cache[text]
        doc._.published = published
        return doc

    return run


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def fragile_analysis(monkeypatch):
    """Makes one article's analysis raise: any text containing ``BOOM`` fails inside the onrecord component.

    Simulates a bug in a stage (the attribution component calls ``factories.extract_attributions``), so tests
    can check that the failure becomes that article's coded error while the rest of the batch goes on.
    """
    import onrecord.factories as factories

    real = factories.extract_attributions

    def fragile(doc, *args, **kwargs):
        if "BOOM" in doc.text:
            raise RuntimeError("a simulated bug")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(factories, "extract_attributions", fragile)
    return "BOOM"
