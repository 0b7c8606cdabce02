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


def main() -> None:
    app()
