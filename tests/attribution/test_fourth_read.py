"""Error classes found by a fourth journalist's read of real news pages (issue 16), on hand-written
text: each test failed before its fix."""
from __future__ import annotations


def _cues(attributions) -> list[str]:
    return [" ".join(s.text for s in a.cue) for a in attributions]


def test_an_as_clause_whose_verb_has_its_own_object_is_no_as_x_said(rules_nlp):
    text = "The rookie keeps scoring in close games as the team maintains steady pressure on the road."
    assert "maintains" not in _cues(rules_nlp(text)._.attributions)


def test_an_as_clause_whose_verb_has_its_own_clause_is_no_as_x_said(rules_nlp):
    text = "Shoppers wrapped up in scarves on Friday as the evening air felt as though autumn had ended overnight."
    assert "felt" not in _cues(rules_nlp(text)._.attributions)


def test_as_x_said_still_reports_the_sentence_around_it(rules_nlp):
    text = "The port is ready, as the harbour master said in a radio interview, to reopen the northern berths."
    (said,) = [a for a in rules_nlp(text)._.attributions if _cues([a]) == ["said"]]
    assert said.content_text == "The port is ready"


def test_as_we_mentioned_is_the_writer_not_a_source(rules_nlp):
    text = "As we noted earlier, the main cause of the delay was a shortage of drivers."
    assert "noted" not in _cues(rules_nlp(text)._.attributions)


def test_a_participle_opening_the_sentence_is_no_part_of_the_source(rules_nlp):
    text = (
        "Speaking from a podium at the company’s plant in Leeds, England, Managing Director Petra Holm said "
        "that factories need to cut their energy use."
    )
    (said,) = [a for a in rules_nlp(text)._.attributions if _cues([a]) == ["said"]]
    assert [s.text for s in said.source] == ["Managing Director Petra Holm"]
    assert said.speaker is not None and said.speaker.name == "Petra Holm"


def test_a_verb_with_only_an_adjective_after_it_reports_nothing():
    # the parse the tagger gave a real page: "… competitions that once seemed so promising for the
    # family", "seemed" a clause with "promising" as its complement
    import spacy
    from spacy.tokens import Doc

    from onrecord.attribution.cue_rules import candidates_from_verbs
    from onrecord.attribution.cues import load_cue_lexicon

    words = ["Races", "that", "once", "seemed", "so", "promising", "for", "the", "family", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[0, 3, 3, 0, 5, 3, 5, 8, 6, 0],
        deps=["ROOT", "nsubj", "advmod", "ccomp", "advmod", "xcomp", "prep", "det", "pobj", "punct"],
        pos=["NOUN", "PRON", "ADV", "VERB", "ADV", "ADJ", "ADP", "DET", "NOUN", "PUNCT"],
        tags=["NNS", "WDT", "RB", "VBD", "RB", "JJ", "IN", "DT", "NN", "."],
        lemmas=["race", "that", "once", "seem", "so", "promising", "for", "the", "family", "."],
    )
    assert candidates_from_verbs(doc, load_cue_lexicon(), [3]) == []


def test_a_name_after_the_last_comma_before_the_cue_is_the_source_not_the_reported_clause():
    # the parse the tagger gave a real page: the end of the reported clause hung on the cue as its subject
    import spacy
    from spacy.tokens import Doc

    from onrecord.attribution.cue_rules import candidates_from_verbs
    from onrecord.attribution.cues import load_cue_lexicon

    words = ["Agents", "found", "cocaine", "in", "Port", "Mira", ",", "Coast", "Guard", "officials", "announced", "Tuesday", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 10, 10, 2, 5, 3, 5, 9, 9, 5, 10, 10, 10],
        deps=["nsubj", "ccomp", "nsubj", "prep", "compound", "pobj", "punct", "compound", "compound", "conj", "ROOT", "npadvmod", "punct"],
        pos=["NOUN", "VERB", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "NOUN", "VERB", "PROPN", "PUNCT"],
        tags=["NNS", "VBD", "NN", "IN", "NNP", "NNP", ",", "NNP", "NNP", "NNS", "VBD", "NNP", "."],
        lemmas=["agent", "find", "cocaine", "in", "Port", "Mira", ",", "Coast", "Guard", "official", "announce", "Tuesday", "."],
    )
    (candidate,) = candidates_from_verbs(doc, load_cue_lexicon(), [10])
    assert candidate.source == (7, 10)
    assert candidate.content == [(0, 6)]


