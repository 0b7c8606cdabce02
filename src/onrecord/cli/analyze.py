"""``onrecord analyze PATH... [--jsonl OUT] [--published DATE] [--workers N] [--kind K,K | --quotes-only]``"""
from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.markup import escape

from ..engine.base import EngineSettings
from ..engine.blas import limit_blas_threads
from ..engine.local import LocalEngine
from ..ingest import iter_articles
from ..pipeline import analyze_raws, load_nlp
from ..serialize import dumps
from ..types import Skipped
from ._common import console, err_console, parse_date, print_article_table, print_warnings
from ._kinds import chosen_kinds, kind_option, quotes_only_option


def analyze_cli(
    paths: list[Path] = typer.Argument(..., help="Text, HTML, JSON, JSONL (gzipped too) or WARC files, or folders of them (docs/input.md)."),
    jsonl: Path | None = typer.Option(None, "--jsonl", help="Write one JSON line per article here ('-' for stdout)."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD when the input has none."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop attributions below this confidence."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Use the rules without the learned model."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per nlp.pipe batch."),
    workers: int = typer.Option(1, "--workers", "-w", min=0, help="Worker processes, forked from the loaded pipeline (default 1: in this process); output in input order."),
    kind: str | None = kind_option(),
    quotes_only: bool = quotes_only_option(),
) -> None:
    """Extract who said what from articles; print a table per article, or write JSONL."""
    default_date = parse_date(published, "--published")
    kinds = chosen_kinds(kind, quotes_only)
    model = None if rules_only else "default"
    out = None
    if jsonl is not None:
        out = sys.stdout if str(jsonl) == "-" else open(jsonl, "w", encoding="utf-8")
    failed = 0
    try:
        # the output file is never an input: "analyze DIR --jsonl DIR/out.jsonl" would read what it writes
        own = [jsonl] if out is not None and out is not sys.stdout else []
        for item in _analyzed(iter_articles(paths, published=default_date, exclude=own), model, min_confidence, batch_size, workers):
            if isinstance(item, Skipped):
                failed += 1
                err_console.print(f"[red]skipped[/red] {escape(str(item))}", highlight=False, soft_wrap=True)
                continue
            print_warnings(item)
            if kinds is not None:
                item = item.of_kinds(*kinds)
            if out is not None:
                out.write(dumps(item) + "\n")
                out.flush()
            else:
                print_article_table(console, item)
    finally:
        if out is not None and out is not sys.stdout:
            out.close()
    if failed:
        err_console.print(f"{failed} input(s) failed")
        raise typer.Exit(code=1)


def _analyzed(items, model, min_confidence: float, batch_size: int, workers: int):
    """The analysed articles in input order: in this process, or on forked workers (``workers`` ≥ 2)."""
    if workers <= 1:
        limit_blas_threads(1)  # one core analyses: more BLAS threads only wait on each other
        nlp = load_nlp(model, min_confidence)
        yield from analyze_raws(items, nlp, batch_size=batch_size)
        return
    with LocalEngine(workers, EngineSettings(model, min_confidence, batch_size)) as engine:
        yield from engine.map(items)
