"""onrecord: who said what, when, and how sure we are, from news articles.

Example:
    >>> import onrecord
    >>> article = onrecord.analyze("“Rates will fall,” said Mira Holt, the bank's chief economist.")
    >>> [(a.speaker.name, a.content_text) for a in article.attributions]
    [('Mira Holt', '“Rates will fall,”')]
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError as _NotInstalled
from importlib.metadata import version as _version

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

try:  # one version: the installed package's metadata (pyproject.toml's), as `onrecord --version` prints it
    __version__ = _version("onrecord")
except _NotInstalled:  # a source tree on sys.path that was never installed
    __version__ = "0+unknown"

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
