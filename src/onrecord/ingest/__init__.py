"""Readers that turn files into RawArticle (or Skipped, with the reason). No NLP here.

Minimal placeholder: plain-text files only; the full reader set lands with the ingest work.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..types import RawArticle, Skipped


def iter_articles(paths: Iterable[Path | str], published: dt.date | None = None) -> Iterator[RawArticle | Skipped]:
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                text = f.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as error:
                yield Skipped(str(f), "E001", str(error))
                continue
            yield RawArticle(id=f.stem, text=text, published=published, origin=str(f))
