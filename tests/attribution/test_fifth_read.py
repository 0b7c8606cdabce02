"""Error classes found by a fifth journalist's read of real news pages, on hand-written text: each
test failed before its fix."""
from __future__ import annotations


def _by_content(attributions, words: str):
    (found,) = [a for a in attributions if words in a.content_text]
    return found


def test_a_quote_after_a_sentence_introducing_a_named_person_is_theirs(nlp):
    text = (
        "“Most courts have ruled the other way,” noted product liability lawyer Tom Wexler.\n"
        "The plaintiff’s lawyer, Harriet Okafor, had a shorter statement after the ruling on Thursday. "
        "“This is a great day for every shopper in the state.”"
    )
    quote = _by_content(nlp(text)._.attributions, "great day")
    assert quote.speaker is not None and quote.speaker.name == "Harriet Okafor"


def test_a_quote_after_a_pronoun_sentence_about_a_new_person_is_theirs(nlp):
    text = (
        "“Rents are far too high for an experience that is not safe,” says Priya Natarajan.\n"
        "Tom, a first-year history student at Leeds, has just gone home after a week in halls. "
        "He does not plan to go back. “I was living in a flat with five people who only wanted to party.”"
    )
    quote = _by_content(nlp(text)._.attributions, "living in a flat")
    assert quote.speaker is not None and quote.speaker.name == "Tom"


def test_a_quote_in_a_new_paragraph_still_continues_the_quote_before(nlp):
    text = (
        "“Rents are far too high,” says Priya Natarajan.\n"
        "Tom, a first-year history student at Leeds, has just gone home.\n"
        "“Universities should cut rents in halls before the spring term.”"
    )
    quote = _by_content(nlp(text)._.attributions, "cut rents")
    assert quote.speaker is not None and quote.speaker.name == "Priya Natarajan"


def test_a_floating_quote_goes_on_with_an_introduced_quote(nlp):
    text = (
        "“Most courts have ruled the other way,” noted lawyer Tom Wexler.\n"
        "The plaintiff’s lawyer, Harriet Okafor, had a shorter statement after the ruling on Thursday. "
        "“This is a great day for every shopper in the state.”\n"
        "“We will now ask for damages as well.”"
    )
    quote = _by_content(nlp(text)._.attributions, "damages")
    assert quote.speaker is not None and quote.speaker.name == "Harriet Okafor"
