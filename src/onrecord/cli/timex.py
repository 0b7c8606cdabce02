"""``onrecord timex PATH... [--published DATE] [--jsonl OUT]``: every time expression with its TIMEX3 value."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.markup import escape

from ._common import console, err_console, parse_date, plain


def timex_cli(
    paths: list[Path] = typer.Argument(..., help="Files (text, HTML, JSON, JSONL, .jsonl.gz, WARC) or folders of them, read as `onrecord analyze` reads them."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD when the input has none."),
    jsonl: Path | None = typer.Option(None, "--jsonl", help="Write one JSON line per expression here ('-' for stdout)."),
) -> None:
    """Print every time expression of each text: offsets, TIMEX3 type (DATE, TIME, DURATION, SET), value and mod."""
    from rich.table import Table

    from ..claims.time import find_time_expressions
    from ..ingest import iter_articles
    from ..nlp import load_base, make_doc
    from ..serialize import time_to_dict
    from ..types import Skipped

    default_date = parse_date(published, "--published")
    nlp = load_base()
    from .. import factories  # noqa: F401  the paragraph component: a line break ends a sentence

    nlp.add_pipe("onrecord_paragraphs", before="parser")
    out = None
    if jsonl is not None:
        out = sys.stdout if str(jsonl) == "-" else open(jsonl, "w", encoding="utf-8")
    failed = 0
    try:
        for raw in iter_articles(paths, published=default_date):
            if isinstance(raw, Skipped):
                failed += 1
                err_console.print(f"[red]skipped[/red] {escape(str(raw))}", highlight=False, soft_wrap=True)
                continue
            doc = nlp(make_doc(nlp, raw.text, raw.published))
            found = find_time_expressions(doc, raw.published)
            if out is not None:
                for t in found:
                    out.write(json.dumps({"id": raw.id, **time_to_dict(t)}, ensure_ascii=False) + "\n")
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
