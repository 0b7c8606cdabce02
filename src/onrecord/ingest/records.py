"""JSON records: ``.json`` (one record or a list), ``.jsonl`` and gzipped JSONL (``.jsonl.gz``, ``.json.gz``).

A record is an object with ``id`` and ``text`` (or ``html``, run through trafilatura) and optional
``title``, ``published``, ``url``, ``outlet``, ``author``; other keys are ignored. JSONL is read line
by line (never the whole file), so one bad line costs that line only, and a truncated gzip keeps
every line before the damage.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..errors import BadArchive, BadDate, BadJson, BinaryInput, EmptyInput, InputError, NotUtf8, TooLarge
from ..types import RawArticle, Skipped
from .html import extract_html, raw_from_page
from .streams import open_bytes, peek_start
from .validate import DEFAULT_MAX_BYTES, binary_kind, check_size, check_text, decode_utf8, human_size, parse_published

#: A JSON document (not JSONL) is parsed whole, so it may be at most this many times ``max_bytes``.
DOCUMENT_FACTOR = 20
_META_FIELDS = ("title", "url", "outlet", "author")


def raw_from_record(
    record: object,
    *,
    origin: str,
    published: dt.date | None = None,
    default_id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RawArticle | Skipped:
    """One record (a parsed JSON object, or a table row as a dict) as a raw article, or why not.

    Args:
        record: the object: ``id``, ``text`` or ``html``, and optional metadata.
        origin: where it came from, for messages (``feed.jsonl:12``).
        published: the date to use when the record has none.
        default_id: the id when the record has none (default: ``origin``).
        max_bytes: the largest text accepted.

    Example:
        >>> raw_from_record({"id": 7, "text": "Officials said the road was safe.", "published": "2024-06-04"}, origin="x:1")
        RawArticle(id='7', text='Officials said the road was safe.', title=None, published=datetime.date(2024, 6, 4), url=None, outlet=None, author=None, origin='x:1', warnings=())
    """
    try:
        return _raw_from_record(record, origin, published, default_id, max_bytes)
    except (InputError, BadDate) as error:
        return Skipped(origin, error.code, error.message)


def _raw_from_record(record, origin, published, default_id, max_bytes) -> RawArticle:
    if not isinstance(record, Mapping):
        raise BadJson(f"expected a JSON object with 'id' and 'text', got {_json_kind(record)}")
    meta = {name: _string_field(record, name) for name in _META_FIELDS}
    date = parse_published(record.get("published"))
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        keys = ", ".join(sorted(map(str, record))[:8]) or "none"
        raise BadJson(f"record has no 'text' (or 'html') field; its keys: {keys}")
    if text is not None:
        if not isinstance(text, str):
            raise BadJson(f"'text' must be a string, not {_json_kind(text)}")
        check_text(text, max_bytes=max_bytes, what="'text'")
    else:
        if not isinstance(html, str):
            raise BadJson(f"'html' must be a string, not {_json_kind(html)}")
        check_size(len(html.encode("utf-8", "surrogatepass")), max_bytes, "'html'")
        if not html.strip():
            raise EmptyInput("'html' is empty")
        page = extract_html(html, url=meta["url"])
        check_text(page.text, max_bytes=max_bytes, what="text extracted from 'html'")
        text, date = page.text, date or page.published
        meta = {"title": meta["title"] or page.title, "url": meta["url"] or page.url,
                "outlet": meta["outlet"] or page.sitename, "author": meta["author"] or page.author,
                "warnings": page.warnings}
    return RawArticle(id=_record_id(record, default_id or origin), text=text, published=date or published, origin=origin, **meta)


def _record_id(record: Mapping, default: str) -> str:
    value = record.get("id")
    if isinstance(value, bool) or not isinstance(value, (str, int, type(None))):
        raise BadJson(f"'id' must be a string or an integer, not {_json_kind(value)}")
    value = str(value).strip() if value is not None else ""
    return value or default


def _string_field(record: Mapping, name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadJson(f"'{name}' must be a string, not {_json_kind(value)}")
    return value.strip() or None


def _json_kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def read_json(path: Path, base: str, published: dt.date | None, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    """A ``.json`` file: one record or a list of records (JSONL saved as ``.json`` is read as JSONL).

    Example:
        >>> import json, tempfile
        >>> p = Path(tempfile.mkdtemp()) / "feed.json"
        >>> _ = p.write_text(json.dumps([{"id": "a", "text": "Officials said the road was safe."}]))
        >>> [r.id for r in read_json(p, "feed", None, 1000)]
        ['a']
    """
    stream, gz = open_bytes(path)
    try:
        with stream:
            value = _load_document(stream, gz, path, max_bytes)
    except InputError as error:
        yield Skipped(str(path), error.code, error.message)
        return
    if value is _SEQUENCE:
        yield from read_jsonl(path, base, published, max_bytes)
    else:
        yield from _records_of(value, path, base, published, max_bytes)


_SEQUENCE = object()  # what _load_document returns for several JSON objects one after another (JSONL)


def _load_document(stream, gz, path: Path, max_bytes: int) -> object:
    """The parsed JSON value of a whole document, or ``_SEQUENCE``; raises an InputError saying what is wrong."""
    limit = DOCUMENT_FACTOR * max_bytes
    if gz is None:
        _check_document_size(path.stat().st_size, limit)
    data = stream.read(limit + 1)
    if gz is not None and gz.damage:
        raise BadArchive(f"{gz.damage} after {human_size(gz.decompressed)}; a JSON document cannot be read in part")
    _check_document_size(len(data), limit, at_least=gz is not None)
    text = decode_utf8(data)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and text.lstrip("\ufeff \t\r\n")[:1] == "{":
            return _SEQUENCE
        raise BadJson(f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    except (ValueError, RecursionError) as error:  # an integer with too many digits, nesting too deep
        raise BadJson(f"malformed JSON: {type(error).__name__}: {str(error)[:120]}") from None


def _check_document_size(size: int, limit: int, at_least: bool = False) -> None:
    if size > limit:
        more = "more than " if at_least else ""
        raise TooLarge(f"JSON document is {more}{human_size(size)}, over the {human_size(limit)} limit for a document "
                       f"read whole ({DOCUMENT_FACTOR} x max_bytes); write large corpora as JSONL, which is streamed")


def _records_of(value: object, path: Path, base: str, published, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    origin = str(path)
    if isinstance(value, list):
        if not value:
            yield Skipped(origin, EmptyInput.code, "the JSON list holds no records")
        for n, record in enumerate(value, 1):
            yield raw_from_record(record, origin=f"{path}#{n}", published=published, default_id=f"{base}:{n}", max_bytes=max_bytes)
    elif isinstance(value, dict):
        yield raw_from_record(value, origin=origin, published=published, default_id=base, max_bytes=max_bytes)
    else:
        yield Skipped(origin, BadJson.code, f"the JSON holds {_json_kind(value)}; expected an object or a list of objects")


def read_jsonl(path: Path, base: str, published: dt.date | None, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    """JSONL, gzipped or not, streamed line by line; blank lines are ignored.

    A ``.json.gz`` whose content starts with ``[`` is a gzipped JSON list and read as one.

    Example:
        >>> import json, tempfile
        >>> p = Path(tempfile.mkdtemp()) / "wire.jsonl"
        >>> _ = p.write_text('{"id": "a", "text": "Officials said the road was safe."}\\nnot json\\n')
        >>> [getattr(item, "id", None) or item.code for item in read_jsonl(p, "wire", None, 1000)]
        ['a', 'E006']
    """
    origin = str(path)
    stream, gz = open_bytes(path)
    with stream:
        if path.name.lower().endswith(".gz") and gz is None:
            yield Skipped(origin, BadArchive.code, "not gzip data, though the name ends in .gz")
            return
        head = peek_start(stream, 4096)
        kind = binary_kind(head)
        if kind:
            yield Skipped(origin, BinaryInput.code, f"binary file, not JSON lines: {kind}")
            return
        if head.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"[":  # a gzipped JSON list, not JSONL
            try:
                value = _load_document(stream, gz, path, max_bytes)
            except InputError as error:
                yield Skipped(origin, error.code, error.message)
                return
            yield from _records_of(value, path, base, published, max_bytes)
            return
        lines = 0
        for lineno, line, size in _lines(stream, max_bytes):
            if gz is not None and gz.damage and line is not None and not line.endswith(b"\n"):
                break  # the line the damage cut off: reported with the damage below
            lines = lineno
            line_origin = f"{path}:{lineno}"
            if line is None:
                yield Skipped(line_origin, TooLarge.code, f"line is {human_size(size)} ({size:,} bytes), over the {human_size(max_bytes)} limit (max_bytes={max_bytes:,})")
                continue
            if not line.strip():
                continue
            yield _record_from_line(line, lineno, line_origin, f"{base}:{lineno}", published, max_bytes)
        if gz is not None and gz.damage:
            kept = {0: "no complete line came before it", 1: "kept line 1, read before it"}.get(lines, f"kept lines 1-{lines}, read before it")
            yield Skipped(origin, BadArchive.code, f"{gz.damage} after {human_size(gz.decompressed)} decompressed; {kept}")


def _record_from_line(line: bytes, lineno: int, origin: str, default_id: str, published, max_bytes: int) -> RawArticle | Skipped:
    try:
        text = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as error:
        return Skipped(origin, NotUtf8.code, f"invalid UTF-8 at byte {error.start:,} of the line (bytes {line[error.start:error.start + 4].hex(' ')})")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        return Skipped(origin, BadJson.code, f"malformed JSON at column {error.colno}: {error.msg}")
    except (ValueError, RecursionError) as error:
        return Skipped(origin, BadJson.code, f"malformed JSON: {type(error).__name__}: {str(error)[:120]}")
    return raw_from_record(record, origin=origin, published=published, default_id=default_id, max_bytes=max_bytes)


def _lines(stream, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(line number, line, size)``; an over-long line comes as ``None`` and is skipped without being held."""
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while True:  # skip the rest of the line in bounded pieces
                rest = stream.readline(1 << 20)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None, size
        else:
            yield lineno, line, len(line)
