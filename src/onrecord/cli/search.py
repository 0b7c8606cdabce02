"""``onrecord search TEXT``: full-text search over what was said, best match first."""
from __future__ import annotations

import typer

from ._common import parse_date
from ._kinds import chosen_kinds, kind_option, quotes_only_option
from ._store_options import OutputFormat, db_option, emit, format_option, open_store
from .quotes import QUOTE_COLUMNS


def search_cli(
    text: str = typer.Argument(..., help='Words to find (all of them; "a phrase", OR, -word to exclude).'),
    speaker: str | None = typer.Option(None, "--speaker", "-s", help="Only this speaker (name, alias or id)."),
    since: str | None = typer.Option(None, "--since", help="Said (or published) on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Said (or published) on or before YYYY-MM-DD."),
    kind: str | None = kind_option(),
    quotes_only: bool = quotes_only_option(),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many first."),
    db: str | None = db_option(),
    fmt: OutputFormat = format_option(),
) -> None:
    """Attributions whose content matches TEXT (SQLite FTS5 or PostgreSQL full text)."""
    dates = parse_date(since, "--since"), parse_date(until, "--until")
    kinds = chosen_kinds(kind, quotes_only)
    store = open_store(db)
    try:
        page = store.search(text, limit=limit, offset=offset, speaker=speaker, since=dates[0], until=dates[1], kind=kinds)
    finally:
        store.close()
    emit([x.to_dict() for x in page.items], fmt, QUOTE_COLUMNS, title=f"{page.total} match(es) for {text!r}", total=page.total)
