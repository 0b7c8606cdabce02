"""Names the NER does not give as people, found from how the source shows them:

* speaker labels in capitals, as interviews print them ("MARTA VELASQUEZ: I paint …"): the label is
  matched, folded, against the people the article names in ordinary case;
* a name in apposition to a description ("The senator's former wife, Margot, had claimed …",
  "Another, Brightline, announced …"): the name, not the description, is the speaker."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from ..types import EntityKind, Mention, Span
from .mentions import EntityBuilder, fold
from .name_gender import gender_of_first_name, is_given_name

#: heads of a source that only point to the name after them ("Another, Brightline, …")
_POINTERS = {"another", "one", "other"}


def person_of_capitals_label(tokens: TokenSpan, people: list[EntityBuilder]) -> EntityBuilder | None:
    """The one person of the article whose name is the label's words ("MARTA VELASQUEZ" → Marta
    Velasquez), or, for a one-word label, whose surname it is; None when the label is not all capitals,
    longer than four words, or fits nobody or more than one person ("THE REVIEW:", a publication)."""
    words = [fold(t.text) for t in tokens if t.is_alpha]
    if not words or len(words) > 4 or len(words) != len(tokens) or not all(t.text.isupper() for t in tokens):
        return None
    persons = [p for p in people if p.kind is EntityKind.PERSON]
    if len(words) == 1:
        found = [p for p in persons if len(p.name.split()) > 1 and words[0] in p.surnames()]
    else:
        found = [p for p in persons if any([fold(w) for w in n.split()] == words for n in p.names)]
    return found[0] if len(found) == 1 else None


def appositive_name(tokens: TokenSpan, roles) -> tuple[Token, EntityKind] | None:
    """The one-word name in apposition to the source's head, and what it names: a given name after a
    person noun of ``roles`` ("the senator's former wife, Margot": a person), an organisation's name
    after a pointer ("Another, Brightline": an organisation); None otherwise."""
    head = tokens.root
    pointer = head.lower_ in _POINTERS
    # "Another, Pelco, announced": the parser hangs the name as an apposition or an adverbial noun
    names = [c for c in head.children if (c.dep_ == "appos" or pointer and c.dep_ == "npadvmod") and c.pos_ == "PROPN" and c.text[:1].isupper() and not c.text.isupper()
             and tokens.start <= c.i < tokens.end and [t.i for t in c.subtree if not t.is_punct] == [c.i]]
    if len(names) != 1:
        return None
    name = names[0]
    if pointer and name.ent_type_ != "PERSON":  # one of the companies just named, whatever the NER made of it
        return name, EntityKind.PERSON if is_given_name(name.text) and name.ent_type_ != "ORG" else EntityKind.ORGANISATION
    if (head.lemma_.lower() in roles or head.lower_ in roles) and head.pos_ == "NOUN" and is_given_name(name.text) and name.ent_type_ != "PERSON":
        return name, EntityKind.PERSON
    return None


def person_of_given_name(name: Token, people: list[EntityBuilder]) -> EntityBuilder:
    """The person the article names with the given name ``name``, or a new one: "Margot"."""
    word = fold(name.text)
    known = [p for p in people if p.kind is EntityKind.PERSON and (word in p.first_names() or [fold(n) for n in p.names] == [word])]
    if len(known) == 1:
        return known[0]
    builder = EntityBuilder(EntityKind.PERSON, names=[name.text], gender=gender_of_first_name(name.text))
    people.append(builder)
    return builder


def speaker_of_label(tokens: TokenSpan, span: Span, people: list[EntityBuilder], roles, organisation: Callable[[str], EntityBuilder]) -> EntityBuilder | None:
    """The speaker a capitals label or an apposed name shows (module docstring), with ``span`` as its
    mention; ``organisation`` makes the organisation of a name; None when the source shows neither."""
    found = person_of_capitals_label(tokens, people)
    apposed = None if found is not None else appositive_name(tokens, roles)
    if apposed is not None:
        found = person_of_given_name(apposed[0], people) if apposed[1] is EntityKind.PERSON else organisation(apposed[0].text)
    if found is not None and all(m.span != span for m in found.mentions):
        found.mentions.append(Mention(span, "name"))
    return found
