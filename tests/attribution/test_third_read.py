"""Error classes found by a third journalist's read of real news pages (issue 16), on hand-written
text: each test failed before its fix."""
from __future__ import annotations

from onrecord.types import AttributionKind


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


def test_a_participle_right_after_a_reported_verb_is_said_by_that_verbs_subject(rules_nlp):
    text = "On Tuesday, the manager said a man came in saying he was waiting for his girlfriend."
    (saying,) = _by_cue(rules_nlp(text)._.attributions, "saying")
    assert [s.text for s in saying.source] == ["a man"]


def test_a_participle_after_a_comma_stays_the_first_speakers(rules_nlp):
    text = "Ruiz stated that Russia has violated the treaty, adding that talks would go on."
    (adding,) = _by_cue(rules_nlp(text)._.attributions, "adding")
    assert [s.text for s in adding.source] == ["Ruiz"]


def test_a_verbs_own_subject_after_another_clause_is_its_source(parse):
    from onrecord.attribution.syntax import own_subject

    doc = parse(
        "Anne said there was concern within the family about the wedding, "
        "and Henry condemned his relatives for failing to criticize the coverage."
    )
    condemned = next(t for t in doc if t.text == "condemned")
    assert doc[slice(*own_subject(condemned, 0, 1))].text == "Henry"
    said = next(t for t in doc if t.text == "said")
    assert own_subject(said, 0, 1) is None


def test_the_prince_is_the_prince_who_spoke(nlp):
    text = (
        "Prince Henry spoke to the BBC on Sunday about his father, Prince Edward, and his brother, Prince Paul. "
        '"I love them," Henry said. But the prince hit back at stories last year that they had misled the King.'
    )
    (hit,) = [a for a in nlp(text)._.attributions if a.source and a.source[0].text == "the prince"]
    assert hit.speaker is not None and hit.speaker.name == "Henry"


def test_a_surname_of_two_words_joins_the_full_name(nlp):
    text = (
        '"The situation is bad," said Dr. Walid Abu Hatab, an obstetrician at the hospital. '
        '"Some women cannot reach the hospital," Abu Hatab said.'
    )
    speakers = {a.speaker.name for a in nlp(text)._.attributions if a.speaker is not None}
    assert speakers == {"Walid Abu Hatab"}


def test_the_subject_of_a_passive_cue_with_an_infinitive_is_no_source(rules_nlp):
    text = "Tom Clark was arrested in California and is expected to be arraigned in Boston at a later date."
    (expected,) = [a for a in rules_nlp(text)._.attributions if a.cue_lemma == "expect"]
    assert expected.source == () and expected.speaker is None


def test_a_relative_clause_cue_does_not_hold_its_own_source_and_cue(rules_nlp):
    text = "Israel warned people to move south, a declaration that Amnesty International said could amount to a war crime."
    (said,) = _by_cue(rules_nlp(text)._.attributions, "said")
    assert said.content_text == "could amount to a war crime"


def test_a_relative_pronoun_is_no_content(rules_nlp):
    text = "It was the interview that some within the palace must have feared, but it was more revealing than many could have imagined."
    assert [a.content_text for a in rules_nlp(text)._.attributions if a.cue_lemma == "fear"] == []


def test_a_phone_call_is_no_statement(rules_nlp):
    text = (
        "For more information, call 212-306-6794 or email the office. Email the office or call 212-306-6794 for more information. "
        "The station called the Sheriff's Office asking questions."
    )
    assert [a for a in rules_nlp(text)._.attributions if a.cue_lemma == "call"] == []


def test_calling_something_a_name_or_calling_for_talks_stays(rules_nlp):
    text = "The mayor called for talks. She called the plan a mistake and called on the council to act."
    assert len([a for a in rules_nlp(text)._.attributions if a.cue_lemma == "call"]) == 3


def test_the_subject_inside_a_cues_complement_is_not_its_source(parse):
    from onrecord.attribution.syntax import own_subject

    doc = parse("She remembered telling Henry, after he suggested she stay home.")
    suggested = next(t for t in doc if t.text == "suggested")
    she = next(t for t in doc if t.text == "she")
    assert doc[slice(*own_subject(suggested, she.i, she.i + 1))].text == "he"


def test_a_model_source_in_another_clause_gives_way_to_the_cues_subject(nlp):
    text = "Anne said there was concern within the family about the wedding, and Henry condemned his relatives for failing to criticize the coverage."
    (condemned,) = _by_cue(nlp(text)._.attributions, "condemned")
    assert [s.text for s in condemned.source] == ["Henry"]


