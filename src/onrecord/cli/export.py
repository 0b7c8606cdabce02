"""``onrecord export --format parquet|csv|jsonl|brat|doccano --out PATH``: the store as files."""
from __future__ import annotations

import enum
from pathlib import Path

import typer

from ..errors import OnrecordError
from ._common import err_console
from ._store_options import db_option, fail, open_store


class ExportFormat(str, enum.Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    brat = "brat"
    doccano = "doccano"


def export_cli(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="jsonl (the output schema), csv (one row per attribution), "
                                     "parquet (a folder of tables), brat (a folder for the brat annotation tool), doccano (JSONL)."),
    out: Path = typer.Option(..., "--out", "-o", help="The file (jsonl, csv, doccano) or folder (parquet, brat) to write."),
    db: str | None = db_option(),
) -> None:
    """Export every stored article; brat and doccano files can be corrected by annotators and read back."""
    from ..store.export import export  # lazy: the store (SQLAlchemy) loads only in commands that open one

    store = open_store(db)
    try:
        count = export(store, fmt.value, out)
    except OnrecordError as error:
        raise fail(error) from None
    finally:
        store.close()
    err_console.print(f"{count} article(s) written to {out} ({fmt.value})", highlight=False, markup=False)
