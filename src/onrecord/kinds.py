"""Attribution kinds as the filters of every interface read them: ``"speech,writing"`` to canonical tuples.

Shared ground (imports no stage): the CLI uses it without loading the store, the store and the web app
through :mod:`onrecord.store.filters`.
"""
from __future__ import annotations

from collections.abc import Iterable

from .errors import UnknownKind
from .types import QUOTE_KINDS, AttributionKind

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
