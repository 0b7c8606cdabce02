"""Speaker names that are no names (issue 16). A place used as a place is no speaker: "Cheorwon claimed
the coldest temperature", "Denver appears to be the first city …". A place stands for its government only when it makes a
statement: a speech or writing cue ("Russia said", "Moscow alleges") with a proposition or a quotation
for content. Otherwise the attribution keeps its spans and its speaker stays unresolved."""
from __future__ import annotations

from spacy.tokens import Doc

from ..types import QUOTE_KINDS, Attribution
from .lexicon import load_role_lexicon
from .name_gender import is_given_name

#: entity types of places; an organisation tag ("the Kremlin" as ORG) is left alone
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_QUOTE_MARKS = "\"“”‘’«»'"


def _tokens(doc: Doc, span):
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens if tokens is not None and len(tokens) else None


def _is_place(doc: Doc, attribution: Attribution) -> bool:
    tokens = _tokens(doc, attribution.source[0])
    if tokens is None:
        return False
    head = tokens.root
    if head.ent_type_ not in PLACE_LABELS:
        return tokens[0].i == head.i and _placed_in_a_place(head)
    ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    if ent is not None and (len(ent) > 1 and is_given_name(ent[0].text) or _surname_of_a_person(doc, ent)):
        return False  # "Joaquin Phoenix … Phoenix said", the surname tagged a place: a person, not a place
    # the place is the whole source ("Cheorwon in Gangwon Province"), not a modifier of a person noun
    return ent is not None and ent.label_ in PLACE_LABELS


def _placed_in_a_place(head) -> bool:
    """"Cheorwon in Gangwon Province" (Cheorwon tagged a nationality or nothing): one proper noun that the
    text places in a region or country is a town, not a people ("Republicans in the state" are plural) nor
    a body ("Council in Ontario")."""
    if head.tag_ not in ("NNP", "NN") or not head.is_title or head.ent_type_ not in ("", "NORP"):
        return False
    lex = load_role_lexicon()
    if head.lower_ in lex.orgs or head.lower_ in lex.roles or head.lower_ in lex.groups or head.lower_ in lex.honorifics:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC") for p in c.children)
               for c in head.children)


def _surname_of_a_person(doc: Doc, ent) -> bool:
    """Whether a one-word place is the last word of a person's name given earlier in the article."""
    return len(ent) == 1 and any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == ent.text and e.end <= ent.start for e in doc.ents)


def _is_proposition(doc: Doc, attribution: Attribution) -> bool:
    """A clause ("the talks had failed") or a quotation, not a thing ("the coldest temperature")."""
    for span in attribution.content:
        if span.text[:1] in _QUOTE_MARKS or span.text[-1:] in _QUOTE_MARKS:
            return True
        tokens = _tokens(doc, span)
        if tokens is not None and (tokens.root.pos_ in ("VERB", "AUX") or any(t.dep_ in ("ccomp", "xcomp", "csubj") for t in tokens)):
            return True
    return False


def place_as_place(doc: Doc, attribution: Attribution) -> bool:
    """Whether the attribution's source is a place that does not stand for a government here: the cue
    is not speech or writing, or what it reports is not a proposition."""
    if not attribution.source or not _is_place(doc, attribution):
        return False
    if attribution.cue_lemma in _AUTHORITY_CUES and not _placed_town(doc, attribution):
        return False  # "Poland also reported 25.9 new cases": the country's authorities, giving figures
    return attribution.kind not in QUOTE_KINDS or not _is_proposition(doc, attribution)


#: cues by which a country's or city's authorities give out information, whatever its form ("Poland
#: reported 25.9 new cases"); "claim", "record" and "see" also describe what happened in a place
_AUTHORITY_CUES = {"report", "announce", "confirm", "publish", "release"}


def _placed_town(doc: Doc, attribution: Attribution) -> bool:
    """"Cheorwon in Gangwon Province": a town the text places in a region is a place, not its authorities."""
    tokens = _tokens(doc, attribution.source[0])
    return tokens is not None and _placed_in_a_place(tokens.root)


def joint_name(members) -> str:
    """The name of people who speak together, from their names alone: "Walter Mondale in 1984, and
    Michael Dukakis" is "Walter Mondale and Michael Dukakis" (a time or a place between them is no name)."""
    names = [m.name for m in members]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
