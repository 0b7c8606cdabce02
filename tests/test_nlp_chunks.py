"""Texts over spaCy's ``max_length`` are parsed in chunks and analysed whole (no E071, no lost article)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from onrecord.nlp_chunks import chunk_size, split_chunks
from onrecord.pipeline import analyze_raws
from onrecord.types import Article, RawArticle

INTRO = (
    "Mayor Ana Ruiz closed the Harbour Bridge on Monday after engineers found cracks in two of its piers.\n\n"
    "“We cannot take any risks with people’s lives,” Ruiz said at a news conference.\n\n"
)
REPEATED = (
    "Traffic was diverted through the old town, and shopkeepers complained about lost trade.\n\n"
    "The council’s chief engineer, Tomas Berg, said repairs would take at least six weeks.\n\n"
    "“The piers were built in 1962 and nobody has looked at them properly since,” Berg told reporters.\n\n"
)
LATE = "Ruiz said on Tuesday that the bridge would reopen in the spring.\n"


def _long_article() -> str:
    return INTRO + REPEATED * 40 + LATE  # about 11,000 characters


def _without_confidence(article: Article) -> list:
    # the tok2vec tensor sees a few tokens across a chunk boundary: confidences may move in the fourth decimal
    return [dataclasses.replace(a, confidence=0.0) for a in article.attributions]


def test_split_chunks_cuts_at_paragraph_breaks_and_joins_back():
    text = _long_article()
    chunks = split_chunks(text, 1000)
    assert "".join(chunks) == text
    assert len(chunks) > 10 and all(len(c) <= 1000 for c in chunks)
    assert all(c.endswith("\n\n") for c in chunks[:-1])


def test_split_chunks_cuts_a_giant_paragraph_at_sentence_ends():
    paragraph = "The mayor said the bridge would reopen. " * 100  # one paragraph of 4,000 characters
    chunks = split_chunks(paragraph, 500)
    assert "".join(chunks) == paragraph
    assert all(len(c) <= 500 and c.endswith("reopen. ") for c in chunks[:-1])


def test_split_chunks_cuts_text_without_spaces_where_it_must():
    assert split_chunks("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_a_text_over_the_parser_limit_is_analysed_as_the_same_text_under_it(rules_nlp, monkeypatch):
    raw = RawArticle("bridge", _long_article(), published=dt.date(2024, 6, 4), origin="bridge.txt")
    (whole,) = analyze_raws([raw], rules_nlp)
    monkeypatch.setattr(rules_nlp, "max_length", 2000)  # the same text is now 5 times over the limit
    assert len(raw.text) > 5 * rules_nlp.max_length and chunk_size(rules_nlp) == 1000
    (chunked,) = analyze_raws([raw], rules_nlp)  # E071 before: the article was skipped
    assert isinstance(chunked, Article), chunked
    assert chunked.text == raw.text
    assert len(chunked.attributions) > 80
    assert _without_confidence(chunked) == _without_confidence(whole)
    assert chunked.entities == whole.entities and chunked.time_expressions == whole.time_expressions


def test_a_long_text_resolves_a_surname_in_its_last_chunk_to_the_name_in_its_first(rules_nlp, monkeypatch):
    text = _long_article()
    monkeypatch.setattr(rules_nlp, "max_length", 2000)
    (article,) = analyze_raws([RawArticle("bridge", text, published=dt.date(2024, 6, 4))], rules_nlp)
    last = article.attributions[-1]
    assert last.content_text == "that the bridge would reopen in the spring"
    assert last.content[0].start > len(text) - len(LATE)  # offsets into the whole text, not into the last chunk
    assert text[last.content[0].start : last.content[-1].end] == last.content_text
    assert last.speaker is not None and last.speaker.name == "Ana Ruiz"
    assert last.said_on == "2024-06-04"


def test_the_timex_command_reads_a_text_over_the_parser_limit(tmp_path, monkeypatch):
    import json

    from typer.testing import CliRunner

    from onrecord.cli import app
    from onrecord.nlp import load_parser

    real = load_parser

    def small_parser():
        nlp = real()
        nlp.max_length = 2000
        return nlp

    monkeypatch.setattr("onrecord.nlp.load_parser", small_parser)
    path = tmp_path / "long.txt"
    path.write_text(_long_article(), "utf-8")
    result = CliRunner().invoke(app, ["timex", "--published", "2024-06-04", str(path), "--jsonl", "-"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [t["value"] for t in found].count("1962") == 40
    assert [t["value"] for t in found[-2:]] == ["2024-06-04", "2025-SP"]  # "on Tuesday", "in the spring"
    assert found[-1]["span"][0] > len(_long_article()) - len(LATE)  # offsets into the whole text
