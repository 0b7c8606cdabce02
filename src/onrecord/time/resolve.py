"""From the :class:`~onrecord.time.values.Parts` of a time expression to its TIMEX3 type and value.

``dct`` is the document creation time (the publication date), ``future`` whether the clause is in
the future (so "on Thursday" means the coming Thursday), ``anchor`` the last day-level date the text
mentioned before (for "the next day"). Without a publication date, relative expressions keep X
placeholders or no value, and a note says why: they are never guessed from today's date.
"""
from __future__ import annotations

import datetime as dt

from .anaphora import STORY_DAYS
from .calendar import OUT_OF_CALENDAR, OutOfCalendar, bc_value, fmt_duration, fmt_unit, fmt_week, shift, shifted_value
from .lexicon import timex_lexicon
from .values import Parts, Value, parse_calendar

NO_DCT = "no publication date to resolve it against"
NO_ANCHOR = "relative to an event the text does not date"
_MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


#: The next smaller unit and how many of it make one, for a fraction of a unit back or ahead.
_PART_UNITS = {"ML": ("CE", 10), "CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "H": ("M", 6), "Q": ("M", 3), "M": ("D", 30), "W": ("D", 7)}


def resolve(p: Parts, label: str, dct: dt.date | None, future: bool, anchor, text: str, after_in: bool) -> Value:
    """The TIMEX3 reading of one expression (see module docstring for the arguments)."""
    if label == "SET" or p.every or p.setword or p.freq:
        return _set(p)
    if p.ref or (label == "REF" and p.ago == "ago"):
        return Value("DATE", p.ref or "PAST_REF")
    last_period = p.the and p.rel in ("past", "last", "previous") and p.num is None and not p.plural and p.unit
    # "in three months" is the date three months ahead; "in the next three months" the stretch up to it (TBAQ: DURATION P3M)
    in_n_units = after_in and future and isinstance(p.num, float) and not p.qual and p.rel not in ("past", "last", "previous") and not p.the_rel
    if label == "DURATION" and not in_n_units and not last_period:
        if p.unit is None:
            return Value("DURATION", None, note="no unit")
        if p.rel in ("recent", "coming") and not isinstance(p.num, float):  # "the coming months" (not "the coming three months")
            return Value("DURATION", fmt_duration("X", p.unit))
        return Value("DURATION", fmt_duration(p.num if p.num is not None else ("X" if p.plural else 1.0), p.unit), p.qual)
    if p.clock is not None:
        return _clock(p, label, dct, future, anchor, text)
    if p.ago in ("earlier", "later") or (p.the_rel and p.rel in ("next", "following", "previous")) or p.that:
        return _narrative(p, anchor)
    if p.ago in ("ago", "hence", "from now") or (label == "DURATION" and in_n_units):
        if dct is None:
            return Value("DATE", None, note=NO_DCT)
        if p.num == "X":  # "several years ago", "a few weeks from now": no number to count back
            return Value("DATE", "PAST_REF" if p.ago == "ago" else "FUTURE_REF")
        n = p.num if isinstance(p.num, float) else 1.0
        unit = p.unit or "D"
        if unit.startswith("T"):
            return Value("DATE", dct.isoformat(), note="hours or minutes from publication; time of day unknown")
        if n != int(n) and unit in _PART_UNITS:  # "half a century ago": 50 years back (a shift counts whole units only)
            unit, n = _PART_UNITS[unit][0], round(n * _PART_UNITS[unit][1])
        sign = -1 if p.ago == "ago" else 1
        value, note = shifted_value(dct, sign * n, unit)
        return Value("DATE", value, p.qual, note)
    return _calendar(p, dct, future, anchor, text)


def _set(p: Parts) -> Value:
    if p.weekday:
        return Value("SET", f"XXXX-WXX-{p.weekday}" + (f"T{p.pod}" if p.pod else ""))  # "Tuesday nights" XXXX-WXX-2TNI
    if p.pod:
        return Value("SET", f"XXXX-XX-XXT{p.pod}")
    if p.season:
        return Value("SET", f"XXXX-{p.season}")
    if p.weekend:
        return Value("SET", "XXXX-WXX-WE")
    if p.month:  # "each July"
        return Value("SET", f"XXXX-{p.month:02d}")
    if p.setword:
        return Value("SET", timex_lexicon()["sets"][p.setword])
    n = p.num if isinstance(p.num, float) else 1.0
    if p.other:
        n = 2.0
    note = f"{p.freq} times" if p.freq and p.freq > 1 else None
    return Value("SET", fmt_duration(n, p.unit or "D"), note=note)


def _clock(p: Parts, label: str, dct, future, anchor, text) -> Value:
    hour, minute = p.clock
    day = None
    if p.weekday or p.dayword or p.month:
        date = _calendar(Parts(weekday=p.weekday, dayword=p.dayword, month=p.month, day=p.day, year=p.year), dct, future, anchor, text)
        day = date.value[:10] if date.value and len(date.value) >= 10 and "X" not in date.value[:10] else None
    elif dct is not None:
        day = dct.isoformat()
    mod = "APPROX" if p.qual == "APPROX" else None
    if day is None:
        return Value("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", mod, NO_DCT if dct is None else None)
    return Value("TIME", f"{day}T{hour:02d}:{minute:02d}", mod)


_FINENESS = {"TS": 0, "TM": 1, "TH": 2, "D": 3, "W": 4, "2W": 4, "M": 5, "Q": 6, "H": 6, "Y": 7, "DE": 8, "CE": 9}


def _narrative(p: Parts, anchored: tuple[dt.date, str] | None) -> Value:
    unit = p.unit or ("D" if p.pod or p.that else None)
    if anchored is None or unit is None or _FINENESS.get(unit, 3) < _FINENESS[anchored[1]]:
        return Value("DATE", None, note=NO_ANCHOR)
    anchor = anchored[0]
    if p.that:
        n = 0
    elif p.ago in ("earlier", "later"):
        n = (p.num if isinstance(p.num, float) else 1.0) * (-1 if p.ago == "earlier" else 1)
    else:
        n = -1 if p.rel == "previous" else 1
    try:
        day = shift(anchor, n, unit)
    except OutOfCalendar:
        value, note = shifted_value(anchor, n, unit)
        return Value("DATE", value, note=note or "relative to the date mentioned before")
    value = fmt_unit(day, unit)
    if p.pod:
        return Value("TIME", f"{day.isoformat()}T{p.pod}")
    return Value("DATE", value, note="relative to the date mentioned before")


def _weekday(dct: dt.date, weekday: int, rel: str | None, future: bool) -> dt.date:
    today = dct.isoweekday()
    if rel == "last":
        back = (today - weekday) % 7 or 7
        return dct - dt.timedelta(days=back)
    if rel in ("next", "coming"):
        ahead = (weekday - today) % 7 or 7
        return dct + dt.timedelta(days=ahead)
    if rel == "this":
        return dct + dt.timedelta(days=weekday - today) if not future or weekday >= today else dct + dt.timedelta(days=(weekday - today) % 7)
    if future:
        return dct + dt.timedelta(days=(weekday - today) % 7)
    return dct - dt.timedelta(days=(today - weekday) % 7)


def _period_offset(rel: str | None) -> int:
    return {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel or "", 0)


def _edge_period(dct: dt.date, unit: str, mod: str | None, future: bool) -> dt.date:
    """For "the end of the month" with no this/last/next: the period whose edge fits the tense."""
    start = {"M": dct.replace(day=1), "Y": dct.replace(month=1, day=1), "W": dct - dt.timedelta(days=dct.weekday())}.get(unit, dct)
    end = shift(start, 1, unit) - dt.timedelta(days=1)
    point = start if mod == "START" else end if mod == "END" else start + (end - start) / 2
    if future is False and point > dct:  # past tense: the last such edge; no tense (a deadline): this one
        return shift(dct, -1, unit)
    if future and point < dct:
        return shift(dct, 1, unit)
    return dct


def _season(dct: dt.date, season: str, rel: str | None, future: bool) -> str:
    month = _SEASON_START[season]
    # a season is named by the year it starts in (winter 2024 = Dec 2024 to Feb 2025)
    this_start = dt.date(dct.year if month <= dct.month or season != "WI" else dct.year, month, 1)
    if season == "WI" and dct.month <= 2:
        this_start = dt.date(dct.year - 1, 12, 1)
    this_end = shift(this_start, 3, "M") - dt.timedelta(days=1)
    year = this_start.year
    if rel == "last" or (rel is None and not future and this_start > dct):
        year = year - 1 if this_end >= dct else year
    elif rel in ("next", "coming") or (rel is None and future and this_end < dct):
        year = year + 1 if this_start <= dct else year
    return f"{year}-{season}"


def _calendar(p: Parts, dct: dt.date | None, future: bool, anchor, text: str) -> Value:
    mod = p.mod
    if p.bc:
        return _before_christ(p)
    # days named relative to publication
    if p.dayword:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "day-before-yesterday": -2, "day-after-tomorrow": 2}.get(p.dayword)
        if p.dayword == "overnight":
            offset = 0 if future else -1
            if not future and dct is not None and anchor is not None and anchor[1] == "D" and 0 < (dct - anchor[0]).days <= STORY_DAYS:
                offset = (anchor[0] - dct).days - 1  # the night before the story's day ("Friday … overnight losses in New York")
        pod = p.pod or ("NI" if p.dayword in ("tonight", "overnight") else None)
        if dct is None:
            return Value("TIME" if pod else "DATE", None, note=NO_DCT)
        day = dct + dt.timedelta(days=offset)
        pod = p.pod or ("NI" if p.dayword in ("tonight", "overnight") else None)
        if pod:
            return Value("TIME", f"{day.isoformat()}T{pod}")
        return Value("DATE", day.isoformat(), mod)
    if p.weekday and p.rel in ("previous", "following") and anchor is not None and anchor[1] == "D" and not p.month:
        # "the previous Friday", "the following Monday": counted from the day the text last named, not from publication
        back = (anchor[0].isoweekday() - p.weekday) % 7 or 7
        day = anchor[0] - dt.timedelta(days=back) if p.rel == "previous" else anchor[0] + dt.timedelta(days=(p.weekday - anchor[0].isoweekday()) % 7 or 7)
        return Value("TIME", f"{day.isoformat()}T{p.pod}") if p.pod else Value("DATE", day.isoformat(), mod, "relative to the date mentioned before")
    if p.weekday:
        if dct is None:
            return Value("DATE", f"XXXX-WXX-{p.weekday}", note=NO_DCT)
        if p.month and p.day:
            if p.year is None:  # "Saturday, April 25": the year in which that day is a Saturday, nearest to publication
                matching = _on_weekday(p, dct)
                if matching is not None:
                    return Value("DATE", matching.isoformat(), mod)
            found = parse_calendar(f"{p.day} {_MONTH_NAMES[p.month]} {p.year or ''}".strip(), dct, future)
            if found:
                return Value("DATE", found[0].isoformat(), mod)
        day = _weekday(dct, p.weekday, p.rel, future)
        if p.pod:
            return Value("TIME", f"{day.isoformat()}T{p.pod}")
        return Value("DATE", day.isoformat(), mod)
    if p.pod and p.mod and not (p.rel or p.unit or p.month or p.year):  # "by mid-afternoon", "late evening": that part of publication day
        if dct is None:
            return Value("TIME", None, note=NO_DCT)
        return Value("TIME", f"{dct.isoformat()}T{p.pod}", mod)
    if p.rel and p.pod and not p.unit:  # this morning, last night
        if dct is None:
            return Value("TIME", None, note=NO_DCT)
        day = dct - dt.timedelta(days=1) if p.rel == "last" else dct
        return Value("TIME", f"{day.isoformat()}T{p.pod}")
    if p.weekend:
        if dct is None:
            return Value("DATE", None, note=NO_DCT)
        offset = _period_offset(p.rel)
        if p.rel is None:
            weekend_passed = dct.isoweekday() >= 6
            offset = 0 if future or weekend_passed else -1
        return Value("DATE", fmt_week(dct + dt.timedelta(weeks=offset)) + "-WE", mod)
    if p.quarter or p.half:
        unit, n = ("Q", p.quarter) if p.quarter else ("H", p.half)
        year = p.year
        if year is None:
            if dct is None:
                return Value("DATE", f"XXXX-{unit}{n}", note=NO_DCT)
            year = dct.year + _period_offset(p.rel)
            current = (dct.month - 1) // (3 if unit == "Q" else 6) + 1
            if p.rel is None and not future and (not p.the or n > current + 1):
                year = year - 1 if n > current else year  # "the fourth quarter" in a January report, outside a future clause: the last one
        return Value("DATE", f"{year:04d}-{unit}{n}", mod)
    if p.season:
        if p.year:
            return Value("DATE", f"{p.year:04d}-{p.season}", mod)
        if dct is None:
            return Value("DATE", f"XXXX-{p.season}", note=NO_DCT)
        return Value("DATE", _season(dct, p.season, p.rel, future), mod)
    if p.unit and (p.rel or p.edge or p.elr) and not p.month and not p.year:
        if dct is None:
            return Value("DATE", None, mod, NO_DCT)
        unit = p.unit
        if p.edge and p.rel is None and unit == "D" and mod == "MID":  # "the middle of the day": midday (TIDES: MI) of the sentence's day
            return Value("TIME", f"{dct.isoformat()}TMI")
        if p.edge and p.rel is None:
            base = _edge_period(dct, unit, mod, future)
        else:
            base = shift(dct, _period_offset(p.rel), unit)
        return Value("DATE", fmt_unit(base, unit), mod)
    if p.decade:
        return Value("DATE", p.decade, mod)
    if p.century:
        return Value("DATE", p.century, mod)
    if p.month and p.unit == "Y" and p.rel in ("this", "last", "next") and dct is not None:  # "June last year"
        return Value("DATE", f"{dct.year + _period_offset(p.rel):04d}-{p.month:02d}", mod)
    if p.month and p.rel == "last" and not (p.day or p.year or p.numdate) and dct is not None:
        back = (dct.month - p.month) % 12 or 12  # months back to the last such month: "last March" written in March is a year back
        month = dct.year * 12 + dct.month - 1 - back
        return Value("DATE", f"{month // 12:04d}-{month % 12 + 1:02d}", mod)
    if p.numdate or p.month:
        if p.year is None and dct is None:
            if p.month and p.day:
                return Value("DATE", f"XXXX-{p.month:02d}-{p.day:02d}", mod, NO_DCT)
            if p.month:
                return Value("DATE", f"XXXX-{p.month:02d}", mod, NO_DCT)
        base = dct or dt.date(p.year or 2000, 1, 1)
        if p.rel in ("next", "coming", "last", "past", "previous"):
            future = p.rel in ("next", "coming")
        elif p.year is None and dct is not None and not p.numdate and not p.day and p.month == dct.month:
            return Value("DATE", f"{dct.year:04d}-{p.month:02d}", mod)  # the month of publication: "sales in October", written in October
        elif p.year is None and dct is not None and not p.numdate and (future is None or p.rel == "this"):
            return _nearest_month(p, dct, mod)  # no tense in the text: the nearest (see time.tense)
        phrase = text if p.numdate else " ".join(str(x) for x in (p.day, _MONTH_NAMES[p.month], p.year) if x)
        found = parse_calendar(phrase, base, future)
        if found:
            day, period = found
            if p.day or (period == "day" and p.numdate):
                return Value("DATE", day.isoformat(), mod)
            if p.year and not p.month:
                return Value("DATE", f"{day.year:04d}", mod)
            return Value("DATE", f"{day.year:04d}-{day.month:02d}", mod)
    if p.year:
        return Value("DATE", f"{p.year:04d}", mod)
    return Value("DATE", None, mod, note="not understood")


