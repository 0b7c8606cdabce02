"""The learned attribution model's own cost: its predict time against the bare parse of the same texts.

The texts of PolNeAR dev are parsed once by the onrecord base pipeline (timed: the baseline);
then the shipped model predicts on those Docs (timed), and so do the rules (timed), in the same
run. The full pipeline's ratio is in the ``bench.analyze`` section.
"""
from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console
from rich.table import Table


def run(shared: Path, console: Console, limit: int | None = None) -> dict:
    from onrecord.attribution.model import load_model
    from onrecord.nlp import load_parser
    from onrecord.attribution.rules import extract_rule_attributions

    files = sorted((shared / "data/polnear/dev/text").glob("*.txt"))[:limit]
    model = load_model("default")
    if not files or model is None:
        console.print("[yellow]skipped: needs PolNeAR dev texts and the shipped model")
        return {"skipped": "no dev texts or no model"}
    texts = [f.read_text("utf-8") for f in files]
    nlp = load_parser()
    list(nlp.pipe(texts[:2]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - t0
    model.predict(docs[0])
    timings = {}
    for name, fn in (("model", model.predict), ("rules", extract_rule_attributions)):
        best = float("inf")
        for _ in range(2):
            for doc in docs:  # fresh caches per run, as a new Doc would have
                doc.user_data.clear()
            t0 = time.perf_counter()
            for doc in docs:
                fn(doc)
            best = min(best, time.perf_counter() - t0)
        timings[name] = best
    tokens = sum(len(d) for d in docs)
    table = Table(title=f"attribution model vs bare parse — PolNeAR dev, {len(docs)} articles, {tokens:,} tokens")
    for col in ("step", "seconds", "tokens/s", "× parse"):
        table.add_column(col, justify="left" if col == "step" else "right")
    table.add_row("parse (base pipeline)", f"{parse:.2f}", f"{tokens / parse:,.0f}", "1.00")
    for name, seconds in timings.items():
        table.add_row(f"{name} predict", f"{seconds:.2f}", f"{tokens / seconds:,.0f}", f"{seconds / parse:.2f}")
    console.print(table)
    return {
        "articles": len(docs),
        "tokens": tokens,
        "parse_seconds": round(parse, 3),
        "model_seconds": round(timings["model"], 3),
        "rules_seconds": round(timings["rules"], 3),
        "model_over_parse": round(timings["model"] / parse, 3),
    }
