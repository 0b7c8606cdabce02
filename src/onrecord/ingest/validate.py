"""The checks every reader shares: size, binary content, UTF-8, emptiness, language, dates.

Each check raises an :class:`onrecord.errors.InputError` (or :class:`~onrecord.errors.BadDate`) whose
message is the one-line reason a user sees; the readers turn it into a ``Skipped`` naming the file
(and line or record). Nothing here knows about file formats.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources

from ..errors import BadDate, BinaryInput, EmptyInput, NotEnglish, NotUtf8, TooLarge

#: Largest input accepted for one article (a text or HTML file, a JSONL line, a WARC record's payload).
DEFAULT_MAX_BYTES = 5_000_000

#: Below this many letters a text is too short for a trustworthy language guess, so it is not judged.
MIN_LANGUAGE_LETTERS = 60
#: A text is rejected as not English only when py3langid is at least this sure of another language.
MIN_LANGUAGE_CONFIDENCE = 0.90
#: Characters looked at for the language guess (py3langid walks bytes in Python: keep it cheap).
LANGUAGE_SAMPLE_CHARS = 2000
#: Share of the sample's words that are English function words (``data/english_markers.txt``) above which
#: a text is English without loading py3langid (its model takes about 0.6 s of CPU to load): English news
#: runs at 10-15 %, other languages near 0.
ENGLISH_MARKER_SHARE = 0.06
#: Fewest words the marker share is computed on.
MIN_MARKER_WORDS = 30
_WORD = re.compile(r"[^\W\d_]+")

# File signatures of common binary formats (each has a byte no text file starts with, or is
# unmistakable). Source: the formats' specifications, as collected in file(1)'s magic database.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh91AY&SY", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard data"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"wOFF", "WOFF font"),
    (b"\x00\x00\x01\x00", "icon"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
# C0 controls other than tab, newline, vertical tab, form feed and carriage return, and DEL.
_CONTROL = frozenset(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F))
#: Share of control characters above which a decoded text is binary data, not prose.
MAX_CONTROL_SHARE = 0.02


def human_size(n: int) -> str:
    """``n`` bytes in the unit a person reads at a glance.

    Example:
        >>> human_size(12_345_678)
        '12.3 MB'
    """
    if n < 1000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1000:.1f} kB"
    return f"{n / 1_000_000:.1f} MB"


def check_size(size: int, max_bytes: int, what: str = "input") -> None:
    """Raise :class:`TooLarge` when ``size`` bytes exceed ``max_bytes``.

    Example:
        >>> check_size(10, 100)
    """
    if size > max_bytes:
        raise TooLarge(f"{what} is {human_size(size)} ({size:,} bytes), over the {human_size(max_bytes)} limit (max_bytes={max_bytes:,})")


def binary_kind(head: bytes) -> str | None:
    """What binary format ``head`` (the first bytes of a file) looks like, or ``None`` for text.

    Example:
        >>> binary_kind(b"%PDF-1.7 ...")
        'PDF document'
        >>> binary_kind(b"The council met on Monday.") is None
        True
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    nul = head.find(b"\x00")
    if nul >= 0:
        return f"binary data (NUL byte at offset {nul})"
    return None


