"""WARC files (``.warc``, ``.warc.gz``): each HTML response record is an article, through trafilatura.

Records are streamed with FastWARC (a core dependency: there is no second reader). Only successful (2xx)
HTML responses are articles; requests, metadata, redirects, images, scripts and the like are not
articles and are passed over without a message. A page's id is a hash of its target URI (the same
page gets the same id in every run), or its WARC-Record-ID when it has no URI.

A truncated or corrupt file keeps the articles read before the damage and then reports it.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadArchive, EmptyInput, InputError
from ..types import RawArticle, Skipped
from .html import extract_html, raw_from_page
from .streams import open_bytes, peek_start
from .validate import check_size, check_text, human_size

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class WarcResponse:
    """An HTTP response record, the same whichever library read it."""

    number: int  # 1-based position among all records of the file
    uri: str | None
    record_id: str | None
    status: int | None
    content_type: str | None  # MIME type, lower case, without parameters
    charset: str | None
    length: int  # payload bytes declared (after the HTTP headers)
    body: bytes | None  # the payload without chunking and compression; None when it was not read


class Truncated(Exception):
    """Raised at a record the file ends inside of (turned into one E010 by :func:`read_warc`)."""

    def __init__(self, number: int):
        super().__init__(f"record {number} is cut off")
        self.number = number


def may_be_page(status: int | None, content_type: str | None) -> bool:
    """Whether a response can hold an article: a 2xx status and an HTML type (or no type at all)."""
    return (status is None or 200 <= status < 300) and (content_type is None or content_type in _HTML_TYPES)


def warc_article_id(uri: str | None, record_id: str | None) -> str:
    """The id of a page: the first 16 hex digits of the SHA-256 of its URI, else its record id.

    Example:
        >>> warc_article_id("https://example.org/news/bridge", None)
        'a7da4a554322c2fb'
        >>> warc_article_id(None, "<urn:uuid:6192d722-2af2-4185-a479-ba3290f4e096>")
        '6192d722-2af2-4185-a479-ba3290f4e096'
    """
    if uri:
        return hashlib.sha256(uri.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    record_id = (record_id or "").strip().strip("<>")
    return record_id.removeprefix("urn:uuid:") or "warc-record"


def read_warc(path: Path, published: dt.date | None, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    """The articles of a WARC file, streamed.

    Example:
        >>> # for item in read_warc(Path("crawl.warc.gz"), None, 5_000_000): print(item.id, item.title)
    """
    origin = str(path)
    stream, gz = open_bytes(path)
    with stream:
        if path.name.lower().endswith(".gz") and gz is None:
            yield Skipped(origin, BadArchive.code, "not gzip data, though the name ends in .gz")
            return
        if peek_start(stream, 5) != b"WARC/":
            yield Skipped(origin, BadArchive.code, "not a WARC file: it does not start with a WARC/1.x record header")
            return
        responses = iter_responses(stream, max_bytes)
        seen = pages = 0  # the number of the last response read; HTML pages yielded
        damage = None
        try:
            for response in responses:
                seen = response.number
                item = _article(response, origin, published, max_bytes)
                if item is not None:
                    pages += 1
                    yield item
        except Truncated as cut:
            damage = f"record {cut.number} is cut off (truncated file)"
        except READ_ERRORS as error:
            damage = f"corrupt WARC after record {seen} ({type(error).__name__}: {str(error)[:120]})"
        if gz is not None and gz.damage:
            damage = f"{gz.damage} after {human_size(gz.decompressed)} decompressed"
        if damage:
            yield Skipped(origin, BadArchive.code, f"{damage}; kept the {pages} HTML page{'' if pages == 1 else 's'} read before it")
        elif not pages:
            yield Skipped(origin, EmptyInput.code, "no HTML pages: the file holds no successful HTML response")


def _article(response: WarcResponse, origin: str, published: dt.date | None, max_bytes: int) -> RawArticle | Skipped | None:
    """The article of one response, a Skipped for a bad HTML page, ``None`` for a record that is no page."""
    if not may_be_page(response.status, response.content_type):
        return None
    body = response.body or b""
    if response.content_type is None and not body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return None  # untyped and not HTML: a script, a style sheet, an image
    where = f"{origin}#{response.number}"
    try:
        check_size(response.length, max_bytes, "response")
        page = extract_html(_decode(body, response.charset), url=response.uri)
        check_text(page.text, max_bytes=max_bytes, what="extracted text")
    except InputError as error:
        return Skipped(where, error.code, f"{error.message} ({response.uri or response.record_id})")
    return raw_from_page(page, warc_article_id(response.uri, response.record_id), where, published)


def _decode(body: bytes, charset: str | None) -> str:
    """The page as text: its declared charset, else UTF-8, else trafilatura's detection (as a browser would guess)."""
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return body.decode(codecs.lookup(encoding).name)
            except (LookupError, UnicodeDecodeError):
                continue
    from trafilatura.utils import decode_file

    return decode_file(body)


