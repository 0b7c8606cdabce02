"""Role mentions: the descriptions an article gives its people, on hand-written sentences (one test per shape)."""
from __future__ import annotations

import datetime as dt

import pytest

from onrecord import analyze
from onrecord.serialize import article_from_dict, article_to_dict, validate_article_dict


def roles_of(text: str, published: str | None = "2025-04-22") -> list[tuple[str, str, str, str | None, str | None, str | None]]:
    article = analyze(text, published, model=None)
    names = {e.id: e.name for e in article.entities}
    for r in article.roles:
        assert article.text[r.span.start : r.span.end] == r.span.text
    return [(names[r.entity_id], r.span.text, r.shape, r.office, r.org, r.qualifier) for r in article.roles]


def test_roles_premodifier_with_qualifier():
    found = roles_of("Former President Donald Trump said the tariffs would stay.")
    assert ("Donald Trump", "Former President", "premodifier", "president", None, "former") in found


def test_roles_premodifier_with_organisation():
    found = roles_of("Kremlin spokesperson Dmitry Peskov said talks were possible.")
    assert found == [("Dmitry Peskov", "Kremlin spokesperson", "premodifier", "spokesperson", "Kremlin", None)]


def test_roles_premodifier_multiword_office():
    found = roles_of("Acting Attorney General Sally Yates said the order was unlawful.")
    assert found == [("Sally Yates", "Acting Attorney General", "premodifier", "attorney general", None, "acting")]


def test_roles_apposition():
    found = roles_of("Dmitry Peskov, the Kremlin spokesperson, said talks were possible.")
    assert found == [("Dmitry Peskov", "Kremlin spokesperson", "apposition", "spokesperson", "Kremlin", None)]


def test_roles_apposition_candidacy_names_the_office():
    found = roles_of("Hillary Clinton, the Democratic presidential nominee, said the deal was fair.")
    assert found == [("Hillary Clinton", "Democratic presidential nominee", "apposition", "president", "Democratic", "candidate")]


def test_roles_predicate_relative_clause():
    found = roles_of("Dmitry Peskov, who is Putin's spokesman, said talks were possible.")
    assert found == [("Dmitry Peskov", "Putin's spokesman", "predicate", "spokesperson", "Putin", None)]


def test_roles_predicate_copula():
    found = roles_of("Ana Ruiz is the mayor of Springfield. “We will rebuild,” she said.")
    assert found == [("Ana Ruiz", "mayor of Springfield", "predicate", "mayor", "Springfield", None)]


def test_roles_predicate_seeking_the_nomination():
    found = roles_of("Former President Donald Trump, currently seeking the Republican nomination, has suggested he may act.")
    assert ("Donald Trump", "currently seeking the Republican nomination", "predicate", None, "Republican", "candidate") in found


def test_roles_nominal_resolved_to_the_person():
    found = roles_of("President Volodymyr Zelensky spoke on Monday. The Ukrainian leader said that talks must protect civilians.")
    assert ("Volodymyr Zelensky", "Ukrainian leader", "nominal", "leader", "Ukrainian", None) in found


def test_roles_courtesy_titles_and_plain_names_give_none():
    assert roles_of("Mr Tomas Vidal said the bridge would reopen. Vidal added that repairs were cheap.") == []


def test_roles_carry_the_publication_date_and_survive_json():
    article = analyze("Former President Donald Trump said the tariffs would stay.", "2025-04-22", model=None)
    assert {r.date for r in article.roles} == {dt.date(2025, 4, 22)}
    d = article_to_dict(article)
    validate_article_dict(d)
    assert article_from_dict(d).roles == article.roles


@pytest.mark.usefixtures("shared_dir")
def test_roles_of_the_seed_article_show_the_former_president(shared_dir):
    text = (shared_dir / "data" / "seed" / "article.txt").read_text("utf-8")
    article = analyze(text, "2025-04-22")
    trump = next(e.id for e in article.entities if e.name == "Donald Trump")
    mine = {(r.office, r.org, r.qualifier) for r in article.roles if r.entity_id == trump}
    assert ("president", None, "former") in mine
    assert (None, "Republican", "candidate") in mine


def test_roles_hyphenated_qualifier_before_the_title():
    found = roles_of("Then-Secretary of State Hillary Clinton said the plan was reckless.")
    assert found == [("Hillary Clinton", "Then-Secretary of State", "premodifier", "secretary of state", None, "then")]


