"""The date a page labels as its own ("Written: 2023-11-07 15:03"), for pages whose metadata gives none.

Trafilatura's date (htmldate) comes from the page's metadata first; without any, it guesses from the
markup, and on a page whose headline date carries a label and a time it can take the first plain date
it finds instead: that of a story in a "more news" list below the article, days away from the article's
own. A date the page itself labels as the article's writing or publication ("Written:", "Published:",
"Posted on") is then the better answer. Only dates that cannot be misread are taken: year first
(``2023-11-07``, ``2023/11/07``, ``2023.11.07``) or with the month's name (``7 November 2023``,
``Nov. 7, 2023``). An "Updated:" date is never the publication date.
"""
from __future__ import annotations

import datetime as dt
import re

#: A label that says the date after it is the article's own.
_LABEL = r"(?:written|published|posted|first published|date published|created|publication date)(?:\s+on)?\s*:?\s*"
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_LABELLED = re.compile(
    _LABEL + r"(?:(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<mon2>(?:{_MONTHS})[a-z]*)\.?,?\s+(?P<y2>\d{{4}})\b"
    rf"|(?P<mon3>(?:{_MONTHS})[a-z]*)\.?\s+(?P<d3>\d{{1,2}}),?\s+(?P<y3>\d{{4}})\b)",
    re.IGNORECASE,
)
#: Metadata that gives a page's date: when present, trafilatura's date stands.
_DATE_META = (
    "//meta[contains(translate(@property, 'PUBLISHED', 'published'), 'published')"
    " or contains(translate(@name, 'PUBLISHEDAT', 'publishedat'), 'date')"
    " or contains(translate(@itemprop, 'PUBLISHED', 'published'), 'published')]"
    " | //time[@datetime]"
    " | //script[@type='application/ld+json'][contains(., 'datePublished')]"
)


def labelled_date(tree) -> dt.date | None:
    """The first date the page labels as the article's own (the label opening a text of the page), when its
    metadata gives no date.

    Example:
        >>> from lxml import html
        >>> page = html.fromstring('<html><body><h1>Cold wave</h1><p class="date">Written: 2023-11-07 15:03:30</p>'
        ...                        '<ul><li><p class="date">2023-11-03</p></li></ul></body></html>')
        >>> labelled_date(page)
        datetime.date(2023, 11, 7)
    """
    if tree is None or tree.xpath(_DATE_META):
        return None
    for piece in tree.xpath("//body//text()[not(ancestor::script or ancestor::style)]"):
        found = _LABELLED.match(" ".join(str(piece).split()))  # the label opens its text: not "a report published on …"
        if found is not None and (date := _date(found)) is not None:
            return date
    return None


def _date(found: re.Match[str]) -> dt.date | None:
    try:
        if found["y"]:
            return dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
        day, month, year = (found["d2"], found["mon2"], found["y2"]) if found["y2"] else (found["d3"], found["mon3"], found["y3"])
        return dt.datetime.strptime(f"{int(day)} {month[:3]} {year}", "%d %b %Y").date()
    except ValueError:  # "2023-13-45", "32 Nov 2023"
        return None
