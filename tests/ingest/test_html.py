"""HTML files: trafilatura keeps the body (boilerplate dropped) and the page's metadata."""
from __future__ import annotations

import datetime as dt

from onrecord.ingest import iter_articles
from onrecord.ingest.html import extract_html

from .conftest import articles, skipped


def test_html_file_gives_body_text_and_metadata(inputs):
    (article,) = iter_articles([inputs / "ferry-service.html"], published=dt.date(2030, 1, 1))
    assert article.id == "ferry-service"
    assert article.title == "Island Ferry Service to Resume Next Month"
    assert article.author == "Helen Okafor"
    assert article.published == dt.date(2023, 3, 14)  # the page's date wins over the default
    assert article.url == "https://westport-gazette.example/news/island-ferry-resumes"
    assert article.outlet == "The Westport Gazette"
    assert "the regional transport authority said on Tuesday." in article.text
    assert '"Islanders have been extraordinarily patient, and we are sorry it took this long," said Declan Moyo' in article.text
    assert article.text.rstrip().endswith("could not happen again.")


def test_html_boilerplate_is_dropped(inputs):
    (article,) = iter_articles([inputs / "ferry-service.html"])
    for boilerplate in ("Subscribe today", "Most read", "Ten things to do", "All rights reserved", "Cookie settings", "Privacy policy"):
        assert boilerplate not in article.text
    assert "<p>" not in article.text and "<a" not in article.text


def test_html_without_a_date_takes_the_default(tmp_path):
    path = tmp_path / "kiosk.htm"
    path.write_text(
        "<html><head><title>Kiosk reopens</title></head><body><nav>Home | News</nav><article>"
        "<p>The kiosk on Pier Road reopened on Saturday after a winter of repairs, its owner Mira Castell said.</p>"
        "<p>She said the new roof had cost more than the kiosk earned in a season.</p></article></body></html>",
        "utf-8",
    )
    (article,) = articles(iter_articles([path], published=dt.date(2024, 4, 6)))
    assert article.id == "kiosk" and article.published == dt.date(2024, 4, 6)
    assert article.text.startswith("The kiosk on Pier Road reopened")


def test_html_with_no_text_is_skipped_as_bad_html(tmp_path, good_txt):
    path = tmp_path / "shell.html"
    path.write_text("<html><head><script>window.app = {};</script></head><body><div id='root'></div></body></html>", "utf-8")
    items = list(iter_articles([path, good_txt]))
    (skip,) = skipped(items)
    assert skip.code == "E005" and skip.origin == str(path)
    assert "no article text" in str(skip) and "shell.html" in str(skip)
    assert [a.id for a in articles(items)] == ["reservoir-levels"]


def test_extract_html_favours_recall_on_a_short_page():
    html = "<html><body><p>The mayor said the bridge would reopen on Friday after repairs.</p></body></html>"
    assert extract_html(html).text == "The mayor said the bridge would reopen on Friday after repairs."


def _page(site: str, title: str = "Ferry fares to rise in May") -> str:
    return (f"<html><head><title>{title}</title><meta property='og:title' content='{title}'>"
            f"<meta property='og:site_name' content='{site}'><link rel='canonical' href='https://www.harbourwire.example/news/fares'>"
            "</head><body><article><p>Ferry fares will rise by ten percent in May, the operator said on Tuesday, blaming the price of fuel.</p>"
            "<p>Passengers' groups said the rise would hurt islanders who commute to work on the mainland every day.</p></article></body></html>")


def test_html_outlet_is_the_site_name_without_its_tagline():
    # real pages gave "The Tico Times | Costa Rica News | Travel | Real Estate", "WSVN 7News | Miami News, Weather, Sports | …"
    assert extract_html(_page("Harbour Wire | Island News | Weather | Ferries")).sitename == "Harbour Wire"
    assert extract_html(_page("Harbour Wire - News from the Islands")).sitename == "Harbour Wire"
    assert extract_html(_page("The Harbour-Wire Gazette")).sitename == "The Harbour-Wire Gazette"  # a hyphen in the name stays


def test_html_outlet_is_the_host_when_the_site_name_is_no_name():
    # a syndicated page gave its headline as the site name; another "News and Opinion on www.example.com"
    assert extract_html(_page("Ferry fares to rise in May")).sitename == "harbourwire.example"
    assert extract_html(_page("News and Opinion on www.harbourwire.example")).sitename == "harbourwire.example"
