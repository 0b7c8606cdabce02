"""Error classes found by a seventh journalist's read of real news pages, on hand-written text: each
test failed before its fix."""
from __future__ import annotations


def _cued(attributions, cue: str):
    return [a for a in attributions if " ".join(s.text for s in a.cue) == cue]


def test_a_cue_in_a_while_clause_reports_nothing_of_the_main_clause(nlp):
    text = (
        "While some residents reported flooding on the east side later in the week, "
        "others continued to drive through the main streets without trouble."
    )
    (reported,) = _cued(nlp(text)._.attributions, "reported")
    assert reported.content_text == "flooding on the east side later in the week"


def test_a_cue_in_an_although_clause_keeps_its_reported_clause(nlp):
    text = "Although the council said the bridge would reopen by spring, the repairs went on until the autumn."
    (said,) = _cued(nlp(text)._.attributions, "said")
    assert said.content_text == "the bridge would reopen by spring"


def test_an_as_clause_still_reports_the_main_clause(nlp):
    text = "As the mayor said at the meeting, the bridge will reopen in May."
    (said,) = _cued(nlp(text)._.attributions, "said")
    assert "reopen in May" in said.content_text
