"""What the article view needs beyond the article JSON: one colour per speaker, a legend, the claim summary.

Colours are assigned here (not in the browser) so the server-rendered list and the script-drawn highlights agree,
and so the page works as a plain list without JavaScript.
"""
from __future__ import annotations

from typing import Any

#: Number of speaker colours in ``static/onrecord.css`` (``.c0`` … ``.c11``); more speakers reuse them.
N_COLOURS = 12
NO_SPEAKER = "x"  # the grey class for attributions without a resolved speaker


def speaker_key(attribution: dict[str, Any]) -> str | None:
    speaker = attribution.get("speaker")
    return speaker["id"] if speaker else None


def assign_colours(attributions: list[dict[str, Any]]) -> list[str]:
    """A colour class per attribution, one per speaker in order of first appearance.

    Example:
        >>> assign_colours([{"speaker": {"id": "e1"}}, {"speaker": None}, {"speaker": {"id": "e2"}}, {"speaker": {"id": "e1"}}])
        ['c0', 'x', 'c1', 'c0']
    """
    order: dict[str, int] = {}
    out = []
    for attribution in attributions:
        key = speaker_key(attribution)
        if key is None:
            out.append(NO_SPEAKER)
            continue
        order.setdefault(key, len(order))
        out.append(f"c{order[key] % N_COLOURS}")
    return out


def speaker_legend(attributions: list[dict[str, Any]], colours: list[str]) -> list[dict[str, Any]]:
    """Speakers of an article with their colour and number of attributions, most quoted first."""
    legend: dict[str | None, dict[str, Any]] = {}
    for attribution, colour in zip(attributions, colours):
        key = speaker_key(attribution)
        speaker = attribution.get("speaker") or {"name": "unresolved speaker", "kind": "unresolved"}
        entry = legend.setdefault(
            key, {"id": key, "name": speaker["name"], "kind": speaker["kind"], "colour": colour, "count": 0, "first": len(legend)}
        )
        entry["count"] += 1
    return sorted(legend.values(), key=lambda e: (-e["count"], e["first"]))


def article_view(article: dict[str, Any], *, stored: bool = False) -> dict[str, Any]:
    """Template context for ``_article_view.html``; ``data`` is what ``static/spans.js`` reads.

    ``stored`` articles carry store-wide speaker ids, so their speakers link to ``/speakers/{id}``.
    """
    attributions = article.get("attributions") or []
    colours = assign_colours(attributions)
    return {
        "article": article,
        "colours": colours,
        "legend": speaker_legend(attributions, colours),
        "speaker_links": stored,
        "data": {"article": article, "colours": colours, "speaker_links": stored},
    }
