"""The fuzz targets of ``make fuzz`` (``fuzz/targets.py``) on their hand-written seeds, and every crash the fuzzer
found, as a regression test with its minimal input."""
from __future__ import annotations

import pytest

from fuzz import targets
from fuzz.seeds import analysis_seeds, reader_seeds
from onrecord.types import RawArticle, Skipped


@pytest.mark.parametrize("seed", reader_seeds(), ids=lambda s: f"{targets.FORMATS[s[0]]}-{len(s)}")
def test_every_reader_seed_gives_articles(seed):
    items = targets.read_bytes(seed)
    assert items and all(isinstance(item, RawArticle) for item in items)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (bytes([0, 0]), "E001"),  # an empty text file
        (bytes([0, 0]) + b"\x00\x01\x02" * 40, "E002"),  # binary
        (bytes([0, 0]) + b"caf\xe9 au lait said Ana", "E003"),  # Latin-1, not UTF-8
        (bytes([2, 0]) + b'[{"text": 5}]', "E006"),  # a record whose text is not a string
        (bytes([3, 0]) + b'{"text": "Ana said yes."', "E006"),  # a JSON line cut short
        (bytes([4, 0]) + b"\x1f\x8b\x08\x00cut", "E010"),  # truncated gzip
        (bytes([5, 0]) + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort", "E010"),
        (bytes([0, 0]) + b"word " * 20_000, "E007"),  # over the fuzzer's 64 KiB limit
    ],
)
def test_broken_inputs_are_coded_skips_not_exceptions(data, code):
    items = targets.read_bytes(data)
    assert [type(item) for item in items] == [Skipped] and items[0].code == code, items


def test_the_fuzz_checks_reject_an_article_with_spans_outside_its_text():
    with pytest.raises(Exception):  # noqa: B017 - jsonschema_rs raises its own ValidationError
        targets._article_validator().validate({"id": "x"})


@pytest.mark.parametrize("seed", analysis_seeds(), ids=lambda s: str(len(s)))
def test_every_analysis_seed_analyses(seed, nlp):
    article = targets.analyze_bytes(seed, nlp)
    assert article is not None and article.text == targets.text_and_date(seed)[0]
