"""Speaker names and types a reader accepts (issue 16, the realpages speaker listing): persons typed as
persons, a place used as a place left without a speaker, brackets closed, "which" and "we" read right,
organisation nouns that describe an organisation of their own. Hand-written sentences; each test failed
before its fix."""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from onrecord.resolve.speakers import resolve_speakers
from onrecord.types import Attribution, AttributionKind, AttributionType, Span
from tests.resolve.speaker_lookup import speaker_of


def _attribution(text: str, source: str, cue: str, content: str, kind: AttributionKind) -> Attribution:
    s, c, k = text.index(source), text.index(cue), text.index(content)
    return Attribution((Span.of(text, s, s + len(source)),), (Span.of(text, c, c + len(cue)),), (Span.of(text, k, k + len(content)),),
                       AttributionType.INDIRECT, cue, 0.9, kind=kind)


def _kind_of(speakers, name: str) -> list[str]:
    return [s.kind.value for s in speakers if s.name == name]


def _with_org_ents(doc, *names: str):
    """The doc with the last occurrence of each name tagged an organisation, as the small NER model tags
    some people's names (so the test does not depend on the model's quirks)."""
    spans = []
    for name in names:
        start = doc.text.rindex(name)
        spans.append(doc.char_span(start, start + len(name), label="ORG"))
    doc.ents = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)] + spans
    return doc


def test_a_name_with_a_role_apposition_is_a_person_whatever_the_given_names_gender(rules_nlp):
    # "Laurence" is borne by men and women
    text = "“We will keep the collection together,” said Laurence Fabre, the foundation's president, at a news conference."
    doc = _with_org_ents(rules_nlp(text), "Laurence Fabre")
    attribution = _attribution(text, "Laurence Fabre, the foundation's president", "said", "We will keep the collection together", AttributionKind.SPEECH)
    entities, out = resolve_speakers(doc, [attribution])
    assert out[0].speaker.name == "Laurence Fabre"
    assert _kind_of(entities, "Laurence Fabre") == ["person"]


def test_a_surname_alone_is_the_person_named_in_full_only_inside_quotation_marks(rules_nlp):
    text = (
        "Hundreds joined a club called 'Margit Lindqvist Fan Club' last month.\n\n"
        "Asked about the mural, Lindqvist said on Monday that the painter would have to answer for it himself.\n"
    )
    doc = _with_org_ents(rules_nlp(text), "Margit Lindqvist Fan Club", "Lindqvist")
    said = text.index("said on")
    attribution = Attribution((Span.of(text, said - 10, said - 1),), (Span.of(text, said, said + 4),),
                              (Span.of(text, text.index("the painter"), text.index(" himself")),), AttributionType.INDIRECT, "said", 0.9)
    entities, out = resolve_speakers(doc, [attribution])
    assert out[0].speaker.name == "Margit Lindqvist"
    assert _kind_of(entities, "Margit Lindqvist") == ["person"]


def test_an_organisation_name_the_ner_ended_inside_a_bracket_is_closed(rules_nlp):
    text = "On March 3, the Appeals Board of the Regional Bank (RB) found that the rules had been broken."
    doc = rules_nlp(text)
    start = next(t.i for t in doc if t.text == "the")
    bracket = next(t.i for t in doc if t.text == "(")
    doc.ents = [SpacySpan(doc, start, bracket + 2, label="ORG")]  # "the Appeals Board of the Regional Bank (RB", as the NER cut it
    attribution = _attribution(text, "the Appeals Board of the Regional Bank (RB", "found", "the rules had been broken", AttributionKind.EVIDENCE)
    _, out = resolve_speakers(doc, [attribution])
    assert out[0].speaker.name == "Appeals Board of the Regional Bank (RB)"


def test_which_after_the_topic_of_a_story_is_the_story(analyse):
    text = "In one example, the host read a story about her buying shoes which said the habit was ruining the planet."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "story about her buying shoes"


def test_which_after_a_place_is_what_the_place_modifies(analyse):
    text = "The verdict overturned the earlier ruling in Fresno, which had found the company to be a mere broker."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "had found") == "earlier ruling in Fresno"


def test_a_town_placed_in_a_province_is_no_speaker_of_a_record(rules_nlp):
    text = "Dunmore in Lake Province claimed the highest rainfall in the country at 300 millimetres."
    attribution = _attribution(text, "Dunmore in Lake Province", "claimed", "the highest rainfall in the country", AttributionKind.ACT)
    entities, out = resolve_speakers(rules_nlp(text), [attribution])
    assert out[0].speaker is None
    assert not [e.name for e in entities if "Dunmore" in e.name]


def test_an_organisation_noun_with_its_own_description_is_not_the_organisation_named_before(analyse):
    text = (
        "The Daily Ledger published an editorial on Monday blaming the drought on farmers. "
        "The agency in charge of the reservoirs said it had run out of water."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "agency in charge of the reservoirs"


def test_a_bare_organisation_noun_still_refers_back(analyse):
    text = "The Daily Ledger published an editorial on Monday blaming the drought on farmers. The agency said it had run out of water."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Daily Ledger"


def test_a_name_that_only_modifies_an_organisation_noun_is_not_the_speaker(analyse):
    text = "The independent Harlow group of flood experts said this week that the river would rise again."
    speakers, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "independent Harlow group of flood experts"
    assert not _kind_of(speakers, "Harlow")


def test_we_outside_a_quotation_is_the_writer_not_the_group_that_spoke_last(analyse):
    text = "Fans said the team had played well on Saturday. As we mentioned, the defence was the biggest reason for the win."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Fans"
    # the writer recalling the article's own text is no attribution at all (fourth read)
    assert [a for a in attributions if a.cue_lemma == "mention"] == []


def test_plural_organisation_nouns_are_groups(analyse):
    text = (
        "Many big unions said they would not endorse anyone. "
        "Police and the city administration said they would review the rules. Police said the road was closed."
    )
    speakers, attributions = analyse(text)
    assert _kind_of(speakers, "Many big unions") == ["group"]
    assert _kind_of(speakers, "Police and the city administration") == ["group"]
    assert _kind_of(speakers, "Police") == ["organisation"]


def test_a_finding_is_spoken_by_the_author_its_phrase_names(analyse):
    text = "A study by the Lakeside Institute found that the lake was warming faster than the sea."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "found") == "Lakeside Institute"


