"""Verification notes and the claims they cover."""
from __future__ import annotations

from onrecord.claims.verification import find_verification_notes, link_verification


def _link(parse, attribution, text, parts):
    doc = parse(text)
    atts = [attribution(text, cue, content) for cue, content in parts]
    notes = find_verification_notes(doc)
    return notes, link_verification(doc, notes, atts)


def test_verification_these_claims_cover_the_paragraph_before(parse, attribution):
    text = ("Both sides blamed each other. Kyiv said Russian troops had attacked 40 times, while Moscow said Ukraine had shelled a bridge. "
            "These claims have not been independently verified by Reuters.")
    notes, links = _link(parse, attribution, text, [("blamed", "each other"), ("said", "Russian troops had attacked 40 times"), ("said", "Ukraine had shelled a bridge")])
    assert [n.status for n in notes] == ["unverified"]
    assert sorted(links) == [0, 1, 2]
    assert links[1].by == ("Reuters",) and links[1].evidence.text.startswith("These claims")


def test_verification_stops_at_the_paragraph(parse, attribution):
    text = "The mayor said the road was open.\nRebels said they held the town. This claim could not be verified."
    _, links = _link(parse, attribution, text, [("said", "the road was open"), ("said", "they held the town")])
    assert list(links) == [1]


def test_verification_verified_footage(parse, attribution):
    text = "Residents said a video showed soldiers in the square. The BBC has verified the footage."
    notes, links = _link(parse, attribution, text, [("said", "a video showed soldiers in the square")])
    assert notes[0].status == "verified" and links[0].by == ("BBC",)


def test_verification_a_claim_in_the_note_sentence(parse, attribution):
    text = "The army said it had downed 30 drones, a figure that could not be independently confirmed."
    _, links = _link(parse, attribution, text, [("said", "it had downed 30 drones")])
    assert links[0].status == "unverified"


def test_verification_plain_reporting_is_not_a_note(parse):
    assert find_verification_notes(parse("Local officials confirmed that the school had been evacuated.")) == []
