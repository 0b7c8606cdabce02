"""Fixtures of the claim tests: attributions built over hand-written sentences (``parse`` is in the root conftest)."""
from __future__ import annotations

import pytest

from bench.eval_claims import attribution_for


@pytest.fixture(scope="session")
def attribution():
    """``attribution(text, cue, content, source=None)`` → an Attribution over those strings of ``text``."""
    return attribution_for