def test_a_finding_with_no_author_has_no_speaker(analyse):
    text = "City data show that rents rose by a third last year. Tests found that the pipe had not been attached."
    speakers, attributions = analyse(text)
    assert speaker_of(attributions, "show") is None
    assert speaker_of(attributions, "found") is None
    assert not [s.name for s in speakers if s.name in ("City data", "Tests")]


def test_a_document_that_says_something_keeps_its_source(analyse):
    text = "The report said the council had ignored the warnings."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "report"


def test_figures_in_a_party_are_people_not_numbers(rules_nlp):
    text = "Centrist figures in the party emphasized their concerns about the candidate."
    attribution = _attribution(text, "Centrist figures in the party", "emphasized", "their concerns about the candidate", AttributionKind.EVIDENCE)
    _, out = resolve_speakers(rules_nlp(text), [attribution])
    assert out[0].speaker is not None and out[0].speaker.name == "Centrist figures in the party"


def test_a_paragraph_opening_with_a_pronoun_goes_on_with_the_previous_speaker(analyse):
    text = (
        "Nadia Holm described the dinner in detail. Holm said Ingrid had sent her flowers and apologised, and that she had forgiven her.\n\n"
        "But she said the reporting of the dinner had hurt them both."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", "she") == "Nadia Holm"


def test_a_role_noun_that_says_whose_role_it_is_is_not_the_person_named_last(analyse):
    first = "Senator Alan Pike visited the plant on Monday. "
    _, attributions = analyse(first + "The Dockworkers Union's president said the plant would close.")
    assert speaker_of(attributions, "said") == "Dockworkers Union's president"
    _, attributions = analyse(first + "The president of the dockworkers' union said the plant would close.")
    assert speaker_of(attributions, "said") == "president of the dockworkers' union"


def test_a_bare_role_noun_still_refers_back(analyse):
    _, attributions = analyse("Senator Alan Pike visited the plant on Monday. \"It will stay open,\" the senator said.")
    assert speaker_of(attributions, "said") == "Alan Pike"


def test_names_before_the_subject_in_a_misparsed_source_are_not_the_speaker(rules_nlp):
    text = ("At the same time, with the defeats of Carter in 1980, Walter Mondale in 1984, and Michael Dukakis in 1988, "
            "Democrats began to think they needed a new message.")
    source = "the defeats of Carter in 1980, Walter Mondale in 1984, and Michael Dukakis in 1988, Democrats"
    attribution = _attribution(text, source, "began to think", "they needed a new message", AttributionKind.INTENTION)
    _, out = resolve_speakers(rules_nlp(text), [attribution])
    assert out[0].speaker.name == "Democrats"


def test_a_focusing_adverb_is_no_part_of_a_groups_name(analyse):
    _, attributions = analyse("The shop closed early on Friday. Even customers who had paid in advance said they were turned away.")
    assert speaker_of(attributions, "said") == "customers who had paid in advance"


def test_a_surname_with_a_clause_after_it_gives_the_surname_as_alias_not_the_clause(analyse):
    text = ("Former aide Wayne Kress announced his campaign on Monday. "
            "\"We will win this seat,\" said Kress, who resigned from the mayor's office last month.")
    speakers, _ = analyse(text)
    assert [s.aliases for s in speakers if s.name == "Wayne Kress"] == [("Kress",)]


def test_a_role_noun_is_not_someone_named_only_as_the_owner_of_a_thing(analyse):
    text = (
        "In the interview, Tom Reyes and his wife, Ella Reyes, spoke with candour, in remarks that outweighed even "
        "Queen Mary's famous interview decades earlier.\n\n"
        "The duchess has hinted before that she felt isolated at court."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "has hinted") == "Ella Reyes"


def test_a_plural_noun_with_a_relative_who_is_a_group_that_they_refers_to():
    from onrecord import analyze

    text = ("Two loggers who stayed behind in the camp told police they heard shots on Sunday night. "
            "They claimed the hunter had left the camp before dawn.")
    article = analyze(text)
    speakers = [(a.cue[0].text, a.speaker.name if a.speaker else None, a.speaker.kind.value if a.speaker else None) for a in article.attributions]
    assert ("told", "Two loggers who stayed behind in the camp", "group") in speakers, speakers
    assert ("claimed", "Two loggers who stayed behind in the camp", "group") in speakers, speakers


def test_a_plural_thing_with_a_relative_which_stays_unresolved():
    from onrecord.resolve.source_heads import said_of_people
    from onrecord.nlp import load_parser

    doc = load_parser()("The papers which were found in the office showed that the firm had paid.")
    assert not said_of_people(doc[1])
