"""Throughput of onrecord analysis against bare spaCy parsing of the same texts, in the same run.

The baseline is ``nlp.pipe`` with the pinned en_core_web_sm pipeline and nothing else; the
measured run is onrecord's whole per-article path (parse + attribution + resolution + claims +
building the Article). Both use the same batch size and one process; each is timed three times,
alternating, and the fastest run of each counts (less noise from a shared machine).

onrecord's own parser (``load_parser``) is the same pipeline with spaCy's attribute ruler and rule
lemmatizer answered once per distinct token (``onrecord.nlp_tables``, same output); it is timed too, so
that the table shows what the faster parse gives and what the stages above it cost.
"""
from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

#: the goal of issue 15: onrecord's time is at most this multiple of the bare parse
GOAL_RATIO = 1.3


def _texts(shared: Path, limit: int | None = None) -> list[Path]:
    files = sorted((shared / "data/polnear/dev/text").glob("*.txt"))
    return files[:limit] if limit else files


def run(shared: Path, console: Console, limit: int | None = None, repeats: int = 3) -> dict:
    from onrecord.nlp import load_base, load_parser
    from onrecord.pipeline import load_nlp
    from onrecord.pipeline import analyze_raws
    from onrecord.types import RawArticle

    files = _texts(shared, limit)
    if not files:
        console.print(f"[yellow]skipped: no PolNeAR dev texts under {shared}")
        return {"skipped": "no PolNeAR dev texts"}
    raws = [RawArticle(id=f.stem, text=f.read_text("utf-8")) for f in files]
    texts = [r.text for r in raws]
    from onrecord.engine.blas import limit_blas_threads

    limit_blas_threads(1)  # as `onrecord analyze` does (onrecord.engine.blas); both runs alike
    bare = load_base()
    parser = load_parser()
    full = load_nlp()
    # warm the pipelines (lazy model loading, first-call allocations) outside the timings
    list(bare.pipe(texts[:2]))
    list(parser.pipe(texts[:2]))
    list(analyze_raws(raws[:2], full))
    words = sum(len(t.split()) for t in texts)

    def time_pipe(nlp) -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        return time.perf_counter() - t0, time.process_time() - c0

    def time_full() -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in analyze_raws(raws, full, batch_size=16):
            pass
        return time.perf_counter() - t0, time.process_time() - c0

    bare_times, parser_times, full_times = [], [], []
    for _ in range(repeats):
        bare_times.append(time_pipe(bare))
        parser_times.append(time_pipe(parser))
        full_times.append(time_full())
    (b, b_cpu), (p, _), (f, f_cpu) = min(bare_times), min(parser_times), min(full_times)
    ratio = f / b
    # CPU seconds of this process: less moved than wall time by other processes on a shared machine
    cpu_ratio = min(c for _, c in full_times) / min(c for _, c in bare_times)
    table = Table(title=f"onrecord analyze vs bare spaCy parse — PolNeAR dev, {len(texts)} articles, {words:,} words")
    for col in ("run", "seconds", "articles/s", "words/s"):
        table.add_column(col, justify="right" if col != "run" else "left")
    table.add_row("bare nlp.pipe (en_core_web_sm)", f"{b:.2f}", f"{len(texts) / b:.1f}", f"{words / b:,.0f}")
    table.add_row("onrecord's parser (tabled rule components, same output)", f"{p:.2f}", f"{len(texts) / p:.1f}", f"{words / p:,.0f}")
    table.add_row("onrecord (parse + extract + resolve + claims)", f"{f:.2f}", f"{len(texts) / f:.1f}", f"{words / f:,.0f}")
    console.print(table)
    verdict = "[green]within" if ratio <= GOAL_RATIO else "[red]over"
    console.print(f"ratio onrecord / bare parse = {ratio:.2f} ({verdict} the goal of {GOAL_RATIO}×[/]); CPU time ratio {cpu_ratio:.2f}")
    console.print(f"onrecord's parser / bare parse = {p / b:.2f}; onrecord / onrecord's parser = {f / p:.2f} (the stages above the parse)")
    return {
        "articles": len(texts),
        "words": words,
        "bare_seconds": round(b, 3),
        "parser_seconds": round(p, 3),
        "onrecord_seconds": round(f, 3),
        "bare_words_per_s": round(words / b),
        "onrecord_words_per_s": round(words / f),
        "onrecord_articles_per_s": round(len(texts) / f, 2),
        "ratio": round(ratio, 3),
        "cpu_ratio": round(cpu_ratio, 3),
        "parser_ratio": round(p / b, 3),
        "above_parser_ratio": round(f / p, 3),
    }
