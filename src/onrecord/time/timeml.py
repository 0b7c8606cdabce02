"""Time expressions out: TimeML with inline TIMEX3 tags (``onrecord timex --format timeml``).

TimeML (Pustejovsky et al.; TimeML 1.2.1) is what TempEval-3's scorer and other temporal tools read:
the document creation time in ``<DCT>``, the text in ``<TEXT>`` with each expression tagged in place.
"""
from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from ..types import TimeExpression


def to_timeml(doc_id: str, text: str, published: dt.date | None, expressions: list[TimeExpression]) -> str:
    """One TimeML document: the DCT (when known) and ``text`` with every expression as an inline ``<TIMEX3>``.

    Example:
        >>> from onrecord.types import Span
        >>> t = TimeExpression(Span.of("Rain on Monday.", 8, 14), "DATE", "2025-04-21")
        >>> print(to_timeml("a1", "Rain on Monday.", dt.date(2025, 4, 22), [t]).splitlines()[4])
        <TEXT>Rain on <TIMEX3 tid="t1" type="DATE" value="2025-04-21">Monday</TIMEX3>.</TEXT>
    """
    pieces, position = [], 0
    for n, t in enumerate(sorted(expressions, key=lambda t: t.span.start), start=1):
        if t.span.start < position:
            continue  # TimeML tags do not nest or overlap
        attrs = f'tid="t{n}" type={quoteattr(t.type)}'
        if t.value:
            attrs += f" value={quoteattr(t.value)}"
        if t.mod:
            attrs += f" mod={quoteattr(t.mod)}"
        if t.note:
            attrs += f" comment={quoteattr(t.note)}"
        pieces.append(escape(text[position : t.span.start]))
        pieces.append(f"<TIMEX3 {attrs}>{escape(text[t.span.start : t.span.end])}</TIMEX3>")
        position = t.span.end
    pieces.append(escape(text[position:]))
    dct = ""
    if published is not None:
        dct = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{published.isoformat()}" temporalFunction="false" '
               f'functionInDocument="CREATION_TIME">{published.isoformat()}</TIMEX3></DCT>')
    return "\n".join([
        '<?xml version="1.0" ?>',
        "<TimeML>",
        f"<DOCID>{escape(doc_id)}</DOCID>",
        dct,
        "<TEXT>" + "".join(pieces) + "</TEXT>",
        "</TimeML>",
        "",
    ])
