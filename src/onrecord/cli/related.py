"""``onrecord related ARTICLE_ID INDEX``: statements in other articles that corroborate, contradict or relate to one attribution."""
from __future__ import annotations

import typer
from rich.text import Text

from ._store_options import (
    OutputFormat,
    db_option,
    emit,
    fail,
    format_option,
    open_store,
)
from ..errors import OnrecordError

#: the columns of the table view (JSON and CSV carry every field)
RELATED_COLUMNS = [
    ("relation", "bold", lambda r: r["relation"]),
    ("score", "", lambda r: f"{r['score']:.2f}"),
    ("speaker", "bold cyan", lambda r: Text((r["quote"]["speaker"] or {}).get("name", "—")).append(f"\n{r['quote']['article_id']}#{r['quote']['index']}", style="dim")),
    ("content", "", lambda r: r["quote"]["content_text"]),
    ("reasons", "", lambda r: "\n".join(r["reasons"])),
]


def _flat(item: dict) -> dict:
    """One CSV row: the relation's fields, then the quote's (``quote_`` prefix)."""
    quote = item["quote"]
    row = {k: v for k, v in item.items() if k != "quote"}
    row.update({f"quote_{k}": v for k, v in quote.items()})
    return row


def related_cli(
    article_id: str = typer.Argument(..., help="The article's id (as `onrecord quotes` or `onrecord article` shows it)."),
    index: int = typer.Argument(..., min=0, help="The attribution's position in the article (the N of ARTICLE#N)."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many."),
    db: str | None = db_option(),
    fmt: OutputFormat = format_option(),
) -> None:
    """Statements in other articles about the same thing: corroborates, contradicts or related, with reasons."""
    store = open_store(db)
    try:
        found = store.related(article_id, index, limit=limit)
    except OnrecordError as error:
        raise fail(error) from None
    finally:
        store.close()
    items = [item.to_dict() for item in found.items]
    if fmt == OutputFormat.csv:
        items = [_flat(item) for item in items]
    statement = found.statement
    who = statement.speaker.name if statement.speaker else "unresolved speaker"
    title = f"{len(items)} statement(s) related to {who} ({found.stance or 'no stance'}): “{statement.content_text[:100]}”"
    emit(items, fmt, RELATED_COLUMNS, title=title)
