"""HTML pages: newsletter sign-up blurbs, invitations to write in, "Follow us" tails, bare links and social handles
are page chrome, never article text; sentences that only mention e-mail, links or following stay.

Every line here is hand-written; each class is one that real news pages showed (a live blog's sign-up box blurb and
its embedded posts' bare links, an author's bio ending "Follow us on FB & IG", an interview's "IG: @…" lines).
"""
from __future__ import annotations

import pytest

from onrecord.ingest.html import extract_html
from onrecord.ingest.page_chrome import clean_line


@pytest.mark.parametrize(
    "chrome",
    [
        "Just type your email into the box above and get the day's headlines sent straight to you",  # sign-up box
        "Each morning we'll send you a round-up email of the best of Kestrel Bay's news and sport.",
        "Tell us what you think: you can contact the Courier on Facebook or email desk@courier.example",  # write in
        "Have a story we should cover? Send your tips by emailing tips@courier.example",
        "https://www.facebook.com/KestrelBayFerries/posts/1234567890",  # an embedded post's bare link
        "www.kestrelbay-regatta.example/entries",
        "IG: @kestrel.bay.studio",  # social handles
        "Twitter: @MarenHolt",
    ],
)
def test_html_chrome_contact_line_is_dropped(chrome):
    assert clean_line(chrome) == ""


def test_html_chrome_contact_follow_us_at_the_end_of_a_bio_is_cut_off():
    line = "Maren Holt runs a small design studio in Kestrel Bay. Follow us on FB & IG 555-0101. Email: [email protected]"
    assert clean_line(line) == "Maren Holt runs a small design studio in Kestrel Bay."


def test_html_chrome_contact_an_embedded_posts_trailing_link_is_cut_off():
    assert clean_line("Proud to see the new ferry launched this morning. pic.twitter.com/AbC123xyz") == "Proud to see the new ferry launched this morning."
    assert clean_line("What a day for the harbour. https://t.co/Zx81QwErTy") == "What a day for the harbour."


@pytest.mark.parametrize(
    "sentence",
    [
        "Email vote@council.example or call 555-0102 for more information, the council said.",
        "The harbour master said she would send you a copy of the survey by email if you asked.",
        "Registration is open and can be completed at www.regatta.example.",
        "Residents who follow us on the coastal path will see the damage, the engineer said.",
        "Solberg said the authority had posted photos of the damage on Facebook and on https://port.example/survey as well.",
    ],
)
def test_html_chrome_contact_sentences_that_mention_email_or_links_stay(sentence):
    assert clean_line(sentence) == sentence


def test_html_chrome_contact_a_live_blogs_signup_blurb_and_bare_links_leave_the_page():
    page = (
        "<html><body><article><p>Cafes in Kestrel Bay will serve outdoors only from Monday, the council said.</p>"
        "<p>Simply pop your email into the box at the top of this page and get the latest news direct to you</p>"
        "<p>https://www.facebook.com/HarbourCafe/posts/987654321</p>"
        "<p>The Harbour Cafe said it would stay open for takeaway.</p></article></body></html>"
    )
    assert extract_html(page).text.splitlines() == [
        "Cafes in Kestrel Bay will serve outdoors only from Monday, the council said.",
        "The Harbour Cafe said it would stay open for takeaway.",
    ]
