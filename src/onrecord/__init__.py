"""onrecord: who said what, when, and how sure we are, from news articles.

Example:
    >>> import onrecord
    >>> article = onrecord.analyze("“Rates will fall,” said Mira Holt, the bank's chief economist.")
    >>> [(a.speaker.name, a.content_text) for a in article.attributions]
    [('Mira Holt', '“Rates will fall,”')]
"""
from __future__ import annotations

from .pipeline import analyze
from .types import (
    Article,
    Attribution,
    AttributionKind,
    AttributionType,
    Claim,
    Entity,
    EntityKind,
    QUOTE_KINDS,
    Quantity,
    RawArticle,
    Skipped,
    Span,
    Speaker,
    TimeExpression,
    Verification,
)

__version__ = "0.1.0"

__all__ = [
    "analyze",
    "Article",
    "Attribution",
    "AttributionKind",
    "AttributionType",
    "Claim",
    "Entity",
    "EntityKind",
    "QUOTE_KINDS",
    "Quantity",
    "RawArticle",
    "Skipped",
    "Span",
    "Speaker",
    "TimeExpression",
    "Verification",
]
