"""Pull quotes: a paragraph of sentences signed with a speaker's name, no verb, no quotation marks."""
from __future__ import annotations

import pytest

from onrecord.attribution.floating import is_floating

ARTICLE = (
    "The harbour bridge will stay closed until March, the city said on Monday.\n\n"
    "Engineer Priya Nandakumar said the cables had corroded faster than expected.\n\n"
    "We had no choice but to close it before the winter storms arrived. Priya Nandakumar\n\n"
    "“The inspection took three weeks,” said harbour master Tomas Berg.\n\n"
    "Nobody in this town has ever seen the bridge closed this long. Tomas Berg, Port of Lunenburg\n\n"
    "“The ferries will run every hour until the bridge reopens.”\n\n"
    "Commuters crossed the harbour by ferry on Tuesday morning, Oct. 29, 2024. Dana Whitcombe\n\n"
    "The council meets again on Friday."
)


@pytest.fixture(scope="module")
def attributions(rules_nlp):
    return list(rules_nlp(ARTICLE)._.attributions)


def signed(attributions):
    return [a for a in attributions if a.source and not a.cue]


def test_a_paragraph_signed_with_a_name_named_elsewhere_is_a_quote_of_that_person(attributions):
    quotes = signed(attributions)
    assert [a.content_text for a in quotes] == [
        "We had no choice but to close it before the winter storms arrived.",
        "Nobody in this town has ever seen the bridge closed this long.",
    ]
    assert [a.source[0].text for a in quotes] == ["Priya Nandakumar", "Tomas Berg"]
    assert [a.speaker.name if a.speaker else None for a in quotes] == ["Priya Nandakumar", "Tomas Berg"]


def test_a_photo_credit_is_not_a_pull_quote(attributions):
    assert not [a for a in attributions if "Commuters" in a.content_text]


def test_a_floating_quote_after_a_pull_quote_continues_the_quote_before_it(attributions):
    (ferries,) = [a for a in attributions if is_floating(a) and "ferries" in a.content_text]
    assert ferries.speaker is not None and ferries.speaker.name == "Tomas Berg"


def test_a_paragraph_ending_in_a_titled_name_is_not_signed(rules_nlp):
    text = (
        "Priya Nandakumar inspected the cables in June.\n\n"
        "The report on the cables was written by Dr. Priya Nandakumar\n\n"
        "The council meets again on Friday."
    )
    assert not [a for a in rules_nlp(text)._.attributions if a.source and not a.cue]


def test_a_sentence_opening_with_a_name_and_a_comma_is_not_signed(rules_nlp):
    text = (
        "President Obama spoke in Ohio on Monday.\n\n"
        "He will not be the next president of the country. Like President Obama, I believe in the good sense of voters.\n\n"
        "The council meets again on Friday."
    )
    assert not [a for a in rules_nlp(text)._.attributions if a.source and not a.cue]
