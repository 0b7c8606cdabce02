"""Error classes found by a third journalist's read of real news pages (issue 16), on hand-written
text: each test failed before its fix."""
from __future__ import annotations


def _by_cue(attributions, cue: str):
    return [a for a in attributions if a.cue and a.cue[0].text == cue]


def test_a_cue_opening_the_next_sentence_does_not_take_a_quote_closed_by_a_full_stop(rules_nlp):
    text = (
        'Before the vote, Finance Minister Tom Brand said, "The issue is a simple one. Today the demand '
        'outstrips the supply." He added this is "a situation that will change over time."'
    )
    attributions = rules_nlp(text)._.attributions
    (said,) = _by_cue(attributions, "said")
    (added,) = _by_cue(attributions, "added")
    assert [s.text for s in said.content] == ['"The issue is a simple one. Today the demand outstrips the supply."']
    assert "The issue" not in added.content_text and "a situation" in added.content_text


def test_he_added_that_after_a_colon_quote_keeps_only_its_own_words(rules_nlp):
    text = (
        'Turning to his sister, Ruiz said: "I love Anna, she is my sister ... but we are on different paths." '
        'He added that "the relationship is distant at the moment," and that "time heals all things."'
    )
    attributions = rules_nlp(text)._.attributions
    (said,) = _by_cue(attributions, "said")
    (added,) = _by_cue(attributions, "added")
    assert said.content_text.startswith('"I love Anna')
    assert "I love Anna" not in added.content_text and "the relationship" in added.content_text


def test_a_quote_closed_by_a_comma_still_takes_the_cue_after_it(rules_nlp):
    text = 'Tom Brand spoke first. "The issue is a simple one," he added.'
    (added,) = _by_cue(rules_nlp(text)._.attributions, "added")
    assert added.content_text == '"The issue is a simple one,"'
