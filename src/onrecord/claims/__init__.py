"""Claims: what each attribution asserts and how (stance, certainty, verification, quantities, times).

:func:`attach_claims` is the pipeline stage (run by the ``onrecord_claims`` spaCy component after speaker
resolution); the pieces are importable on their own:

* :func:`~onrecord.time.find_time_expressions` (the time stage, below this one) — TIMEX3 values against the publication date;
* :func:`~onrecord.claims.stance.stance_of` and :func:`~onrecord.claims.certainty.certainty_of`;
* :func:`~onrecord.claims.verification.find_verification_notes` and ``link_verification``;
* :func:`~onrecord.claims.quantities.find_quantities`;
* :func:`~onrecord.claims.said_on.date_statements`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.tokens import Doc

from ..time import find_time_expressions, is_future
from ..types import Attribution, Claim, TimeExpression
from .certainty import certainty_of
from .quantities import find_quantities
from .said_on import date_statements
from .stance import stance_of
from .verification import find_verification_notes, link_verification

__all__ = ["attach_claims"]


def attach_claims(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """Fill ``claim`` and ``said_on`` of every attribution; set ``doc._.time_expressions`` and ``doc._.verification_notes``.

    Args:
        doc: the parsed article; ``doc._.published`` is its publication date or None.
        attributions: the article's attributions, speakers resolved.

    Returns:
        The same attributions, in the same order, with their claims.

    Example:
        >>> import onrecord
        >>> article = onrecord.analyze("The ministry said on Monday that three soldiers had been injured.", "2025-04-22")
        >>> a = article.attributions[0]
        >>> a.said_on, a.claim.stance, a.claim.quantities[0].value
        ('2025-04-21', 'states', 3.0)
    """
    published: dt.date | None = doc._.published
    times = find_time_expressions(doc, published)
    notes = find_verification_notes(doc)
    doc._.time_expressions = tuple(times)
    doc._.verification_notes = tuple(n.sentence for n in notes)
    if not attributions:
        return attributions
    attributions = list(attributions)
    verified = link_verification(doc, notes, attributions)
    speech = date_statements(doc, attributions, times, published)
    out = []
    for i, a in enumerate(attributions):
        reading = stance_of(doc, a)
        certainty, hedges = certainty_of(doc, a, reading)
        mentioned = tuple(t for t in times if any(s.start <= t.span.start and t.span.end <= s.end for s in a.content))
        flags = _flags(doc, mentioned, speech[i], published, is_future)
        claim = Claim(
            stance=reading.stance,
            certainty=certainty,
            negated=reading.negated,
            hedges=hedges,
            verification=verified.get(i),
            quantities=tuple(find_quantities(doc, a.content, tuple(times))),
            times=mentioned,
            flags=flags,
        )
        source = "text" if speech[i].day else "published" if published is not None else None
        out.append(dataclasses.replace(a, claim=claim, said_on=speech[i].day, said_on_source=source))
    return out


def _flags(doc: Doc, mentioned: tuple[TimeExpression, ...], speech, published: dt.date | None, is_future) -> tuple[str, ...]:
    """Inputs the claim's dates cannot be checked against, named rather than guessed around."""
    flags: list[str] = []
    if speech.flag:
        flags.append(speech.flag)
    if published is None and (any(t.value is None or "X" in (t.value or "") for t in mentioned) or speech.time is not None):
        flags.append("no-publication-date")
    if published is not None:
        for t in mentioned:
            day = _first_day(t.value)
            if day is not None and day > published:
                span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
                if span is not None and not is_future(span):
                    flags.append("date-after-publication")  # reported as past, dated after the article
                    break
    return tuple(dict.fromkeys(flags))


def _first_day(value: str | None) -> dt.date | None:
    if not value or len(value) < 10 or not value[:4].isdigit():
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