def test_a_pronoun_after_a_phrase_opening_on_a_person_is_that_person(nlp):
    text = (
        'One of the women to flee was Maryam Nasser, who was seven months pregnant. "I am from the city," she said.\n\n'
        'Sara Haddad, a doctor at the clinic, explained that there were 22 infants in the ward. '
        '"Families have many difficulties," she said.\n\n'
        "In Nasser's case, she decided to stay at the hospital to be near her child. "
        '"I am worried about him," she continued.'
    )
    (continued,) = _by_cue(nlp(text)._.attributions, "continued")
    assert continued.speaker is not None and continued.speaker.name == "Maryam Nasser"


def test_the_pronoun_of_a_clause_opening_the_sentence_is_the_main_clauses_named_subject(nlp):
    text = (
        "Senator Amrita Deo brought the motion on Tuesday. Senate President Carla Kent broke the tie, "
        "and Kent said the vote was fair.\n\nAs she told the chamber, Deo had only ever meant the motion to start a debate."
    )
    (told,) = _by_cue(nlp(text)._.attributions, "told")
    assert told.speaker is not None and told.speaker.name == "Amrita Deo"


def test_the_object_of_the_verb_an_infinitive_cue_depends_on_is_its_source(rules_nlp):
    text = "The man in red shorts led employees to believe his girlfriend was on the way."
    (believe,) = [a for a in rules_nlp(text)._.attributions if a.cue_lemma == "believe"]
    assert [s.text for s in believe.source] == ["employees"]


def test_an_infinitive_cue_without_an_object_before_it_keeps_the_subject(rules_nlp):
    (say,) = [a for a in rules_nlp("The mayor wants to say that the plan works.")._.attributions if a.cue_lemma == "say"]
    assert [s.text for s in say.source] == ["The mayor"]


def test_a_parenthetical_cue_between_subject_and_verb_reports_speech(parse):
    from onrecord.attribution.kinds import classify_kind
    from onrecord.types import Attribution, AttributionType, Span

    text = "The Central Bank, he continued, intervenes on a weekly basis, selling dollars to dealers."
    doc = parse(text)
    at = lambda words: Span.of(text, text.index(words), text.index(words) + len(words))  # noqa: E731
    a = Attribution(
        source=(Span.of(text, 18, 20),), cue=(at("continued"),),
        content=(at("The Central Bank"), at("intervenes on a weekly basis, selling dollars to dealers")),
        type=AttributionType.INDIRECT, cue_lemma="continue", confidence=0.5, origin="model",
    )
    assert classify_kind(doc, a) is AttributionKind.SPEECH


def test_pushing_a_thing_somewhere_is_no_statement(nlp):
    text = (
        "The crisis has pushed many of the remaining health care centers to the brink of closure. For others, the "
        "window remains short: The crisis has pushed many of the remaining centers to the brink of closure."
    )
    assert [a for a in nlp(text)._.attributions if a.cue_lemma == "push"] == []


def test_adding_a_tax_is_no_statement_but_adding_words_is(rules_nlp):
    text = (
        "The ministry has added value added tax (VAT) on luxury food items to reduce the demand for those imported items. "
        "She added that the plan would work."
    )
    assert [a.content_text for a in rules_nlp(text)._.attributions if a.cue_lemma == "add"] == ["that the plan would work"]


def test_the_page_asking_its_readers_is_no_statement(nlp):
    text = "Are you a tenant preparing to vote this month? We want to hear from you! Submit your questions here."
    assert [a for a in nlp(text)._.attributions if any(s.text == "We" for s in a.source)] == []


def test_we_speaking_to_you_inside_a_quotation_stays(nlp):
    text = '"We want to hear from you," the mayor told residents.'
    assert [a.content_text for a in nlp(text)._.attributions] == ['"We want to hear from you,"']


def test_adding_a_caveat_that_says_something_stays(rules_nlp):
    text = "The officer added the weighty caveat that the estimate assumes the pipeline will be built on time."
    assert "add" in [a.cue_lemma for a in rules_nlp(text)._.attributions]


def test_an_amendment_speaks_for_the_one_whose_amendment_it_is(nlp):
    text = (
        "After Deo's amendment was rejected, the Senate considered Mitchell's amendment which proposed "
        "that Government give a statement in Parliament in six months."
    )
    (proposed,) = _by_cue(nlp(text)._.attributions, "proposed")
    assert proposed.speaker is not None and proposed.speaker.name == "Mitchell"
    assert proposed.kind is AttributionKind.WRITING


def test_a_story_which_said_something_is_writing(nlp):
    text = 'In one example, Winfrey read a story about her eating avocados which said the fruit was "linked to water shortages".'
    (said,) = _by_cue(nlp(text)._.attributions, "said")
    assert said.kind is AttributionKind.WRITING


