"""``onrecord timex PATH... [--published DATE] [--jsonl OUT] [--format table|timeml] [--out DIR]``: every time expression with its TIMEX3 value."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import typer
from rich.markup import escape

from ..ingest import iter_articles
from ..nlp import load_parser
from ..nlp_chunks import run_pipeline
from ..pipeline import analysis_failed
from ..serialize import time_to_dict
from ..time.expressions import find_time_expressions
from ..time.timeml import to_timeml
from ..types import Skipped
from ._common import console, err_console, parse_date, plain


def timex_cli(
    paths: list[Path] = typer.Argument(..., help="Files (text, HTML, JSON, JSONL, .jsonl.gz, WARC) or folders of them, read as `onrecord analyze` reads them."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD when the input has none."),
    jsonl: Path | None = typer.Option(None, "--jsonl", help="Write one JSON line per expression here ('-' for stdout)."),
    output_format: str = typer.Option("table", "--format", help="table (default) or timeml: each text as TimeML with inline TIMEX3 tags and its DCT."),
    out_dir: Path | None = typer.Option(None, "--out", help="With --format timeml: write one <id>.tml per text into this folder instead of stdout."),
) -> None:
    """Print every time expression of each text: offsets, TIMEX3 type (DATE, TIME, DURATION, SET), value and mod."""
    from rich.table import Table

    if output_format not in ("table", "timeml"):
        err_console.print(f"--format must be table or timeml, not {output_format!r}", markup=False, highlight=False)
        raise typer.Exit(code=2)
    default_date = parse_date(published, "--published")
    nlp = load_parser()
    out = None
    if jsonl is not None:
        out = sys.stdout if str(jsonl) == "-" else open(jsonl, "w", encoding="utf-8")
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    try:
        own = [p for p in (None if out is sys.stdout else jsonl, out_dir) if p is not None]  # outputs are never inputs
        for raw in iter_articles(paths, published=default_date, exclude=own):
            if isinstance(raw, Skipped):
                failed += 1
                err_console.print(f"[red]skipped[/red] {escape(str(raw))}", highlight=False, soft_wrap=True)
                continue
            found = _time_expressions(nlp, raw, find_time_expressions)
            if isinstance(found, Skipped):
                failed += 1
                err_console.print(f"[red]skipped[/red] {escape(str(found))}", highlight=False, soft_wrap=True)
                continue
            if out is not None:
                for t in found:
                    out.write(json.dumps({"id": raw.id, **time_to_dict(t)}, ensure_ascii=False) + "\n")
                continue
            if output_format == "timeml":
                timeml = to_timeml(raw.id, raw.text, raw.published, found)
                if out_dir is None:
                    sys.stdout.write(timeml)
                else:
                    (out_dir / (re.sub(r"[^\w.-]+", "_", raw.id) + ".tml")).write_text(timeml, "utf-8")
                continue
            date = raw.published.isoformat() if raw.published else "no publication date"
            table = Table(title=plain(f"{raw.id} ({date})"), title_justify="left", expand=False)
            for column in ("start", "end", "text", "type", "value", "mod", "note"):
                table.add_column(column, no_wrap=column in ("start", "end", "type", "value"), justify="right" if column in ("start", "end") else "left")
            for t in found:
                table.add_row(str(t.span.start), str(t.span.end), plain(t.span.text), t.type, t.value or "—", t.mod or "", plain(t.note or ""))
            if not found:
                table.add_row("", "", "[dim]no time expressions[/dim]", "", "", "", "")
            console.print(table)
    finally:
        if out is not None and out is not sys.stdout:
            out.close()
    if failed:
        err_console.print(f"{failed} input(s) failed")
        raise typer.Exit(code=1)


def _time_expressions(nlp, raw, find_time_expressions):
    """The article's time expressions (a text over the parser's limit parsed in chunks), or its ``Skipped`` (E061 when a stage raises)."""
    try:
        doc = run_pipeline(nlp, raw.text, raw.published)
        return find_time_expressions(doc, raw.published)
    except Exception as error:  # noqa: BLE001 - one article's bug is reported, the other files go on
        return analysis_failed(raw, error)
