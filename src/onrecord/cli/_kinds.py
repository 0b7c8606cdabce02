"""The ``--kind`` and ``--quotes-only`` options of ``analyze``, ``quotes`` and ``search``: which attributions to show."""
from __future__ import annotations

import typer

from ..errors import UnknownKind
from ..kinds import QUOTES, parse_kinds

KIND_HELP = "Only these attribution kinds, comma-separated: speech, writing, thought, evidence, intention, act."
QUOTES_ONLY_HELP = "Only what journalists call quotes: speech and writing (same as --kind speech,writing)."


def kind_option():
    return typer.Option(None, "--kind", "-k", help=KIND_HELP)


def quotes_only_option():
    return typer.Option(False, "--quotes-only", help=QUOTES_ONLY_HELP)


def chosen_kinds(kind: str | None, quotes_only: bool) -> tuple[str, ...] | None:
    """The kinds to keep (``None``: all), or a usage error for an unknown kind or both options at once."""
    if quotes_only and kind:
        raise typer.BadParameter("give --kind or --quotes-only, not both", param_hint="--quotes-only")
    if not quotes_only and kind is None:
        return None
    if quotes_only:
        return QUOTES
    try:
        return parse_kinds(kind)
    except UnknownKind as error:
        raise typer.BadParameter(str(error), param_hint="--kind") from None