def test_roles_org_leaves_out_the_office_adjective():
    found = roles_of("Republican Presidential candidate Donald Trump said the polls were wrong.")
    assert found == [("Donald Trump", "Republican Presidential candidate", "premodifier", "president", "Republican", "candidate")]


def test_roles_plural_descriptions_are_groups_not_roles():
    found = roles_of("Sen. Bernie Sanders, at least four Democrat senators and Gov. Ana Ruiz said the plan would fail.")
    assert [(name, text) for name, text, *_ in found] == [("Bernie Sanders", "Sen."), ("Ana Ruiz", "Gov.")]


def test_roles_candidacy_adjective_names_the_office_sought():
    found = roles_of("Republican presidential hopeful Sen. Ted Cruz said the deal was bad. Donald Trump, who is running for the presidential nomination, disagreed.")
    assert ("Ted Cruz", "Republican presidential hopeful Sen.", "premodifier", "president", "Republican", "candidate") in found


def test_roles_qualifier_of_another_word_is_not_the_offices():
    found = roles_of("Donald Trump was introduced by former rival New Jersey Gov. Chris Christie, who endorsed him.")
    assert [(name, office, qualifier) for name, _, _, office, _, qualifier in found] == [("Chris Christie", "governor", None)]


def test_roles_in_a_clause_about_another_time_are_left_out():
    assert roles_of("That will matter, especially once Obama is former president Obama.", "2016-08-19") == []
    found = roles_of("President Barack Obama said the deal was good.", "2016-08-19")
    assert [text for _, text, *_ in found] == ["President"]


def test_roles_of_a_hypothetical_person_are_left_out():
    # "a President Trump", "Trump would be president": what someone might become, not a description of now
    found = roles_of("Bush said a President Donald Trump would fail. He said Trump would be president for four years.", "2016-02-20")
    assert [(name, office) for name, _, _, office, *_ in found] == []
    found = roles_of("Bush said President Barack Obama was wrong. Ana Ruiz is the mayor of Springfield.", "2016-02-20")
    assert [(name, office) for name, _, _, office, *_ in found] == [("Barack Obama", "president"), ("Ana Ruiz", "mayor")]


def test_roles_elect_after_the_office_and_leadership_offices():
    found = roles_of("President-elect Donald Trump said he would act. Senate Majority Leader Mitch McConnell said the vote would wait.", "2016-11-20")
    assert [(name, office, org, qualifier) for name, _, _, office, org, qualifier in found] == [
        ("Donald Trump", "president", None, "elect"), ("Mitch McConnell", "majority leader", "Senate", None)]


def test_roles_premodifier_with_an_of_phrase_and_its_article():
    found = roles_of("Speaker of the House Paul Ryan said the bill would pass.", "2016-05-01")
    assert found == [("Paul Ryan", "Speaker of the House", "premodifier", "speaker", "House", None)]


def test_roles_former_reaches_over_the_offices_place_and_past_predicates_are_then():
    found = roles_of("Former Maryland Gov. Martin O'Malley said the debate was rigged.", "2015-11-20")
    assert [(name, office, org, qualifier) for name, _, _, office, org, qualifier in found] == [("Martin O'Malley", "governor", "Maryland", "former")]
    found = roles_of("The foundation held talks while Ana Ruiz was mayor of Springfield. Tom Berg, who was mayor of Shelbyville, agreed.", "2016-08-22")
    assert [(name, office, qualifier) for name, _, _, office, _, qualifier in found] == [("Tom Berg", "mayor", "then")]


def test_roles_retired_and_late_are_former():
    found = roles_of("Retired Gen. Ana Ruiz said the plan was wrong. The late Senator Tom Berg had said so too.", "2016-03-01")
    assert [(name, office, qualifier) for name, _, _, office, _, qualifier in found] == [("Ana Ruiz", "general", "former"), ("Tom Berg", "senator", "former")]


def test_roles_a_candidacy_that_failed_is_no_candidacy():
    # "the unsuccessful Democratic contender": a race lost, no candidacy now (it stored as one before)
    found = roles_of("Sen. Tom Berg, the unsuccessful Democratic contender, said the party had to change.", "2016-09-07")
    assert [(name, qualifier) for name, _, _, _, _, qualifier in found] == [("Tom Berg", None)]
    found = roles_of("Ana Ruiz, the Democratic contender, said the party had to change.", "2016-03-07")
    assert [(name, qualifier) for name, _, _, _, _, qualifier in found] == [("Ana Ruiz", "candidate")]
