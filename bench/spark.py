"""The local engine against Spark on one node, same corpus, same run (articles/s).

Corpus: PolNeAR train + dev texts (the first ``ONRECORD_BENCH_SPARK_ARTICLES``, default 300).
Runs, one at a time on the same machine:

- the local engine in this process (``LocalEngine(workers=0)``: the per-core rate every engine
  starts from) and with 2 worker processes;
- Spark on a standalone cluster on loopback (``.ci/spark-cluster.sh``: a master and a worker JVM),
  with 1 and then 2 executors of 1 core each: the whole job (read shards, analyse, write the four
  Parquet tables) and, apart, the session start (executor JVMs, not per article);
- loading the Spark run's ``articles`` table into a SQLite store (store write rate) and the
  cross-article resolution stage.

Wall time on a shared 2-core machine depends on what else runs; CPU seconds (this process and its
children for the local engine; the Python workers and executor JVMs, read from /proc, for Spark)
do not, so the table gives articles per CPU second too, and the plan in ``docs/scaling.md`` uses those.
Run alone: ``.venv/bin/python -m bench.run --only bench.spark``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
CLUSTER_SCRIPT = REPO / ".ci" / "spark-cluster.sh"


def corpus_files(shared: Path, limit: int) -> list[Path]:
    """PolNeAR train then dev texts, the first ``limit``."""
    files = []
    for split in ("train", "dev"):
        files += sorted((shared / "data/polnear" / split / "text").glob("*.txt"))
    return files[:limit]


def _cpu_of(pids: list[int]) -> float:
    """CPU seconds (user + system, own and reaped children) of live processes, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return total / tick


def _pids(marker: str) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker in (proc / "cmdline").read_bytes().decode(errors="replace"):
                    pids.append(int(proc.name))
            except OSError:
                pass
    return pids


