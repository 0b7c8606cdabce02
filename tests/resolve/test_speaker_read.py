"""Speaker errors found reading real news whole (issue 16, the journalist read), on hand-written
articles: each test failed before its fix."""
from __future__ import annotations

from tests.resolve.speaker_lookup import speaker_of


def test_a_surname_that_is_also_a_role_word_is_still_a_name(analyse):
    text = (
        "The plans were kept so secret that Wayne King, the deputy chief of staff who has been eyeing the seat, "
        "did not learn about the retirement until shortly before the announcement. "
        "He recalled he was asked to break the news to the staff on Wednesday.\n\n"
        "“The first I heard anything about it was late Tuesday evening,” said King, who resigned on Friday."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "recalled") == "Wayne King"
    assert speaker_of(attributions, "said") == "Wayne King"


def test_a_bare_surname_is_the_bearer_it_already_stood_for_not_the_relative_named_last(analyse):
    text = (
        "Rep. Tom Haddon's retirement has angered some Republicans in the county.\n\n"
        "Later that day, Carla Pruitt, a real estate agent who is friendly with Linda Haddon, the congressman's wife, "
        "launched her campaign. Linda Haddon recently founded a political action committee.\n\n"
        "In announcing his retirement, Haddon said he never planned to stay in Congress long-term."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Tom Haddon"


def test_who_is_the_people_counted_or_placed_not_the_count_or_the_place(analyse):
    text = (
        "Health secretary Alan Marsh was forced onto the defensive by a string of Tory MPs who said the offences "
        "were proof that ministers should consult Parliament.\n\n"
        "The retirement has roiled some Republicans in the state who suspect he timed his announcement to help a friend."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Tory MPs"
    assert speaker_of(attributions, "suspect") == "Republicans"


def test_who_after_a_constituency_is_the_member_not_the_place(analyse):
    text = (
        "Lina Okafor, the Labour MP for Newcastle Central, who is urging ministers to act, "
        "said it showed that precarious employment was not just an issue for gig workers."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "is urging") == "Lina Okafor"


def test_a_role_noun_of_one_gender_is_not_the_man_who_spoke_last(analyse):
    text = (
        "Prince Harry and his wife Meghan gave a two-hour television interview on Sunday.\n\n"
        "“I guess I was ashamed of admitting it to them,” Harry said.\n\n"
        "The duchess also revealed that she reached out to a friend of his mother for help."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "revealed") == "Meghan"


def test_a_given_name_and_surname_the_ner_split_into_a_place_and_a_date_are_a_person(analyse):
    text = (
        "Asked about discrepancies in her autobiography, Lady Sings the Blues, which was credited to her and the "
        "writer William Dufty, Billie Holliday replied, “Shit, man, I ain’t never read that book.”"
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "replied") == "Billie Holliday"
