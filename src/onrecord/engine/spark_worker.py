"""What runs inside Spark's Python workers: read a shard, analyse a partition.

Nothing here is pickled with state from the driver: the functions are module-level and take
only plain settings, and the spaCy pipeline is loaded lazily, once per Python worker process,
into :data:`_PIPELINES` (Spark reuses its Python workers across tasks, so the load is paid once
per worker, not per task). Every article goes through the same per-article function as the
local engine: :func:`onrecord.pipeline.analyze_raws` with :func:`onrecord.nlp.load_nlp`, with
spaCy's own ``n_process`` left at 1 (Spark is the parallelism).
"""
from __future__ import annotations

import datetime as dt
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..types import Article, RawArticle, Skipped

#: Test-only fault injection (tests/engine/test_spark.py): a folder. When it holds a file ``arm``,
#: the first Python worker to get two articles into a partition renames it to ``fired`` (atomic:
#: one winner) and SIGKILLs its own process; a task attempt after the first leaves a ``retried-*``
#: file there, so a test can see that Spark itself retried the task.
KILL_ONCE_ENV = "ONRECORD_SPARK_KILL_ONCE"

#: The pipelines loaded in this Python worker, by (model, min_confidence).
_PIPELINES: dict[tuple[str | None, float], object] = {}


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    """The few plain values a Spark task needs (pickled to the executors; no models in here)."""

    model: str | None = "default"
    min_confidence: float = 0.0
    batch_size: int = 16
    published: dt.date | None = None


def worker_nlp(model: str | None, min_confidence: float):
    """The onrecord pipeline of this Python worker, loaded on first use.

    Example:
        >>> nlp = worker_nlp(None, 0.0)
        >>> worker_nlp(None, 0.0) is nlp
        True
    """
    key = (model, min_confidence)
    if key not in _PIPELINES:
        from ..nlp import load_nlp

        _PIPELINES[key] = load_nlp(model, min_confidence)
    return _PIPELINES[key]


def read_shard(path: str, published: dt.date | None = None) -> Iterator[RawArticle | Skipped]:
    """The raw articles of one input shard (a text/HTML/JSON/JSONL/WARC file or a Parquet file).

    Parsing a record is the ingest package's job: every format but Parquet goes through
    :func:`onrecord.ingest.iter_articles`, exactly as the local engine reads it.
    """
    if path.endswith(".parquet"):
        yield from _read_parquet(path, published)
        return
    from ..ingest import iter_articles

    yield from iter_articles([Path(path)], published=published)


def _read_parquet(path: str, published: dt.date | None) -> Iterator[RawArticle | Skipped]:
    """Rows of a Parquet shard with ``id``/``text`` (and optional metadata) columns."""
    import pyarrow.parquet as pq

    from .. import ingest

    record_to_raw = getattr(ingest, "raw_from_record", None)
    n = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            origin = f"{path}:{n}"
            n += 1
            if record_to_raw is not None:
                yield record_to_raw(row, origin=origin, published=published)
                continue
            yield _plain_record(row, origin, published)


def _plain_record(row: dict, origin: str, published: dt.date | None) -> RawArticle | Skipped:
    # stands in until the ingest package exposes its JSON record parser (then that one is used)
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(origin, "E001", "record has no text")
    date = row.get("published")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date[:10])
        except ValueError:
            return Skipped(origin, "E020", f"bad published date {date!r}")
    elif isinstance(date, dt.datetime):
        date = date.date()
    return RawArticle(
        id=str(row.get("id") or origin),
        text=text,
        title=row.get("title"),
        published=date or published,
        url=row.get("url"),
        outlet=row.get("outlet"),
        author=row.get("author"),
        origin=origin,
    )


def read_shards(shards: Iterable[tuple[int, str]], published: dt.date | None = None) -> Iterator[tuple]:
    """``(shard, record, item)`` for every input of the given ``(shard number, path)`` pairs."""
    for shard, path in shards:
        for record, item in enumerate(read_shard(path, published)):
            yield shard, record, item


def analyze_partition(items: Iterable[tuple], settings: WorkerSettings) -> Iterator[tuple[str, tuple]]:
    """Analyse one partition of ``(shard, record, RawArticle | Skipped)``; yields table rows.

    Each output is ``("articles", row)`` or ``("skipped", row)`` (rows of
    :mod:`onrecord.engine.spark_tables`). Items are analysed in input order so results do not
    depend on how Spark cut the partitions.
    """
    from ..pipeline import analyze_raws
    from .spark_tables import article_row, skipped_row

    ordered = sorted(items, key=lambda t: (t[0], t[1]))
    if not ordered:
        return
    nlp = worker_nlp(settings.model, settings.min_confidence)
    numbers: deque[tuple[int, int, str | None]] = deque()

    def feed() -> Iterator[RawArticle | Skipped]:
        for shard, record, item in ordered:
            numbers.append((shard, record, item.origin))
            yield item

    for done, result in enumerate(analyze_raws(feed(), nlp, batch_size=settings.batch_size)):
        shard, record, origin = numbers.popleft()
        if isinstance(result, Article):
            yield "articles", article_row(shard, record, origin, result)
        else:
            yield "skipped", skipped_row(shard, record, result)
        if done == 1:
            _maybe_kill_self()


def _maybe_kill_self() -> None:
    """Test-only: die like an OOM-killed worker, once per arming, after a partial partition."""
    folder = os.environ.get(KILL_ONCE_ENV)
    if not folder:
        return
    from pyspark import TaskContext

    context = TaskContext.get()
    where = f"partition={context.partitionId()} attempt={context.attemptNumber()} pid={os.getpid()}"
    if context.attemptNumber() > 0:
        Path(folder, f"retried-{context.partitionId()}-{context.attemptNumber()}").write_text(where + "\n")
        return
    try:
        os.rename(os.path.join(folder, "arm"), os.path.join(folder, "fired"))
    except FileNotFoundError:
        return  # not armed, or another worker already fired
    Path(folder, "fired").write_text(where + "\n")
    os.kill(os.getpid(), signal.SIGKILL)
