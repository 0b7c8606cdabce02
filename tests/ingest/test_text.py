"""Plain-text files: one article each, id from the file stem, text exactly as Python's text mode reads it."""
from __future__ import annotations

import datetime as dt

from onrecord.ingest import iter_articles
from onrecord.types import RawArticle

from .conftest import articles


def test_text_file_is_one_article_with_the_stem_as_id(inputs):
    (article,) = iter_articles([inputs / "reservoir-levels.txt"], published=dt.date(2024, 9, 4))
    assert isinstance(article, RawArticle)
    assert article.id == "reservoir-levels"
    assert article.text == (inputs / "reservoir-levels.txt").read_text("utf-8")
    assert "Priya Lindqvist" in article.text and article.text.count("\n\n") == 3
    assert article.published == dt.date(2024, 9, 4)
    assert article.origin == str(inputs / "reservoir-levels.txt")


def test_text_file_without_extension_is_read_as_text(inputs):
    (article,) = iter_articles([inputs / "tram-extension"])
    assert article.id == "tram-extension"
    assert article.text.startswith("City Approves Tram Line Extension to Airport\n")
    assert article.published is None


def test_text_newlines_and_byte_order_mark_are_normalised(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbfThe mayor said the bridge would reopen.\r\nEngineers agreed.\rResidents cheered.\r\n")
    (article,) = articles(iter_articles([path]))
    assert article.text == "The mayor said the bridge would reopen.\nEngineers agreed.\nResidents cheered.\n"
    assert article.text == path.read_text("utf-8-sig")  # the same text Python's text mode gives


def test_short_english_text_is_not_mistaken_for_another_language(tmp_path):
    texts = {
        "yes.txt": "Ana said yes.",
        "names.txt": "Grace Mbeki, Oliver Kent and Tomas Brennan, Lakeside.",
        "headline.txt": "Kremlin denies report on Kyiv talks, Peskov says",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    assert sorted(a.id for a in articles(iter_articles([tmp_path]))) == ["headline", "names", "yes"]
