"""Hand-written seed inputs for the fuzz targets (one of each format; texts written for onrecord's tests)."""
from __future__ import annotations

import datetime as dt
import gzip
import json

from .targets import FORMATS

TEXTS = [
    "“The bridge will reopen in May,” Mayor Ana Ruiz said on Monday.",
    "The council approved the budget, its chair, Tom Berg, told reporters on Tuesday.\n\nHe said it would pass next week.",
    "According to the agency, prices fell 4% in March. “We expect more,” a spokeswoman said, adding that talks resume in 2025.",
    "Police said the suspect, 34, was arrested at about 3:00 pm. She denied the charges, her lawyer said 200 years ago.",
    "“Not yet,” Dr. Lee replied. “Maybe tomorrow.”\nThe minister warned that the strike could last weeks, sources said.",
]


def _warc(html: bytes, uri: str = "https://news.example/story") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html) + html
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
        b"WARC-Target-URI: " + uri.encode() + b"\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http)
    )
    return head + http + b"\r\n\r\n"


def _html(text: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if p)
    return (
        "<!doctype html><html><head><title>Council news</title><meta name='date' content='2024-03-05'></head>"
        f"<body><nav>Home | Share</nav><article><h1>Council news</h1>{paragraphs}</article></body></html>"
    ).encode()


def reader_seeds() -> list[bytes]:
    """Inputs for :func:`fuzz.targets.read_bytes`: a format byte, a gzip byte, then the file's bytes."""
    out = []
    for text in TEXTS:
        record = {"id": "a1", "text": text, "title": "Council news", "published": "2024-03-05"}
        files = {
            "upload.txt": text.encode(),
            "page.html": _html(text),
            "doc.json": json.dumps([record, {**record, "id": "a2", "html": _html(text).decode(), "text": None}]).encode(),
            "feed.jsonl": (json.dumps(record) + "\n" + json.dumps({**record, "id": "a2"}) + "\n").encode(),
            "feed.jsonl.gz": (json.dumps(record) + "\n").encode(),
            "crawl.warc": _warc(_html(text)),
            "crawl.warc.gz": _warc(_html(text)),
            "unnamed": _html(text),
        }
        for index, name in enumerate(FORMATS):
            out.append(bytes([index, 1]) + files[name])
    out.append(bytes([FORMATS.index("crawl.warc.gz"), 0]) + gzip.compress(_warc(_html(TEXTS[0])), mtime=0))
    return out


def analysis_seeds() -> list[bytes]:
    """Inputs for :func:`fuzz.targets.analyze_bytes`: two bytes of date, then the text."""
    days = (dt.date(2024, 3, 5) - dt.date(1900, 1, 1)).days
    return [days.to_bytes(2, "big") + text.encode() for text in TEXTS] + [b"\x00\x00" + TEXTS[0].encode()]
