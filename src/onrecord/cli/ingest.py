"""``onrecord ingest PATH... [--db DB] [--workers N]``: analyse a corpus into the store."""
from __future__ import annotations

import enum
from pathlib import Path

import typer
from rich.markup import escape

from ..engine.base import EngineSettings
from ..engine.local import LocalEngine
from ..errors import EngineUnavailable
from ..ingest import iter_articles
from ..spacy_model import require_base_model
from ..types import RawArticle
from ._common import err_console, parse_date, print_warnings
from ._store_options import db_option, open_store


class EngineName(str, enum.Enum):
    local = "local"
    spark = "spark"


def _progress():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Articles per second since the start (Rich's own speed is a recent-window estimate, which reads
        hundreds per second when a batch of workers finishes at once)."""

        def render(self, task) -> Text:
            elapsed = task.finished_time or task.elapsed
            speed = task.completed / elapsed if elapsed and task.completed else None
            return Text(f"{speed:.1f} art/s" if speed else "– art/s", style="progress.data.speed")

    return Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[counts]}"),
        console=err_console,
        transient=False,
    )


def ingest_cli(
    paths: list[Path] = typer.Argument(..., help="Files (text, HTML, JSON, JSONL, .jsonl.gz, WARC) or folders of them."),
    db: str | None = db_option(),
    workers: int | None = typer.Option(None, "--workers", "-w", min=0, help="Worker processes (default: all cores; 0 = in this process)."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for inputs that have none."),
    engine: EngineName = typer.Option(EngineName.local, "--engine", help="Where to analyse: local worker processes, or a Spark cluster."),
    master: str | None = typer.Option(None, "--master", help="Spark master URL (with --engine spark), e.g. spark://host:7077."),
    parquet: Path | None = typer.Option(None, "--parquet", help="With --engine spark: keep the Parquet tables (articles, attributions, entities, skipped) in this folder."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Use the rules without the learned model."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop attributions below this confidence."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per nlp.pipe batch."),
    resolve: bool = typer.Option(True, "--resolve/--no-resolve", help="Resolve speakers across articles at the end."),
) -> None:
    """Analyse articles into the store: idempotent by text hash, one transaction per article, resumable."""
    default_date = parse_date(published, "--published")
    require_base_model()  # [E030] before a store is created or a worker (local or Spark) started
    settings = EngineSettings(None if rules_only else "default", min_confidence, batch_size)
    store = open_store(db, create=True)
    failed = []

    def report_skip(item) -> None:
        failed.append(item)
        err_console.print(f"[red]skipped[/red] {escape(str(item))}", highlight=False, soft_wrap=True)

    try:
        if engine == EngineName.spark:
            report = _spark(paths, store, settings, master, workers, default_date, report_skip, parquet)
        else:
            report = _local(paths, store, settings, workers, default_date, report_skip)
    finally:
        store.close()
    _summary(report, store)
    if report.interrupted:
        err_console.print("[yellow]interrupted[/yellow]: everything above was committed; run the same command again to resume")
        raise typer.Exit(code=130)
    if failed:
        err_console.print(f"{len(failed)} input(s) failed")
        raise typer.Exit(code=1)


def _local(paths, store, settings, workers, published, on_skipped):
    from ..engine.corpus import ingest  # lazy: the store (SQLAlchemy) loads only in commands that open one

    with LocalEngine(workers, settings) as local:
        # workers fork from the loaded pipeline before the progress bar starts its refresh thread
        # (a thread holding a lock at fork time would leave that lock held in every worker)
        local.start()
        with _progress() as progress:
            task = progress.add_task("ingest", total=None, counts="")

            def on_progress(p) -> None:
                progress.update(task, completed=p.done, total=p.total, counts=f"new {p.stored} · had {p.existing} · bad {p.skipped}")

            return ingest(_read_with_warnings(paths, published), store, local, published=published, on_progress=on_progress, on_skipped=on_skipped)


def _read_with_warnings(paths, published):
    """The articles of ``paths``, each one's coded warnings printed as it is read."""
    for item in iter_articles(paths, published=published):
        if isinstance(item, RawArticle):
            print_warnings(item)
        yield item


def _spark(paths, store, settings, master, workers, published, on_skipped, parquet=None):
    """Spark: executors read the shards and analyse them into Parquet tables; this process loads the store."""
    try:  # lazy: the Spark engine is an optional extra (onrecord[spark])
        from ..engine.spark import SparkEngine, SparkSettings
        from ..engine.spark_parquet import ingest_on_spark
    except ImportError as error:
        raise typer.BadParameter(f'the Spark engine is not installed ({error}); pip install "onrecord[spark]"', param_hint="--engine") from None
    spark_settings = SparkSettings(**({"master": master} if master else {}), **({"max_cores": workers} if workers else {}))
    with _progress() as progress, SparkEngine(settings, spark_settings) as engine:
        task = progress.add_task("ingest", total=None, counts="analysing on Spark")

        def on_progress(p) -> None:
            progress.update(task, completed=p.done, total=p.total, counts=f"storing: new {p.stored} · had {p.existing} · bad {p.skipped}")

        try:
            return ingest_on_spark(paths, store, engine, published=published, out_dir=parquet, on_progress=on_progress, on_skipped=on_skipped).store
        except EngineUnavailable as error:  # no Java, no PySpark, or the master cannot be reached
            err_console.print(f"[red]error[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
            raise typer.Exit(code=2) from None


def _summary(report, store) -> None:
    from ..store.db import describe  # lazy: the store (SQLAlchemy) loads only in commands that open one

    line = (
        f"[bold]{report.stored}[/bold] new article(s), {report.existing} already stored, {len(report.skipped)} skipped; "
        f"{report.attributions} attribution(s) in {report.seconds:.1f} s ({report.rate:.2f} articles/s, "
        f"{report.workers} worker(s)); store writes {report.write_share:.1%} of the time"
    )
    err_console.print(line, highlight=False)
    if report.resolution is not None:
        r = report.resolution
        err_console.print(f"speakers across articles: {r.groups} name(s) → {r.entities} entities, {r.merges} merge(s), {r.links} link(s) ({r.seconds:.2f} s)", highlight=False)
    err_console.print(f"store: {describe(store.url)}", highlight=False, markup=False)
