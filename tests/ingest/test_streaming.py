"""JSONL and WARC are streamed: the memory a reader uses does not grow with the size of the file.

What is measured is the transient memory (the peak less what is still held at the end): trafilatura
keeps bounded LRU caches that fill up over the first thousand pages or so, and ``iter_articles`` keeps
the ids it has seen, to make them unique (about 100 bytes per article); neither is the reader's doing.
"""
from __future__ import annotations

import gzip
import json
import tracemalloc

from onrecord.ingest import iter_articles
from onrecord.ingest.records import read_jsonl
from onrecord.ingest.warc import read_warc
from onrecord.types import RawArticle

from .conftest import INPUTS
from .warcs import page, write_warc

TEXT = (
    "The harbour authority in Brackwater said on Monday that dredging of the main channel would begin in May. "
    "Harbour master Colm Duggan said larger ferries would be able to dock at low tide once the work was done. "
)
PADDING = ("<script>var tracking = '" + "x" * 40_000 + "';</script></body>").encode()


def _transient_memory(reader, path) -> tuple[int, int]:
    list(iter_articles([INPUTS]))  # warm up first: the language model and trafilatura load once per process
    tracemalloc.start()
    try:
        count = sum(1 for item in reader(path, "corpus", None, 5_000_000) if isinstance(item, RawArticle))
        held, peak = tracemalloc.get_traced_memory()
        return count, peak - held
    finally:
        tracemalloc.stop()


def _jsonl_gz(path, n: int):
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"r{i}", "text": f"Report {i}. " + TEXT * 4}) + "\n")
    return path


def _warc(path, n: int):
    pages = [(f"https://brackwater.example/news/{i}", "text/html", page(f"Dredging Update {i}", [TEXT, TEXT]).replace(b"</body>", PADDING)) for i in range(n)]
    return write_warc(path, pages, gzip=True)


def test_gzipped_jsonl_is_read_in_bounded_memory(tmp_path):
    small = _transient_memory(read_jsonl, _jsonl_gz(tmp_path / "small.jsonl.gz", 100))
    large = _transient_memory(read_jsonl, _jsonl_gz(tmp_path / "large.jsonl.gz", 1000))
    assert (small[0], large[0]) == (100, 1000)
    assert large[1] < small[1] * 1.25, f"{small[1]:,} bytes for 100 records, {large[1]:,} for 1,000"
    assert large[1] < 1000 * len(TEXT) * 4 / 2


def test_warc_is_read_in_bounded_memory(tmp_path):
    def warc(path, base, published, max_bytes):
        return read_warc(path, published, max_bytes)

    small = _transient_memory(warc, _warc(tmp_path / "small.warc.gz", 15))
    large = _transient_memory(warc, _warc(tmp_path / "large.warc.gz", 90))
    assert (small[0], large[0]) == (15, 90)
    assert large[1] < small[1] * 1.25, f"{small[1]:,} bytes for 15 pages, {large[1]:,} for 90"
    assert large[1] < 90 * len(PADDING) / 4
