"""Role history (docs/roles.md): what keeping it costs on ingest, and how fast ``onrecord check`` answers.

1. Ingestion rate with the role history against without, in the same run: the same articles go into two fresh
   SQLite stores, in slices that alternate which goes first (a change in the shared machine's load falls on
   both), analysed in this process (``LocalEngine(workers=0)``) so the switch below reaches the analysis. The
   switch, for this measurement only, replaces the role-mention step of the pipeline by one that finds none:
   nothing to extract, nothing to write. The run without is checked to have stored no role mention. Reported:
   the ratio of the rates (goal ≥ 0.90, the issue's "within 10%"), and the time inside the role-mention step as
   a share of the ingest (a steadier figure than a ratio of two noisy rates).
   Corpus: PolNeAR train + dev (``bench/ingest.py``) when ``--shared`` has it, else the generated articles
   of ``bench/load.py``.
2. ``check_article`` (what ``onrecord check ID``, the API and the Article page call) on stored articles of the
   1,000-article store of ``bench/load.py`` (built once, kept in ``var/bench/load-base.db``, copied here):
   p50 and p99 over a sample of articles, the article's read from the store included. Goal: p50 < 200 ms.

Run alone: ``.venv/bin/python -m bench.run --only bench.roles``. Prints ``uptime``'s load: the figures
come from a shared machine.
"""
from __future__ import annotations

import contextlib
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from rich.console import Console

GOAL_RATE_RATIO = 0.90
GOAL_CHECK_P50_MS = 200.0


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (as ``uptime`` prints them), or ``?`` where the OS has none."""
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


@contextlib.contextmanager
def role_mentions(enabled: bool, timer: dict):
    """The pipeline's role-mention step as is (timed into ``timer["seconds"]``), or one that finds none."""
    from onrecord import factories  # the speakers component calls extract_role_mentions

    original = factories.extract_role_mentions

    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            timer["seconds"] = timer.get("seconds", 0.0) + time.perf_counter() - t0

    factories.extract_role_mentions = timed if enabled else (lambda *args, **kwargs: ())
    try:
        yield
    finally:
        factories.extract_role_mentions = original


def _corpus(shared: Path, count: int):
    from .ingest import corpus

    raws = corpus(shared, count)
    if raws:
        return raws, "PolNeAR train+dev"
    import datetime as dt

    from onrecord.types import RawArticle

    from .load import article

    rng = random.Random(11)
    generated = [article(i, rng) for i in range(count)]
    return [RawArticle(id=a["id"], text=a["text"], published=dt.date.fromisoformat(a["published"]), origin=a["id"]) for a in generated], "generated"


def measure_ingest(raws, slices: int, work: Path) -> dict:
    """Ingest ``raws`` with and without role mentions into two stores, alternating in ``slices``."""
    from onrecord.engine.corpus import ingest
    from onrecord.engine.local import LocalEngine
    from onrecord.store import Store

    totals = {mode: {"articles": 0, "seconds": 0.0, "role_seconds": 0.0, "write_seconds": 0.0} for mode in ("with", "without")}
    slice_ratios = []
    stores = {mode: Store.open(str(work / f"roles-{mode}.db")) for mode in totals}
    try:
        with LocalEngine(workers=0) as engine:
            engine.start()
            with Store.open(str(work / "warm.db")) as warm:
                ingest(raws[:1], warm, engine)  # the pipeline loaded before any clock starts
            size = -(-len(raws) // slices)
            for i in range(slices):
                part = raws[i * size : (i + 1) * size]
                rates = {}
                for mode in (("with", "without") if i % 2 == 0 else ("without", "with")):
                    timer: dict = {}
                    with role_mentions(mode == "with", timer):
                        report = ingest(part, stores[mode], engine)
                    totals[mode]["articles"] += report.stored
                    totals[mode]["seconds"] += report.seconds
                    totals[mode]["write_seconds"] += report.write_seconds
                    totals[mode]["role_seconds"] += timer.get("seconds", 0.0)
                    rates[mode] = report.stored / report.seconds if report.seconds else 0.0
                if rates["without"]:
                    slice_ratios.append(rates["with"] / rates["without"])
        mentions = {mode: _count_role_mentions(store) for mode, store in stores.items()}
    finally:
        for store in stores.values():
            store.close()
    if mentions["without"] != 0 or mentions["with"] == 0:
        raise RuntimeError(f"the role-mention switch did not work: {mentions} role mentions stored")
    for mode, total in totals.items():
        total["articles_per_s"] = round(total["articles"] / total["seconds"], 3)
        total["role_mentions"] = mentions[mode]
        for key in ("seconds", "role_seconds", "write_seconds"):
            total[key] = round(total[key], 3)
    totals["slice_ratios"] = [round(r, 3) for r in slice_ratios]
    return totals


def _count_role_mentions(store) -> int:
    from sqlalchemy import func, select

    from onrecord.store import tables as t

    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.role_mentions)).scalar()


