"""Small WARC files written with warcio's writer, for the WARC reader's tests."""
from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page(title: str, paragraphs: list[str], *, published: str | None = None, site: str = "The Fenbury Echo") -> bytes:
    """An article page with navigation and footer boilerplate around the body."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | {site}</title>"
        f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='{site}'>{meta}</head>"
        "<body><nav><a href='/'>Home</a> | <a href='/local'>Local</a> | <a href='/jobs'>Jobs</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright The Fenbury Echo. Sign up for our morning newsletter.</footer></body></html>"
    ).encode("utf-8")


def write_warc(path: Path, responses: list[tuple[str, str, bytes]], *, gzip: bool) -> Path:
    """A WARC with a warcinfo record, then per ``(uri, content type, payload)`` a request and a response record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "onrecord tests", "format": "WARC File Format 1.0"}))
    for uri, content_type, payload in responses:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "fenbury-echo.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers))
    path.write_bytes(buffer.getvalue())
    return path
