"""Readers that turn files into ``RawArticle`` (or ``Skipped``, with the reason). No NLP here.

One module per format: :mod:`.text` (plain text), :mod:`.html` (trafilatura), :mod:`.records`
(JSON, JSONL, gzipped JSONL), :mod:`.warc` (FastWARC); :mod:`.validate` holds the checks
they share. This module picks the reader by file name, or by the first bytes of a file without an
extension, and walks folders. The accepted formats and every error code are in ``docs/input.md``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import MissingFile, UnsupportedInput
from ..types import RawArticle, Skipped
from .html import read_html
from .records import raw_from_record, read_json, read_jsonl
from .text import read_text
from .validate import DEFAULT_MAX_BYTES
from .warc import read_warc

__all__ = ["iter_articles", "raw_from_record", "detect_format", "SUFFIXES", "DEFAULT_MAX_BYTES"]

#: File name endings and the format read for each (longest first, so ``.jsonl.gz`` wins over ``.gz``).
SUFFIXES: dict[str, str] = {
    ".warc.gz": "warc",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".json.gz": "jsonl",
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}

_Reader = Callable[[Path, str, "dt.date | None", int], Iterator["RawArticle | Skipped"]]
_READERS: dict[str, _Reader] = {
    "text": read_text,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "warc": lambda path, base, published, max_bytes: read_warc(path, published, max_bytes),
}


def iter_articles(
    paths: Iterable[Path | str] | Path | str,
    published: dt.date | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    exclude: Iterable[Path | str] = (),
) -> Iterator[RawArticle | Skipped]:
    """Every article in the given files and folders, in a deterministic order; bad input as ``Skipped``.

    Folders are read recursively in sorted order, hidden files and folders left out. A bad file,
    line or record becomes a ``Skipped`` naming it, with a coded one-line reason, and reading goes
    on; nothing about the input makes this raise. Article ids are unique within one call: a repeated
    id gets ``-2``, ``-3`` … in reading order, so the same inputs give the same ids in every run.

    Args:
        paths: files and folders (a single path is accepted too).
        published: the publication date of articles whose input carries none.
        max_bytes: the largest input accepted for one article (file, JSONL line or WARC record).
        exclude: files never read, named or found in a folder: the command's own output
            (``analyze DIR --jsonl DIR/out.jsonl`` must not read what it writes).

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "bridge.txt").write_text("The mayor said the bridge would reopen on Friday.")
        >>> _ = (folder / "empty.txt").write_text("  ")
        >>> [str(item.id if isinstance(item, RawArticle) else item.code) for item in iter_articles([folder])]
        ['bridge', 'E001']
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    skip = frozenset(os.path.realpath(p) for p in exclude)
    return unique_ids(item for path in paths for item in _read_path(Path(path), published, max_bytes, skip))


def detect_format(path: Path) -> tuple[str | None, str]:
    """The format of a file (``text``, ``html``, ``json``, ``jsonl``, ``warc`` or ``None``) and its base name.

    The name decides; a file without an extension is recognised by its first bytes (a WARC
    header, gzip data, an HTML doctype or tag, a JSON object) and is plain text otherwise.

    Example:
        >>> detect_format(Path("feeds/wire.jsonl.gz"))
        ('jsonl', 'wire')
    """
    name = path.name
    lower = name.lower()
    for suffix, fmt in SUFFIXES.items():
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return fmt, name[: -len(suffix)]
    if path.suffix:
        return None, path.stem
    return _sniff(path), name


def _sniff(path: Path) -> str:
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 4096)
        except zlib.error:
            return "text"  # the text reader reports it as binary data
        if head.startswith(b"WARC/"):
            return "warc"
        return "jsonl" if head.lstrip()[:1] in (b"{", b"[") else "text"
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "json" if start[:1] == b"{" else "text"


def _read_path(path: Path, published: dt.date | None, max_bytes: int, skip: frozenset[str] = frozenset()) -> Iterator[RawArticle | Skipped]:
    if skip and os.path.realpath(path) in skip:
        return
    try:
        info = path.stat()
    except FileNotFoundError:
        yield Skipped(str(path), MissingFile.code, "no such file or folder")
        return
    except OSError as error:
        yield Skipped(str(path), MissingFile.code, f"cannot read: {error.strerror or error}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_folder(path, published, max_bytes, skip=skip)
    else:
        yield from _read_file(path, info, published, max_bytes)


def _read_folder(folder: Path, published, max_bytes: int, seen: set | None = None, skip: frozenset[str] = frozenset()) -> Iterator[RawArticle | Skipped]:
    seen = set() if seen is None else seen
    key = os.path.realpath(folder)
    if key in seen:  # a symlink back up the tree: each folder once
        return
    seen.add(key)
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as error:
        yield Skipped(str(folder), MissingFile.code, f"cannot list the folder: {error.strerror or error}")
        return
    for name in names:
        path = folder / name
        if name.startswith(".") or skip and os.path.realpath(path) in skip:
            continue
        try:
            info = path.stat()
        except OSError as error:  # a dangling symlink, or a file removed while we walk
            yield Skipped(str(path), MissingFile.code, f"cannot read: {error.strerror or error}")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _read_folder(path, published, max_bytes, seen, skip)
        else:
            yield from _read_file(path, info, published, max_bytes)


def _read_file(path: Path, info: os.stat_result, published, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    origin = str(path)
    if not stat.S_ISREG(info.st_mode):
        yield Skipped(origin, UnsupportedInput.code, "not a regular file (a device, pipe or socket)")
        return
    try:
        fmt, base = detect_format(path)
        if fmt is None:
            known = ", ".join(SUFFIXES)
            yield Skipped(origin, UnsupportedInput.code, f"unsupported file type {path.suffix!r}: onrecord reads {known} and text files without an extension")
            return
        yield from _READERS[fmt](path, base, published, max_bytes)
    except OSError as error:  # unreadable, or an I/O error part way (what was read before it stays read)
        yield Skipped(origin, MissingFile.code, f"cannot read: {error.strerror or error}")


def unique_ids(items: Iterable[RawArticle | Skipped]) -> Iterator[RawArticle | Skipped]:
    """Make article ids unique within one stream: a repeated id gets ``-2``, ``-3`` … in reading order.

    Skipped items pass through unchanged. As reading order is fixed, the same inputs get the same ids
    in every run (the store and the Spark engine rely on it).

    Example:
        >>> from onrecord.types import RawArticle
        >>> [a.id for a in unique_ids([RawArticle(id="a", text="x"), RawArticle(id="a", text="y"), RawArticle(id="a-2", text="z")])]
        ['a', 'a-2', 'a-2-2']
    """
    seen: set[str] = set()
    for item in items:
        if isinstance(item, RawArticle):
            if item.id in seen:
                n = 2
                while f"{item.id}-{n}" in seen:
                    n += 1
                item = dataclasses.replace(item, id=f"{item.id}-{n}")
            seen.add(item.id)
        yield item
