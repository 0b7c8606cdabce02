"""Attribution kinds on hand-written sentences: speech, writing, thought, evidence, intention, act."""
from __future__ import annotations

import pytest

from onrecord.attribution.cues import load_cue_lexicon
from onrecord.attribution.kinds import load_kind_nouns
from onrecord.types import QUOTE_KINDS, AttributionKind

K = AttributionKind


@pytest.fixture(scope="module")
def extract(rules_nlp):
    def run(text: str):
        return list(rules_nlp(text)._.attributions)

    return run


def kind_of(attributions, cue: str) -> AttributionKind:
    found = [a for a in attributions if " ".join(s.text for s in a.cue) == cue]
    assert found, f"no attribution with cue {cue!r} in {[(a.cue, a.content_text) for a in attributions]}"
    return found[0].kind


@pytest.mark.parametrize(
    "text, cue, kind",
    [
        ("Mayor Ana Ruiz said the bridge would reopen in May.", "said", K.SPEECH),
        ("“The bridge will reopen in May,” Mayor Ana Ruiz said.", "said", K.SPEECH),
        ("The council told residents that the pool would close.", "told", K.SPEECH),
        ("Ruiz wrote that the budget was balanced.", "wrote", K.WRITING),
        ("The minister tweeted that the talks had failed.", "tweeted", K.WRITING),
        ("Ruiz believes the bridge will reopen in May.", "believes", K.THOUGHT),
        ("Engineers expect that the repairs will take a year.", "expect", K.THOUGHT),
        ("Residents know the pool is unsafe.", "know", K.THOUGHT),
        ("The new plan seems to have worked.", "seems", K.EVIDENCE),
        ("Tests found the flue pipe had not been attached.", "found", K.EVIDENCE),
        ("A poll shows that most voters oppose the tax.", "shows", K.EVIDENCE),
        ("Ruiz wants the council to approve the budget.", "wants", K.INTENTION),
    ],
)
def test_kind_from_the_lexicon_and_the_parse(extract, text, cue, kind):
    assert kind_of(extract(text), cue) is kind


def test_a_document_as_subject_writes(extract):
    assert kind_of(extract("The statement said the plant would close in March."), "said") is K.WRITING


def test_a_study_as_subject_of_a_speech_verb_is_evidence(extract):
    assert kind_of(extract("The study suggests that older drivers are safer."), "suggests") is K.EVIDENCE


def test_a_person_suggesting_speaks(extract):
    assert kind_of(extract("Ruiz suggested that the council should wait."), "suggested") is K.SPEECH


def test_according_to_a_person_is_speech_and_to_a_poll_evidence(extract):
    assert kind_of(extract("According to Ana Ruiz, the bridge will reopen in May."), "According to") is K.SPEECH
    assert kind_of(extract("According to the poll, most voters oppose the tax."), "According to") is K.EVIDENCE


def test_a_promise_to_act_is_an_intention_a_promise_that_is_speech(extract):
    assert kind_of(extract("The mayor vowed to fight the closure."), "vowed") is K.INTENTION
    assert kind_of(extract("The mayor vowed that the pool would stay open."), "vowed") is K.SPEECH


def test_a_quotation_is_speech_whatever_the_verb_beside_it(extract):
    assert kind_of(extract("“We will win this,” Ruiz predicted."), "predicted") in QUOTE_KINDS


def test_every_cue_in_the_lexicon_has_a_kind_and_its_frame():
    lexicon = load_cue_lexicon()
    for entry in [*lexicon.verbs.values(), *lexicon.nouns.values()]:
        assert AttributionKind(entry.kind) in K, entry
        assert entry.frame, entry
    assert lexicon.entry("say", "VERB").kind == "speech"
    assert lexicon.entry("believe", "VERB").kind == "thought"
    assert load_kind_nouns()["poll"] is K.EVIDENCE


def test_doc_extension_and_article_keep_only_quotes(rules_nlp):
    from onrecord import QUOTE_KINDS as exported

    doc = rules_nlp("Ruiz said the bridge would reopen. Engineers believe it will take a year.")
    assert {a.kind for a in doc._.attributions} == {K.SPEECH, K.THOUGHT}
    assert [a.kind for a in doc._.quotes] == [K.SPEECH]
    assert exported == QUOTE_KINDS


@pytest.mark.parametrize(
    "lemma, kind",
    [("realize", K.THOUGHT), ("learn", K.THOUGHT), ("discover", K.EVIDENCE), ("decide", K.INTENTION), ("plan", K.INTENTION)],
)
def test_verbs_the_model_may_take_as_cues_have_a_kind(lemma, kind):
    from onrecord.attribution.kinds import load_kind_verbs

    assert load_kind_verbs()[lemma] is kind
    assert load_cue_lexicon().entry(lemma, "VERB") is None  # never a rule cue candidate


