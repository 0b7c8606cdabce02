"""The one app object: :func:`create_app` wires the API, the pages, the static files and the guards."""
from __future__ import annotations

import contextlib
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from ..errors import OnrecordError
from .analysis import Analyzer
from .security import BodyLimit, SecurityHeaders

#: Default request body limit: far above a long news article, far below what could hurt the server.
MAX_BODY_BYTES = 2 * 1024 * 1024

PACKAGE_DIR = Path(str(resources.files("onrecord").joinpath("serve")))


def create_app(
    db_url: str | None = None,
    *,
    token: str | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    model: str | None = "default",
    warm_up: bool = False,
) -> FastAPI:
    """Build the onrecord web app (REST API under ``/api``, pages, OpenAPI at ``/docs``).

    Args:
        db_url: the store's SQLAlchemy URL (SQLite file or PostgreSQL); ``None`` serves only Analyze.
        token: when set, write endpoints need ``Authorization: Bearer <token>``.
        max_body_bytes: larger request bodies get a 413.
        model: attribution model passed to :func:`onrecord.nlp.load_nlp`.
        warm_up: load the spaCy pipeline at startup instead of on the first analysis.

    Example:
        >>> from fastapi.testclient import TestClient
        >>> client = TestClient(create_app("sqlite:///var/demo.db"))
        >>> client.get("/api/health").json()["status"]
        'ok'
    """
    from . import api, pages

    analyzer = Analyzer(model=model)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm_up:
            await analyzer.warm_up()
        yield
        store = app.state.__dict__.get("store")
        if store is not None and hasattr(store, "close"):
            store.close()

    app = FastAPI(
        title="onrecord",
        summary="Who said what, when, and how sure: attribution records from news articles.",
        version=_version(),
        docs_url=None,  # served by pages.docs with local assets (no CDN)
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db_url = db_url
    app.state.token = token
    app.state.analyzer = analyzer
    app.state.max_body_bytes = max_body_bytes
    app.state.store = None

    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)  # outermost: its headers reach every response, 413s included
    # Swagger UI's files come from the fastapi-offline package (Swagger UI 5, which reads OpenAPI 3.1):
    # served locally, never from a CDN
    swagger_dir = resources.files("fastapi_offline").joinpath("static")
    app.mount("/static/swagger-ui", StaticFiles(directory=str(swagger_dir)), name="swagger-ui")
    app.mount("/static", StaticFiles(directory=PACKAGE_DIR / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(OnrecordError)
    async def onrecord_error(request: Request, error: OnrecordError):
        status = 404 if type(error).__name__.endswith("NotFound") else 422
        return JSONResponse({"detail": error.message, "code": error.code}, status_code=status)

    return app


def _version() -> str:
    from .. import __version__

    return __version__
