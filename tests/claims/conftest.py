"""Fixtures of the claim tests: the bare spaCy pipeline, and attributions built over hand-written sentences."""
from __future__ import annotations

import datetime as dt

import pytest

from bench.eval_claims import attribution_for


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
def attribution():
    """``attribution(text, cue, content, source=None)`` → an Attribution over those strings of ``text``."""
    return attribution_for
