"""``onrecord quotes [--speaker NAME] [--since D] [--until D] [--stance S] [--q TEXT] [--kind K,K | --quotes-only]``:
who said what, from the store."""
from __future__ import annotations

import typer
from rich.text import Text

from ..errors import OnrecordError
from ._common import err_console, parse_date
from ._kinds import chosen_kinds, kind_option, quotes_only_option
from ._store_options import OutputFormat, db_option, emit, fail, format_option, open_store

#: the columns of the table view (every field goes to JSON and CSV)
QUOTE_COLUMNS = [
    ("date", "", lambda q: q["said_on"] or q["published"]),
    # the article reference sits under the speaker: a narrow terminal keeps room for the content
    ("speaker", "bold cyan", lambda q: Text((q["speaker"] or {}).get("name", "—")).append(f"\n{q['article_id']}#{q['index']}", style="dim")),
    ("cue", "magenta", lambda q: q["cue_text"]),
    ("kind", "", lambda q: q["kind"]),
    ("content", "", lambda q: q["content_text"]),
    ("stance", "", lambda q: q["stance"]),
]


def quotes_cli(
    speaker: str | None = typer.Option(None, "--speaker", "-s", help="Speaker name, alias or id (e.g. 'Hillary Clinton')."),
    since: str | None = typer.Option(None, "--since", help="Said (or published) on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Said (or published) on or before YYYY-MM-DD."),
    stance: str | None = typer.Option(None, "--stance", help="Claim stance: states, claims, denies, warns …"),
    q: str | None = typer.Option(None, "--q", help="Words in what was said (full text: \"phrases\", OR, -word)."),
    kind: str | None = kind_option(),
    quotes_only: bool = quotes_only_option(),
    limit: int = typer.Option(100, "--limit", "-n", min=1, help="At most this many."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many first."),
    newest_first: bool = typer.Option(False, "--newest-first", help="Newest first (default: by date, oldest first)."),
    db: str | None = db_option(),
    fmt: OutputFormat = format_option(),
) -> None:
    """Attributions in the store, by date, filtered by speaker, dates, stance, words and kind."""
    dates = parse_date(since, "--since"), parse_date(until, "--until")
    kinds = chosen_kinds(kind, quotes_only)
    store = open_store(db)
    try:
        page = store.quotes(
            speaker=speaker, since=dates[0], until=dates[1], stance=stance, q=q, kind=kinds, limit=limit, offset=offset, oldest_first=not newest_first
        )
        if speaker and page.total == 0 and not store.find_speakers(speaker):
            err_console.print(f"no speaker matches {speaker!r}; `onrecord speakers --q WORD` lists names", markup=False, highlight=False)
    except OnrecordError as error:
        raise fail(error) from None
    finally:
        store.close()
    title = f"{page.total} attribution(s)" + (f" by {speaker}" if speaker else "")
    emit([x.to_dict() for x in page.items], fmt, QUOTE_COLUMNS, title=title, total=page.total)
