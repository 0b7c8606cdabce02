"""HTML pages: the rest of a byline above the first sentence ("& Jane Roe, Director of …", "By Jane Roe: …") and
teasers of other stories cut off with "… more" are not article text.

Every page here is hand-written; each class is one that real news pages showed (a second author's job title as the
first line of an advocacy group's post, a byline with a colon run into a lede, a column of teasers under a story).
"""
from __future__ import annotations

from onrecord.ingest.html import extract_html
from onrecord.ingest.page_chrome import clean_line

LEDE = "The port authority said on Thursday that repairs to the harbour wall at Kestrel Bay would start in June."
REST = (
    "<p>“The wall has protected this town for ninety years,” said Ingrid Solberg, the authority's chief engineer.</p>"
    "<p>The work will cost about 4.2 million euros, most of it paid by a regional fund, according to the council.</p>"
)


def test_html_bylines_a_second_authors_title_above_the_lede_is_dropped():
    page = (
        '<html><head><meta name="author" content="Ann Roe; Maren Holt"></head><body><article>'
        f"<p>&amp; Maren Holt, Director of Coastal Policy, Harbour Trust</p><p>{LEDE}</p>{REST}</article></body></html>"
    )
    assert extract_html(page).text.splitlines()[0] == LEDE


def test_html_bylines_a_line_that_names_someone_else_stays():
    page = (
        '<html><head><meta name="author" content="Ann Roe"></head><body><article>'
        f"<p>Ingrid Solberg, chief engineer, Kestrel Bay port authority</p><p>{LEDE}</p>{REST}</article></body></html>"
    )
    assert extract_html(page).text.splitlines()[0] == "Ingrid Solberg, chief engineer, Kestrel Bay port authority"


def test_html_bylines_a_byline_with_a_colon_is_cut_off_the_lede():
    assert clean_line(f"By Maren Holt: {LEDE}") == LEDE
    assert clean_line("By Thursday: the council wants the plans.") == "By Thursday: the council wants the plans."


def test_html_bylines_teasers_cut_off_with_more_are_dropped():
    assert clean_line("Courier – The ferry company has raised its fares for the third time this year, and the... more") == ""
    assert clean_line("The mayor's budget is bigger than last year's. Yet, the… Read more »") == ""
    assert clean_line("“We waited and waited...” she said, and more boats came.") != ""