def _local(files: list[Path], workers: int) -> dict:
    """Wall and CPU seconds of the local engine; ``workers=0`` is this process."""
    import resource

    from onrecord.engine.local import LocalEngine

    t0 = time.perf_counter()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with LocalEngine(workers=workers) as engine:
        engine.start()  # worker processes load their pipelines: paid once, not per article
        started = time.perf_counter() - t0
        t0, cpu0 = time.perf_counter(), time.process_time()
        for _ in engine.analyze(files):
            pass
        wall = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers are reaped by now
    # worker CPU includes their pipeline load (a few seconds each), like Spark's Python workers
    cpu += (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return {"start_seconds": started, "seconds": wall, "cpu_seconds": cpu}


def _spark(files: list[Path], master: str, executors: int, out: Path) -> dict:
    from onrecord.engine.spark import SparkSettings, spark_session
    from onrecord.engine.spark_parquet import analyze_to_parquet

    settings = SparkSettings(master=master, max_cores=executors, app_name=f"bench-{executors}")
    t0 = time.perf_counter()
    spark = spark_session(settings)
    # executors register asynchronously: wait for them, so the session start is not billed per article
    sc = spark.sparkContext
    while sc._jsc.sc().getExecutorMemoryStatus().size() - 1 < executors and time.perf_counter() - t0 < 120:
        time.sleep(0.2)
    started = time.perf_counter() - t0
    try:
        cpu0 = _cpu_of(_pids("CoarseGrainedExecutorBackend"))
        run = analyze_to_parquet(spark, files, out, partitions=2 * executors)
        seen = sc._jsc.sc().getExecutorMemoryStatus().size() - 1  # the driver's block manager is listed too
        # Python workers (spaCy) and executor JVMs; the workers live until the session stops
        python_cpu = _cpu_of(_pids("pyspark.daemon"))
        jvm_cpu = _cpu_of(_pids("CoarseGrainedExecutorBackend")) - cpu0
    finally:
        spark.stop()
    if run.articles != len(files) or seen != executors:
        from onrecord.engine.spark_parquet import iter_table_skipped

        first = next(iter_table_skipped(out), None)
        raise RuntimeError(f"Spark run analysed {run.articles} of {len(files)} articles on {seen} executors (first skipped: {first})")
    return {"session_seconds": started, "job_seconds": run.seconds, "run": run, "python_cpu": python_cpu, "jvm_cpu": jvm_cpu}


def _load_store(out: Path, db: Path) -> dict:
    """Seconds to load a Spark run's articles into a new SQLite store, and for the resolution stage."""
    from onrecord.engine.corpus import IngestReport
    from onrecord.engine.spark_parquet import load_tables
    from onrecord.store import Store

    report = IngestReport()
    with Store.open(str(db)) as store:
        t0 = time.perf_counter()
        load_tables(out, store, report)
        load = time.perf_counter() - t0
        resolution = store.resolve_entities()
    return {"load_seconds": load, "write_seconds": report.write_seconds, "resolve_seconds": resolution.seconds, "stored": report.stored}


def run(shared: Path, console: Console, limit: int | None = None) -> dict:
    limit = limit or int(os.environ.get("ONRECORD_BENCH_SPARK_ARTICLES", "300"))
    files = corpus_files(shared, limit)
    if not files:
        console.print(f"[yellow]skipped: no PolNeAR texts under {shared}")
        return {"skipped": "no PolNeAR texts"}
    try:
        import pyspark  # noqa: F401
    except ImportError:
        console.print('[yellow]skipped: PySpark is not installed (pip install -e ".[spark]")')
        return {"skipped": "no PySpark"}
    if shutil.which("java") is None:
        console.print("[yellow]skipped: no Java")
        return {"skipped": "no Java"}
    n = len(files)
    words = sum(len(f.read_text("utf-8").split()) for f in files)
    rows: list[tuple[str, float, float | None, str]] = []
    results: dict = {"articles": n, "words": words}

    one = _local(files, 0)
    results["local_1_process_articles_per_s"] = round(n / one["seconds"], 2)
    results["local_1_process_articles_per_cpu_s"] = round(n / one["cpu_seconds"], 2)
    rows.append(("local engine, in this process", one["seconds"], one["cpu_seconds"], ""))
    two = _local(files, 2)
    results["local_2_workers_articles_per_s"] = round(n / two["seconds"], 2)
    results["local_2_workers_articles_per_cpu_s"] = round(n / two["cpu_seconds"], 2)
    rows.append(("local engine, 2 worker processes", two["seconds"], two["cpu_seconds"], f"+ {two['start_seconds']:.0f} s worker start"))

    work = Path(tempfile.mkdtemp(prefix="onrecord-bench-spark-"))
    cluster = work / "cluster"
    started = subprocess.run(
        ["bash", str(CLUSTER_SCRIPT), "start", str(cluster), "2", "2g"],
        capture_output=True, text=True, env={**os.environ, "PYTHON": sys.executable},
    )
    if started.returncode != 0:
        console.print(f"[red]could not start the Spark cluster: {started.stderr[-500:]}")
        return {**results, "spark": "cluster did not start"}
    master = (cluster / "master-url").read_text().strip()
    try:
        for executors in (1, 2):
            spark = _spark(files, master, executors, work / f"out-{executors}")
            cpu = spark["python_cpu"] + spark["jvm_cpu"]
            results[f"spark_{executors}_executors_articles_per_s"] = round(n / spark["job_seconds"], 2)
            results[f"spark_{executors}_executors_articles_per_cpu_s"] = round(n / cpu, 2)
            results[f"spark_{executors}_executors_python_cpu_seconds"] = round(spark["python_cpu"], 1)
            results[f"spark_{executors}_executors_jvm_cpu_seconds"] = round(spark["jvm_cpu"], 1)
            results[f"spark_{executors}_executors_session_seconds"] = round(spark["session_seconds"], 1)
            note = f"+ {spark['session_seconds']:.0f} s session start; JVM {spark['jvm_cpu']:.0f} CPU s"
            rows.append((f"Spark standalone, {executors} executor(s) × 1 core", spark["job_seconds"], cpu, note))
        parquet_bytes = sum(p.stat().st_size for p in (work / "out-2").rglob("*.parquet"))
        results["parquet_bytes_per_article"] = round(parquet_bytes / n)
    finally:
        subprocess.run(["bash", str(CLUSTER_SCRIPT), "stop", str(cluster)], capture_output=True)

    loaded = _load_store(work / "out-2", work / "store.db")
    results["store_load_articles_per_s"] = round(n / loaded["load_seconds"], 1)
    results["store_write_articles_per_s"] = round(n / loaded["write_seconds"], 1)
    results["resolution_seconds"] = round(loaded["resolve_seconds"], 2)
    rows.append(("load Parquet → SQLite store (driver, 1 process)", loaded["load_seconds"], None, "read + rebuild + write"))
    rows.append(("cross-article resolution (global stage)", loaded["resolve_seconds"], None, "once, after the load"))
    shutil.rmtree(work, ignore_errors=True)

    table = Table(title=f"local engine vs Spark on one node — PolNeAR, {n} articles, {words:,} words")
    for col in ("run", "wall s", "articles/s", "CPU s", "articles/CPU s", "note"):
        table.add_column(col, justify="left" if col in ("run", "note") else "right")
    for name, seconds, cpu, note in rows:
        cpu_cells = (f"{cpu:.0f}", f"{n / cpu:.2f}") if cpu else ("", "")
        table.add_row(name, f"{seconds:.1f}", f"{n / seconds:.2f}", *cpu_cells, note)
    console.print(table)
    base = results["local_1_process_articles_per_cpu_s"]
    for key in [k for k in results if k.endswith("_articles_per_cpu_s")]:
        results[key.replace("_articles_per_cpu_s", "_cpu_efficiency_vs_1_process")] = round(results[key] / base, 2)
    console.print(
        "articles per CPU second, relative to the local engine in one process: "
        f"local 2 workers {results['local_2_workers_cpu_efficiency_vs_1_process']:.2f}, "
        f"Spark 1 executor {results['spark_1_executors_cpu_efficiency_vs_1_process']:.2f}, "
        f"Spark 2 executors {results['spark_2_executors_cpu_efficiency_vs_1_process']:.2f} "
        "(CPU time does not depend on what else the machine runs; wall time does)"
    )
    return results
