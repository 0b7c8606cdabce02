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

from ..errors import OnrecordError
from ._common import EXIT_USAGE, console, err_console, exit_status, plain, report_error

DB_HELP = "The store: a SQLite file path or a postgresql:// URL (default: $ONRECORD_DB, else onrecord.db)."


def db_option():
    return typer.Option(None, "--db", envvar="ONRECORD_DB", help=DB_HELP, show_envvar=True)


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"


def format_option():
    return typer.Option(OutputFormat.table, "--format", "-f", help="table (for reading), json or csv (for tools).", case_sensitive=False)


def open_store(db: str | None, *, create: bool = False):
    """Open the store or exit with a one-line error; only ``create=True`` (ingest) makes a new SQLite file."""
    from ..store import Store  # lazy: the store (SQLAlchemy) loads only in commands that open one
    from ..store.db import database_url, describe  # lazy: the store (SQLAlchemy) loads only in commands that open one

    try:
        return Store.open(db, create=create)
    except OnrecordError as error:
        raise typer.Exit(code=report_error(error, max(EXIT_USAGE, exit_status(error)))) from None
    except Exception as error:  # noqa: BLE001 - driver errors (no server, bad password) as one line
        from rich.markup import escape

        err_console.print(f"[red]error[/red] cannot open the store {escape(describe(database_url(db)))}: {escape(str(error))}", highlight=False)
        raise typer.Exit(code=EXIT_USAGE) from None


def fail(error: Exception) -> typer.Exit:
    """The one-line message of an error, and the exit to raise (``raise fail(error) from None``)."""
    if isinstance(error, OnrecordError):
        return typer.Exit(code=report_error(error))
    report_error(error, 1)
    return typer.Exit(code=1)


_RATIOS = {"speaker": 2, "content": 6, "cue": 2, "article": 2, "id": 2, "outlets": 2, "aliases": 3, "name": 2, "reasons": 4, "as written": 2}


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
    paging: tuple[str, str] = ("--limit", "--offset"),
) -> None:
    """Print records as a Rich table (``columns``: header, style, getter), a JSON array, or CSV with every field.

    Table cells are shown as written (a getter may return a styled :class:`rich.text.Text`); ``paging``
    names the command's own options for the "more" hint.
    """
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
    table = Table(title=None if title is None else plain(title), title_justify="left", expand=True)
    for header, style, _ in columns:
        ratio = _RATIOS.get(header)
        # short fields keep their natural width; text columns share the rest, the content the most
        table.add_column(header, style=style or None, overflow="fold", ratio=ratio, no_wrap=ratio is None)
    for record in records:
        table.add_row(*(plain(get(record)) for _, _, get in columns))
    console.print(table)
    if total is not None and total > len(records):
        err_console.print(f"[dim]{len(records)} of {total} shown; use {paging[0]} and {paging[1]} for more[/dim]")
