from __future__ import annotations

from spacy.tokens import Doc

from ..types import Attribution


def extract_rule_attributions(doc: Doc) -> list[Attribution]:
    return []
