"""What runs inside Spark's Python workers: read a shard, analyse a partition.

Nothing here is pickled with state from the driver: the functions are module-level and take
only plain settings, and the spaCy pipeline is loaded lazily, once per Python worker process,
into :data:`_PIPELINES` (Spark reuses its Python workers across tasks, so the load is paid once
per worker, not per task). Every article goes through the same per-article function as the
local engine: :func:`onrecord.pipeline.analyze_raws` with :func:`onrecord.pipeline.load_nlp`, with
spaCy's own ``n_process`` left at 1 (Spark is the parallelism).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..ingest import iter_articles, raw_from_record
from ..pipeline import load_nlp
from ..types import Article, RawArticle, Skipped
from .base import EngineSettings, analyze_batch
from .spark_tables import article_row, skipped_row

#: Test-only fault injection (tests/engine/test_spark.py): a folder. When it holds a file ``arm``,
#: the first Python worker to get two articles into a partition renames it to ``fired`` (atomic:
#: one winner) and SIGKILLs its own process; a task attempt after the first leaves a ``retried-*``
#: file there, so a test can see that Spark itself retried the task.
KILL_ONCE_ENV = "ONRECORD_SPARK_KILL_ONCE"

#: The pipelines loaded in this Python worker, by (model, min_confidence).
_PIPELINES: dict[tuple[str | None, float], object] = {}


def worker_nlp(model: str | None, min_confidence: float):
    """The onrecord pipeline of this Python worker, loaded on first use.

    Example:
        >>> nlp = worker_nlp(None, 0.0)
        >>> worker_nlp(None, 0.0) is nlp
        True
    """
    key = (model, min_confidence)
    if key not in _PIPELINES:
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
    yield from iter_articles([Path(path)], published=published)


def _read_parquet(path: str, published: dt.date | None) -> Iterator[RawArticle | Skipped]:
    """Rows of a Parquet shard (``id``, ``text`` or ``html``, optional metadata), each read as a JSON
    record is: by :func:`onrecord.ingest.raw_from_record`."""
    import pyarrow.parquet as pq  # the Spark extra (pyarrow), needed for Parquet shards only

    n = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            n += 1
            yield raw_from_record(row, origin=f"{path}:{n}", published=published)


def read_shards(
    shards: Iterable[tuple[int, str]], published: dt.date | None = None, base: str | None = None
) -> Iterator[tuple]:
    """``(shard, record, item)`` for every input of the given ``(shard number, path)`` pairs.

    A relative path is read from ``base`` (the driver's working directory: an executor runs in a
    folder of its own) but keeps its relative spelling in every origin, as the local engine reports it.
    """
    for shard, path in shards:
        full = os.path.join(base, path) if base and not os.path.isabs(path) else path
        for record, item in enumerate(read_shard(full, published)):
            yield shard, record, _respelled(item, full, path)


def _respelled(item: RawArticle | Skipped, full: str, given: str) -> RawArticle | Skipped:
    origin = item.origin
    if full == given or not origin or not origin.startswith(full):
        return item
    origin = given + origin[len(full) :]
    if isinstance(item, Skipped):
        return Skipped(origin, item.code, item.reason.replace(full, given))
    return dataclasses.replace(item, origin=origin)


def analyze_ordered(items: Iterable[tuple], settings: EngineSettings) -> Iterator[tuple]:
    """``(key, Article | Skipped)`` for ``(key, RawArticle | Skipped)`` pairs, sorted by key.

    Items are analysed in key order, so results do not depend on how Spark cut the partitions;
    the raws go through :func:`onrecord.engine.base.analyze_batch` (``analyze_raws`` with an
    article whose analysis raises isolated as ``Skipped``), exactly as in the local engine.
    """
    ordered = sorted(items, key=lambda t: t[0])
    if not any(isinstance(item, RawArticle) for _, item in ordered):
        yield from ordered
        return
    nlp = worker_nlp(settings.model, settings.min_confidence)
    done = 0
    for start in range(0, len(ordered), settings.batch_size):
        batch = ordered[start : start + settings.batch_size]
        raws = [item for _, item in batch if isinstance(item, RawArticle)]
        results = iter(analyze_batch(raws, nlp, settings.batch_size) if raws else ())
        for key, item in batch:
            yield key, (item if isinstance(item, Skipped) else next(results))
            done += 1
            if done == 2:
                _maybe_kill_self()


def analyze_partition(items: Iterable[tuple], settings: EngineSettings) -> Iterator[tuple[str, tuple]]:
    """Analyse one partition of ``(shard, record, RawArticle | Skipped)``; yields table rows.

    Each output is ``("articles", row)`` or ``("skipped", row)`` (rows of
    :mod:`onrecord.engine.spark_tables`), in (shard, record) order.
    """
    keyed = (((shard, record), item) for shard, record, item in items)
    origins: dict[tuple[int, int], str | None] = {}

    def remember() -> Iterator[tuple]:
        for key, item in keyed:
            if isinstance(item, RawArticle):
                origins[key] = item.origin
            yield key, item

    for (shard, record), result in analyze_ordered(remember(), settings):
        if isinstance(result, Article):
            yield "articles", article_row(shard, record, origins.pop((shard, record)), result)
        else:
            yield "skipped", skipped_row(shard, record, result)


def analyze_indexed(items: Iterable[tuple[int, RawArticle | Skipped]], settings: EngineSettings) -> Iterator[tuple]:
    """``(index, Article | Skipped)`` for one partition of indexed items (the engine's ``map``)."""
    yield from analyze_ordered(items, settings)


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
