"""Speaker errors found by a fourth journalist's read of real news pages (issue 16), on hand-written
articles: each test failed before its fix."""
from __future__ import annotations

from tests.resolve.speaker_lookup import speaker_of


def test_who_after_people_under_fire_from_is_the_people_not_the_fire(analyse):
    text = (
        "The two airlines have come under pressure from striking baggage handlers who have demanded "
        "they restore the old shift pattern."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "have demanded") == "striking baggage handlers"


def test_it_said_with_no_recent_organisation_speaker_is_the_organisation_named_in_the_sentence(analyse):
    text = (
        "“We will not close the plant,” plant manager Rosa Keane said.\n\n"
        "Her colleague Tom Bright added that the night shift would stay.\n\n"
        "The town council approved the new road last spring.\n\n"
        "Nordvik Shipping Corp’s pledge to cut fuel use by 2030 covers its ferries and its cargo ships, it said."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="it") == "Nordvik Shipping Corp"


def test_the_first_word_of_a_double_surname_is_the_person_named_in_full(analyse):
    text = (
        "“Our son has always been a fighter,” said Marisol Duval Pierre, a nurse from Miami.\n\n"
        "The family set up an online appeal last week. “We just want him to play again,” Duval said."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="Duval") == "Marisol Duval Pierre"


def test_a_release_with_no_owner_named_is_the_organisation_that_spoke_last(analyse):
    text = (
        "Nordhaven Foods Ltd said its checkout system had failed on Thursday.\n\n"
        "Later in the day, another release confirmed a cyber attack caused the outage.\n\n"
        "According to the release, no customer data was taken."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "confirmed") == "Nordhaven Foods Ltd"
    assert speaker_of(attributions, "According to") == "Nordhaven Foods Ltd"


def test_an_organisations_name_is_the_whole_name_not_the_part_the_ner_tagged(analyse):
    text = "Officers seized 200 kilos of cannabis from a boat in Fajardo on Sunday, Customs and Border Protection said Tuesday."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Customs and Border Protection"


def test_a_country_that_reports_figures_speaks_for_its_authorities(nlp):
    attributions = nlp(
        "The weekly rate in Austria rose to 31.2 cases per 100,000 people.\n"
        "Hungary also reported 18.7 new cases per 100,000 people, up from 12.1 a week earlier."
    )._.attributions
    assert speaker_of(attributions, "also reported") == "Hungary"


def test_the_same_release_paragraphs_later_is_the_same_organisation(analyse):
    text = (
        "Harbour officials seized 300 kilos of cannabis on Friday, the Coast Guard Authority announced Monday.\n\n"
        "According to the release, officers boarded the boat after a routine radio check.\n\n"
        "The three men on board were taken to the police station in the harbour town.\n\n"
        "The boat had been reported missing by its owner two weeks earlier.\n\n"
        "The cannabis was handed to the drug squad for testing.\n\n"
        "The authority patrols 400 miles of coast with 12 boats, according to the release."
    )
    _, attributions = analyse(text)
    assert [a.speaker.name if a.speaker else None for a in attributions if a.cue_lemma == "according to"] == [
        "Coast Guard Authority", "Coast Guard Authority"]


def test_it_in_it_is_believed_is_no_organisation(analyse):
    text = (
        "Nordvik Shipping Corp said its ferry would sail on Monday.\n\n"
        "A woman was detained at the pier by the Harbour Police Service on Friday. "
        "It is believed that the woman had no ticket."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "is believed") is None


def test_a_ruling_that_names_its_court_is_not_the_court_that_spoke_last(analyse):
    text = (
        "The Coastal Court of Appeal said on Thursday that the ferry company can be held liable.\n\n"
        "The decision overturned the earlier District Court ruling in Port Mira, which had found the "
        "company to be a carrier only."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "had found") != "Coastal Court of Appeal"
