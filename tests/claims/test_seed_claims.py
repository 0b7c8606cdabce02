"""END TO END on the seed article (../shared/data/seed): needs attribution extraction to work.

These checks read the real pipeline's attributions; they pass once extraction finds the seed's
attributions (skipped when ../shared is absent).
"""
from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def seed(shared_dir):
    return json.loads((shared_dir / "data/seed/expected.jsonl").read_text("utf-8").splitlines()[0])


@pytest.fixture(scope="module")
def article(seed):
    import onrecord

    return onrecord.analyze(seed["text"], seed["published"], id=seed["id"])


def _by_cue(article, cue_text):
    found = [a for a in article.attributions if any(c.text == cue_text for c in a.cue) or " ".join(c.text for c in a.cue).endswith(cue_text)]
    assert found, f"no attribution with cue {cue_text!r}"
    return found[0]


def test_seed_truce_claims_are_unverified_and_linked_to_the_note(seed, article):
    (note_start, note_end), = seed["unverified"]
    for cue in ("accused", "claimed", "alleged"):
        v = _by_cue(article, cue).claim.verification
        assert v is not None and v.status == "unverified", cue
        assert (v.evidence.start, v.evidence.end) == (note_start, note_end)
        assert "BBC" in v.by
    assert [(s.start, s.end) for s in article.verification_notes] == [(note_start, note_end)]


def test_seed_putin_statements_are_said_on_monday(article):
    putin = [a for a in article.attributions if a.speaker and a.speaker.name == "Vladimir Putin"]
    assert len(putin) >= 3
    assert {a.said_on for a in putin} == {"2025-04-21"}


def test_seed_quantities_are_normalised(article):
    quantities = {q.span.text: q for a in article.attributions for q in a.claim.quantities}
    assert (quantities["nearly 3,000"].value, quantities["nearly 3,000"].qualifier, quantities["nearly 3,000"].unit) == (3000.0, "nearly", "times")
    assert (quantities["three"].value, quantities["three"].unit, quantities["three"].what) == (3.0, "people", "injured")
    assert (quantities["hundreds"].value, quantities["hundreds"].qualifier, quantities["hundreds"].unit) == (200.0, "at least", "attacks")


def test_seed_time_expressions_get_their_values(article):
    values = {t.span.text: (t.type, t.value, t.mod) for t in article.time_expressions}
    assert values["Monday"] == ("DATE", "2025-04-21", None)
    assert values["Saturday"] == ("DATE", "2025-04-19", None)
    assert values["Sunday"] == ("DATE", "2025-04-20", None)  # "between Sunday and Monday": two DATEs, as TimeML tags a range
    assert values["Overnight"] == ("TIME", "2025-04-21TNI", None)
    assert values["this week"] == ("DATE", "2025-W17", None)
    assert values["last week"] == ("DATE", "2025-W16", None)
    assert values["early 2022"] == ("DATE", "2022", "START")
    assert values["over two years"] == ("DURATION", "P2Y", "MORE_THAN")
    assert values["30-hour"] == ("DURATION", "PT30H", None)


def test_seed_stances(article):
    assert _by_cue(article, "claimed").claim.stance == "claims"
    assert _by_cue(article, "alleged").claim.stance == "alleges"
    assert _by_cue(article, "reiterated").claim.stance == "reiterates"
    assert _by_cue(article, "signalled").claim.certainty == "possible"