def decode_utf8(data: bytes, *, where: str = "") -> str:
    """Decode ``data`` as UTF-8 (a leading byte-order mark is dropped).

    Raises:
        BinaryInput: ``data`` starts like a known binary format or holds a NUL byte.
        NotUtf8: a byte sequence is not UTF-8; the message gives its offset.

    Example:
        >>> decode_utf8("Café".encode())
        'Café'
    """
    kind = binary_kind(data[:4096]) or (binary_kind(data) if b"\x00" in data else None)
    if kind:
        raise BinaryInput(f"binary file, not text: {kind}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        bad = data[offset : offset + 4].hex(" ")
        raise NotUtf8(f"invalid UTF-8 at byte {offset:,}{where} (bytes {bad}); save the file as UTF-8") from None


def check_text(text: str, *, max_bytes: int, what: str = "text") -> str:
    """The shared checks on an article's text, after it was decoded or extracted.

    Raises:
        TooLarge: the text is over ``max_bytes`` as UTF-8.
        EmptyInput: nothing but whitespace.
        BinaryInput: NUL or many other control characters (binary data that happened to decode).
        NotEnglish: py3langid is confident the text is in another language.

    Example:
        >>> check_text("Officials said the road was safe.", max_bytes=1000)
        'Officials said the road was safe.'
    """
    if len(text) > max_bytes // 4:  # only long texts can be over the limit: skip encoding short ones
        check_size(len(text.encode("utf-8", "surrogatepass")), max_bytes, what)
    if not text.strip():
        raise EmptyInput(f"{what} is empty" if not text else f"{what} is only whitespace")
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if "\x00" in text:
        raise BinaryInput(f"binary data, not text: NUL character at offset {text.index(chr(0)):,}")
    controls = sum(1 for ch in sample if ch in _CONTROL)
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise BinaryInput(f"binary data, not text: {controls} control characters in the first {len(sample):,}")
    check_english(sample)
    return text


def check_english(text: str) -> None:
    """Raise :class:`NotEnglish` when ``text`` is confidently in another language.

    Short texts (fewer than ``MIN_LANGUAGE_LETTERS`` letters) are not judged: a headline or a
    one-line quote is too little for a language guess, and rejecting English by mistake is worse
    than letting a short foreign text through.

    Example:
        >>> check_english("Ana said yes.")
    """
    if sum(ch.isalpha() for ch in text) < MIN_LANGUAGE_LETTERS:
        return
    if clearly_english(text):
        return
    code, confidence = _language_identifier().classify(text)
    if code in ("en", "zxx") or confidence < MIN_LANGUAGE_CONFIDENCE:
        return
    name = _language_names().get(code, code)
    raise NotEnglish(f"not English: the text looks {name} ({code}, confidence {confidence:.2f}); onrecord analyses English text only")


def clearly_english(text: str) -> bool:
    """Whether English function words make up so much of ``text`` that no language guess is needed.

    Example:
        >>> clearly_english("The mayor said on Tuesday that the bridge would stay closed, and that the council had been told about it. " * 2)
        True
        >>> clearly_english("Le maire a dit mardi que le pont resterait fermé et que le conseil en avait été informé. " * 3)
        False
    """
    words = _WORD.findall(text[:LANGUAGE_SAMPLE_CHARS].lower())
    if len(words) < MIN_MARKER_WORDS:
        return False
    markers = _english_markers()
    return sum(word in markers for word in words) >= ENGLISH_MARKER_SHARE * len(words)


@functools.cache
def _english_markers() -> frozenset[str]:
    rows = resources.files("onrecord.data").joinpath("english_markers.txt").read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in rows if line.strip() and not line.startswith("#"))


@functools.cache
def _language_identifier():
    # loaded once per process (about a second); probabilities normalised so a threshold means something
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@functools.cache
def _language_names() -> dict[str, str]:
    rows = resources.files("onrecord.data").joinpath("language_names.tsv").read_text("utf-8").splitlines()
    return dict(line.split("\t", 1) for line in rows if line and not line.startswith("#"))


def parse_published(value: object, *, field: str = "published") -> dt.date | None:
    """A publication date from a record: ``YYYY-MM-DD``, an ISO 8601 timestamp, a date, or nothing.

    A timestamp keeps the calendar date it was written in (``2024-06-04T23:30:00-05:00`` is the 4th),
    since that is the date the outlet printed.

    Raises:
        BadDate: anything else, with the value in the message.

    Example:
        >>> parse_published("2024-06-04T08:30:00Z")
        datetime.date(2024, 6, 4)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text) if len(text) <= 10 else dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    raise BadDate(f"bad {field} date {shown}: expected YYYY-MM-DD or an ISO 8601 timestamp")
