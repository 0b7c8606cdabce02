"""Speaker labels in capitals, as interviews print them ("MARTA VELASQUEZ: I paint …"): the NER tags no
name there, so the label is matched, folded, against the people the article names in ordinary case."""
from __future__ import annotations

from spacy.tokens import Span as TokenSpan

from ..types import EntityKind
from .mentions import EntityBuilder, fold


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
