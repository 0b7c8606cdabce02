"""Speaker resolution inside one article, on hand-written articles."""
from __future__ import annotations

from onrecord.types import EntityKind
from tests.resolve.speaker_lookup import speaker_of


def entity(entities, name: str):
    found = [e for e in entities if e.name == name]
    assert found, f"{name!r} not among {[e.name for e in entities]}"
    return found[0]


def test_surname_and_titled_mentions_resolve_to_the_longest_name(analyse):
    text = (
        "Chancellor Greta Holm announced a new budget on Tuesday.\n"
        "Holm said that spending on schools would double.\n"
        "Chancellor Holm warned that taxes could rise."
    )
    entities, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Greta Holm"
    assert speaker_of(attributions, "warned") == "Greta Holm"
    holm = entity(entities, "Greta Holm")
    assert holm.kind is EntityKind.PERSON
    assert "Holm" in holm.aliases
    assert "Chancellor" in holm.titles


def test_titles_and_roles_from_premodifiers_and_appositions(analyse):
    text = (
        "Harbour authority spokesperson Lars Eklund said the port would stay closed.\n"
        "The council's leader, Mira Castell, said that repairs would start soon."
    )
    entities, _ = analyse(text)
    assert "Harbour authority spokesperson" in entity(entities, "Lars Eklund").titles
    assert any("leader" in t for t in entity(entities, "Mira Castell").titles)


def test_pronoun_after_a_paragraph_about_another_person_resolves_to_the_right_one(analyse):
    text = (
        "Prime Minister Viktor Halden said on Monday that the ceasefire was holding.\n"
        "President Arturo Mendez has not commented on Halden's remarks. In his evening address, "
        "Mendez underlined that civilians must be protected. “We need guarantees, not promises,” he said."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "underlined") == "Arturo Mendez"
    assert speaker_of(attributions, "said", source="he") == "Arturo Mendez"
    assert speaker_of(attributions, "said", source="Prime Minister Viktor Halden") == "Viktor Halden"


def test_pronoun_gender_separates_two_people(analyse):
    text = (
        "Senator Maria Delgado met Governor Tom Reyes on Friday. Reyes called the meeting useful.\n"
        "“We agreed on nothing, but we listened,” she said."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "said") == "Maria Delgado"


def test_role_nominal_resolves_by_nationality(analyse):
    text = (
        "Velmoran President Ilse Brandt met her Ostravan counterpart, Pavel Dremov, in Geneva.\n"
        "The Ostravan leader insisted that the border must reopen."
    )
    entities, attributions = analyse(text)
    assert entity(entities, "Pavel Dremov").nationality == "Ostravan"
    assert speaker_of(attributions, "insisted") == "Pavel Dremov"


def test_role_nominal_resolves_by_title(analyse):
    text = (
        "Northgate spokesperson Jonas Berg declined to give figures on Monday.\n"
        "Later the spokesperson confirmed that 40 jobs would go."
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "confirmed") == "Jonas Berg"


def test_places_and_institutions_as_speakers_are_organisations(analyse):
    text = "Moscow alleged that the drones had been launched from the south. The Kremlin said talks were possible."
    entities, attributions = analyse(text)
    alleged = next(a for a in attributions if a.cue_lemma == "allege")
    assert alleged.speaker.name == "Moscow"
    assert alleged.speaker.kind is EntityKind.ORGANISATION
    said = next(a for a in attributions if a.cue_lemma == "say")
    assert said.speaker.kind is EntityKind.ORGANISATION
    assert "Kremlin" in said.speaker.name


def test_plural_nominals_are_groups(analyse):
    _, attributions = analyse("Analysts say the currency may fall further. Both sides accused each other of delays.")
    kinds = {a.cue_lemma: a.speaker.kind for a in attributions}
    assert kinds["say"] is EntityKind.GROUP
    assert kinds["accuse"] is EntityKind.GROUP


def test_possessor_is_not_the_speaker(analyse):
    _, attributions = analyse("Martin Feld's lawyer, Samuel Achebe, said his client would plead not guilty.")
    assert speaker_of(attributions, "said") == "Samuel Achebe"


def test_mentions_point_back_to_exact_offsets(analyse):
    text = "Judge Helen Marsh opened the hearing. Marsh warned that she would not tolerate delays."
    entities, _ = analyse(text)
    marsh = entity(entities, "Helen Marsh")
    assert marsh.mentions
    for m in marsh.mentions:
        assert text[m.span.start : m.span.end] == m.span.text


def test_a_preposition_and_a_population_group_are_no_person_name(analyse):
    # the small NER model reads the sentence-initial "Among Latinos" as a person; as one, it
    # would be the nearest antecedent of "she"
    text = (
        "Governor Elena Marsh gained ground in the latest survey of the state, which was released on Sunday.\n\n"
        "Among men, she is at minus four. Among women, she is at plus eleven. Among Latinos, her lead is "
        "just two points, down from nine in March.\n\n"
        "In a radio interview, she said that the numbers would improve by the autumn."
    )
    entities, attributions = analyse(text)
    assert speaker_of(attributions, "said", source="she") == "Elena Marsh"
    assert [e.name for e in entities if e.kind is EntityKind.PERSON] == ["Elena Marsh"]


def test_a_pronoun_in_a_paragraph_about_a_named_subject_is_that_person_not_the_last_speaker(analyse):
    text = (
        "Onyeka talked about how she saved Colton on the first night. Catherine, the target of the line, "
        "retorted, “I’m a good swimmer” and then dropped the mic.\n\n"
        "Demi figured this stunt was so adorable that it would guarantee her the rose, so on spying the flower "
        "when she returned from talking with Colton she picked it up and crowed, “Oh, it’s my rose.”"
    )
    _, attributions = analyse(text)
    assert speaker_of(attributions, "crowed") == "Demi"
    assert speaker_of(attributions, "retorted") == "Catherine"
