"""What the speaker tests share: an article run through the rules pipeline, its speakers and attributions."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def analyse(rules_nlp):
    def run(text: str):
        doc = rules_nlp(text)
        return doc._.speakers, list(doc._.attributions)

    return run
