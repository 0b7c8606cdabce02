"""The one app object: :func:`create_app` wires the API, the pages, the static files and the guards."""
from __future__ import annotations

import contextlib
from importlib import resources

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import InternalError, MethodNotAllowed, OnrecordError, RequestError, RouteNotFound
from . import api, pages
from .analysis import Analyzer
from .api import describe_errors
from .pages import PACKAGE_DIR
from .security import BodyLimit, SecurityHeaders

#: Default request body limit: far above a long news article, far below what could hurt the server.
MAX_BODY_BYTES = 2 * 1024 * 1024



def create_app(
    db_url: str | None = None,
    *,
    token: str | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    model: str | None = "default",
    warm_up: bool = False,
    analysis_workers: int = 0,
) -> FastAPI:
    """Build the onrecord web app (REST API under ``/api``, pages, OpenAPI at ``/docs``).

    Args:
        db_url: the store's SQLAlchemy URL (SQLite file or PostgreSQL); ``None`` serves only Analyze.
        token: when set, write endpoints need ``Authorization: Bearer <token>``.
        max_body_bytes: larger request bodies get a 413.
        model: attribution model passed to :func:`onrecord.pipeline.load_nlp`.
        warm_up: load the spaCy pipeline (and open the store in the analysis workers) at startup, not on the first request.
        analysis_workers: processes that analyse posted articles; 0 analyses in a thread of this process.

    Example:
        >>> from fastapi.testclient import TestClient
        >>> client = TestClient(create_app("sqlite:///var/demo.db"))
        >>> client.get("/api/health").json()["status"]
        'ok'
    """
    analyzer = Analyzer(model=model, workers=analysis_workers)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm_up:
            await analyzer.warm_up(db_url)
        yield
        analyzer.close()
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

    add_error_handlers(app)
    return app


def error_response(error: OnrecordError) -> JSONResponse:
    """``{"detail", "code"}`` with the status the catalogue gives the error's class."""
    return JSONResponse({"detail": error.message, "code": error.code}, status_code=error.http_status, headers=error.headers)


def add_error_handlers(app: FastAPI) -> None:
    """Every error answer is ``{"detail", "code"}`` from ``onrecord.errors``: never a bare 500, never raw bytes."""

    @app.exception_handler(OnrecordError)
    async def onrecord_error(request: Request, error: OnrecordError):
        return error_response(error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        # FastAPI's default answer echoes the input, which may be bytes (a body that is not JSON) and fail to encode
        return error_response(RequestError(describe_errors(list(error.errors()))))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        # 400 is Starlette's answer to a broken multipart body: a malformed request like any other (422, E072)
        coded = {400: RequestError, 404: RouteNotFound, 405: MethodNotAllowed}.get(error.status_code)
        if coded is not None:
            return error_response(coded(f"{request.method} {request.url.path}: {error.detail}"))
        body = {"detail": str(error.detail), "code": RequestError.code if error.status_code < 500 else InternalError.code}
        return JSONResponse(body, status_code=error.status_code, headers=getattr(error, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception):
        logging.getLogger("onrecord.serve").exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(InternalError(f"unexpected {type(error).__name__} on {request.url.path}; please report this"))


def _version() -> str:
    return __version__
