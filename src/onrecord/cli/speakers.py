"""``onrecord speakers [--top N]``: the most quoted speakers across the store."""
from __future__ import annotations

import typer

from ..kinds import QUOTES
from ._store_options import OutputFormat, db_option, emit, format_option, open_store


def speakers_cli(
    top: int = typer.Option(20, "--top", "-n", min=1, help="How many, most quoted first."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many first."),
    q: str | None = typer.Option(None, "--q", help="Only speakers with this in one of their names."),
    kind: str | None = typer.Option(None, "--kind", help="person, organisation, group or unresolved."),
    quotes_only: bool = typer.Option(False, "--quotes-only", help="Count only quotes (speech and writing attributions)."),
    aliases: bool = typer.Option(True, "--aliases/--no-aliases", help="Show each speaker's other names (one query each)."),
    db: str | None = db_option(),
    fmt: OutputFormat = format_option(),
) -> None:
    """Speakers across articles: attributions, articles, first and last seen, outlets, aliases."""
    store = open_store(db)
    try:
        page = store.speakers(q=q, kind=kind, limit=top, offset=offset, attribution_kind=QUOTES if quotes_only else None)
        records = [s.to_dict() for s in page.items]
        if aliases:
            for record in records:
                record["aliases"] = list(store.speaker(record["id"]).aliases)
    finally:
        store.close()
    columns = [
        ("speaker", "bold cyan", lambda s: s["name"]),
        ("id", "dim", lambda s: s["id"]),
        ("kind", "", lambda s: s["kind"][:6]),
        ("quotes", "", lambda s: s["quotes"]),
        ("arts", "", lambda s: s["articles"]),
        ("first", "", lambda s: s["first_seen"]),
        ("last", "", lambda s: s["last_seen"]),
        ("outlets", "", lambda s: ", ".join(s["outlets"][:3]) + (" …" if len(s["outlets"]) > 3 else "")),
    ]
    if aliases:
        columns.append(("aliases", "", lambda s: ", ".join(s["aliases"][:4]) + (" …" if len(s["aliases"]) > 4 else "")))
    emit(records, fmt, columns, title=f"{page.total} speaker(s)", total=page.total, paging=("--top", "--offset"))
