"""Events and states are no statements; findings and beliefs stay (hand-written text, full pipeline)."""
from __future__ import annotations

import pytest

from onrecord.types import AttributionKind


@pytest.fixture(scope="module")
def extract(nlp):
    def run(text: str):
        return list(nlp(text)._.attributions)

    return run


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Air has signed a codeshare agreement with Blue Wing to connect Miami and Lima.",
        "The new timetable allows the drivers to rest between shifts.",
        "The council's longstanding partnership with the university has seen its students trained in Canada.",
        "Visitors can expect a range of concerts and workshops during the week.",
        "They were concerned about the cost of the project.",
    ],
)
def test_events_and_states_are_no_attributions(extract, text):
    assert extract(text) == []


def test_findings_beliefs_and_concerns_with_a_clause_stay(extract):
    found = extract("A study by the university found that most drivers ignore the limit.")
    assert [(a.cue_lemma, a.kind) for a in found] == [("find", AttributionKind.EVIDENCE)]
    assert [a.content_text for a in extract("The survey shows that prices rose in May.")] == ["that prices rose in May"]
    assert [a.content_text for a in extract("Mayor Ana Ruiz said the bridge would reopen in May.")] == ["the bridge would reopen in May"]


def test_an_event_verb_with_a_quotation_stays_words(parse):
    from onrecord.attribution.events import is_event_not_statement
    from onrecord.types import Attribution, AttributionType, Span

    text = 'The mayor signed off with a warning: "the bridge will close."'
    doc = parse(text)
    cue, content = text.index("signed"), text.index('"the')
    a = Attribution((Span.of(text, 0, 9),), (Span.of(text, cue, cue + 6),), (Span.of(text, content, len(text)),), AttributionType.DIRECT, "sign", 0.7, origin="model")
    verb = next(t for t in doc if t.lower_ == "signed")
    assert not is_event_not_statement(doc, verb, a)


def _candidate(doc, cue_word: str, content_from: str, lemma: str):
    from onrecord.types import Attribution, AttributionType, Span

    text = doc.text
    cue, content = text.index(cue_word), text.index(content_from)
    a = Attribution((Span.of(text, 0, cue - 1),), (Span.of(text, cue, cue + len(cue_word)),), (Span.of(text, content, len(text) - 1),), AttributionType.INDIRECT, lemma, 0.7, origin="model")
    return next(t for t in doc if t.text == cue_word), a


def test_an_offer_of_services_is_an_event_and_an_offer_of_words_is_not(parse):
    from onrecord.attribution.events import is_event_not_statement

    doc = parse("The Blue Wing airline will offer its flights on the new route from June.")
    assert is_event_not_statement(doc, *_candidate(doc, "offer", "its flights", "offer"))
    doc = parse("The minister offered no explanation for the long delay.")
    assert not is_event_not_statement(doc, *_candidate(doc, "offered", "no explanation", "offer"))
    doc = parse("He offered no proof that the mayor had a role in the deal.")
    assert not is_event_not_statement(doc, *_candidate(doc, "offered", "no proof", "offer"))


def test_a_belief_about_the_future_and_a_seen_fact_stay(parse):
    from onrecord.attribution.events import is_event_not_statement

    doc = parse("Analysts expect a cut in interest rates in June.")
    assert not is_event_not_statement(doc, *_candidate(doc, "expect", "a cut", "expect"))
    doc = parse("Residents saw that the river had risen overnight.")
    assert not is_event_not_statement(doc, *_candidate(doc, "saw", "that the river", "see"))
    doc = parse("Nurses were worried that the generators would fail.")
    assert not is_event_not_statement(doc, *_candidate(doc, "worried", "that the generators", "worry"))