def test_that_after_a_place_is_the_thing_placed_there(nlp):
    text = "Hasib already hung signs in some locations that say men aren't allowed beyond the waiting area."
    (say,) = _by_cue(nlp(text)._.attributions, "say")
    assert say.speaker is not None and say.speaker.name.startswith("signs")


def test_they_after_a_plural_noun_that_told_someone_is_that_group(nlp):
    text = (
        "Three loggers were detained on Monday. The loggers told investigators that they were hunting deer. "
        "They claimed the hunter shot first."
    )
    (claimed,) = _by_cue(nlp(text)._.attributions, "claimed")
    assert claimed.speaker is not None and claimed.speaker.name == "loggers"


def test_they_after_reports_is_not_the_reports(nlp):
    text = "Reports said the plant would close. They said workers were told on Monday."
    (said,) = [a for a in _by_cue(nlp(text)._.attributions, "said") if a.source and a.source[0].text == "They"]
    assert said.speaker is None


def test_remembering_telling_someone_is_speech(parse):
    from onrecord.attribution.kinds import classify_kind
    from onrecord.types import Attribution, AttributionType, Span

    text = '"I cannot be left alone," she remembered telling Henry.'
    doc = parse(text)
    at = lambda words: Span.of(text, text.index(words), text.index(words) + len(words))  # noqa: E731
    a = Attribution(
        source=(at("she"),), cue=(at("remembered telling"),), content=(at('"I cannot be left alone,"'),),
        type=AttributionType.MIXED, cue_lemma="remember", confidence=0.7, origin="model",
    )
    assert classify_kind(doc, a) is AttributionKind.SPEECH


def test_he_after_the_man_as_the_subject_before_is_the_man(nlp):
    text = (
        "Video obtained from the salon shows the man entering the salon at about 10:41 a.m. Tuesday. "
        "The salon owner, Usman Hasib, runs the business now.\n"
        '"My girlfriend is trying to get an appointment," the man could be heard saying.\n'
        "The man in red shorts led employees to believe his girlfriend was on the way.\n"
        "In the video, he says she wanted an eyebrow appointment, and then he sits down."
    )
    (says,) = _by_cue(nlp(text)._.attributions, "says")
    assert says.speaker is not None and says.speaker.name == "man in red shorts"


def test_a_vote_for_or_against_something_is_an_act_and_a_vote_to_do_something_an_intention(nlp):
    text = "All 15 government senators voted against Deo's amendment. The council voted to approve the budget."
    kinds = {a.content_text: a.kind for a in nlp(text)._.attributions if a.cue_lemma == "vote"}
    assert kinds == {"Deo's amendment": AttributionKind.ACT, "to approve the budget": AttributionKind.INTENTION}


def test_seeing_someone_do_something_is_no_thought(rules_nlp):
    text = "He said that every day he came home from work, he would arrive to see Meghan crying while breastfeeding their child."
    assert [a.cue_lemma for a in rules_nlp(text)._.attributions] == ["say"]


def test_seeing_that_something_is_so_stays_a_thought(rules_nlp):
    (saw,) = rules_nlp("She saw that the bridge was closed.")._.attributions
    assert saw.kind is AttributionKind.THOUGHT


def test_an_unknown_cue_on_a_question_after_a_preposition_is_no_quote(nlp):
    text = "For the first time, tenants will begin to vote on what they want the future of their communities and homes to look like."
    assert [a.kind for a in nlp(text)._.attributions if a.kind in (AttributionKind.SPEECH, AttributionKind.WRITING)] == []


def test_what_no_one_could_find_is_no_finding(rules_nlp):
    text = "Unable to find transportation, Hajjaj and her family walked toward southern Gaza."
    assert [a for a in rules_nlp(text)._.attributions if a.cue_lemma == "find"] == []


def test_the_one_told_is_no_part_of_what_was_said(parse):
    from onrecord.attribution.cue_subjects import give_sources_their_cue_subject
    from onrecord.types import Attribution, AttributionType, Span

    text = '"I cannot be left alone," she remembered telling Harry, after he suggested she stay home.'
    doc = parse(text)
    at = lambda words: Span.of(text, text.index(words), text.index(words) + len(words))  # noqa: E731
    a = Attribution(
        source=(at("she"),), cue=(at("remembered telling"),), content=(at("I cannot be left alone"), at("Harry")),
        type=AttributionType.MIXED, cue_lemma="remember", confidence=0.7, origin="model",
    )
    (checked,) = give_sources_their_cue_subject(doc, [a])
    assert [s.text for s in checked.content] == ["I cannot be left alone"]
