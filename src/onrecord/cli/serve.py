"""``onrecord serve [--db URL] [--host 127.0.0.1] [--port 8000]``"""
from __future__ import annotations

import typer

from ..spacy_model import require_base_model
from ._common import console
from ._store_options import db_option


def serve_cli(
    db: str | None = db_option(),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; anything but loopback requires a token for writes."),
    port: int = typer.Option(8000, "--port", min=0, max=65535),
    token: str | None = typer.Option(
        None, "--token", envvar="ONRECORD_TOKEN", help="Bearer token for writes (generated when binding a non-loopback address)."
    ),
    max_body: int = typer.Option(2 * 1024 * 1024, "--max-body", min=1024, help="Largest request body in bytes (413 above)."),
    no_store: bool = typer.Option(False, "--no-store", help="Serve only Analyze and the API docs, without a store."),
    analysis_workers: int = typer.Option(
        1, "--analysis-workers", min=0, help="Processes that analyse posted articles (0: in the server process, where reads wait on it)."
    ),
) -> None:
    """Serve the web UI and the REST API (OpenAPI at /docs)."""
    import secrets

    import uvicorn

    # lazy: the web server (FastAPI, uvicorn) loads only for `onrecord serve`
    from ..serve.app import create_app
    from ..serve.security import is_loopback
    from ..store.db import database_url, describe
    require_base_model()  # [E030] as one line now, not a failed server startup with a traceback

    if token is None and not is_loopback(host):
        token = secrets.token_urlsafe(24)
        console.print(f"[bold]Access token[/bold] (needed for writes from other machines): {token}", highlight=False)
    url = None if no_store else database_url(db)
    app = create_app(url, token=token, max_body_bytes=max_body, warm_up=True, analysis_workers=analysis_workers)
    shown = f"[{host}]" if ":" in host else host
    what = "without a store" if url is None else describe(url)
    console.print(f"onrecord serving {what} at [bold]http://{shown}:{port}/[/bold] (API docs at /docs)", highlight=False, soft_wrap=True)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
