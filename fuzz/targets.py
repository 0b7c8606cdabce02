"""Fuzz targets: bytes in, and the only allowed outcomes are articles or coded ``Skipped`` items.

:func:`read_bytes` feeds the bytes to the ingest readers as one of the formats they read (text, HTML, JSON,
JSONL, gzipped JSONL, WARC, gzipped WARC, or an unnamed file they sniff); :func:`analyze_bytes` runs the
per-article analysis on the text in the bytes, with a publication date taken from them, **without** the batch's
safety net (an exception there is a bug the net would hide). Regression tests call them with each crash's
minimal input (``tests/test_fuzz_regressions.py``).
"""
from __future__ import annotations

import datetime as dt
import gzip
import tempfile
from pathlib import Path

#: what the first byte of an input selects; gz formats get the rest compressed when the second byte is odd
FORMATS = ("upload.txt", "page.html", "doc.json", "feed.jsonl", "feed.jsonl.gz", "crawl.warc", "crawl.warc.gz", "unnamed")
MAX_BYTES = 64 * 1024  # small, so that a generated input can reach the size checks


class Folder:
    """One temporary folder for a fuzzing process: every input is written to a file in it."""

    def __init__(self):
        self._dir = tempfile.TemporaryDirectory(prefix="onrecord-fuzz-")
        self.path = Path(self._dir.name)


_FOLDER: Folder | None = None


def read_bytes(data: bytes) -> list:
    """Read ``data`` as the format its first byte picks; returns the readers' items (RawArticle or Skipped).

    Raises whatever the readers raise: anything but a normal return is a crash.
    """
    from onrecord.ingest import iter_articles
    from onrecord.types import RawArticle, Skipped

    global _FOLDER
    if _FOLDER is None:
        _FOLDER = Folder()
    if not data:
        data = b"\x00"
    name = FORMATS[data[0] % len(FORMATS)]
    body = data[2:] if len(data) > 1 else b""
    if name.endswith(".gz") and len(data) > 1 and data[1] % 2:
        body = gzip.compress(body, mtime=0)
    path = _FOLDER.path / name
    path.write_bytes(body)
    items = list(iter_articles([path], max_bytes=MAX_BYTES))
    for item in items:
        if not isinstance(item, (RawArticle, Skipped)):
            raise TypeError(f"a reader yielded {type(item).__name__}")
        if isinstance(item, Skipped) and not (item.code.startswith("E") and item.reason):
            raise ValueError(f"uncoded skip: {item}")
        if isinstance(item, RawArticle) and not item.text.strip():
            raise ValueError("an article with no text")
    return items


def text_and_date(data: bytes) -> tuple[str, dt.date | None]:
    """The text in ``data`` (UTF-8, errors replaced) and a publication date from its first two bytes."""
    if len(data) < 2:
        return data.decode("utf-8", "replace"), None
    days = int.from_bytes(data[:2], "big")  # 0 … 65535: a date between 1900 and 2079, or none for 0
    published = dt.date(1900, 1, 1) + dt.timedelta(days=days) if days else None
    return data[2:].decode("utf-8", "replace"), published


def analyze_bytes(data: bytes, nlp=None):
    """Analyse the text in ``data`` as one article, raising any exception of any stage."""
    from onrecord.nlp_chunks import run_pipeline
    from onrecord.pipeline import build_article
    from onrecord.serialize import article_to_dict
    from onrecord.types import RawArticle

    if nlp is None:
        from onrecord.pipeline import load_nlp

        nlp = load_nlp()
    text, published = text_and_date(data)
    if not text.strip():
        return None
    raw = RawArticle(id="fuzz", text=text, published=published)
    article = build_article(raw, run_pipeline(nlp, raw.text, raw.published))  # a text over the limit in chunks
    record = article_to_dict(article)
    _article_validator().validate(record)  # the output keeps its JSON Schema, offsets included
    for a in record["attributions"]:
        for start, end in (*a["source"], *a["cue"], *a["content"]):
            if not 0 <= start <= end <= len(text):
                raise ValueError(f"span {start}:{end} outside the text of {len(text)} characters")
    return article


_VALIDATOR = None


def _article_validator():
    """The article JSON Schema compiled by jsonschema-rs (schemathesis's dependency): 100 x faster than jsonschema."""
    global _VALIDATOR
    if _VALIDATOR is None:
        import json
        from importlib import resources

        import jsonschema_rs

        schema = json.loads(resources.files("onrecord").joinpath("data/article.schema.json").read_text("utf-8"))
        _VALIDATOR = jsonschema_rs.validator_for(schema)
    return _VALIDATOR
