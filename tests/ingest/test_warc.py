"""WARC files: HTML responses become articles (FastWARC); truncation keeps what came before.

The test files are written with warcio's writer (a dev dependency); onrecord reads them with FastWARC only."""
from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest

from onrecord.ingest import iter_articles
from onrecord.ingest.warc import read_warc

from .conftest import articles, skipped
from .warcs import page, write_warc

FLOOD = page(
    "Flood Barrier Passes First Test",
    [
        "The new flood barrier on the river Fen held back the highest tide in a decade on Sunday night, the Fenbury harbour master said.",
        "Harbour master Colm Duggan said water rose to within half a metre of the top of the barrier. \"It did exactly what it was built to do,\" he said.",
        "Residents of the low-lying Quay district, which flooded twice in 2019, said they had slept through the night for the first time in years.",
    ],
    published="2024-01-14T09:00:00Z",
)
MARKET = page(
    "Covered Market Gets New Tenants",
    [
        "Six new traders have signed leases at the covered market in Fenbury, the town's property office said on Thursday.",
        "Market manager Edith Nkemelu said the empty stalls had been filled by a cheesemaker, two bakers, a bookbinder and two cafes.",
        "She said the market would open on Sunday mornings from March, a change stallholders had asked for since last year.",
    ],
)
FLOOD_URI = "https://fenbury-echo.example/news/flood-barrier"
MARKET_URI = "https://fenbury-echo.example/news/covered-market"
RESPONSES = [
    (FLOOD_URI, "text/html; charset=utf-8", FLOOD),
    ("https://fenbury-echo.example/static/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    ("https://fenbury-echo.example/static/site.css", "text/css", b"body { margin: 0 }"),
    (MARKET_URI, "text/html", MARKET),
]


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses_become_articles(tmp_path, gzip):
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), RESPONSES, gzip=gzip)
    flood, market = read_warc(path, dt.date(2024, 2, 1), 5_000_000)
    assert flood.id == hashlib.sha256(FLOOD_URI.encode()).hexdigest()[:16]
    assert flood.url == FLOOD_URI and flood.title == "Flood Barrier Passes First Test" and flood.outlet == "The Fenbury Echo"
    assert flood.published == dt.date(2024, 1, 14)
    assert market.published == dt.date(2024, 2, 1)  # no date in the page: the default
    assert '"It did exactly what it was built to do," he said.' in flood.text
    assert "Sign up" not in flood.text and "Jobs" not in market.text
    assert market.text.rstrip().endswith("a change stallholders had asked for since last year.")
    assert flood.origin == f"{path}#3"  # warcinfo, request, then this response


def test_warc_through_iter_articles_has_stable_unique_ids(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", RESPONSES + [(FLOOD_URI, "text/html", FLOOD)], gzip=True)
    first = [a.id for a in iter_articles([path])]
    second = [a.id for a in iter_articles([path])]
    assert first == second and len(set(first)) == 3  # the page crawled twice gets a suffixed id
    assert first[2] == first[0] + "-2"


def test_truncated_warc_gz_keeps_the_pages_before_the_cut(tmp_path, good_txt):
    whole = write_warc(tmp_path / "whole.warc.gz", RESPONSES, gzip=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 200])  # inside the last response
    items = list(read_warc(cut, None, 5_000_000)) + list(iter_articles([good_txt]))
    assert [a.title for a in articles(items)] == ["Flood Barrier Passes First Test", None]
    (skip,) = skipped(items)
    assert skip.code == "E010" and skip.origin == str(cut)
    assert "truncated gzip" in skip.reason and "kept the 1 HTML page read before it" in skip.reason


def test_truncated_uncompressed_warc_is_reported(tmp_path):
    whole = write_warc(tmp_path / "whole.warc", RESPONSES, gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: len(whole) - 300])
    items = list(iter_articles([cut]))
    assert [a.title for a in articles(items)] == ["Flood Barrier Passes First Test"]
    (skip,) = skipped(items)
    assert skip.code == "E010" and "is cut off" in skip.reason