#: what FastWARC raises on a malformed (not merely truncated) file
READ_ERRORS: tuple[type[BaseException], ...] = (OSError, ValueError, EOFError)


def iter_responses(stream: io.BufferedIOBase, max_bytes: int) -> Iterator[WarcResponse]:
    """HTTP responses of an uncompressed WARC stream, read with FastWARC.

    The payload of a response that may be a page and is within ``max_bytes`` is read; other
    records are skipped over. Every record is checked to be complete.

    Raises:
        Truncated: the stream ends inside a record.
    """
    return _fastwarc_responses(stream, max_bytes)


def _fastwarc_responses(stream, max_bytes: int) -> Iterator[WarcResponse]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    # auto_decode stays off: decoding hides a truncated payload, so it is undone after the length check
    records = ArchiveIterator(stream, record_types=WarcRecordType.any_type, parse_http=True, auto_decode="none", stream_detect=False)
    for number, record in enumerate(records, 1):
        if not (record.headers.get("Content-Length") or "").strip().isdigit():
            raise Truncated(number)  # the header block itself was cut (at worst right after "Content-Length:")
        http = record.http_headers if record.record_type == WarcRecordType.response and record.is_http_parsed else None
        if http is None or http.status_code is None:  # not an HTTP response (a request, metadata, a dns: lookup)
            if record.reader.consume() < record.content_length:
                raise Truncated(number)
            continue
        content_type = (record.http_content_type or "").lower() or None
        body = None
        if record.content_length <= max_bytes and may_be_page(http.status_code, content_type):
            raw = record.reader.read()
            if len(raw) < record.content_length:
                raise Truncated(number)
            body = _undo_http_encodings(raw, http.get("Transfer-Encoding"), http.get("Content-Encoding"))
        elif record.reader.consume() < record.content_length:
            raise Truncated(number)
        yield WarcResponse(number, record.headers.get("WARC-Target-URI"), record.record_id, http.status_code,
                           content_type, record.http_charset, record.content_length, body)


def _undo_http_encodings(raw: bytes, transfer: str | None, content: str | None) -> bytes:
    """The payload without chunking and compression, by FastWARC's stream readers; undecodable stays as it is."""
    from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader, ZstdReader

    readers = {"gzip": GzipReader, "x-gzip": GzipReader, "deflate": lambda s: GzipReader(s, zlib=True), "br": BrotliReader, "zstd": ZstdReader}
    try:
        if transfer and "chunked" in transfer.lower():
            raw = ChunkedReader(io.BytesIO(raw)).read()
        for coding in reversed([c.strip().lower() for c in (content or "").split(",") if c.strip()]):
            if coding in readers:
                raw = readers[coding](io.BytesIO(raw)).read()
    except OSError:  # a server that lied about its encoding: the page as sent is the best there is
        pass
    return raw
