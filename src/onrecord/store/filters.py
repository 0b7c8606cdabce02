"""The one declaration of what ``quotes()`` and ``search()`` filter on, shared by the store, the web app and the CLI.

:class:`QuoteFilter` is written once here; ``Store.quotes``, ``StoreView.quotes`` and ``queries.quotes`` all take
it (or its fields as keywords), so a filter added here reaches every caller and none can drop one.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import UnknownKind
from ..types import QUOTE_KINDS, AttributionKind

#: every attribution kind, in the order of ``AttributionKind``
KINDS = tuple(k.value for k in AttributionKind)
#: what journalists call quotes: speech and writing (``--quotes-only``, the "quotes only" link)
QUOTES = tuple(k for k in KINDS if AttributionKind(k) in QUOTE_KINDS)


def parse_kinds(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """Attribution kinds from ``"speech,writing"`` or a list of them, in canonical order; ``None`` for no filter.

    Raises ``UnknownKind`` (E066) for a word that is no kind.

    Example:
        >>> parse_kinds("writing, speech")
        ('speech', 'writing')
        >>> parse_kinds(["thought"]), parse_kinds(""), parse_kinds(None)
        (('thought',), None, None)
    """
    if value is None:
        return None
    words = value.split(",") if isinstance(value, str) else [w for v in value for w in str(v).split(",")]
    wanted = {w.strip().lower() for w in words if w.strip()}
    if not wanted:
        return None
    unknown = sorted(wanted - set(KINDS))
    if unknown:
        raise UnknownKind(f"unknown attribution kind {', '.join(map(repr, unknown))}: use {', '.join(KINDS)}")
    return tuple(k for k in KINDS if k in wanted)


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
