"""Ingestion throughput with 1 and 2 worker processes, and the share of ingest time spent writing the store.

The corpus is PolNeAR train + dev repeated to at least 2,000 articles; each copy ends in a different
number of blank lines, so every text is distinct (the store de-duplicates by text hash) while the
parsing work stays the same. Each worker count ingests into its own fresh SQLite store with the local
engine, workers started and their pipelines loaded before the clock starts; the time includes reading,
analysis, every per-article commit and the cross-article resolution after each slice. The corpus goes
in slices, alternating which worker count runs first, so a change in the shared machine's background
load falls on both.

Figures, as ratios from the same run: 2 workers' rate over 1 worker's (goal ≥ 1.8; ≥ 1.5 on a first batch of 80
articles, in a scaling table), read against what two cores gave in the same run (``bench.ceiling``: two
independent processes analysing the same articles at once, after each slice), and the share of
wall time inside store writes and resolution (goal < 10%). The same articles are then written again
into fresh stores without analysis (SQLite, and PostgreSQL when ``ONRECORD_BENCH_POSTGRES_URL`` or
``ONRECORD_TEST_POSTGRES_URL`` is set), giving write milliseconds per article on each database.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.ceiling import ceiling, combined

GOAL_SPEEDUP = 1.8
#: the goal for a small batch (80 articles), where starting the workers weighs more
GOAL_SPEEDUP_SMALL = 1.5
SMALL = 80
#: articles each process of the two-core probe analyses (bench.ceiling), after every slice
PROBE_ARTICLES = 40
GOAL_WRITE_SHARE = 0.10
_NAME = re.compile(r"^(?P<outlet>[a-z-]+)_(?P<date>\d{4}-\d{2}-\d{2})_")


def corpus(shared: Path, count: int):
    """``count`` distinct raw articles from PolNeAR train + dev, repeated."""
    from onrecord.types import RawArticle

    files = sorted((shared / "data/polnear/train/text").glob("*.txt")) + sorted((shared / "data/polnear/dev/text").glob("*.txt"))
    if not files:
        return []
    texts = [(f.stem, f.read_text("utf-8")) for f in files]
    raws = []
    for i in range(count):
        stem, text = texts[i % len(texts)]
        copy = i // len(texts)
        match = _NAME.match(stem)
        raws.append(RawArticle(
            id=f"{stem}~{copy}" if copy else stem,
            text=text + "\n" * copy,
            published=dt.date.fromisoformat(match["date"]) if match else None,
            outlet=match["outlet"] if match else None,
            origin=f"{stem}.txt",
        ))
    return raws


def _ingest(raws, slices: int, work: Path, probe=None) -> dict[int, dict]:
    """Ingest ``raws`` with 1 and with 2 workers, in ``slices`` turns that alternate which goes first.

    Alternating in slices spreads any change in the machine's background load over both runs
    (this is a shared machine); each worker count has its own store and its own engine throughout.
    ``probe()``, when given, runs after each slice (the two-core ceiling, :mod:`bench.ceiling`).
    """
    from onrecord.engine.corpus import ingest
    from onrecord.engine.local import LocalEngine
    from onrecord.store import Store

    totals = {w: {"workers": w, "articles": 0, "seconds": 0.0, "write_seconds": 0.0, "resolution_seconds": 0.0, "skipped": 0} for w in (1, 2)}
    engines = {w: LocalEngine(workers=w) for w in (1, 2)}
    stores = {w: Store.open(work / f"w{w}.db") for w in (1, 2)}
    try:
        for engine in engines.values():
            engine.start()  # pipelines loaded in every worker before any clock starts
        size = -(-len(raws) // slices)
        for i in range(slices):
            part = raws[i * size : (i + 1) * size]
            for w in ((1, 2) if i % 2 == 0 else (2, 1)):
                report = ingest(part, stores[w], engines[w])
                total = totals[w]
                total["articles"] += report.stored
                total["seconds"] += report.seconds
                total["write_seconds"] += report.write_seconds
                total["resolution_seconds"] += report.resolution.seconds if report.resolution else 0.0
                total["skipped"] += len(report.skipped)
            if probe is not None:
                probe()
    finally:
        for engine in engines.values():
            engine.close()
        for store in stores.values():
            store.close()
    for total in totals.values():
        total["articles_per_s"] = round(total["articles"] / total["seconds"], 3)
        total["write_share"] = round((total["write_seconds"] + total["resolution_seconds"]) / total["seconds"], 4)
        for key in ("seconds", "write_seconds", "resolution_seconds"):
            total[key] = round(total[key], 2)
    return totals


def _write_only(source_db: Path, url: str) -> dict:
    """Write the analysed articles of ``source_db`` into a fresh store at ``url``: ms per article, then resolution."""
    from onrecord.serialize import article_from_dict
    from onrecord.store import Store

    with Store.open(source_db) as source:
        articles = [article_from_dict(d) for d in source.iter_articles()]
    with Store.open(url) as store:
        with store.writer() as writer:
            t0 = time.perf_counter()
            for article in articles:
                writer.add(article)
            write = time.perf_counter() - t0
        t0 = time.perf_counter()
        store.resolve_entities()
        resolve = time.perf_counter() - t0
    return {"articles": len(articles), "ms_per_article": round(1000 * write / len(articles), 3), "resolution_seconds": round(resolve, 2)}


def _fresh_pg_schema(url: str):
    """A throwaway schema on the benchmark PostgreSQL server; returns (url, drop callback)."""
    import uuid

    from sqlalchemy import create_engine

    from onrecord.store.db import database_url

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(database_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()

    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}", drop


def _scaling(shared: Path, console: Console, work: Path, probe=None) -> dict:
    """1 and 2 workers on a small batch (80 articles, one slice): workers started before the clock, as above."""
    raws = corpus(shared, SMALL)
    (work / "small").mkdir()
    runs = _ingest(raws, 1, work / "small", probe)
    return {"articles": len(raws), "runs": list(runs.values()), "speedup_2_over_1": round(runs[2]["articles_per_s"] / runs[1]["articles_per_s"], 3)}


def run(shared: Path, console: Console, count: int | None = None) -> dict:
    count = count or int(os.environ.get("ONRECORD_BENCH_INGEST_ARTICLES", "2000"))
    raws = corpus(shared, count)
    if not raws:
        console.print(f"[yellow]skipped: no PolNeAR texts under {shared}")
        return {"skipped": "no PolNeAR texts"}
    words = sum(len(r.text.split()) for r in raws)
    work = Path(tempfile.mkdtemp(prefix="onrecord-bench-ingest-"))
    slices = int(os.environ.get("ONRECORD_BENCH_INGEST_SLICES", "2"))
    console.print(f"ingesting {SMALL} articles, then {len(raws)}, with 1 and with 2 workers …")
    probes: list[dict] = []
    probe_raws = raws[:PROBE_ARTICLES]

    def probe() -> None:  # each probe starts with the other order than the one before
        probes.append(ceiling(probe_raws, rounds=1, start=len(probes)))

    small = _scaling(shared, console, work, probe)
    runs = _ingest(raws, slices, work, probe)
    speedup = runs[2]["articles_per_s"] / runs[1]["articles_per_s"]
    two_cores = combined(probes)

    table = Table(title=f"onrecord ingest — PolNeAR train+dev repeated: {len(raws)} articles, {words:,} words, SQLite")
    for col in ("workers", "seconds", "articles/s", "words/s", "store writes s", "resolution s", "write share"):
        table.add_column(col, justify="right")
    for r in runs.values():
        table.add_row(str(r["workers"]), f"{r['seconds']:.1f}", f"{r['articles_per_s']:.2f}", f"{words / r['seconds']:,.0f}",
                      f"{r['write_seconds']:.2f}", f"{r['resolution_seconds']:.2f}", f"{r['write_share']:.1%}")
    console.print(table)
    scaling = Table(title="scaling — ingest rate, workers forked from the loaded pipeline, same run")
    for col in ("articles", "1 worker art/s", "2 workers art/s", "2 / 1", "goal"):
        scaling.add_column(col, justify="right")
    for n, result, goal in ((small["articles"], small, GOAL_SPEEDUP_SMALL), (len(raws), {"runs": list(runs.values()), "speedup_2_over_1": speedup}, GOAL_SPEEDUP)):
        one, two = result["runs"]
        ratio = result["speedup_2_over_1"]
        scaling.add_row(str(n), f"{one['articles_per_s']:.2f}", f"{two['articles_per_s']:.2f}",
                        f"[{'green' if ratio >= goal else 'red'}]{ratio:.2f}×[/]", f"≥ {goal}×")
    console.print(scaling)
    verdict = "[green]meets" if speedup >= GOAL_SPEEDUP else "[red]misses"
    console.print(f"2 workers / 1 worker = {speedup:.2f}× ({verdict} the goal of {GOAL_SPEEDUP}×[/])")
    if "ratio" in two_cores:
        console.print(f"what two cores gave in the same run (bench.ceiling: two independent processes analysing the same "
                      f"{two_cores['articles']} articles at once, no pool or store, vs one alone, after each slice): "
                      f"{two_cores['ratio']:.2f}× (rounds {', '.join(f'{r:.2f}' for r in two_cores['rounds'])}); "
                      f"ingest with 2 workers reached {speedup / two_cores['ratio']:.0%} of it")
    worst = max(r["write_share"] for r in runs.values())
    verdict = "[green]meets" if worst < GOAL_WRITE_SHARE else "[red]misses"
    console.print(f"store writes + resolution: at most {worst:.1%} of ingest time ({verdict} the goal of < {GOAL_WRITE_SHARE:.0%}[/])")

    results = {"articles": len(raws), "words": words, "runs": list(runs.values()), "speedup_2_over_1": round(speedup, 3),
               "max_write_share": worst, "small": small, "two_cores": two_cores}
    writes = {"sqlite": _write_only(work / "w2.db", str(work / "write-only.db"))}
    pg = os.environ.get("ONRECORD_BENCH_POSTGRES_URL") or os.environ.get("ONRECORD_TEST_POSTGRES_URL")
    if pg:
        url, drop = _fresh_pg_schema(pg)
        try:
            writes["postgresql"] = _write_only(work / "w2.db", url)
        finally:
            drop()
    per_article = 1000 * runs[2]["seconds"] / len(raws)
    for name, w in writes.items():
        console.print(f"write path only, {name}: {w['ms_per_article']:.2f} ms per article "
                      f"({w['ms_per_article'] / per_article:.1%} of the 2-worker ingest's {per_article:.0f} ms per article); "
                      f"resolution {w['resolution_seconds']:.2f} s")
    results["write_only"] = writes
    return results
