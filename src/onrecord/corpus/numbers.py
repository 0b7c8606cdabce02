"""Numbers two statements give, compared: the range a qualified quantity allows ("nearly 3,000" is 2,550–3,000)."""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from .overlap import normalise_word

_LOWER_BOUND = frozenset({"more than", "at least", "over", "well over", "just over", "no fewer than", "no less than", "in excess of", "upwards of"})
_UPPER_BOUND = frozenset({"less than", "fewer than", "at most", "up to", "as many as", "under", "no more than", "barely"})
_BELOW = frozenset({"nearly", "almost", "just under", "close to"})
_APPROX = frozenset({"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"})
#: units that measure rather than name what is counted: two such numbers are compared only when they hang on
#: the same word (``what``), since "4.9 percent" unemployment and "6.5 percent" growth do not disagree
MEASURE_UNITS = frozenset({
    "percent", "%", "point", "time", "usd", "gbp", "eur", "jpy", "inr", "rub", "uah", "dollar",
    "second", "minute", "hour", "day", "week", "month", "year", "decade",
})
#: ``what`` words too light to say what a number is about
_LIGHT_WHAT = frozenset({"be", "is", "was", "are", "were", "been", "being", "have", "has", "had", "get", "got", "do", "did", "make", "made"})
#: relative tolerance of a bare number (reports round) and of an approximate one
EXACT_TOLERANCE = 0.05
APPROX_TOLERANCE = 0.15


def quantity_range(quantity: Mapping[str, Any]) -> tuple[float, float] | None:
    """The values a quantity allows, given its qualifier and range (None without a value).

    Example:
        >>> quantity_range({"value": 3000.0, "qualifier": "nearly"})
        (2550.0, 3000.0)
        >>> quantity_range({"value": 500.0})
        (475.0, 525.0)
    """
    value = quantity.get("value")
    if value is None:
        return None
    upper = quantity.get("upper")
    qualifier = (quantity.get("qualifier") or "").lower()
    if upper is not None:
        return float(min(value, upper)), float(max(value, upper))
    if qualifier in _LOWER_BOUND:
        return float(value), math.inf
    if qualifier in _UPPER_BOUND:
        return 0.0, float(value)
    if qualifier in _BELOW:
        return round(value * (1 - APPROX_TOLERANCE), 6), float(value)
    tolerance = APPROX_TOLERANCE if qualifier in _APPROX else EXACT_TOLERANCE
    return round(value * (1 - tolerance), 6), round(value * (1 + tolerance), 6)


def _unit(quantity: Mapping[str, Any]) -> str | None:
    unit = quantity.get("unit")
    return normalise_word(unit) if unit else None


def _what(quantity: Mapping[str, Any]) -> str | None:
    what = (quantity.get("what") or "").lower()
    return None if not what or what in _LIGHT_WHAT else normalise_word(what)


def comparable(x: Mapping[str, Any], y: Mapping[str, Any]) -> bool:
    """Whether two quantities count the same kind of thing: the same unit, and the same ``what`` when both
    name one (always, for a measure unit such as percent, dollars or years).

    Example:
        >>> comparable({"unit": "percent", "what": "unemployment"}, {"unit": "percent", "what": "growth"})
        False
        >>> comparable({"unit": "emails", "what": None}, {"unit": "email", "what": "sent"})
        True
    """
    unit = _unit(x)
    if unit is None or unit != _unit(y):
        return False
    wx, wy = _what(x), _what(y)
    if unit in MEASURE_UNITS:
        return wx is not None and wx == wy
    return wx is None or wy is None or wx == wy


def compare_quantities(a: Sequence[Mapping[str, Any]], b: Sequence[Mapping[str, Any]]) -> tuple[list[str], list[str]]:
    """Units on which two statements' numbers agree, and on which they disagree (as readable reasons).

    A unit disagrees when every :func:`comparable` pair of its quantities lies outside the other's range.

    Example:
        >>> compare_quantities([{"text": "nearly 3,000", "value": 3000.0, "qualifier": "nearly", "unit": "tonnes"}],
        ...                    [{"text": "500", "value": 500.0, "unit": "tonnes"}])
        ([], ['numbers disagree: “nearly 3,000” vs “500” (tonne)'])
    """
    agree, disagree = [], []
    units = {_unit(q) for q in a} & {_unit(q) for q in b} - {None}
    for unit in sorted(units):
        pairs = [(x, y) for x in a for y in b if _unit(x) == unit and comparable(x, y)]
        ranged = [(x, y, quantity_range(x), quantity_range(y)) for x, y in pairs]
        ranged = [r for r in ranged if r[2] is not None and r[3] is not None]
        if not ranged:
            continue
        matching = [(x, y) for x, y, rx, ry in ranged if rx[0] <= ry[1] and ry[0] <= rx[1]]
        if matching:
            x, y = matching[0]
            agree.append(f"numbers agree: “{x.get('text', x['value'])}” and “{y.get('text', y['value'])}” ({unit})")
        else:
            x, y = ranged[0][0], ranged[0][1]
            disagree.append(f"numbers disagree: “{x.get('text', x['value'])}” vs “{y.get('text', y['value'])}” ({unit})")
    return agree, disagree
