"""``onrecord article ID``: one stored article, who said what in it."""
from __future__ import annotations

import json
import sys

import typer

from ..errors import OnrecordError
from ..serialize import article_from_dict
from ._common import console, print_article_table
from ._store_options import OutputFormat, db_option, fail, format_option, open_store


def article_cli(
    article_id: str = typer.Argument(..., help="The article id (as listed by `onrecord quotes`)."),
    global_speakers: bool = typer.Option(False, "--global-speakers", help="JSON: speaker ids of the cross-article entities."),
    db: str | None = db_option(),
    fmt: OutputFormat = format_option(),
) -> None:
    """Print a stored article's attributions (table), or its JSON exactly as `onrecord analyze --jsonl` wrote it."""
    store = open_store(db)
    try:
        article = store.article(article_id, global_speakers=global_speakers or fmt == OutputFormat.table)
    except OnrecordError as error:
        raise fail(error) from None
    finally:
        store.close()
    if fmt == OutputFormat.table:
        print_article_table(console, article_from_dict(article))
    elif fmt == OutputFormat.json:
        sys.stdout.write(json.dumps(article, ensure_ascii=False) + "\n")
    else:
        raise typer.BadParameter("an article is printed as a table or JSON; `onrecord export --format csv` writes CSV", param_hint="--format")
