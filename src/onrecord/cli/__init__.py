"""The ``onrecord`` command line: one Typer command per module, each a thin wrapper over the core."""
from __future__ import annotations

import typer

from . import analyze as _analyze
from . import serve as _serve

app = typer.Typer(
    name="onrecord",
    help="Who said what, when, and how sure: attribution records from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)



@app.callback()
def _root() -> None:
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

from . import timex as _timex  # noqa: E402

app.command("timex")(_timex.timex_cli)


def main() -> None:
    app()
