"""A definite organisation noun as a speaker ("the union said") is the organisation the article names,
when it names one the noun fits; a description stays one when the article never says who it is.
Hand-written articles; each test of a resolution failed before it."""
from __future__ import annotations

from tests.resolve.speaker_lookup import speaker_of


def test_the_union_is_the_union_named_by_the_noun_before(analyse):
    text = (
        "Drivers for Halvorsen Freight voted to join the Teamsters union on Friday after a two-year campaign.\n\n"
        "The company had offered a pay rise of two per cent in March, which workers turned down.\n\n"
        "The union said the new contract would cover 400 drivers in three provinces."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The union") == "Teamsters"


def test_the_ministry_is_the_ministry_named_paragraphs_before_that_never_spoke(analyse):
    text = (
        "Ontario's Ministry of Health opened a new vaccine clinic in Sudbury on Monday.\n\n"
        "Local doctors had asked for the clinic for months, and the wait for appointments had grown to six weeks.\n\n"
        "Nurses from the Sudbury hospital will staff it on weekdays.\n\n"
        "The ministry said the clinic would cost $2 million a year."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The ministry") == "Ministry of Health"


def test_the_team_is_the_team_the_article_is_about(analyse):
    text = (
        "The Toronto Maple Leafs traded forward Milo Varga to the Ottawa Senators on Tuesday, a day before the deadline.\n\n"
        "Varga scored 31 goals last season and was a favourite of fans in Toronto. The Maple Leafs drafted him in 2016.\n\n"
        "Coach Dale Perron said he would miss him in the dressing room.\n\n"
        "The team said Varga had asked for a move in December."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The team") == "Toronto Maple Leafs"


def test_the_union_is_the_name_the_article_says_is_a_union(analyse):
    text = (
        "Staff at two Harbourview Bakery shops in Halifax voted to join a union this week.\n\n"
        "The UFCW is the largest private-sector union in Canada. Claire Dumont, who owns the shops, said she respected the vote.\n\n"
        "The union said it would start talks in January."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The union") == "UFCW"


def test_the_agency_is_the_name_an_apposition_later_calls_an_agency(analyse):
    text = (
        "Mayor Bram Kooiman said a new line to Langley would cost $1.6 billion.\n\n"
        "Councillors asked for a second estimate in the spring.\n\n"
        "The agency told reporters it had not done any such study. TransLink, the regional transit agency, runs the buses."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "told", source="The agency") == "TransLink"


def test_a_union_the_article_never_names_stays_the_union(analyse):
    text = (
        "Workers at two Harbourview Bakery shops in Halifax voted this week to join a union.\n\n"
        "The owner, Claire Dumont, said she respected the vote.\n\n"
        "The union said it would start talks in January."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The union") == "union"


def test_the_government_is_never_the_company_the_article_is_about(analyse):
    text = (
        "Harbourview Bakery closed two of its shops in Halifax on Monday.\n\n"
        "Harbourview Bakery said rising flour prices had made the shops unprofitable, and Harbourview Bakery staff were moved to other shops.\n\n"
        "The government said it would look at help for small bakeries."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The government") == "government"


def test_the_trust_is_the_trust_named_before(analyse):
    text = (
        "The Harbour Transit Trust, which oversees the half-cent transit tax, met county planners on Tuesday.\n\n"
        "Planners showed a new map of the busway, but gave no figures for its cost.\n\n"
        "The trust said the answers had come too late for a proper review."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The trust") == "Harbour Transit Trust"


def test_a_department_named_only_after_the_mention_is_not_the_department(analyse):
    text = (
        "Council members asked the county's transportation department about the busway in June.\n\n"
        "The department said it could not answer until September. Planners at the Florida Department of "
        "Transportation approved the route in August."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The department") == "department"


def test_a_company_whose_owner_is_said_is_not_the_organisation_the_article_is_about(analyse):
    text = (
        "The Louvre opened a new wing on Monday. The Société des Amis du Louvre paid for the frames, and the "
        "Louvre thanked its patrons.\n\n"
        "Bernard Arnault gave 10 million euros to the museum. The billionaire’s company said it would also pay for the new lights."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The billionaire’s company") == "billionaire’s company"


def test_the_department_is_not_the_trust_that_spoke_before_it(analyse):
    text = (
        "The Harbour Transit Trust said on Monday that it had asked for the busway figures in June.\n\n"
        "The department said it could not answer until September."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The department") == "department"


def test_the_company_is_the_one_the_first_sentence_names_and_the_article_repeats(analyse):
    text = (
        "Shoppers hoping to beat the weekend crowds at Harbourview Stores were left frustrated on Friday, as the "
        "grocery chain closed all of its branches after a cyber attack.\n\n"
        "Customers were turned away as staff found the checkout system was not working at Harbourview Stores locations.\n\n"
        "The company posted on social media that sales could not go ahead at any of its stores."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "posted", source="The company") == "Harbourview Stores"


def test_an_acronym_is_the_name_the_article_spells_it_out_as(analyse):
    text = (
        "The Parliamentary Budget Officer released a detailed valuation of the pipeline on Thursday.\n\n"
        "The finance minister welcomed the headline figure.\n\n"
        "But the PBO added the caveat that the range assumes the pipeline will be built on time."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "added", source="the PBO") == "Parliamentary Budget Officer"


def test_an_acronym_the_article_never_spells_out_stays_the_acronym(analyse):
    text = "Workers at the plant voted to join a union on Friday.\n\nThe UFCW said talks would start in January."
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="The UFCW") == "UFCW"


def test_the_company_is_the_one_named_in_full_first_and_by_its_first_word_after(analyse):
    text = (
        "Shoppers at Harbourview Stores were left frustrated on Friday, as the grocery chain closed all of its "
        "branches after a cyber attack.\n\n"
        "Customers were turned away as the Harbourview staff found the checkout system was not working, and "
        "Harbourview managers sent them home.\n\n"
        "The company posted on social media that sales could not go ahead at any of its stores."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "posted", source="The company") == "Harbourview Stores"
