"""``onrecord roles NAME``: one speaker's role history, per office and qualifier, as the stored articles describe it."""
from __future__ import annotations

import typer

from ..errors import OnrecordError
from ._store_options import OutputFormat, db_option, emit, fail, format_option, open_store

ROLE_COLUMNS = [
    ("role", "bold", lambda r: " ".join(x for x in (r["qualifier"], r["office"] or "(office not named)") if x)),
    ("with", "", lambda r: ", ".join(r["orgs"][:3])),
    ("first seen", "", lambda r: r["first_seen"] or ""),
    ("last seen", "", lambda r: r["last_seen"] or ""),
    ("articles", "", lambda r: str(r["articles"])),
    ("outlets", "", lambda r: str(r["outlets"])),
    ("as written", "dim", lambda r: r["example"]),
]


def roles_cli(
    name: str = typer.Argument(..., help="The speaker's id (`onrecord speakers` lists them) or a name, spelling or alias."),
    db: str | None = db_option(),
    fmt: OutputFormat = format_option(),
) -> None:
    """A speaker's roles over time: each office and qualifier the articles give, first and last seen, articles, outlets."""
    store = open_store(db)
    try:
        history = store.role_history(name)
    except OnrecordError as error:
        raise fail(error) from None
    finally:
        store.close()
    items = [r.to_dict() for r in history.roles]
    emit(items, fmt, ROLE_COLUMNS, title=f"{history.name} ({history.id}): {len(items)} role(s) in the stored articles")
