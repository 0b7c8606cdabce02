"""``onrecord entities show|merge|split|resolve``: inspect and correct speakers across articles."""
from __future__ import annotations

import json
import sys

import typer
from rich.markup import escape
from rich.table import Table

from ..errors import OnrecordError
from ._common import console, err_console, plain
from ._store_options import OutputFormat, db_option, fail, format_option, open_store

app = typer.Typer(help="Speakers across articles: why names were merged, and merging or splitting them by hand.", no_args_is_help=True)


@app.command("show")
def show_cli(
    name: str = typer.Argument(..., help="An entity id, name or alias."),
    db: str | None = db_option(),
    fmt: OutputFormat = format_option(),
) -> None:
    """One entity: its names, aliases, dated roles, outlets, links, and every merge with its evidence."""
    store = open_store(db)
    try:
        ids = store.find_speakers(name)
        if not ids:
            raise fail(OnrecordError(f"no entity matches {name!r}"))
        details = [store.speaker(i) for i in ids]
    finally:
        store.close()
    if fmt != OutputFormat.table:
        sys.stdout.write(json.dumps([d.to_dict() for d in details], ensure_ascii=False, indent=1) + "\n")
        return
    for d in details:
        console.print(f"[bold cyan]{escape(d.name)}[/bold cyan] [dim]{escape(d.id)}[/dim] — {d.kind}, {d.quotes} attribution(s) in {d.articles} article(s), "
                      f"{d.first_seen or '?'} … {d.last_seen or '?'}", highlight=False)
        console.print(f"names: {', '.join(d.names)}", highlight=False, markup=False)
        if d.aliases:
            console.print(f"aliases: {', '.join(d.aliases[:20])}", highlight=False, markup=False)
        if d.outlets:
            console.print(f"outlets: {', '.join(d.outlets[:10])}", highlight=False, markup=False)
        if d.roles:
            roles = Table("role", "first seen", "last seen", "articles", title="roles", title_justify="left")
            for r in d.roles[:15]:
                roles.add_row(plain(r.title), str(r.first_seen or ""), str(r.last_seen or ""), str(r.articles))
            console.print(roles)
        if d.merges:
            merges = Table("name", "joined", "rule", "evidence", title=plain(f"merges (undo one: onrecord entities split {d.id} NAME)"), title_justify="left")
            for m in d.merges:
                merges.add_row(plain(m.name), plain(m.into), plain(m.rule + (" (by hand)" if m.manual else "")), plain(m.evidence))
            console.print(merges)
        for link in d.links:
            console.print(f"link: {escape(link.name)} {escape(link.relation)} {escape(link.target)}" + (f" [dim]({escape(link.target_id)})[/dim]" if link.target_id else "")
                          + f" — {escape(link.evidence)}", highlight=False)


@app.command("merge")
def merge_cli(
    into: str = typer.Argument(..., help="The entity to keep (id or name)."),
    other: str = typer.Argument(..., help="The entity to merge into it (id or name)."),
    reason: str = typer.Option("", "--reason", help="Why (kept as the merge's evidence)."),
    db: str | None = db_option(),
) -> None:
    """Merge two entities for good (later resolutions keep them together; `split` undoes it)."""
    store = open_store(db)
    try:
        key = store.merge_entities(into, other, reason)
    except OnrecordError as error:
        raise fail(error) from None
    finally:
        store.close()
    err_console.print(f"merged: {other!r} is now part of {key}", highlight=False, markup=False)


@app.command("split")
def split_cli(
    entity: str = typer.Argument(..., help="The entity (id or name)."),
    name: str = typer.Argument(..., help="The name (spelling) to take out of it, as listed by `entities show`."),
    reason: str = typer.Option("", "--reason", help="Why (kept with the decision)."),
    db: str | None = db_option(),
) -> None:
    """Take one name out of an entity for good (undoes a merge; `merge` undoes the split)."""
    store = open_store(db)
    try:
        key = store.split_name(entity, name, reason)
    except OnrecordError as error:
        raise fail(error) from None
    finally:
        store.close()
    err_console.print(f"split: {name!r} is now the entity {key}", highlight=False, markup=False)


@app.command("resolve")
def resolve_cli(db: str | None = db_option()) -> None:
    """Re-run cross-article resolution over the whole store (ingest does this at its end)."""
    store = open_store(db)
    try:
        r = store.resolve_entities()
    finally:
        store.close()
    err_console.print(f"{r.groups} name(s) → {r.entities} entities, {r.merges} merge(s), {r.links} link(s); "
                      f"{r.changed_groups} name(s) changed entity ({r.seconds:.2f} s)", highlight=False)
