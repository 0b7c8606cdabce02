"""The ``onrecord`` command line: one Typer command per module, each a thin wrapper over the core.

Every :class:`onrecord.errors.OnrecordError` that reaches a command ends here as one coded line on
stderr and a documented exit status (:func:`._common.exit_status`), never a traceback.
"""
from __future__ import annotations

import typer
import typer.core

from .. import __version__
from ..errors import OnrecordError
from . import analyze as _analyze
from . import serve as _serve
from ._common import report_error


class _Commands(typer.core.TyperGroup):
    """The root group: runs the command, and turns an OnrecordError into its one-line message and exit status."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OnrecordError as error:
            raise typer.Exit(code=report_error(error)) from None


app = typer.Typer(
    name="onrecord",
    cls=_Commands,
    help="Who said what, when, and how sure: attribution records from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"onrecord {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, help="Print the installed version and exit."),
) -> None:
    """Who said what, when, and how sure: attribution records from news articles."""


app.command("analyze")(_analyze.analyze_cli)
app.command("serve")(_serve.serve_cli)
from . import train as _train  # noqa: E402
app.command("train")(_train.train_cli)

# the store commands
from . import article as _article, entities as _entities, export as _export, ingest as _ingest  # noqa: E402
from . import quotes as _quotes, related as _related, search as _search, speakers as _speakers  # noqa: E402

app.command("ingest")(_ingest.ingest_cli)
app.command("quotes")(_quotes.quotes_cli)
app.command("speakers")(_speakers.speakers_cli)
app.command("search")(_search.search_cli)
app.command("related")(_related.related_cli)
app.command("article")(_article.article_cli)
app.command("export")(_export.export_cli)
app.add_typer(_entities.app, name="entities")

from . import check as _check, roles as _roles  # noqa: E402

app.command("roles")(_roles.roles_cli)
app.command("check")(_check.check_cli)

from . import timex as _timex  # noqa: E402

app.command("timex")(_timex.timex_cli)

from . import model as _model  # noqa: E402

app.add_typer(_model.app, name="model")


def main() -> None:
    app()
