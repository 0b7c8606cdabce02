"""The Spark engine on a real standalone cluster on loopback (a master and a worker JVM started
with ``spark-class`` by ``.ci/spark-cluster.sh``), against the local engine on the same input.

Set ``ONRECORD_SPARK_MASTER=spark://…`` to use a cluster that is already running.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from spark_corpus import make_records, write_mixed_corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CLUSTER_SCRIPT = REPO / ".ci" / "spark-cluster.sh"
PUBLISHED = "2025-03-14"

pytestmark = [pytest.mark.spark, pytest.mark.slow]


def _require_spark() -> None:
    """Skip without PySpark or Java, except in CI, where the Spark tests must run."""
    missing = []
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing.append('PySpark (pip install -e ".[spark]")')
    if shutil.which("java") is None:
        missing.append("Java (java on PATH)")
    if missing:
        message = "the Spark engine tests need " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


#: articles in the corpus: 240 records and one text file reusing a record's id, less the broken line
ARTICLES = 241


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """240 template articles (more than the 200 the issue asks) as JSONL shards, a WARC of HTML
    pages and text files, with a repeated id, a broken JSON line and a binary file."""
    return write_mixed_corpus(tmp_path_factory.mktemp("corpus"), make_records(240))


@pytest.fixture(scope="module")
def master_url(tmp_path_factory):
    _require_spark()
    if os.environ.get("ONRECORD_SPARK_MASTER"):
        yield os.environ["ONRECORD_SPARK_MASTER"]
        return
    folder = tmp_path_factory.mktemp("spark-cluster")
    started = subprocess.run(
        ["bash", str(CLUSTER_SCRIPT), "start", str(folder), "2", "2g"],
        capture_output=True, text=True, timeout=180, env={**os.environ, "PYTHON": sys.executable},
    )
    try:
        assert started.returncode == 0, started.stderr
        yield (folder / "master-url").read_text().strip()
    finally:
        subprocess.run(["bash", str(CLUSTER_SCRIPT), "stop", str(folder)], timeout=60)


@pytest.fixture(scope="module")
def fault_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fault")


@pytest.fixture(scope="module")
def engine(master_url, fault_dir):
    """A SparkEngine on the test cluster: 2 executors of 1 core (the issue's small footprint)."""
    from onrecord.engine.spark import SparkEngine, SparkSettings
    from onrecord.engine.spark_worker import KILL_ONCE_ENV

    # the executors inherit the fault-injection folder; it does nothing until a test arms it
    previous = os.environ.get(KILL_ONCE_ENV)
    os.environ[KILL_ONCE_ENV] = str(fault_dir)
    spark_engine = SparkEngine(spark=SparkSettings(master=master_url, app_name="onrecord-tests", max_cores=2, partitions=4))
    try:
        spark_engine.start()
        yield spark_engine
    finally:
        spark_engine.close()
        if previous is None:
            os.environ.pop(KILL_ONCE_ENV, None)
        else:
            os.environ[KILL_ONCE_ENV] = previous


def _published():
    import datetime as dt

    return dt.date.fromisoformat(PUBLISHED)


def _local_dump(paths: list[Path], db: Path) -> dict:
    """The local engine's stored result (one in-process worker: the pipeline is loaded already)."""
    from onrecord.engine.corpus import ingest
    from onrecord.engine.local import LocalEngine
    from onrecord.store import Store

    with Store.open(str(db)) as store, LocalEngine(workers=0) as local:
        report = ingest(paths, store, local, published=_published())
        assert all(item.code in ("E002", "E006") for item in report.skipped), report.skipped
        return store.dump()


@contextlib.contextmanager
def _inside(folder: Path):
    """Run from ``folder``: inputs are given as relative paths, as users type them (executors run
    in folders of their own, and origins must keep the spelling the local engine reports)."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@pytest.fixture(scope="module")
def local_dump(corpus, nlp, tmp_path_factory) -> dict:
    """The reference: the local engine's store after ingesting the corpus."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    with _inside(corpus.parent):
        return _local_dump([Path(corpus.name)], db)


def _spark_ingest(engine, paths: list[Path], db: Path, out: Path):
    from onrecord.engine.spark_parquet import ingest_on_spark
    from onrecord.store import Store

    with Store.open(str(db)) as store:
        report = ingest_on_spark(paths, store, engine, published=_published(), out_dir=out)
        return report, store.dump()


def _first_difference(got: dict, want: dict) -> str:
    """Where two canonical dumps first differ (pytest's own diff of dumps this size is unreadable)."""
    for table in want:
        if got.get(table) == want[table]:
            continue
        for i, (g, w) in enumerate(zip(got.get(table, []), want[table])):
            if g != w:
                keys = [k for k in w if g.get(k) != w.get(k)] if isinstance(w, dict) else []
                detail = {k: (g.get(k), w.get(k)) for k in keys[:3]} if keys else (g, w)
                return f"{table}[{i}]: {str(detail)[:1500]}"
        return f"{table}: {len(got.get(table, []))} rows against {len(want[table])}"
    return "equal"


def test_spark_cluster_store_equals_local_engine_store(engine, corpus, local_dump, tmp_path):
    from onrecord.engine.spark_parquet import iter_table_articles, iter_table_rows

    with _inside(corpus.parent):
        report, dump = _spark_ingest(engine, [Path(corpus.name)], tmp_path / "spark.db", tmp_path / "tables")
    assert report.analysis.articles == report.store.stored == ARTICLES
    assert report.analysis.skipped == len(report.store.skipped) == 2
    assert sorted(item.code for item in report.store.skipped) == ["E002", "E006"]
    assert report.store.resolution is not None and report.store.resolution.entities > 0
    assert report.analysis.attributions == report.store.attributions > ARTICLES
    assert [a["id"] for a in dump["articles"]] == [a["id"] for a in local_dump["articles"]]
    assert sum(len(a["roles"]) for a in local_dump["articles"]) > ARTICLES  # role mentions take part in the comparison
    assert dump == local_dump, _first_difference(dump, local_dump)
    # the Parquet tables hold the same articles as the store, in input order (folders sorted: jsonl, text, warc)
    origins = [origin for _, origin in iter_table_rows(tmp_path / "tables")]
    assert len(origins) == ARTICLES
    assert [o.split("/")[1] for o in origins] == ["jsonl"] * 120 + ["text"] * 81 + ["warc"] * 40
    ids = [a.id for a in iter_table_articles(tmp_path / "tables")]
    assert "tmpl-0005-2" in ids and len(set(ids)) == ARTICLES


def test_killed_python_worker_is_retried_and_every_article_stored_once(engine, corpus, local_dump, fault_dir, tmp_path):
    (fault_dir / "arm").touch()
    with _inside(corpus.parent):
        report, dump = _spark_ingest(engine, [Path(corpus.name)], tmp_path / "spark.db", tmp_path / "tables")
    fired = fault_dir / "fired"
    assert fired.exists(), "no Python worker was killed"
    partition = fired.read_text().split()[0].split("=")[1]
    retries = [p.name for p in fault_dir.glob("retried-*")]
    assert any(name.startswith(f"retried-{partition}-") for name in retries), retries
    ids = [a["id"] for a in dump["articles"]]
    assert len(ids) == len(set(ids)) == report.analysis.articles == ARTICLES
    assert dump == local_dump, _first_difference(dump, local_dump)


@pytest.fixture
def postgres_url():
    """A fresh schema on the PostgreSQL server of ``ONRECORD_TEST_POSTGRES_URL`` (``.ci/run`` starts one)."""
    import uuid

    from sqlalchemy import create_engine

    from onrecord.store.db import database_url

    url = os.environ.get("ONRECORD_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("needs a PostgreSQL server: set ONRECORD_TEST_POSTGRES_URL (.ci/run does)")
    schema = f"spark_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.mark.postgres
def test_spark_loads_into_postgresql_what_the_local_engine_stores_in_sqlite(engine, corpus, local_dump, postgres_url, tmp_path):
    from onrecord.engine.spark_parquet import ingest_on_spark
    from onrecord.store import Store

    with _inside(corpus.parent), Store.open(postgres_url) as store:
        report = ingest_on_spark([Path(corpus.name)], store, engine, published=_published())
        dump = store.dump()
    assert report.store.stored == ARTICLES
    assert dump == local_dump, _first_difference(dump, local_dump)


def test_spark_engine_behind_the_executor_interface_stores_what_local_does(engine, corpus, nlp, tmp_path):
    """``corpus.ingest`` with the SparkEngine (driver reads, executors analyse) = with the LocalEngine."""
    from onrecord.engine.corpus import ingest
    from onrecord.store import Store

    folder = corpus / "text" / "a"  # 40 articles keep this one short
    with Store.open(str(tmp_path / "spark.db")) as store:
        report = ingest([folder], store, engine, published=_published())
        spark_dump = store.dump()
    assert report.stored == 40
    local = _local_dump([folder], tmp_path / "local.db")
    assert spark_dump == local, _first_difference(spark_dump, local)


def test_ingest_cli_with_the_spark_engine_keeps_parquet_tables_and_adds_nothing_the_second_time(engine, master_url, corpus, tmp_path):
    """``onrecord ingest --engine spark --master URL --parquet DIR`` (last here: it stops the session it shares)."""
    import pyarrow.parquet as pq
    from typer.testing import CliRunner

    from onrecord.cli import app
    from onrecord.store import Store

    folder = corpus / "text" / "a"
    db, tables = tmp_path / "cli.db", tmp_path / "tables"
    args = ["ingest", str(folder), "--engine", "spark", "--master", master_url, "--db", str(db), "--parquet", str(tables)]
    first = CliRunner().invoke(app, [*args, "--published", PUBLISHED])
    assert first.exit_code == 0, first.output
    assert "40 new article(s)" in first.output
    assert pq.read_table(tables / "articles").num_rows == 40
    assert pq.read_table(tables / "attributions").num_rows > 40
    with Store.open(str(db)) as store:
        assert store.stats().articles == 40
    second = CliRunner().invoke(app, [*args, "--published", PUBLISHED])
    assert second.exit_code == 0, second.output
    assert "0 new article(s), 40 already stored" in second.output
