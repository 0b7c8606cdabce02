"""``onrecord check ARTICLE_ID|PATH``: each role mention of an article against the store's articles of the period."""
from __future__ import annotations

from pathlib import Path

import typer

from ..corpus.role_table import read_role_table
from ..errors import ArticleNotFound, OnrecordError
from ..ingest import iter_articles
from ..pipeline import analyze_raws, load_nlp
from ..types import Skipped
from ._common import err_console, parse_date
from ._store_options import OutputFormat, db_option, emit, fail, format_option, open_store

CHECK_COLUMNS = [
    ("status", "bold", lambda c: c["status"]),
    ("name", "bold cyan", lambda c: c["entity"]),
    ("as written", "", lambda c: c["text"]),
    ("reasons", "", lambda c: c["reason"] + "".join(f"\n· {e['article_id']} ({e['day']}): {e['sentence']}" for e in c["evidence"][:3])),
]


def check_cli(
    target: str = typer.Argument(..., help="A stored article's id, or a file or folder to analyse (not stored) and check."),
    db: str | None = db_option(),
    window_days: int = typer.Option(60, "--window-days", min=0, max=3650, help="Compare with the articles this many days before and after."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD when a PATH has none."),
    roles_csv: Path | None = typer.Option(None, "--roles-csv", help="A role table (CSV: name,role,start,end,source) as evidence beside the store (docs/roles.md)."),
    fmt: OutputFormat = format_option(),
) -> None:
    """How an article describes its people against the rest of the store: agrees, new or conflicts, with evidence."""
    from ..store.roles_check import check_article  # lazy: the store (SQLAlchemy) loads only in commands that open one

    store = open_store(db)
    try:
        table = read_role_table(roles_csv) if roles_csv is not None else ()
        articles, stored = [], False
        try:
            articles, stored = [store.article_record(target)], True
        except ArticleNotFound:
            if not Path(target).exists():
                raise
            articles = _analyse(Path(target), parse_date(published, "--published"))
        results = [check_article(store, article, window_days, stored=stored, table=table) for article in articles]
    except OnrecordError as error:
        raise fail(error) from None
    finally:
        store.close()
    for result in results:
        items = [c.to_dict() for c in result.checks]
        conflicts = len(result.conflicts)
        date = result.published.isoformat() if result.published else "no date"
        emit(items, fmt, CHECK_COLUMNS, title=f"{result.article_id} ({date}): {len(items)} role mention(s), {conflicts} in conflict with the store (±{result.window_days} days)")
    if not results:
        err_console.print("no article to check")


def _analyse(path: Path, published):
    """The articles of a path, analysed (``Skipped`` inputs reported on stderr and left out)."""
    from rich.markup import escape

    out = []
    for item in analyze_raws(iter_articles([path], published=published), load_nlp()):
        if isinstance(item, Skipped):
            err_console.print(f"[red]skipped[/red] {escape(str(item))}", highlight=False, soft_wrap=True)
        else:
            out.append(item)
    return out
