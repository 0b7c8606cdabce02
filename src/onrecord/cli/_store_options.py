"""Options and output shared by the store commands (ingest, quotes, speakers, search, article, export, entities)."""
from __future__ import annotations

import csv
import enum
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
from rich.table import Table

from ._common import console, err_console

DB_HELP = "The store: a SQLite file path or a postgresql:// URL (default: $ONRECORD_DB, else onrecord.db)."


def db_option():
    return typer.Option(None, "--db", envvar="ONRECORD_DB", help=DB_HELP, show_envvar=True)


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"


def format_option():
    return typer.Option(OutputFormat.table, "--format", "-f", help="table (for reading), json or csv (for tools).", case_sensitive=False)


def open_store(db: str | None):
    """Open the store or exit with a one-line error."""
    from ..errors import OnrecordError
    from ..store import Store

    try:
        return Store.open(db)
    except OnrecordError as error:
        err_console.print(f"[red]error[/red] {error}", highlight=False)
        raise typer.Exit(code=2) from None
    except Exception as error:  # noqa: BLE001 - driver errors (no server, bad password) as one line
        from ..store.db import database_url, describe

        err_console.print(f"[red]error[/red] cannot open the store {describe(database_url(db))}: {error}", highlight=False)
        raise typer.Exit(code=2) from None


def fail(error: Exception) -> typer.Exit:
    err_console.print(f"[red]error[/red] {error}", highlight=False)
    return typer.Exit(code=1)


_RATIOS = {"speaker": 2, "content": 6, "cue": 2, "article": 2, "id": 2, "outlets": 2, "aliases": 3, "name": 2, "reasons": 4}


def _flat(value: Any) -> Any:
    if isinstance(value, dict):
        return value.get("name", json.dumps(value, ensure_ascii=False))
    if isinstance(value, list):
        return "; ".join(str(_flat(v)) for v in value)
    return value


def emit(
    records: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    columns: Sequence[tuple[str, str, Callable[[dict], Any]]],
    *,
    title: str | None = None,
    total: int | None = None,
) -> None:
    """Print records as a Rich table (``columns``: header, style, getter), a JSON array, or CSV with every field."""
    if fmt == OutputFormat.json:
        sys.stdout.write(json.dumps(list(records), ensure_ascii=False, indent=1) + "\n")
        return
    if fmt == OutputFormat.csv:
        fields = list(records[0]) if records else [name for name, _, _ in columns]
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow({k: _flat(v) for k, v in record.items()})
        return
    table = Table(title=title, title_justify="left", expand=True)
    for header, style, _ in columns:
        ratio = _RATIOS.get(header)
        # short fields keep their natural width; text columns share the rest, the content the most
        table.add_column(header, style=style or None, overflow="fold", ratio=ratio, no_wrap=ratio is None)
    for record in records:
        table.add_row(*("" if (v := get(record)) is None else str(v) for _, _, get in columns))
    console.print(table)
    if total is not None and total > len(records):
        err_console.print(f"[dim]{len(records)} of {total} shown; use --limit and --offset for more[/dim]")
