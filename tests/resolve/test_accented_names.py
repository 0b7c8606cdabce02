"""One person spelt with and without an accent in one story is one speaker. Hand-written articles; each failed
before names were matched with accents folded (a real page named "Mrs. Joan Honoré-Paul" and, two paragraphs
on, "Mrs. Joan Honore-Paul": two entities, the second holding the statement)."""
from __future__ import annotations

from tests.resolve.speaker_lookup import speaker_of


def test_a_full_name_spelt_without_its_accent_is_the_same_person(analyse):
    text = (
        "The case was reviewed by Deputy Director of Public Prosecutions Mrs. Joan Honoré-Paul on Tuesday.\n\n"
        "The file was then sent back to Mrs. Joan Honore-Paul, who advised that the man should be charged."
    )
    entities, attributions = analyse(text)
    people = [e for e in entities if "Paul" in e.name]
    assert len(people) == 1
    assert speaker_of(attributions, "advised") == people[0].name


def test_a_surname_spelt_without_its_accent_is_the_person_named_with_it(analyse):
    text = (
        "Economy Minister José Pérez presented the budget on Monday.\n\n"
        "“We will not raise taxes this year,” Perez said."
    )
    entities, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "José Pérez"
    assert [e.name for e in entities if e.name.endswith(("Perez", "Pérez"))] == ["José Pérez"]
