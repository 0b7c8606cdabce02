"""The comparison rules of ``onrecord.corpus`` on invented statements: polarity, numbers, speakers, overlap."""
from __future__ import annotations

import math

from onrecord.corpus.numbers import compare_quantities, quantity_range
from onrecord.corpus.overlap import content_words
from onrecord.corpus.relations import Statement, classify, polarity

ALLEGATION = "the Corvin bridge contractor skipped the safety inspections of the east span"


def statement(content: str = ALLEGATION, speaker: str | None = "ada-quist", stance: str | None = "alleges", **kw) -> Statement:
    return Statement.of(content, speaker, speaker.replace("-", " ").title() if speaker else None, stance, **kw)


def test_polarity_of_stances():
    assert [polarity(s) for s in ("states", "claims", "accuses", "confirms", "warns")] == [1] * 5
    assert polarity("denies") == -1
    assert polarity("questions", negated=True) == -1  # "does not believe"
    assert polarity("questions") is None  # "asked whether": no claim either way
    assert polarity("suggests", negated=True) is None  # "did not rule out"
    assert polarity("none", negated=True) is None and polarity(None) is None


def test_quantity_ranges_follow_their_qualifiers():
    assert quantity_range({"value": 40.0, "qualifier": "at least"}) == (40.0, math.inf)
    assert quantity_range({"value": 40.0, "qualifier": "up to"}) == (0.0, 40.0)
    assert quantity_range({"value": 20.0, "upper": 30.0}) == (20.0, 30.0)
    assert quantity_range({"value": 100.0, "qualifier": "about"}) == (85.0, 115.0)
    assert quantity_range({"value": None}) is None


def test_numbers_agree_within_their_qualifiers_and_only_on_one_unit():
    about = [{"text": "about 1,200", "value": 1200.0, "qualifier": "about", "unit": "workers"}]
    agree, disagree = compare_quantities(about, [{"text": "1,150", "value": 1150.0, "unit": "worker"}])
    assert agree and not disagree
    agree, disagree = compare_quantities(about, [{"text": "300", "value": 300.0, "unit": "trucks"}])
    assert agree == disagree == []  # different units are not compared
    _, disagree = compare_quantities(about, [{"text": "more than 5,000", "value": 5000.0, "qualifier": "more than", "unit": "workers"}])
    assert disagree


def test_a_denial_by_another_speaker_contradicts():
    denial = statement("the Corvin bridge contractor never skipped safety inspections of the east span", "ivo-renn", "denies")
    relation = classify(statement(), denial)
    assert relation.relation == "contradicts"
    assert "inspection" in relation.shared_words and relation.score > 0.7


def test_the_same_claim_by_another_speaker_corroborates_and_by_the_same_speaker_is_related():
    echo = "inspectors found the Corvin bridge contractor skipped safety inspections of the east span"
    assert classify(statement(), statement(echo, "lena-ostrow", "confirms")).relation == "corroborates"
    again = classify(statement(), statement(echo, "ada-quist", "reiterates"))
    assert again.relation == "related" and "same speaker" in again.reasons
    unknown = classify(statement(), statement(echo, None, "states"))
    assert unknown.relation == "related"  # an unresolved speaker may be the same person


def test_shared_names_alone_do_not_make_a_claim():
    names = statement("Corvin Bridge Authority director Ada Quist met the Velmora council", "tom-aske", "states")
    other = statement("Corvin Bridge Authority director Ada Quist will retire in Velmora", "uma-berg", "denies")
    relation = classify(names, other)
    assert relation is None or relation.relation == "related"


def test_unrelated_statements_are_dropped():
    assert classify(statement(), statement("tram fares in the old town will rise next month", "ivo-renn", "states")) is None


def test_content_words_drop_stop_words_and_weigh_names_and_numbers():
    words = content_words("He said that the Corvin contractors had 12 cranes")
    assert words == {"corvin": 2.0, "contractor": 1.0, "12": 2.0, "crane": 1.0}


def test_a_negative_content_said_plainly_contradicts_the_positive_one():
    """Negation inside the content is a denial too: "Velmora will not pay …, she said" against "Velmora will pay …"."""
    pays = statement("Velmora will pay for the new border fence along the river", "ada-quist", "states")
    refuses = statement("Velmora will not pay for the new border fence along the river", "ivo-marsh", "states")
    relation = classify(pays, refuses)
    assert relation.relation == "contradicts"
    assert any("negative content" in reason for reason in relation.reasons)
    # both negative: they agree, and two independent speakers corroborate
    also_refuses = statement("Velmora would never pay for the new border fence along the river", "lena-brook", "states")
    assert classify(refuses, also_refuses).relation == "corroborates"
    # "not only … but" is not a negation
    not_only = statement("Velmora will not only pay for the new border fence along the river but also staff it", "lena-brook", "states")
    assert classify(pays, not_only).relation != "contradicts"
