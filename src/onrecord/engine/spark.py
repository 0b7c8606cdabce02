"""The Spark engine: onrecord's per-article function on a Spark cluster.

Two ways in:

- :class:`SparkEngine` implements the executor interface (:class:`onrecord.engine.base.Engine`):
  ``map`` sends the driver's raw articles to the executors in chunks and yields the results in
  input order, so :func:`onrecord.engine.corpus.ingest` stores them exactly as with the local
  engine;
- :func:`onrecord.engine.spark_parquet.ingest_on_spark` (``onrecord ingest --engine spark``) lets
  the executors read the input shards themselves (JSONL, Parquet, WARC …), writes Parquet tables
  of articles, attributions and entities, loads them into the store and runs the cross-article
  speaker resolution as a second, global stage.

In both, each Python worker loads the spaCy pipeline once (:mod:`onrecord.engine.spark_worker`);
nothing heavy is pickled from the driver. PySpark is an optional extra
(``pip install "onrecord[spark]"``), never imported at module import time.
"""
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EngineUnavailable
from ..types import Article, RawArticle, Skipped
from .base import Engine, EngineSettings
from .spark_worker import KILL_ONCE_ENV, analyze_indexed

#: Local mode with one retry budget like a cluster's (plain ``local[*]`` never retries a task).
DEFAULT_MASTER = "local[*,4]"

#: Environment variables the executors inherit from the driver when set there.
FORWARDED_ENV = ("ONRECORD_SPACY_MODEL", KILL_ONCE_ENV)


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
    conf: dict[str, str] = field(default_factory=dict)


def _is_loopback(master: str) -> bool:
    return master.startswith("local") or "127.0.0.1" in master or "localhost" in master


def _log_config() -> str | None:
    """``file:`` URL of the packaged Log4j 2 settings (errors only), when installed as files."""
    from importlib import resources

    path = Path(str(resources.files("onrecord").joinpath("data/spark-log4j2.properties")))
    return path.as_uri() if path.is_file() else None


def spark_session(settings: SparkSettings):
    """Start (or reuse) a SparkSession for ``settings``.

    Example:
        >>> spark = spark_session(SparkSettings(master="local[1,2]"))  # doctest: +SKIP
        >>> spark.stop()  # doctest: +SKIP
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise EngineUnavailable('PySpark is not installed: pip install "onrecord[spark]"') from error
    if _is_loopback(settings.master):
        # the machine's hostname may resolve elsewhere; keep a one-machine cluster on loopback
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # PySpark's RDD functions take the workers' Python from the environment, not from the conf
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    master = settings.master
    if master == DEFAULT_MASTER and settings.max_cores:
        master = f"local[{settings.max_cores},4]"  # local mode: the core cap is the thread count
    builder = SparkSession.builder.master(master).appName(settings.app_name)
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
        "spark.log.level": "ERROR",  # a failed-and-retried task is not the user's error
        "spark.sql.adaptive.enabled": "true",
        # one spaCy worker per core: no BLAS/OpenMP threads fighting over it
        "spark.executorEnv.OMP_NUM_THREADS": "1",
        "spark.executorEnv.OPENBLAS_NUM_THREADS": "1",
        "spark.executorEnv.MKL_NUM_THREADS": "1",
    }
    if settings.max_cores:
        conf["spark.cores.max"] = str(settings.max_cores)
    log_config = _log_config()
    if log_config:
        conf["spark.driver.extraJavaOptions"] = f"-Dlog4j2.configurationFile={log_config}"
        conf["spark.executor.extraJavaOptions"] = f"-Dlog4j2.configurationFile={log_config}"
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
        raise EngineUnavailable(f"cannot start Spark at {settings.master!r}: {error}") from error
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _with_index(items: Iterable[RawArticle | Skipped]) -> Iterator[tuple[int, RawArticle | Skipped]]:
    return enumerate(items)


class SparkEngine(Engine):
    """Run the per-article function on Spark executors, behind the same interface as the local engine.

    ``map`` ships raw articles from the driver in chunks of ``chunk`` (one Spark job each, spread
    over ``partitions``) and yields results in input order. For corpora on shared storage, use
    :func:`onrecord.engine.spark_parquet.ingest_on_spark`, which has the executors read the shards.

    Example:
        >>> with SparkEngine(spark=SparkSettings(master="local[2,4]")) as engine:  # doctest: +SKIP
        ...     results = list(engine.map(raws))
    """

    name = "spark"

    def __init__(
        self,
        settings: EngineSettings = EngineSettings(),
        spark: SparkSettings = SparkSettings(),
        *,
        chunk: int = 512,
        session=None,
    ):
        self.settings = settings
        self.spark_settings = spark
        self.chunk = chunk
        self._session = session
        self._owns_session = session is None

    @property
    def session(self):
        """The SparkSession, started on first use."""
        if self._session is None:
            self._session = spark_session(self.spark_settings)
        return self._session

    def start(self) -> None:
        self.session  # noqa: B018 - starting the session is the side effect

    def close(self) -> None:
        if self._session is not None and self._owns_session:
            self._session.stop()
        self._session = None

    @property
    def workers(self) -> int:
        """Task slots: executors × cores (Spark's default parallelism)."""
        return self.session.sparkContext.defaultParallelism

    @property
    def partitions(self) -> int:
        return self.spark_settings.partitions or max(2, 2 * self.workers)

    def map(self, items: Iterable[RawArticle | Skipped]) -> Iterator[Article | Skipped]:
        sc = self.session.sparkContext
        analyze = functools.partial(analyze_indexed, settings=self.settings)
        chunk: list[tuple[int, RawArticle | Skipped]] = []

        def run() -> Iterator[Article | Skipped]:
            slices = max(1, min(len(chunk), self.partitions))
            results = sc.parallelize(chunk, slices).mapPartitions(analyze).collect()
            for _, result in sorted(results, key=lambda pair: pair[0]):
                yield result
            chunk.clear()

        for pair in _with_index(items):
            chunk.append(pair)
            if len(chunk) >= self.chunk:
                yield from run()
        if chunk:
            yield from run()

