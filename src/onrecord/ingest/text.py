"""Plain-text files: one article per file, the whole file is the text, the file stem is the id."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..types import RawArticle, Skipped
from .validate import check_size, check_text, decode_utf8


def read_file_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, refusing files over ``max_bytes`` before reading them.

    Raises:
        TooLarge: the file is over the limit (checked on its size, so nothing big is read).
    """
    check_size(path.stat().st_size, max_bytes, "file")
    with open(path, "rb") as f:
        data = f.read(max_bytes + 1)
    check_size(len(data), max_bytes, "file")  # it grew since stat(), or stat() cannot tell (a pipe)
    return data


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR as LF, exactly as Python's text mode reads files (offsets refer to this text).

    Example:
        >>> normalise_newlines("one\\r\\ntwo\\rthree")
        'one\\ntwo\\nthree'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_text(path: Path, article_id: str, published: dt.date | None, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    """The one article of a plain-text file, or why it cannot be one.

    Example:
        >>> from pathlib import Path
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "storm.txt"
        >>> _ = p.write_text("Officials said the road was safe.", "utf-8")
        >>> next(read_text(p, "storm", None, 1000)).text
        'Officials said the road was safe.'
    """
    origin = str(path)
    try:
        text = normalise_newlines(decode_utf8(read_file_bytes(path, max_bytes)))
        check_text(text, max_bytes=max_bytes, what="file")
    except InputError as error:
        yield Skipped(origin, error.code, error.message)
        return
    yield RawArticle(id=article_id, text=text, published=published, origin=origin)
