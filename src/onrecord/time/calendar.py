"""TIMEX3 calendar values: weeks, quarters, decades, durations, and dates outside Python's calendar.

``datetime`` holds years 1 to 9999 only; TimeML writes years before 1 CE as ``BC0001`` … and has no
form for years past 9999. :func:`shifted_value` moves a date by some units and always returns a value:
a BC value, or an X value with a note — never an exception (issue 16: "200,000 years ago").
"""
from __future__ import annotations

import datetime as dt
import math

from dateutil.relativedelta import relativedelta


def fmt_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def fmt_unit(d: dt.date, unit: str) -> str:
    """The TIMEX3 value of the period of ``unit`` that contains ``d``."""
    return {
        "D": d.isoformat(), "W": fmt_week(d), "2W": fmt_week(d), "M": f"{d.year:04d}-{d.month:02d}", "Y": f"{d.year:04d}",
        "DE": f"{d.year:04d}"[:3], "CE": f"{d.year:04d}"[:2], "ML": f"{d.year:04d}"[:1], "Q": f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}",
        "H": f"{d.year:04d}-H{(d.month - 1) // 6 + 1}",
    }.get(unit, d.isoformat())


#: Years in one unit of each calendar unit (for dates the calendar cannot hold, only the year is kept).
_YEARS_PER_UNIT = {"Y": 1, "DE": 10, "CE": 100, "ML": 1000, "M": 1 / 12, "Q": 1 / 4, "H": 1 / 2, "W": 7 / 365.25, "2W": 14 / 365.25, "D": 1 / 365.25}
_RELATIVEDELTA = {"D": ("days", 1), "W": ("weeks", 1), "2W": ("weeks", 2), "M": ("months", 1), "Y": ("years", 1), "DE": ("years", 10),
                  "CE": ("years", 100), "ML": ("years", 1000), "Q": ("months", 3), "H": ("months", 6)}
#: The note on a value whose year lies outside TIMEX3's four-digit years (after 9999, or before 9999 BC).
OUT_OF_CALENDAR = "outside the years TIMEX3 can write (9999 BC to 9999 AD)"


class OutOfCalendar(ValueError):
    """A shifted date falls outside Python's calendar (year 1 to 9999); ``year`` is its astronomical year (0 = 1 BC)."""

    def __init__(self, year: int):
        super().__init__(f"year {year} is outside the calendar")
        self.year = year


def shift(d: dt.date, n: float, unit: str) -> dt.date:
    """``d`` moved by ``n`` units; raises :class:`OutOfCalendar` (never a bare ValueError) when that leaves years 1-9999."""
    n = int(n)
    name, factor = _RELATIVEDELTA.get(unit, ("days", 0))
    try:
        return d + relativedelta(**{name: factor * n})
    except (ValueError, OverflowError):
        raise OutOfCalendar(d.year + math.floor((d.timetuple().tm_yday - 1) / 365.25 + n * _YEARS_PER_UNIT.get(unit, 0))) from None


def x_value(unit: str) -> str:
    """The TIMEX3 value of an unknown period of ``unit``: XXXX-XX-XX, XXXX-WXX, XXXX-QX …"""
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "2W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "H": "XXXX-HX", "DE": "XXX", "CE": "XX",
            "ML": "X"}.get(unit, "XXXX")


def bc_value(year: int, unit: str) -> str | None:
    """TimeML's value for an astronomical ``year`` <= 0 (0 = 1 BC → BC0001) at the granularity of ``unit``; None past 9999 BC."""
    bc = 1 - year
    if bc > 9999:
        return None
    digits = {"DE": 3, "CE": 2, "ML": 1}.get(unit, 4)
    return "BC" + f"{bc:04d}"[:digits]


def shifted_value(d: dt.date, n: float, unit: str) -> tuple[str, str | None]:
    """(value, note) of the period ``n`` units from ``d``: BC years per TimeML, X-valued with a note past the calendar.

    Example:
        >>> shifted_value(dt.date(2024, 5, 1), -10_000, "Y")
        ('BC7977', None)
        >>> shifted_value(dt.date(9999, 12, 31), 1, "Y")
        ('XXXX', 'outside the years TIMEX3 can write (9999 BC to 9999 AD)')
    """
    try:
        return fmt_unit(shift(d, n, unit), unit), None
    except OutOfCalendar as out:
        bc = bc_value(out.year, unit) if out.year <= 0 else None
        if bc is not None:
            return bc, None if unit in ("Y", "DE", "CE", "ML") else "before year 1: the year only"
        return x_value(unit), OUT_OF_CALENDAR


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60), "DE": ("Y", 10), "CE": ("Y", 100)}


_IN_YEARS = {"DE": 10, "CE": 100, "ML": 1000}


def _two_units(whole: int, unit: str, rest: int, smaller: str) -> str:
    """``(1, "D", 12, "TH")`` → P1DT12H; ``(2, "Y", 6, "M")`` → P2Y6M; ``(5, "TH", 30, "TM")`` → PT5H30M."""
    first = f"{whole}{unit[-1]}"
    second = f"{rest}{smaller[-1]}"
    if unit.startswith("T"):
        return f"PT{first}{second}"
    return f"P{first}T{second}" if smaller.startswith("T") else f"P{first}{second}"


def fmt_duration(num: float | str | None, unit: str) -> str:
    """``(2, "Y")`` → P2Y; ``(30, "TH")`` → PT30H; ``(1.5, "Y")`` → P1Y6M; ``("X", "D")`` → PXD.

    A fraction is written as whole units and the next smaller one, as TimeBank does ("2 1/2 years" P2Y6M,
    "5 1/2 hours" PT5H30M, "a minute and a half" PT1M30S); weeks, which ISO 8601 does not combine, in days.
    """
    if unit == "2W":
        num, unit = (num * 2 if isinstance(num, float) else num), "W"
    if num is None:
        num = 1.0
    if unit in _IN_YEARS:  # TimeML writes decades and centuries in years: "a decade" P10Y, "two centuries" P200Y
        num, unit = (num * _IN_YEARS[unit] if isinstance(num, float) else num), "Y"
    if isinstance(num, float) and num != int(num) and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        rest = (num - int(num)) * factor
        if int(num) and unit != "W" and rest == int(rest):
            return _two_units(int(num), unit, int(rest), smaller)
        unit, num = smaller, num * factor
    n = num if isinstance(num, str) else (str(int(num)) if num == int(num) else f"{num:g}")
    if unit.startswith("T"):
        return f"PT{n}{unit[1]}"
    return f"P{n}{unit}"