def test_as_x_told_someone_still_reports_the_sentence_around_it(rules_nlp):
    text = "As the coach told reporters after the match, the squad will travel without its captain."
    (told,) = [a for a in rules_nlp(text)._.attributions if _cues([a]) == ["told"]]
    assert told.content_text == "the squad will travel without its captain"


def test_a_time_right_after_the_cue_is_no_part_of_its_content(rules_nlp):
    import datetime as dt

    doc = rules_nlp.make_doc("Nordvik Shipping Corp said on Tuesday it aims to cut its fuel use by half by 2030.")
    doc._.published = dt.date(2024, 3, 8)
    (said,) = [a for a in rules_nlp(doc)._.attributions if _cues([a]) == ["said"]]
    assert said.content_text == "it aims to cut its fuel use by half by 2030"


def test_a_date_that_is_the_reported_clauses_subject_stays_in_the_content(rules_nlp):
    (said,) = [a for a in rules_nlp("Officials said Tuesday was the busiest day of the year.")._.attributions if _cues([a]) == ["said"]]
    assert said.content_text == "Tuesday was the busiest day of the year"


def test_figures_that_reveal_something_are_evidence_not_a_speech_act(nlp):
    from onrecord.types import AttributionKind

    text = "Figures from the National Statistics Office revealed a sharp fall in factory output in the north."
    (revealed,) = [a for a in nlp(text)._.attributions if _cues([a]) == ["revealed"]]
    assert revealed.kind is AttributionKind.EVIDENCE


def _with_outlet(nlp, text: str, outlet: str | None):
    from onrecord.nlp import make_doc

    return nlp(make_doc(nlp, text, None, outlet))._.attributions


def test_the_outlet_reporting_what_it_learnt_is_no_source(rules_nlp):
    text = "Harbour Herald understands that the ferry contract was signed last week. The minister said the deal was fair."
    assert _cues(_with_outlet(rules_nlp, text, "harbourheraldonline.com")) == ["said"]


def test_this_newspaper_is_the_outlet_not_a_source(nlp):
    text = "This newspaper understands that the ferry contract was signed last week."
    assert nlp(text)._.attributions == ()


def test_another_outlet_that_reported_something_stays_a_source(rules_nlp):
    text = "The Island Courier reported that the ferry contract was signed last week."
    assert _cues(_with_outlet(rules_nlp, text, "harbourheraldonline.com")) == ["reported"]


def test_the_content_of_a_cue_inside_a_clauses_subject_ends_with_that_subject(nlp):
    text = "Residents who hoped to collect their pensions at the post office on Friday were sent home."
    (hoped,) = [a for a in nlp(text)._.attributions if _cues([a]) == ["hoped"]]
    assert hoped.content_text == "to collect their pensions at the post office on Friday"


def test_a_growing_number_of_people_touting_something_is_no_evidence(nlp):
    from onrecord.types import AttributionKind

    text = (
        "Some ferry operators are thinking about it. A growing number are touting the fuel efficiency "
        "of their boats in brochures and at trade fairs."
    )
    assert all(a.kind is not AttributionKind.EVIDENCE for a in nlp(text)._.attributions if _cues([a]) == ["are touting"])


def test_not_only_but_also_is_one_content(parse):
    # the learned model ended a real page's content after the "not only" half
    from onrecord.attribution.content_bounds import bound_contents
    from onrecord.types import Attribution, AttributionType, Span

    text = "The club hopes the appeal will not only raise money for the stand they planned, but also bring back old fans."
    doc = parse(text)
    cut = text.index(", but also")
    a = Attribution(
        source=(Span.of(text, 0, 8),), cue=(Span.of(text, 9, 14),), content=(Span.of(text, 15, cut),),
        type=AttributionType.INDIRECT, cue_lemma="hope", confidence=0.6, origin="model",
    )
    (bounded,) = bound_contents(doc, [a])
    assert bounded.content_text == "the appeal will not only raise money for the stand they planned, but also bring back old fans"


def test_as_x_promised_to_do_reports_the_sentence_around_it(rules_nlp):
    text = "The harbour master closed the northern berths on Friday, as she had promised to do."
    (promised,) = [a for a in rules_nlp(text)._.attributions if _cues([a]) == ["had promised"]]
    assert promised.content_text == "The harbour master closed the northern berths on Friday"
