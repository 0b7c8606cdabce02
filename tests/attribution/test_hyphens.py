"""Source spans take whole hyphenated words ("vice-chancellors", not "vice")."""
from __future__ import annotations

import pytest

from onrecord import analyze


def _sources(text: str) -> list[tuple[str, str]]:
    article = analyze(text)
    return [(" ".join(s.text for s in a.source), a.speaker.name if a.speaker else "") for a in article.attributions]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("But vice-chancellors have reacted angrily to the plan, saying ministers pushed them to take extra students.",
         "vice-chancellors"),
        ("The co-founders of the company, meanwhile, said the plan was sound.", "The co-founders of the company"),
    ],
)
def test_a_hyphenated_source_is_whole(text, source):
    sources = _sources(text)
    assert source in [s for s, _ in sources], sources
    assert all(not s.endswith(("vice", "co")) for s, _ in sources), sources


def test_a_source_beside_a_hyphen_with_spaces_is_left_alone():
    text = "Mayor Ana Ruiz - who took office in May - said the bridge would reopen in March."
    assert "Mayor Ana Ruiz" in [s for s, _ in _sources(text)] or "Ana Ruiz" in [n for _, n in _sources(text)]
