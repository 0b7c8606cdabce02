"""Helpers shared by the CLI commands: consoles, option parsing, tables."""
from __future__ import annotations

import datetime as dt

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..types import Article, RawArticle

console = Console()
err_console = Console(stderr=True)


def parse_date(value: str | None, option: str) -> dt.date | None:
    """Parse a YYYY-MM-DD option value, or fail with a clear message."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=option) from None


def print_warnings(item: Article | RawArticle) -> None:
    """The coded warnings an article was read with ("[E011] …"), once each, on stderr."""
    for warning in item.warnings:
        err_console.print(f"[yellow]warning[/yellow] {escape(item.id)}: {escape(warning)}", highlight=False, soft_wrap=True)


def print_article_table(target: Console, article: Article) -> None:
    """Who said what in one article, as a Rich table."""
    title = article.title or article.id
    date = f" ({article.published.isoformat()})" if article.published else ""
    table = Table(title=f"{title}{date}", show_lines=False, expand=True, title_justify="left")
    table.add_column("speaker", style="bold cyan", ratio=2)
    table.add_column("cue", style="magenta", ratio=1)
    table.add_column("content", ratio=6)
    table.add_column("type", no_wrap=True)
    table.add_column("conf", justify="right", no_wrap=True)
    table.add_column("claim", ratio=2)  # stance · certainty, verification, said_on
    for a in article.attributions:
        speaker = a.speaker.name if a.speaker else "—"
        source = " ".join(s.text for s in a.source)
        if source and source.lower() not in (speaker.lower(), "the " + speaker.lower()) and len(source) <= 24:
            speaker = f"{speaker} [dim]({source})[/dim]"
        table.add_row(speaker, " ".join(s.text for s in a.cue), a.content_text, a.type.value, f"{a.confidence:.2f}", _claim_cell(a))
    if not article.attributions:
        table.add_row("—", "—", "[dim]no attributions found[/dim]", "", "", "")
    target.print(table)


def _claim_cell(a) -> str:
    """"claims · certain", then "unverified (BBC)" and "said 2025-04-21" when known."""
    if a.claim is None:
        return ""
    c = a.claim
    lines = ["no claim (negated cue)" if c.stance == "none" else f"{c.stance}{' (negated cue)' if c.negated else ''} · {c.certainty}"]
    if c.verification is not None:
        by = f" ({', '.join(c.verification.by)})" if c.verification.by else ""
        lines.append(f"[yellow]{c.verification.status}{by}[/yellow]")
    if a.said_on:
        lines.append(f"said {a.said_on}")
    if c.flags:
        lines.append(f"[red]{', '.join(c.flags)}[/red]")
    return "\n".join(lines)
