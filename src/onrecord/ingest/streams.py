"""Opening possibly gzipped inputs as byte streams that remember where and why they ended.

A truncated or corrupt gzip file must not lose what was read before the damage: the stream here
ends cleanly at the damage (like an end of file) and records what happened, so a reader keeps every
record it already had and then reports the truncation as one ``Skipped``.
"""
from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path

GZIP_MAGIC = b"\x1f\x8b"


class TolerantGzip(io.RawIOBase):
    """Decompressed bytes of a gzip file; damage ends the stream and is kept in ``damage``.

    Example:
        >>> import gzip, io
        >>> whole = gzip.compress(b"one\\ntwo\\n")
        >>> stream = TolerantGzip(io.BytesIO(whole[:-12]))
        >>> data = stream.read()
        >>> stream.damage is not None, data.startswith(b"one")
        (True, True)
    """

    def __init__(self, raw: io.BufferedIOBase):
        super().__init__()
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self.damage: str | None = None  # why the stream ended early, if it did
        self.decompressed = 0  # bytes handed out so far

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        # FastWARC asks where the stream is (and never seeks): the position in the decompressed data
        return self.decompressed

    def readinto(self, buffer) -> int:
        if self.damage is not None:
            return 0
        try:
            data = self._gzip.read1(len(buffer))  # one step: what was decompressed before damage is kept
        except EOFError:
            self.damage = "truncated gzip (the compressed stream ends before its end marker)"
            return 0
        except (gzip.BadGzipFile, zlib.error, OSError) as error:
            self.damage = f"corrupt gzip ({error})"
            return 0
        buffer[: len(data)] = data
        self.decompressed += len(data)
        return len(data)

    def close(self) -> None:
        self._gzip.close()
        super().close()


def starts_with_gzip_magic(path: Path) -> bool:
    """Whether the file at ``path`` begins like gzip data."""
    with open(path, "rb") as f:
        return f.read(2) == GZIP_MAGIC


def open_bytes(path: Path) -> tuple[io.BufferedReader, TolerantGzip | None]:
    """A buffered byte stream of ``path``, decompressed when the file is gzip data.

    Returns the stream and, for gzip files, the :class:`TolerantGzip` below it (ask its ``damage``
    after reading). Whether to decompress is decided by the bytes, not the name, so a ``.gz`` that
    is not gzip is read as it is and its parser reports what it finds.
    """
    raw = open(path, "rb")
    if raw.read(2) != GZIP_MAGIC:
        raw.seek(0)
        return raw, None
    raw.seek(0)
    inner = TolerantGzip(raw)
    return io.BufferedReader(inner, buffer_size=64 * 1024), inner


def peek_start(stream: io.BufferedReader, n: int = 64) -> bytes:
    """Up to ``n`` leading bytes of ``stream`` without consuming them."""
    return stream.peek(n)[:n]