def measure_check(db: Path, sample: int, seed: int = 5) -> dict:
    """``check_article`` on ``sample`` stored articles of ``db``: milliseconds per article, read included."""
    from sqlalchemy import select

    from onrecord.store.roles_check import check_article
    from onrecord.store import Store
    from onrecord.store import tables as t

    from .serve import percentile

    with Store.open(str(db)) as store:
        with store.engine.connect() as conn:
            ids = conn.execute(select(t.articles.c.id).order_by(t.articles.c.pk)).scalars().all()
        picked = random.Random(seed).sample(ids, min(sample, len(ids)))
        check_article(store, store.article_record(picked[0]), stored=True)  # warm: imports, role terms, SQLite cache
        times, mentions, conflicts = [], 0, 0
        for article_id in picked:
            t0 = time.perf_counter()
            result = check_article(store, store.article_record(article_id), stored=True)
            times.append(1000 * (time.perf_counter() - t0))
            mentions += len(result.checks)
            conflicts += len(result.conflicts)
    return {"store_articles": len(ids), "checked": len(picked), "role_mentions": mentions, "conflicts": conflicts,
            "p50_ms": round(percentile(times, 50), 2), "p99_ms": round(percentile(times, 99), 2), "max_ms": round(max(times), 2)}


def run(shared: Path, console: Console, count: int | None = None) -> dict:
    from .load import base_store
    from .serve import BENCH_DIR

    count = count or int(os.environ.get("ONRECORD_BENCH_ROLES_ARTICLES", "160"))
    slices = int(os.environ.get("ONRECORD_BENCH_ROLES_SLICES", "8"))
    raws, source = _corpus(shared, count)
    work = Path(tempfile.mkdtemp(prefix="onrecord-bench-roles-"))
    results: dict = {"load_before": load_average()}
    try:
        console.print(f"ingesting {len(raws)} {source} articles with and without role mentions, alternating in {slices} slices, in this process …")
        runs = measure_ingest(raws, slices, work)
        slice_ratios = runs.pop("slice_ratios")
        ratio = runs["with"]["articles_per_s"] / runs["without"]["articles_per_s"]
        share = runs["with"]["role_seconds"] / runs["with"]["seconds"]
        extra_writes = max(0.0, runs["with"]["write_seconds"] - runs["without"]["write_seconds"]) / runs["with"]["seconds"]
        for mode, r in runs.items():
            console.print(f"{mode:>7} role mentions: {r['articles']} articles in {r['seconds']:.1f} s = {r['articles_per_s']:.2f} articles/s, "
                          f"{r['role_mentions']} role mentions stored")
        verdict = "[green]meets" if ratio >= GOAL_RATE_RATIO else "[red]misses"
        console.print(f"rate with / without = {ratio:.3f} ({verdict} the goal of ≥ {GOAL_RATE_RATIO}[/]); "
                      f"the role-mention step took {share:.2%} of the ingest's time, the extra store writes {extra_writes:.2%}; "
                      f"per slice: {', '.join(f'{r:.2f}' for r in slice_ratios)}")
        results.update(source=source, runs=runs, rate_ratio=round(ratio, 3), role_step_share=round(share, 4),
                       extra_write_share=round(extra_writes, 4), slice_ratios=slice_ratios)

        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        db = work / "check.db"
        shutil.copyfile(base_store(console), db)
        check = measure_check(db, int(os.environ.get("ONRECORD_BENCH_ROLES_CHECKS", "100")))
        verdict = "[green]meets" if check["p50_ms"] < GOAL_CHECK_P50_MS else "[red]misses"
        console.print(f"check_article on {check['checked']} articles of a {check['store_articles']}-article store "
                      f"({check['role_mentions']} role mentions, {check['conflicts']} conflicts): p50 {check['p50_ms']:.1f} ms "
                      f"({verdict} the goal of < {GOAL_CHECK_P50_MS:.0f} ms[/]), p99 {check['p99_ms']:.1f} ms")
        results["check"] = check
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["load_after"] = load_average()
    console.print(f"load average (1, 5, 15 min) before {results['load_before']}, after {results['load_after']} (a shared machine: figures vary)")
    return results