def _before_christ(p: Parts) -> Value:
    """"500 BC" → BC0500, "the 5th century BC" → BC04 (TimeML); years past 9999 BC are X-valued with a note."""
    if p.century:
        return Value("DATE", f"BC{p.century}", p.mod)
    if p.year is None or p.year < 1:
        return Value("DATE", None, note="not understood")
    value = bc_value(1 - p.year, "Y")
    return Value("DATE", value or "XXXX", p.mod, None if value else OUT_OF_CALENDAR)


def _nearest_month(p: Parts, dct: dt.date, mod: str | None) -> Value:
    """A month, or a month and day, without a year: the one nearest to publication (see time.tense)."""
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            day = dt.date(year, p.month, p.day or 15)
        except ValueError:
            continue
        # news reports what happened: a date ahead must be twice as near as the one behind ("the Oct. 23 shooting" in May)
        candidates.append((abs((day - dct).days) * (2 if day > dct else 1), day > dct, day))
    if not candidates:
        return Value("DATE", None, mod, note="not understood")
    day = min(candidates)[2]
    if p.rel == "this":
        day = day.replace(year=dct.year) if p.day is None or p.day <= 28 or p.month != 2 else day
    return Value("DATE", day.isoformat() if p.day else f"{day.year:04d}-{day.month:02d}", mod)


def _on_weekday(p: Parts, dct: dt.date) -> dt.date | None:
    days = []
    for year in range(max(1, dct.year - 6), min(9999, dct.year + 6) + 1):
        try:
            day = dt.date(year, p.month, p.day)
        except ValueError:
            continue
        if day.isoweekday() == p.weekday:
            days.append((abs((day - dct).days), day))
    return min(days)[1] if days else None
