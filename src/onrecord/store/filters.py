"""The one declaration of what ``quotes()`` and ``search()`` filter on, shared by the store, the web app and the CLI.

:class:`QuoteFilter` is written once here; ``Store.quotes``, ``Store.search`` and ``queries.quotes`` all take
it (or its fields as keywords), so a filter added here reaches every caller and none can drop one.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from ..kinds import KINDS, QUOTES, parse_kinds

@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Which attributions a listing keeps: every field given must match (``None`` means any).

    Example:
        >>> QuoteFilter.of(speaker="Ana Ruiz", kind="speech,writing")
        QuoteFilter(speaker='Ana Ruiz', speaker_id=None, since=None, until=None, stance=None, verification=None, q=None, kind=('speech', 'writing'))
    """

    speaker: str | None = None  # a name, alias or entity id
    speaker_id: str | None = None  # an entity id only
    since: dt.date | None = None  # statement day on or after
    until: dt.date | None = None  # statement day on or before
    stance: str | None = None  # claim stance: states, denies, warns …
    verification: str | None = None  # unverified / verified / disputed
    q: str | None = None  # full-text query over the contents
    kind: tuple[str, ...] | None = None  # attribution kinds (speech, writing, thought, evidence, intention, act)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", parse_kinds(self.kind))

    @classmethod
    def of(cls, where: "QuoteFilter | None" = None, **filters) -> "QuoteFilter":
        """A filter from keywords (``kind`` may be ``"speech,writing"``), or ``where`` with some fields replaced."""
        base = where if where is not None else cls()
        return dataclasses.replace(base, **filters) if filters else base

    def fields(self) -> dict:
        """The filters that are set, by name (for query strings and messages)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if getattr(self, f.name) is not None}
