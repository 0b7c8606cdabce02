"""Helpers shared by the CLI commands: consoles, errors and exit statuses, option parsing, tables.

Article text never goes through Rich's markup parser ("We will [not] resign" stays as written): table
cells are :class:`rich.text.Text`, and printed messages are escaped.
"""
from __future__ import annotations

import datetime as dt

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..errors import BadDate, MissingExtra, ModelError, OnrecordError, StoreMissing
from ..ingest.validate import parse_published
from ..types import Article, RawArticle

console = Console()
err_console = Console(stderr=True)

#: exit statuses (README "Exit status"): 0 done; 1 an input, an article or a name failed; 2 bad usage (an
#: unknown option, a bad value) or a store that cannot be opened or does not exist; 3 something to install
#: first (the spaCy pipeline: `onrecord model install`; an extra: `pip install "onrecord[postgres]"`);
#: 130 interrupted
EXIT_FAILED, EXIT_USAGE, EXIT_INSTALL = 1, 2, 3


def exit_status(error: OnrecordError) -> int:
    """The documented exit status for an error that ends a command."""
    if isinstance(error, (ModelError, MissingExtra)):
        return EXIT_INSTALL
    if isinstance(error, StoreMissing):
        return EXIT_USAGE
    return EXIT_FAILED


def report_error(error: OnrecordError, status: int | None = None) -> int:
    """Print the error's one coded line on stderr; return the exit status to end with."""
    err_console.print(f"[red]error[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
    return exit_status(error) if status is None else status


def plain(value: object) -> Text:
    """A table cell or title shown as written: no markup, no highlighting."""
    return value if isinstance(value, Text) else Text("" if value is None else str(value))


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A date option (``YYYY-MM-DD`` or an ISO 8601 timestamp), read as the readers read publication dates."""
    try:
        return parse_published(value, field=option)
    except BadDate as error:
        raise typer.BadParameter(str(error), param_hint=option) from None


def print_warnings(item: Article | RawArticle) -> None:
    """The coded warnings an article was read with ("[E011] …"), once each, on stderr."""
    for warning in item.warnings:
        err_console.print(f"[yellow]warning[/yellow] {escape(item.id)}: {escape(warning)}", highlight=False, soft_wrap=True)


def print_article_table(target: Console, article: Article) -> None:
    """Who said what in one article, as a Rich table."""
    title = article.title or article.id
    date = f" ({article.published.isoformat()})" if article.published else ""
    table = Table(title=plain(f"{title}{date}"), show_lines=False, expand=True, title_justify="left")
    table.add_column("speaker", style="bold cyan", ratio=2)
    table.add_column("cue", style="magenta", ratio=1)
    table.add_column("content", ratio=6)
    table.add_column("type", no_wrap=True)  # direct/indirect/mixed over the kind: speech, writing (quotes), thought, evidence, intention, act
    table.add_column("conf", justify="right", no_wrap=True)
    table.add_column("claim", ratio=2)  # stance · certainty, verification, said_on
    for a in article.attributions:
        name = a.speaker.name if a.speaker else "—"
        speaker = Text(name)
        source = " ".join(s.text for s in a.source)
        if source and source.lower() not in (name.lower(), "the " + name.lower()) and len(source) <= 24:
            speaker.append(f" ({source})", style="dim")
        table.add_row(speaker, plain(" ".join(s.text for s in a.cue)), plain(a.content_text), f"{a.type.value}\n{a.kind.value}", f"{a.confidence:.2f}", _claim_cell(a))
    if not article.attributions:
        table.add_row("—", "—", Text("no attributions found", style="dim"), "", "", "")
    target.print(table)


def _claim_cell(a) -> Text:
    """"claims · certain", then "unverified (BBC)" and "said 2025-04-21" when known."""
    if a.claim is None:
        return Text("")
    c = a.claim
    cell = Text("no claim (negated cue)" if c.stance == "none" else f"{c.stance}{' (negated cue)' if c.negated else ''} · {c.certainty}")
    if c.verification is not None:
        by = f" ({', '.join(c.verification.by)})" if c.verification.by else ""
        cell.append(f"\n{c.verification.status}{by}", style="yellow")
    if a.said_on:
        cell.append(f"\nsaid {a.said_on}")
    if c.flags:
        cell.append(f"\n{', '.join(c.flags)}", style="red")
    return cell
