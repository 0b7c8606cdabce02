"""Ingestion on Apache Spark: shards in, Parquet tables out, then the store.

The driver lists the input shards (files: text, HTML, JSON, JSONL, WARC, Parquet), Spark reads
them on the executors, spreads the articles over partitions and runs onrecord's per-article
function in each Python worker (:mod:`onrecord.engine.spark_worker`). The results land as
Parquet tables (:mod:`onrecord.engine.spark_tables`), written through Spark's output committer,
so a retried task never leaves a duplicate row. The driver then loads the ``articles`` table
into the store in input order, and the store runs cross-article speaker resolution once over
everything (it needs all articles, so it cannot run per partition).

PySpark is an optional extra (``pip install "onrecord[spark]"``); nothing here imports it at
module import time.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OnrecordError
from ..types import Article, Skipped
from .spark_tables import TABLES, attribution_rows, entity_rows, spark_schema
from .spark_worker import KILL_ONCE_ENV, WorkerSettings, analyze_partition, read_shards

#: Local mode with one retry budget like a cluster's (plain ``local[*]`` never retries a task).
DEFAULT_MASTER = "local[*,4]"

#: Environment variables the executors inherit from the driver when set there.
FORWARDED_ENV = ("ONRECORD_SPACY_MODEL", KILL_ONCE_ENV)


class SparkUnavailable(OnrecordError):
    """PySpark or Java is missing."""

    code = "E060"


@dataclass(frozen=True)
class SparkSettings:
    """How to run a Spark job. Small executors by default: 1 core and 768 MB of JVM heap each.

    The Python worker (spaCy + onrecord, about 400 MB resident) lives beside the executor JVM,
    outside ``executor_memory``; see ``docs/scaling.md`` for sizing.
    """

    master: str = DEFAULT_MASTER
    app_name: str = "onrecord-ingest"
    executor_memory: str = "768m"
    executor_cores: int = 1
    driver_memory: str = "768m"
    max_cores: int | None = None  # standalone/cluster: cores the job may take in all
    partitions: int | None = None  # analysis partitions; default 2 × Spark's default parallelism
    max_task_failures: int = 4
    model: str | None = "default"
    min_confidence: float = 0.0
    batch_size: int = 16
    conf: dict[str, str] = field(default_factory=dict)


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


def _is_loopback(master: str) -> bool:
    return master.startswith("local") or "127.0.0.1" in master or "localhost" in master


def spark_session(settings: SparkSettings):
    """Start (or reuse) a SparkSession for ``settings``.

    Example:
        >>> spark = spark_session(SparkSettings(master="local[1,2]"))  # doctest: +SKIP
        >>> spark.stop()  # doctest: +SKIP
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise SparkUnavailable('PySpark is not installed: pip install "onrecord[spark]"') from error
    if _is_loopback(settings.master):
        # the machine's hostname may resolve elsewhere; keep a one-machine cluster on loopback
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # PySpark's RDD functions take the workers' Python from the environment, not from the conf
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(settings.master).appName(settings.app_name)
    conf = {
        "spark.executor.memory": settings.executor_memory,
        "spark.executor.cores": str(settings.executor_cores),
        "spark.driver.memory": settings.driver_memory,
        "spark.task.maxFailures": str(settings.max_task_failures),
        # the executors' Python is the driver's (same venv, same onrecord)
        "spark.pyspark.python": sys.executable,
        "spark.pyspark.driver.python": sys.executable,
        "spark.python.worker.reuse": "true",  # the spaCy pipeline is loaded once per worker
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.adaptive.enabled": "true",
        # one spaCy worker per core: no BLAS/OpenMP threads fighting over it
        "spark.executorEnv.OMP_NUM_THREADS": "1",
        "spark.executorEnv.OPENBLAS_NUM_THREADS": "1",
        "spark.executorEnv.MKL_NUM_THREADS": "1",
    }
    if settings.max_cores:
        conf["spark.cores.max"] = str(settings.max_cores)
    if _is_loopback(settings.master):
        conf["spark.driver.host"] = "127.0.0.1"
        conf["spark.driver.bindAddress"] = "127.0.0.1"
    for name in FORWARDED_ENV:
        if os.environ.get(name):
            conf[f"spark.executorEnv.{name}"] = os.environ[name]
    conf.update(settings.conf)
    for key, value in conf.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as error:  # Py4J / Java launch failures have no narrower common type
        raise SparkUnavailable(f"cannot start Spark at {settings.master!r}: {error}") from error
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def list_shards(paths: Iterable[Path | str]) -> list[str]:
    """The input files in a stable order: files as given, folders walked in sorted order.

    Example:
        >>> list_shards([])
        []
    """
    shards: list[str] = []
    for path in map(Path, paths):
        if path.is_dir():
            shards.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith("."))
        else:
            shards.append(str(path))
    return shards


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
    settings: SparkSettings = SparkSettings(),
    published: dt.date | None = None,
) -> SparkRun:
    """Analyse every article of ``paths`` on Spark; write the Parquet tables under ``out_dir``.

    Args:
        spark: a session from :func:`spark_session`.
        paths: input files or folders (text, HTML, JSON, JSONL(.gz), WARC(.gz), Parquet).
        out_dir: where ``articles/``, ``attributions/``, ``entities/`` and ``skipped/`` go
            (replaced if present).
        settings: the engine settings (model, batch size, partitions).
        published: publication date for inputs that have none.

    Example:
        >>> run = analyze_to_parquet(spark, ["corpus/"], "var/spark-out")  # doctest: +SKIP
        >>> run.articles  # doctest: +SKIP
        924
    """
    import time

    from pyspark import StorageLevel

    started = time.perf_counter()
    out = Path(out_dir)
    sc = spark.sparkContext
    shards = list(enumerate(list_shards(paths)))
    partitions = settings.partitions or max(2, 2 * sc.defaultParallelism)
    worker = WorkerSettings(settings.model, settings.min_confidence, settings.batch_size, published)
    raws = sc.parallelize(shards, max(1, min(len(shards), partitions))).mapPartitions(
        functools.partial(read_shards, published=published)
    )
    # reading is cheap next to parsing: spread the articles evenly whatever the shard sizes
    spread = raws.map(_keyed).partitionBy(partitions).values()
    analyzed = spread.mapPartitions(functools.partial(analyze_partition, settings=worker))
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
    import pyarrow.parquet as pq

    from ..serialize import article_from_dict

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
