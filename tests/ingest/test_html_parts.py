"""HTML pages: the parts of a page that are never its article (a pop-up story, a sidebar widget) and an author
field that holds no byline stay out of the article.

Every page here is hand-written; each class is one that real news pages showed (a government news page appended a
training-course story from a pop-up dialog; a
blog's recent-comments widget gave a commenter as the author; a web designer's credit in the author meta tag became the author).
"""
from __future__ import annotations

from onrecord.ingest.html import extract_html

STORY = (
    "<p>The port authority said on Thursday that repairs to the harbour wall at Kestrel Bay would start in June.</p>"
    "<p>“The wall has protected this town for ninety years,” said Ingrid Solberg, the authority's chief engineer.</p>"
    "<p>The work will cost about 4.2 million euros, most of it paid by a regional fund, according to the council.</p>"
)
OTHER = (
    "<p>The cadet course gives basic officer training to recruits from the coast guard and the fire service.</p>"
    "<p>The academy was founded in 1841 in the hills above the town, where a garrison escaped the fevers of the plain.</p>"
    "<p>Its first commander wrote to the governor for a year before the mountain station was approved.</p>"
)


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Harbour wall repairs</title>{head}</head><body>{body}</body></html>"


def test_html_parts_a_story_in_a_popup_dialog_is_not_appended():
    other = "".join(f"<h3>Part {i}</h3>{OTHER}" for i in range(4))  # a longer story than the page's own
    page = _page(f'<div id="page"><main><article class="post type-post"><div class="entry-content">{STORY}</div></article></main></div>'
                 f'<div id="pop-1" class="pop" role="dialog" aria-hidden="true"><div class="pop-container"><div class="pop-content">{other}</div></div></div>')
    text = extract_html(page).text
    assert "Ingrid Solberg" in text
    assert "cadet" not in text.lower() and "1841" not in text


def test_html_parts_a_commenter_in_a_sidebar_widget_is_not_the_author():
    side = (
        '<div id="recent-comments-2" class="widget widget_recent_comments"><h2>Recent Comments</h2><ul id="recentcomments">'
        '<li class="recentcomments"><span class="comment-author-link"><a href="http://example.org" class="url">Tomas Ferrante</a></span> '
        'on <a href="/ferry">Ferry fares to rise</a></li></ul></div>'
    )
    page = _page(f'<div id="primary"><article class="post"><div class="entry-content">{STORY}</div></article></div><div id="secondary">{side}</div>')
    article = extract_html(page)
    assert article.author is None
    assert "Ingrid Solberg" in article.text


def test_html_parts_a_widget_class_around_the_article_keeps_the_story():
    page = _page(f'<div class="widget"><article>{STORY}</article></div>')
    assert "Ingrid Solberg" in extract_html(page).text


def test_html_author_a_designers_credit_with_years_is_no_author():
    head = '<meta name="author" content="Kestrel Web Studio Ltd, 2006-2020">'
    assert extract_html(_page(f"<article>{STORY}</article>", head)).author is None


def test_html_author_a_placeholder_is_no_author_and_a_name_stays():
    assert extract_html(_page(f"<article>{STORY}</article>", '<meta name="author" content="No Author">')).author is None
    assert extract_html(_page(f"<article>{STORY}</article>", '<meta name="author" content="Maren Holt">')).author == "Maren Holt"


def test_html_parts_a_page_whose_only_text_is_in_a_widget_keeps_it():
    # no <article> to protect it: the whole page is read when the page without its sidebars has no text
    assert "Ingrid Solberg" in extract_html(_page(f'<div class="widget">{STORY}</div>')).text
