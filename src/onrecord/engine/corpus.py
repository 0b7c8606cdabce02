"""Ingesting a corpus: read, skip what is stored, analyse on an engine, store each article, resolve speakers.

The data path of ``onrecord ingest``::

    reader thread ──► de-duplication ──► engine (worker processes) ──► store, one transaction per article
    (iter_articles)   (text hashes        (analyze_raws, in order)     ──► cross-article resolution
                       already stored)

Idempotent and resumable: an article is either committed with everything extracted from it or not
at all, and a rerun skips every text already stored before any parsing, so a run killed at any point
and started again ends with the same store as an uninterrupted one.
"""
from __future__ import annotations

import datetime as dt
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import iter_articles
from ..serialize import text_sha256
from ..store import Store
from ..store.records import ResolutionReport
from ..types import RawArticle, Skipped
from .base import Engine

#: raw articles read ahead of the analysis (the reader thread runs ahead this far, then waits)
READ_AHEAD = 5000
#: hashes looked up in the store at once
LOOKUP_BATCH = 64


@dataclass
class IngestProgress:
    """Counts so far; ``total`` is known once the reader has reached the end of the input."""

    done: int = 0  # inputs finished: stored, already there, or skipped
    total: int | None = None
    read: int = 0
    stored: int = 0
    existing: int = 0
    skipped: int = 0


@dataclass
class IngestReport:
    """What an ingest did, and where its time went."""

    stored: int = 0  # new articles
    existing: int = 0  # texts stored before (or twice in the input)
    skipped: list[Skipped] = field(default_factory=list)
    attributions: int = 0  # in the new articles
    seconds: float = 0.0  # wall time, reading to resolution
    write_seconds: float = 0.0  # time inside the store's per-article transactions
    resolution: ResolutionReport | None = None
    workers: int = 1
    interrupted: bool = False

    @property
    def rate(self) -> float:
        """New articles per second of wall time."""
        return self.stored / self.seconds if self.seconds else 0.0

    @property
    def write_share(self) -> float:
        """Share of wall time spent writing to the store (resolution included)."""
        resolve = self.resolution.seconds if self.resolution else 0.0
        return (self.write_seconds + resolve) / self.seconds if self.seconds else 0.0


class _Reader(threading.Thread):
    """Reads the input ahead of the analysis, counting items, so progress knows the total early."""

    _END = object()

    def __init__(self, items: Iterable[RawArticle | Skipped], progress: IngestProgress):
        super().__init__(name="onrecord-reader", daemon=True)
        self.items, self.progress = items, progress
        self.queue: queue.Queue = queue.Queue(maxsize=READ_AHEAD)
        self.error: BaseException | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            for item in self.items:
                self.progress.read += 1
                while not self.stop.is_set():
                    try:
                        self.queue.put(item, timeout=0.2)
                        break
                    except queue.Full:
                        continue
                if self.stop.is_set():
                    return
            self.progress.total = self.progress.read
        except BaseException as error:  # noqa: BLE001 - re-raised in the main thread
            self.error = error
        finally:
            if not self.stop.is_set():  # nobody reads after a stop; a full queue would block forever
                self.queue.put(self._END)

    def __iter__(self) -> Iterator[RawArticle | Skipped]:
        while True:
            item = self.queue.get()
            if item is self._END:
                if self.error is not None:
                    raise self.error
                return
            yield item


def ingest(
    inputs: Iterable[Path | str] | Iterable[RawArticle | Skipped],
    store: Store,
    engine: Engine,
    *,
    published: dt.date | None = None,
    resolve: bool = True,
    on_progress: Callable[[IngestProgress], None] | None = None,
    on_skipped: Callable[[Skipped], None] | None = None,
) -> IngestReport:
    """Analyse and store a corpus; every article in its own transaction.

    Args:
        inputs: files and folders (read with :func:`onrecord.ingest.iter_articles`), or raw articles.
        store: where to write.
        engine: where to run the per-article function (``LocalEngine(workers=2)``).
        published: the publication date of inputs that have none.
        resolve: run cross-article speaker resolution at the end (the global second stage).
        on_progress: called after every finished input with the counts so far.
        on_skipped: called with every input that could not be stored, as it happens.

    Example:
        >>> from onrecord.engine.local import LocalEngine  # doctest: +SKIP
        >>> with Store.open("var/demo.db") as store, LocalEngine(workers=2) as engine:  # doctest: +SKIP
        ...     report = ingest(["examples/articles"], store, engine)
    """
    started = time.perf_counter()
    report = IngestReport(workers=engine.workers)
    progress = IngestProgress()
    reader = _Reader(_raw_items(inputs, published), progress)
    origins: deque[str | None] = deque()
    seen_this_run: set[bytes] = set()

    def tick() -> None:
        progress.done += 1
        if on_progress is not None:
            on_progress(progress)

    def skip(item: Skipped) -> None:
        report.skipped.append(item)
        progress.skipped += 1
        if on_skipped is not None:
            on_skipped(item)
        tick()

    def new_raws() -> Iterator[RawArticle]:
        """Raw articles whose text is not stored yet; reader errors and known texts are settled here."""
        pending: list[RawArticle] = []

        def settle() -> Iterator[RawArticle]:
            known = store.known_hashes(text_sha256(r.text) for r in pending)
            for raw in pending:
                digest = text_sha256(raw.text)
                key = bytes.fromhex(digest)
                if digest in known or key in seen_this_run:
                    report.existing += 1
                    progress.existing += 1
                    tick()
                    continue
                seen_this_run.add(key)
                origins.append(raw.origin)
                yield raw
            pending.clear()

        for item in reader:
            if isinstance(item, Skipped):
                skip(item)
                continue
            pending.append(item)
            if len(pending) >= LOOKUP_BATCH:
                yield from settle()
        yield from settle()

    reader.start()
    try:
        with store.writer() as writer:
            for result in engine.map(new_raws()):
                origin = origins.popleft()
                if isinstance(result, Skipped):
                    skip(result)
                    continue
                t0 = time.perf_counter()
                added = writer.add(result, origin)
                report.write_seconds += time.perf_counter() - t0
                if added.created:
                    report.stored += 1
                    report.attributions += added.attributions
                    progress.stored += 1
                else:
                    report.existing += 1
                    progress.existing += 1
                tick()
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        reader.stop.set()
    if resolve and not report.interrupted and (report.stored or store.pending_groups()):
        report.resolution = store.resolve_entities()
    report.seconds = time.perf_counter() - started
    return report


def _raw_items(inputs, published: dt.date | None) -> Iterator[RawArticle | Skipped]:
    inputs = list(inputs) if not isinstance(inputs, Iterator) else inputs
    if isinstance(inputs, list) and all(isinstance(i, (str, Path)) for i in inputs):
        yield from iter_articles(inputs, published=published)
        return
    for item in inputs:
        if isinstance(item, (str, Path)):
            yield from iter_articles([item], published=published)
        else:
            yield item

