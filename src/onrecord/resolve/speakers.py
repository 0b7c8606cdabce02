from __future__ import annotations

from spacy.tokens import Doc

from ..types import Attribution, Entity


def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> tuple[tuple[Entity, ...], list[Attribution]]:
    return (), attributions
