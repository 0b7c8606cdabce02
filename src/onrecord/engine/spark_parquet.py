"""Spark with Parquet in the middle: executors read the shards, analyse, write tables; the driver stores.

The data path of ``onrecord ingest --engine spark``::

    driver: list shards ──► executors: read shard ──► spread ──► analyse (spaCy once per worker)
                                                                   │
    store ◄── cross-article resolution ◄── driver: load in input order ◄── Parquet tables
                                                                          (articles, attributions,
                                                                           entities, skipped)

The tables are written through Spark's output committer: a task whose Python worker dies is
retried, and only the successful attempt's files are committed, so each article is written once.
Loading goes through the store's write API (one transaction per article, idempotent by text hash),
in (shard, record) order, so the store ends equal to the local engine's on the same input. The
speaker resolution across articles needs every article, so it runs once, after the load.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..ingest import unique_ids
from ..serialize import article_from_dict
from ..types import Article, RawArticle, Skipped
from .base import EngineSettings
from .corpus import IngestProgress, IngestReport
from .spark_tables import TABLES, attribution_rows, entity_rows, spark_schema
from .spark_worker import analyze_partition, read_shards


@dataclass(frozen=True)
class SparkRun:
    """What a Spark analysis wrote."""

    out_dir: Path
    shards: int
    articles: int
    skipped: int
    attributions: int
    entities: int
    seconds: float


def list_shards(paths: Iterable[Path | str]) -> list[str]:
    """The input files in the order :func:`onrecord.ingest.iter_articles` reads them.

    Files as given; folders walked depth first, names sorted within each folder, hidden names left
    out, each folder once (symlink loops). A path that cannot be read is listed anyway: the
    executor's reader reports it as ``Skipped``, as the local engine does.

    Example:
        >>> list_shards([])
        []
    """
    shards: list[str] = []

    def walk(folder: Path, seen: set[str]) -> None:
        key = os.path.realpath(folder)
        if key in seen:
            return
        seen.add(key)
        try:
            names = sorted(entry.name for entry in os.scandir(folder))
        except OSError:
            shards.append(str(folder))
            return
        for name in names:
            if name.startswith("."):
                continue
            path = folder / name
            if path.is_dir():
                walk(path, seen)
            else:
                shards.append(str(path))

    for path in map(Path, paths):
        if path.is_dir():
            walk(path, set())
        else:
            shards.append(str(path))
    return shards


def clashes_with(article_id: str, duplicated: frozenset[str]) -> bool:
    """Whether renumbering the ``duplicated`` ids can touch ``article_id``: it is one of them, or one
    of them with ``-N`` suffixes (``a``, ``a-2``, ``a-2-3`` for ``a``), the only forms a renumbered id takes.

    Example:
        >>> [clashes_with(i, frozenset({"a"})) for i in ("a", "a-2", "a-2-3", "a-b", "b")]
        [True, True, True, False, False]
    """
    while True:
        if article_id in duplicated:
            return True
        base, dash, number = article_id.rpartition("-")
        if not (dash and number.isdigit()):
            return False
        article_id = base


def renumber(candidates: list[tuple[tuple[int, int], str]]) -> dict[tuple[int, int], str]:
    """New ids for ``(key, id)`` pairs in input order, by the readers' own rule; only changed ones.

    Given every id that :func:`clashes_with` a repeated one, this equals what one
    :func:`onrecord.ingest.iter_articles` call over all inputs gives (``tests/engine`` checks it
    against the full rule with random ids).
    """
    # the readers' own renumbering rule, not a copy of it
    renamed = unique_ids(RawArticle(id=old, text="") for _, old in candidates)
    return {key: new.id for (key, old), new in zip(candidates, renamed) if new.id != old}


def _id_count(item: tuple) -> Iterator[tuple[str, int]]:
    if isinstance(item[2], RawArticle):
        yield item[2].id, 1


def _id_candidate(item: tuple, duplicated: frozenset[str]) -> Iterator[tuple[tuple[int, int], str]]:
    raw = item[2]
    if isinstance(raw, RawArticle) and clashes_with(raw.id, duplicated):
        yield (item[0], item[1]), raw.id


def _more(a: int, b: int) -> int:
    return a + b


def _unique_id_renames(raws) -> dict[tuple[int, int], str]:
    """New ids for repeated article ids, exactly as one ``iter_articles`` call over all shards gives.

    Each executor reads its shards separately, so the reader cannot see an id repeated in another
    shard. Repeats are rare: one counting pass finds them, and only the ids that can clash with
    them come back to the driver to be renumbered in input order.
    """
    duplicated = frozenset(raws.flatMap(_id_count).reduceByKey(_more).filter(lambda kv: kv[1] > 1).keys().collect())
    if not duplicated:
        return {}
    return renumber(sorted(raws.flatMap(functools.partial(_id_candidate, duplicated=duplicated)).collect()))


def _renamed(item: tuple, renames) -> tuple:
    shard, record, raw = item
    new_id = renames.value.get((shard, record))
    return item if new_id is None else (shard, record, dataclasses.replace(raw, id=new_id))


def _table_is(name: str, item: tuple[str, tuple]) -> bool:
    return item[0] == name


def _row(item: tuple[str, tuple]) -> tuple:
    return item[1]


def _keyed(item: tuple) -> tuple:
    shard, record, raw = item
    return (shard, record), (shard, record, raw)


def _article_json(item: tuple[str, tuple]) -> str:
    return item[1][-1]  # article_json is the last column of the articles table


def analyze_to_parquet(
    spark,
    paths: Iterable[Path | str],
    out_dir: Path | str,
    settings: EngineSettings = EngineSettings(),
    published: dt.date | None = None,
    partitions: int | None = None,
) -> SparkRun:
    """Analyse every article of ``paths`` on Spark; write the Parquet tables under ``out_dir``.

    Args:
        spark: a session from :func:`onrecord.engine.spark.spark_session`.
        paths: input files or folders (text, HTML, JSON, JSONL(.gz), WARC(.gz), Parquet).
        out_dir: where ``articles/``, ``attributions/``, ``entities/`` and ``skipped/`` go
            (replaced if present).
        settings: the per-article settings (model, confidence floor, batch size).
        published: publication date for inputs that have none.
        partitions: analysis partitions (default: twice Spark's default parallelism).

    Example:
        >>> run = analyze_to_parquet(spark, ["corpus/"], "var/spark-out")  # doctest: +SKIP
        >>> run.articles  # doctest: +SKIP
        924
    """
    from pyspark import StorageLevel

    started = time.perf_counter()
    out = Path(out_dir)
    sc = spark.sparkContext
    shards = list(enumerate(list_shards(paths)))
    partitions = partitions or max(2, 2 * sc.defaultParallelism)
    raws = sc.parallelize(shards, max(1, min(len(shards), partitions))).mapPartitions(
        functools.partial(read_shards, published=published, base=os.getcwd())
    )
    read = raws.persist(StorageLevel.MEMORY_AND_DISK)  # read once, for the id check and the analysis
    renames = _unique_id_renames(read)
    if renames:
        raws = raws.map(functools.partial(_renamed, renames=sc.broadcast(renames)))
    # reading is cheap next to parsing: spread the articles evenly whatever the shard sizes
    spread = raws.map(_keyed).partitionBy(partitions).values()
    analyzed = spread.mapPartitions(functools.partial(analyze_partition, settings=settings))
    analyzed.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        articles = analyzed.filter(functools.partial(_table_is, "articles"))
        frames = {
            "articles": spark.createDataFrame(articles.map(_row), spark_schema("articles")).orderBy("shard", "record"),
            "skipped": spark.createDataFrame(
                analyzed.filter(functools.partial(_table_is, "skipped")).map(_row), spark_schema("skipped")
            ).orderBy("shard", "record"),
            "attributions": spark.createDataFrame(
                articles.map(_article_json).flatMap(attribution_rows), spark_schema("attributions")
            ),
            "entities": spark.createDataFrame(articles.map(_article_json).flatMap(entity_rows), spark_schema("entities")),
        }
        for name in TABLES:
            frames[name].write.mode("overwrite").parquet(str(out / name))
    finally:
        analyzed.unpersist()
        read.unpersist()
    counts = {name: _count_rows(out / name) for name in TABLES}
    return SparkRun(
        out_dir=out,
        shards=len(shards),
        articles=counts["articles"],
        skipped=counts["skipped"],
        attributions=counts["attributions"],
        entities=counts["entities"],
        seconds=time.perf_counter() - started,
    )


def _parts(table_dir: Path) -> list[Path]:
    # Spark names part files by partition index; an orderBy makes that the global order
    return sorted(table_dir.glob("part-*.parquet"))


def _count_rows(table_dir: Path) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(p).metadata.num_rows for p in _parts(table_dir))


def iter_table_articles(out_dir: Path | str) -> Iterator[Article]:
    """The articles of a Spark run's ``articles`` table, in input order, as :class:`Article` objects.

    Example:
        >>> [a.id for a in iter_table_articles("var/spark-out")][:2]  # doctest: +SKIP
        ['a1', 'a2']
    """
    for article, _origin in iter_table_rows(out_dir):
        yield article


def iter_table_rows(out_dir: Path | str) -> Iterator[tuple[Article, str | None]]:
    """``(article, origin)`` for every row of the ``articles`` table, in input order."""
    import pyarrow.parquet as pq  # the Spark extra

    columns = ["origin", "text", "article_json"]
    for part in _parts(Path(out_dir) / "articles"):
        for batch in pq.ParquetFile(part).iter_batches(batch_size=256, columns=columns):
            origins, texts, jsons = (batch.column(c).to_pylist() for c in columns)
            for origin, text, article_json in zip(origins, texts, jsons):
                yield article_from_dict(json.loads(article_json), text=text), origin


def iter_table_skipped(out_dir: Path | str) -> Iterator[Skipped]:
    """The inputs a Spark run could not analyse, in input order."""
    import pyarrow.parquet as pq

    for part in _parts(Path(out_dir) / "skipped"):
        for row in pq.read_table(part, columns=["origin", "code", "reason"]).to_pylist():
            yield Skipped(row["origin"], row["code"], row["reason"])


def load_tables(out_dir: Path | str, store, report, progress=None, on_progress: Callable | None = None) -> None:
    """Store the ``articles`` table of a Spark run, in input order, one transaction per article.

    Counts go into ``report`` (an ``IngestReport``: stored, existing, attributions, write time) and
    ``progress``. Through the store's write API only: idempotent by text hash, like every ingest.
    """
    with store.writer() as writer:
        for article, origin in iter_table_rows(out_dir):
            t0 = time.perf_counter()
            added = writer.add(article, origin)
            report.write_seconds += time.perf_counter() - t0
            if added.created:
                report.stored += 1
                report.attributions += added.attributions
            else:  # stored by an earlier run, or the same text twice in this input
                report.existing += 1
            if progress is not None:
                progress.stored, progress.existing = report.stored, report.existing
                progress.done += 1
                if on_progress is not None:
                    on_progress(progress)


@dataclass
class SparkIngestReport:
    """What ``ingest_on_spark`` did: the Spark analysis, then the store load (an :class:`IngestReport`)."""

    analysis: SparkRun
    store: "IngestReport"  # noqa: F821 - onrecord.engine.corpus.IngestReport, imported lazily
    load_seconds: float  # driver time to store the articles table, one transaction per article


def ingest_on_spark(
    paths: Iterable[Path | str],
    store,
    engine,
    *,
    published: dt.date | None = None,
    out_dir: Path | str | None = None,
    resolve: bool = True,
    on_progress: Callable | None = None,
    on_skipped: Callable[[Skipped], None] | None = None,
) -> SparkIngestReport:
    """Analyse a corpus on Spark, keep the Parquet tables, load them into ``store``, resolve speakers.

    Args:
        paths: input files or folders; on a real cluster they must be readable by every executor
            (shared storage).
        store: an open :class:`onrecord.store.Store`.
        engine: a :class:`onrecord.engine.spark.SparkEngine` (its session and per-article settings).
        published: publication date for inputs that have none.
        out_dir: where the Parquet tables go (kept); default a temporary folder, removed after loading.
        resolve: run the cross-article speaker resolution after loading (the global second stage).
        on_progress: called with an ``IngestProgress`` after each stored article.
        on_skipped: called with every input that could not become an article.

    Example:
        >>> with Store.open("var/demo.db") as store, SparkEngine() as engine:  # doctest: +SKIP
        ...     report = ingest_on_spark(["corpus/"], store, engine, out_dir="var/spark-tables")
    """
    import shutil

    started = time.perf_counter()
    scratch = None if out_dir is not None else Path(tempfile.mkdtemp(prefix="onrecord-spark-"))
    out = Path(out_dir) if out_dir is not None else scratch
    try:
        run = analyze_to_parquet(engine.session, paths, out, engine.settings, published, engine.spark_settings.partitions)
        report = IngestReport(workers=engine.workers)
        progress = IngestProgress(total=run.articles + run.skipped, read=run.articles + run.skipped)
        for item in iter_table_skipped(out):
            report.skipped.append(item)
            progress.skipped += 1
            progress.done += 1
            if on_skipped is not None:
                on_skipped(item)
        load_started = time.perf_counter()
        load_tables(out, store, report, progress, on_progress)
        load_seconds = time.perf_counter() - load_started
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    if resolve and (report.stored or store.pending_groups()):
        report.resolution = store.resolve_entities()
    report.seconds = time.perf_counter() - started
    return SparkIngestReport(analysis=run, store=report, load_seconds=load_seconds)