def test_a_bad_page_in_a_warc_is_skipped_and_the_rest_read(tmp_path):
    german = page("Brücke", ["Der Bürgermeister sagte am Montag, die Brücke über den Fluss werde nach langen Reparaturarbeiten am Freitag wieder für den Verkehr geöffnet."] * 3)
    path = write_warc(tmp_path / "mixed.warc", [(FLOOD_URI, "text/html", FLOOD), ("https://x.example/de", "text/html", german), (MARKET_URI, "text/html", MARKET)], gzip=False)
    items = list(iter_articles([path]))
    assert len(articles(items)) == 2
    (skip,) = skipped(items)
    assert skip.code == "E004" and skip.origin == f"{path}#5" and "German" in skip.reason and "https://x.example/de" in skip.reason


def test_not_a_warc_and_warc_without_pages_are_reported(tmp_path):
    fake = tmp_path / "fake.warc"
    fake.write_text("This is a plain note, not an archive.", "utf-8")
    empty = write_warc(tmp_path / "images.warc", [("https://x.example/a.png", "image/png", b"\x89PNG\r\n\x1a\n")], gzip=False)
    not_gzip = tmp_path / "plain.warc.gz"
    not_gzip.write_bytes(empty.read_bytes())
    by_origin = {s.origin: s for s in skipped(iter_articles([fake, empty, not_gzip]))}
    assert by_origin[str(fake)].code == "E010" and "not a WARC file" in by_origin[str(fake)].reason
    assert by_origin[str(empty)].code == "E001" and "no HTML pages" in by_origin[str(empty)].reason
    assert by_origin[str(not_gzip)].code == "E010" and "not gzip" in by_origin[str(not_gzip)].reason


def _record_spans(path):
    """``(start, header end, end)`` of every record, in the file's own bytes, by warcio."""
    from warcio.archiveiterator import ArchiveIterator

    data, spans = path.read_bytes(), []
    with open(path, "rb") as f:
        records = ArchiveIterator(f)
        for record in records:
            record.content_stream().read()
            start = records.get_record_offset()
            header = data.find(b"\r\n\r\n", start) + 4  # meaningful in an uncompressed file only
            spans.append((start, header, None))
    ends = [s for s, _, _ in spans[1:]] + [len(data)]
    return [(start, header, end) for (start, header, _), end in zip(spans, ends)]


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_a_cut_at_any_byte_is_reported_unless_it_leaves_a_valid_file(tmp_path, gzip):
    from onrecord.ingest.streams import TolerantGzip
    from onrecord.ingest.warc import READ_ERRORS, Truncated, iter_responses

    short = page("Pier Reopens", ["The pier reopened on Saturday, its owners said."])
    whole = write_warc(tmp_path / "whole.warc", [(FLOOD_URI, "text/html", short), RESPONSES[1]], gzip=gzip)
    data = whole.read_bytes()
    spans = _record_spans(whole)
    if gzip:  # each record is a gzip member: only a cut between members leaves a valid file
        valid = {start for start, _, _ in spans} | {len(data)}
    else:  # a cut in the line breaks closing a header, or after a record's content, cannot be seen
        valid = {c for start, header, end in spans for c in (*range(header - 4, header + 1), *range(end - 4, end + 1))}
    unnoticed = []
    for size in range(5, len(data)):
        gz = TolerantGzip(io.BytesIO(data[:size])) if gzip else None
        stream = io.BufferedReader(gz or io.BytesIO(data[:size]))
        bodies, reported = [], False
        try:
            bodies = [r.body for r in iter_responses(stream, 5_000_000) if r.body and r.body.startswith(b"<")]
        except (Truncated, *READ_ERRORS):  # read_warc reports either as E010
            reported = True
        reported = reported or (gz is not None and gz.damage is not None)
        assert bodies in ([], [short])  # never a partial page
        if not reported and size not in valid:
            unnoticed.append(size)
    assert unnoticed == [], (unnoticed, spans)
