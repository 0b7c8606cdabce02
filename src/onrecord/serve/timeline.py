"""A speaker's statements over time, as the geometry of an SVG chart (drawn by ``templates/_timeline.svg``).

Bars count statements per day, week or month (whichever gives a readable number of bins); below them, one dot per
statement, stacked where dates collide, each a link to its article. Dates are when the text says the words were
said (``said_on``), else the article's publication date; undated statements are only counted.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

WIDTH, HEIGHT = 800, 220
LEFT, RIGHT, TOP = 36, 12, 12
BARS_HEIGHT = 90  # px for the histogram
DOT_ROW = 9  # px between stacked dots, shrunk so the dot strip stays under DOTS_HEIGHT
DOTS_HEIGHT = 120
AXIS_Y = TOP + BARS_HEIGHT + 4


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    href: str
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    anchor: str = "middle"  # the first and last labels stay inside the chart


@dataclass
class Timeline:
    width: int = WIDTH
    height: int = HEIGHT
    axis_y: float = AXIS_Y
    left: float = LEFT
    right: float = WIDTH - RIGHT
    bars: list[Bar] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    max_count: int = 0
    undated: int = 0


def _bin_start(day: dt.date, unit: str) -> dt.date:
    if unit == "month":
        return day.replace(day=1)
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    return day


def _next_bin(day: dt.date, unit: str) -> dt.date:
    if unit == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=7 if unit == "week" else 1)


def build_timeline(statements: list[tuple[dt.date | None, str, str]]) -> Timeline:
    """Chart geometry for ``(date, href, label)`` statements.

    Example:
        >>> t = build_timeline([(dt.date(2016, 9, 1), "/articles/a", "x"), (dt.date(2016, 10, 3), "/articles/b", "y")])
        >>> len(t.dots), t.max_count
        (2, 1)
    """
    timeline = Timeline()
    dated = [(d, href, label) for d, href, label in statements if d is not None]
    timeline.undated = len(statements) - len(dated)
    if not dated:
        return timeline
    first, last = min(d for d, *_ in dated), max(d for d, *_ in dated)
    span = (last - first).days
    unit = "month" if span > 180 else "week" if span > 28 else "day"
    start = _bin_start(first, unit)
    end = _next_bin(_bin_start(last, unit), unit)
    if unit == "day":  # a little air around a few days of statements
        start, end = start - dt.timedelta(days=3), end + dt.timedelta(days=3)
    total_days = max(1, (end - start).days)
    inner = timeline.right - timeline.left

    def x_of(day: dt.date) -> float:
        return round(timeline.left + inner * (day - start).days / total_days, 1)

    counts = Counter(_bin_start(d, unit) for d, *_ in dated)
    timeline.max_count = max(counts.values())
    for bin_start, count in sorted(counts.items()):
        x0, x1 = x_of(bin_start), x_of(_next_bin(bin_start, unit))
        height = BARS_HEIGHT * count / timeline.max_count
        label = f"{count} statement{'s' if count != 1 else ''}, {unit} of {bin_start.isoformat()}"
        timeline.bars.append(Bar(x0 + 0.5, round(AXIS_Y - height, 1), max(1.0, round(x1 - x0 - 1, 1)), round(height, 1), label))

    placed = []
    stacks: Counter = Counter()
    for day, href, label in sorted(dated, key=lambda s: s[0]):
        x = x_of(day) + (x_of(day + dt.timedelta(days=1)) - x_of(day)) / 2
        column = round(x / 6)  # dots closer than 6px stack
        placed.append((x, stacks[column], href, f"{day.isoformat()}: {label}"))
        stacks[column] += 1
    row = min(DOT_ROW, DOTS_HEIGHT / max(stacks.values()))
    radius = round(max(1.2, min(3.5, row / 2 - 0.3)), 1)
    for x, level, href, label in placed:
        timeline.dots.append(Dot(round(x, 1), round(AXIS_Y + 12 + row * level, 1), radius, href, label))
    timeline.height = int(max(HEIGHT, AXIS_Y + 28 + row * max(stacks.values())))

    # ticks: at most ~8 labelled bins
    tick_unit = "year" if span > 3 * 365 else unit
    day = dt.date(start.year, 1, 1) if tick_unit == "year" else start
    ticks = []
    while day <= end:
        if day >= start:
            ticks.append(day)
        day = dt.date(day.year + 1, 1, 1) if tick_unit == "year" else _next_bin(day, unit)
    step = max(1, len(ticks) // 8 + (len(ticks) % 8 > 0))
    fmt = {"year": "%Y", "month": "%b %Y", "week": "%d %b", "day": "%d %b"}[tick_unit]
    for d in ticks[::step]:
        x = x_of(d)
        anchor = "start" if x < timeline.left + 30 else "end" if x > timeline.right - 30 else "middle"
        timeline.ticks.append(Tick(x, d.strftime(fmt), anchor))
    return timeline
