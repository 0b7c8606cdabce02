"""HTML pages: a page without date metadata is dated by its own "Written: …" label, not by the first plain date of
a "more news" list below the article; metadata, when present, still wins.

Every page here is hand-written; the class is one a real news page showed (a broadcaster's page dated four days
early, from a related story's date).
"""
from __future__ import annotations

import datetime as dt

from onrecord.ingest.html import extract_html
from onrecord.ingest.page_date import labelled_date

STORY = (
    "<p>After heavy rain on Monday, Tuesday morning brought strong, cold winds and the first frost of the season to the coast.</p>"
    "<p>The weather service said temperatures would fall further on Wednesday before climbing back on Thursday.</p>"
    "<p>Drivers were warned of black ice on mountain roads, where the rain was expected to freeze overnight.</p>"
)
MORE_NEWS = (
    '<div class="more_news"><ul>'
    '<li><a href="/a">Ferry fares to rise in spring</a><p class="date">2023-11-03</p></li>'
    '<li><a href="/b">Harbour wall repairs start in June</a><p class="date">2023-11-06</p></li>'
    "</ul></div>"
)


def _page(head: str = "", label: str = '<p class="date">Written: 2023-11-07 15:03:30<span> / </span>Updated: 2023-11-07 15:30:46</p>') -> str:
    return (f"<html><head><title>Colder on Wednesday</title>{head}</head><body><div class='title_area'><h1>Colder on Wednesday</h1>"
            f"{label}</div><div class='content'>{STORY}</div>{MORE_NEWS}</body></html>")


def test_html_date_the_pages_written_label_beats_a_related_storys_date():
    assert extract_html(_page()).published == dt.date(2023, 11, 7)


def test_html_date_metadata_still_wins_over_a_label():
    page = _page('<meta property="article:published_time" content="2023-11-06T22:00:00+00:00">')
    assert extract_html(page).published == dt.date(2023, 11, 6)


def test_html_date_labels_with_a_month_name_and_none_in_a_sentence():
    from lxml import html

    assert labelled_date(html.fromstring("<html><body><p>Posted on Nov. 7, 2023 by Maren Holt</p></body></html>")) == dt.date(2023, 11, 7)
    assert labelled_date(html.fromstring("<html><body><p>Published: 7 November 2023</p></body></html>")) == dt.date(2023, 11, 7)
    assert labelled_date(html.fromstring("<html><body><p>Updated: 2023-11-09</p></body></html>")) is None
    assert labelled_date(html.fromstring("<html><body><p>The survey, published on 2023-11-01, found cracks.</p></body></html>")) is None
