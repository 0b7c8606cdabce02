"""Property: whatever bytes a file holds, under whatever name, ``iter_articles`` yields RawArticle or Skipped and never raises."""
from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from onrecord.ingest import iter_articles
from onrecord.types import RawArticle, Skipped

NAMES = ["a.txt", "a", "a.html", "a.json", "a.jsonl", "a.jsonl.gz", "a.json.gz", "a.warc", "a.warc.gz", "a.xyz"]
# starts that steer the readers past their first checks, so the fuzzing reaches the parsers
PREFIXES = [b"", b"WARC/1.0\r\n", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n",
            b"{", b'{"id": "x", "text": ', b"[", b"<!DOCTYPE html><html><body><p>", b"\xef\xbb\xbf", b"\x1f\x8b"]

contents = st.builds(lambda prefix, tail: prefix + tail, st.sampled_from(PREFIXES), st.binary(max_size=2048))
texts = st.text(max_size=600).map(lambda s: s.encode("utf-8", "surrogatepass"))

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(name: str, data: bytes, max_bytes: int = 5_000_000) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") and not data.startswith(b"\x1f\x8b") else data)
        items = list(iter_articles([path, Path(folder)], max_bytes=max_bytes))
    for item in items:
        assert isinstance(item, (RawArticle, Skipped))
        if isinstance(item, Skipped):
            assert item.code.startswith("E") and item.reason and "\n" not in item.reason
        else:
            assert item.text.strip() and item.id
    return items


@FUZZ
@given(name=st.sampled_from(NAMES), data=contents)
@example(name="a.warc.gz", data=b"WARC/1.0\r\n" * 3)
@example(name="a.json", data=b"[" * 5000)
@example(name="a.json", data=b'{"id": 1, "text": "' + b"9" * 5000 + b'"}')
def test_arbitrary_bytes_never_crash(name, data):
    _read(name, data)


@FUZZ
@given(name=st.sampled_from(NAMES), data=texts)
def test_arbitrary_text_never_crashes(name, data):
    _read(name, data)


@FUZZ
@given(name=st.sampled_from(["a.txt", "a.jsonl", "a.html"]), data=st.binary(min_size=1, max_size=400), limit=st.integers(1, 300))
def test_the_size_limit_never_crashes(name, data, limit):
    items = _read(name, data, max_bytes=limit)
    assert all(len(item.text.encode("utf-8")) <= limit for item in items if isinstance(item, RawArticle))


RECORDS = [{"id": f"r{i}", "text": f"Councillor Ines Maro said on day {i} that the ferry timetable would change. " * (i % 3 + 1)} for i in range(12)]
WHOLE_GZIP = gzip.compress("".join(json.dumps(r) + "\n" for r in RECORDS).encode())


@FUZZ
@given(size=st.integers(0, len(WHOLE_GZIP)))
def test_a_gzip_cut_anywhere_keeps_a_prefix_of_the_records_and_says_so(size):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl.gz"
        path.write_bytes(WHOLE_GZIP[:size])
        items = list(iter_articles([path]))
    ids = [item.id for item in items if isinstance(item, RawArticle)]
    assert ids == [r["id"] for r in RECORDS[: len(ids)]]
    if size < len(WHOLE_GZIP):
        assert [item.code for item in items if isinstance(item, Skipped)] == ["E010"]
    else:
        assert len(ids) == len(RECORDS)