def test_an_unknown_cue_verb_takes_its_kind_from_kind_verbs(rules_nlp):
    from onrecord.attribution.kinds import classify_kind
    from onrecord.types import Attribution, AttributionType, Span

    text = "The council decided that the pool would close."
    doc = rules_nlp(text)
    a = Attribution((Span.of(text, 0, 11),), (Span.of(text, 12, 19),), (Span.of(text, 20, 46),), AttributionType.INDIRECT, "decide", 0.9, origin="model")
    assert classify_kind(doc, a) is K.INTENTION


def test_kind_verbs_need_the_bare_verb_and_hoping_is_a_thought(rules_nlp):
    from onrecord.attribution.kinds import classify_kind
    from onrecord.types import Attribution, AttributionType, Span

    def kind(text, cue, content, lemma):
        doc = rules_nlp(text)
        c, q = text.index(cue), text.index(content)
        a = Attribution((Span.of(text, 0, 4),), (Span.of(text, c, c + len(cue)),), (Span.of(text, q, q + len(content)),), AttributionType.INDIRECT, lemma, 0.9, origin="model")
        return classify_kind(doc, a)

    assert kind("Fans hoping to see the match queued all night.", "hoping", "to see the match", "hop") is K.THOUGHT
    assert kind("They signed an agreement with the union.", "signed", "an agreement with the union", "sign") is K.INTENTION
    # "sign off" is no signing: not an intention; with only a noun phrase after it, an act (no words said)
    assert kind("They signed off the letter with thanks to everyone.", "signed", "the letter with thanks to everyone", "sign") is K.ACT


def test_the_subject_of_a_passive_report_is_no_source(extract):
    (a,) = extract("The accused is alleged to have thrown two stones at the inspector.")
    assert a.source == () and a.speaker is None


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The mayor denied wrongdoing.", "denied"),
        ("The ministry cited confidential sources.", "cited"),
        ("Ruiz confirmed the closure of the pool.", "confirmed"),
        ("Ruiz mentioned the students’ concerns.", "mentioned"),  # ’ here is an apostrophe, no quotation
        ("What the mayor calls a disgrace is a fine bridge.", "calls"),
    ],
)
def test_a_speech_verb_with_only_a_noun_phrase_reports_an_act_not_a_quote(extract, text, cue):
    assert kind_of(extract(text), cue) is K.ACT
    assert K.ACT not in QUOTE_KINDS


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The ministry confirmed that the pool would close.", "confirmed"),
        ("Ruiz called the report “false and reckless.”", "called"),
        ("Ruiz described the inspector as a careful engineer.", "described"),
        ("Ruiz added the caveat that the bridge may stay shut.", "added"),
        ("Ruiz urged residents to conserve water.", "urged"),
    ],
)
def test_a_clause_a_quotation_or_a_predicate_keeps_a_speech_verb_speech(extract, text, cue):
    assert kind_of(extract(text), cue) is K.SPEECH


def test_an_unknown_cue_with_no_words_said_is_an_act_with_a_clause_speech(rules_nlp):
    from onrecord.attribution.kinds import classify_kind
    from onrecord.types import Attribution, AttributionType, Span

    def kind(text, cue, content, lemma):
        doc = rules_nlp(text)
        c, q = text.index(cue), text.index(content)
        a = Attribution((Span.of(text, 0, 4),), (Span.of(text, c, c + len(cue)),), (Span.of(text, q, q + len(content)),), AttributionType.INDIRECT, lemma, 0.7, origin="model")
        return classify_kind(doc, a)

    assert kind("Ruiz pleaded guilty to violating the election law.", "pleaded", "violating the election law", "plead") is K.ACT
    assert kind("Ruiz is counting on public support for the new pool.", "counting", "public support for the new pool", "count") is K.ACT
    assert kind("Ruiz lamented that the pool had closed for good.", "lamented", "that the pool had closed for good", "lament") is K.SPEECH
    assert kind("“Help us save the pool,” the swimmers sign off.", "sign", "Help us save the pool", "sign") is K.SPEECH


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The ferry company did not say whether it had agreed to the new fares.", "did not say"),
        ("Ruiz has not said she would veto the budget.", "has not said"),
        ("The council declined to say why the pool had closed.", "to say"),
        ("The union called for more inspections of the bridge.", "called"),
    ],
)
def test_nothing_said_or_a_demand_for_a_thing_is_an_act(extract, text, cue):
    assert kind_of(extract(text), cue) is K.ACT


def test_a_negation_inside_the_content_or_a_quotation_stays_speech(extract):
    assert kind_of(extract("Ruiz said she would not resign."), "said") is K.SPEECH
    assert kind_of(extract("“We will not resign,” Ruiz said."), "said") is K.SPEECH


def test_the_models_lemma_of_according_to_is_read_as_according_to(rules_nlp):
    from onrecord.attribution.kinds import classify_kind
    from onrecord.types import Attribution, AttributionType, Span

    text = "Among the council's members, five back the plan, according to a poll by the Coast Courier."
    doc = rules_nlp(text)
    c = text.index("according to")
    a = Attribution((), (Span.of(text, c, c + 12),), (Span.of(text, 0, c - 2),), AttributionType.INDIRECT, "accord", 0.7, origin="model")
    assert classify_kind(doc, a) is K.EVIDENCE
