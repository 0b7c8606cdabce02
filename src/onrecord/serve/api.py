"""REST API under ``/api``: analysis of posted articles, and the store's articles, quotes and speakers."""
from __future__ import annotations

import datetime as dt
import threading
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import StringConstraints, ValidationError

from ..errors import (
    AnalysisFailed,
    AnalysisWorkerLost,
    AttributionNotFound,
    BadDate,
    Busy,
    CrossOriginRefused,
    InputError,
    NoStore,
    RequestError,
    TokenRequired,
    TooLarge,
    UnsupportedMediaType,
)
from ..serialize import article_to_dict
from ..store import Store
from ..store.filters import QuoteFilter
from ..store.roles_check import DEFAULT_WINDOW_DAYS, check_article
from ..types import VERIFICATION_STATUSES, RawArticle
from .analysis import form_text, raise_skipped, raw_from_html, raw_from_text, raws_from_file
from .models import (
    AnalyzeRequest,
    ArticleCheckOut,
    ArticleList,
    ArticleOut,
    ErrorOut,
    IngestOut,
    QuoteList,
    RelatedList,
    RoleHistoryOut,
    SpeakerDetail,
    SpeakerList,
)
from .security import reject_unknown_query, require_token
from .shapes import Kind

router = APIRouter(
    prefix="/api",
    tags=["api"],
    dependencies=[Depends(reject_unknown_query)],
    responses={
        404: {"model": ErrorOut, "description": "no such article, attribution or speaker (E041-E043), or no store (E076)"},
        422: {"model": ErrorOut, "description": f"a malformed request ({RequestError.code}), with what is wrong"},
    },
)


def _error(*classes, description: str) -> dict:
    codes = ", ".join(c.code for c in classes)
    return {"model": ErrorOut, "description": f"{description} ({codes})"}


#: the answers of the write endpoints besides 200, documented in the OpenAPI (codes and statuses: errors.py)
_WRITE_ERRORS = {
    TokenRequired.http_status: _error(TokenRequired, description="a token is needed (server bound to a non-loopback address)"),
    CrossOriginRefused.http_status: _error(CrossOriginRefused, description="a write from a page of another site"),
    TooLarge.http_status: _error(TooLarge, description="request body over the server's limit"),
    UnsupportedMediaType.http_status: _error(UnsupportedMediaType, description="a body neither JSON nor a form"),
    InputError.http_status: _error(InputError, BadDate, RequestError, description="unusable input (empty, binary, bad date …) or a malformed request"),
    AnalysisFailed.http_status: _error(AnalysisFailed, description="the analysis raised: a bug in onrecord, please report it"),
    Busy.http_status: _error(Busy, AnalysisWorkerLost, description="too many analyses waiting, or an analysis worker died and restarts: retry after the Retry-After seconds"),
}

_ANALYZE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": AnalyzeRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "a .txt, .html, .json or .jsonl file"},
                        "text": {"type": "string", "description": "plain text, when no file is sent"},
                        "published": {"type": "string", "description": "YYYY-MM-DD"},
                    },
                }
            },
        },
    }
}


@router.get("/health", summary="Liveness and what this server can do")
def health(request: Request) -> dict:
    return {"status": "ok", "store": request.app.state.db_url is not None, "token_required": request.app.state.token is not None}


async def read_article_input(request: Request) -> list[RawArticle]:
    """The articles of a POST: JSON ``{text | html, published, …}`` or a multipart form with ``file`` or ``text``."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            body = AnalyzeRequest.model_validate_json(await request.body())
        except ValidationError as error:
            found = error.errors(include_url=False, include_context=False, include_input=False)
            raise RequestError(describe_errors([{**e, "loc": ("body", *e["loc"])} for e in found])) from None
        if (body.text is None) == (body.html is None):
            raise RequestError("send exactly one of 'text' or 'html'")
        meta = dict(id=body.id or "text", published=body.published, title=body.title, url=body.url, outlet=body.outlet)
        return [raw_from_text(body.text, **meta) if body.text is not None else raw_from_html(body.html, **meta)]
    if content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        limit = request.app.state.max_body_bytes
        async with request.form(max_files=1, max_fields=20, max_part_size=limit) as form:
            upload, text, published = form.get("file"), form.get("text"), form.get("published")
            if upload is not None and not isinstance(upload, str) and upload.filename:
                return raws_from_file(await upload.read(), upload.filename, published)
        if isinstance(text, str) and text.strip():
            return [raw_from_text(form_text(text), published=published)]
        raise RequestError("send a file or some text")
    raise UnsupportedMediaType("send application/json or multipart/form-data")


def describe_errors(errors: list[dict]) -> str:
    """Pydantic's validation errors as one line: ``body.published: Input should be … ; query.limit: …``.

    Example:
        >>> describe_errors([{"loc": ("query", "limit"), "msg": "Input should be greater than or equal to 1"}])
        'query.limit: Input should be greater than or equal to 1'
    """
    parts = []
    for e in errors:
        where = ".".join(str(part) for part in e.get("loc", ())) or "body"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


@router.post(
    "/analyze",
    summary="Analyse one article (not stored)",
    response_model=ArticleOut,
    responses=_WRITE_ERRORS,
    openapi_extra=_ANALYZE_BODY,
    dependencies=[Depends(require_token)],
)
async def analyze(request: Request) -> dict:
    """Who said what in one article: the JSON of ``onrecord analyze --jsonl`` (``article.schema.json``).

    The CPU work runs in a worker thread; the spaCy pipeline is loaded once per process.
    """
    raws = await read_article_input(request)
    if len(raws) != 1:
        raise RequestError(f"{len(raws)} articles in the input: /api/analyze takes one (POST /api/articles stores many)")
    (result,) = await request.app.state.analyzer.analyze(raws)
    return article_to_dict(raise_skipped(result))


# ---------------------------------------------------------------- the store


_OPEN_LOCK = threading.Lock()


def get_store(request: Request) -> Store:
    """The store behind this app (opened on first use, shared by the request threads); :class:`~onrecord.errors.NoStore` without one.

    Routes call :class:`~onrecord.store.Store` directly and answer its records' ``to_dict()``; the one writer,
    :meth:`~onrecord.serve.analysis.Analyzer.analyze_and_store`, holds the write lock.
    """
    state = request.app.state
    if state.db_url is None:
        raise NoStore("this server has no store (started with --no-store)")
    with _OPEN_LOCK:  # sync routes run in threads: open the store once
        if state.store is None:
            state.store = Store.open(state.db_url)
    return state.store


def stored_article(store: Store, article_id: str) -> dict:
    """A stored article's JSON, its speakers as the store's cross-article entities (links to ``/speakers/{id}``)."""
    return store.article(article_id, global_speakers=True)


def article_check(store: Store, article_id: str, window_days: int = DEFAULT_WINDOW_DAYS) -> dict:
    """A stored article's role mentions against the store's articles of ±``window_days`` (docs/roles.md)."""
    return check_article(store, store.article_record(article_id), window_days, stored=True).to_dict()


def next_url(request: Request, total: int, limit: int, offset: int) -> str | None:
    if offset + limit >= total:
        return None
    return str(request.url.include_query_params(offset=offset + limit, limit=limit))


#: deeper pages than this are refused (422): SQLite's integers end at 2**63, and no listing is this long
MAX_OFFSET = 1_000_000_000
Limit = Query(50, ge=1, le=500, description="items per page")
#: one ``kind`` value: kinds separated by commas (checked against the catalogue by QuoteFilter: E066)
KindWords = Annotated[str, StringConstraints(max_length=100, pattern=r"^[a-z, ]*$")]
Offset = Query(0, ge=0, le=MAX_OFFSET, description="items to skip")


@router.post(
    "/articles",
    summary="Analyse and store articles",
    response_model=IngestOut,
    responses={**_WRITE_ERRORS, NoStore.http_status: _error(NoStore, description="the server runs without a store")},
    openapi_extra=_ANALYZE_BODY,
    dependencies=[Depends(require_token)],
)
async def store_articles(request: Request) -> dict:
    """Analyse the posted article(s) (as for ``/api/analyze``; a JSONL upload may hold many) and store them.

    Idempotent by text hash: posting the same text again stores nothing new (``created: false``). An article whose
    analysis fails is listed under ``skipped`` with its code and the others are stored; when none is left, the
    first one's error is the answer.
    """
    store = get_store(request)
    raws = await read_article_input(request)
    stored, skipped = await request.app.state.analyzer.analyze_and_store(raws, store)
    if not stored:
        raise_skipped(skipped[0])
    return {"stored": stored, "skipped": [{"origin": s.origin, "code": s.code, "reason": s.reason} for s in skipped]}


@router.get("/articles", summary="Stored articles, newest first", response_model=ArticleList)
def list_articles(
    request: Request,
    q: str | None = Query(None, max_length=200, description="words in the title"),
    limit: int = Limit,
    offset: int = Offset,
) -> dict:
    page = get_store(request).articles(q=q, limit=limit, offset=offset).to_dict()
    return {**page, "limit": limit, "offset": offset, "next": next_url(request, page["total"], limit, offset)}


@router.get("/articles/{article_id}", summary="One stored article with its attributions", response_model=ArticleOut)
def get_article(request: Request, article_id: str) -> dict:
    return stored_article(get_store(request), article_id)


@router.get(
    "/articles/{article_id}/attributions/{index}/related",
    summary="Statements in other articles that corroborate, contradict or relate to one attribution",
    response_model=RelatedList,
    responses={404: {"model": ErrorOut, "description": "no such article or attribution"}},
)
def get_related(request: Request, article_id: str, index: int, limit: int = Query(20, ge=1, le=100)) -> dict:
    """Candidates from the full-text index, re-ranked by content-word overlap, each classified with its reasons
    (rules in ``docs/store.md``, "Related statements")."""
    if not 0 <= index < 2**31:  # no article has that many; SQLite's integers end at 2**63
        raise AttributionNotFound(f"no attribution {index}")
    return get_store(request).related(article_id, index, limit=limit).to_dict()


@router.get(
    "/articles/{article_id}/check",
    summary="Each role mention of a stored article against the store's articles of the period: agrees, new or conflicts",
    response_model=ArticleCheckOut,
)
def get_article_check(request: Request, article_id: str, window_days: int = Query(60, ge=0, le=3650, description="days before and after the article's date")) -> dict:
    return article_check(get_store(request), article_id, window_days)


@router.get("/quotes", summary="Attributions, filtered and paged", response_model=QuoteList)
def list_quotes(
    request: Request,
    speaker: str | None = Query(None, max_length=200, description="speaker name or alias (or id)"),
    since: dt.date | None = Query(None, description="said or published on or after YYYY-MM-DD"),
    until: dt.date | None = Query(None, description="said or published on or before YYYY-MM-DD"),
    stance: str | None = Query(None, max_length=40, description="claim stance: states, denies, warns …"),
    verification: Literal[VERIFICATION_STATUSES] | None = Query(None, description="the claim's verification status"),
    q: str | None = Query(None, max_length=200, description="full-text query over the contents"),
    kind: list[KindWords] | None = Query(
        None, max_length=5, examples=[["speech,writing"]],
        description="attribution kinds, comma-separated or repeated: speech, writing, thought, evidence, intention, act; "
        "speech,writing keeps what journalists call quotes (unknown kind: 422, E066)",
    ),
    limit: int = Limit,
    offset: int = Offset,
) -> dict:
    where = QuoteFilter(speaker=speaker, since=since, until=until, stance=stance, verification=verification, q=q, kind=kind)
    page = get_store(request).quotes(where, limit=limit, offset=offset).to_dict()
    return {**page, "limit": limit, "offset": offset, "next": next_url(request, page["total"], limit, offset)}


@router.get("/speakers", summary="Speakers ranked by number of attributions", response_model=SpeakerList)
def list_speakers(
    request: Request,
    q: str | None = Query(None, max_length=200, description="part of a name or alias"),
    kind: Kind | None = Query(None),
    attribution_kind: list[KindWords] | None = Query(
        None, max_length=5, examples=[["speech,writing"]],
        description="count only attributions of these kinds, comma-separated or repeated (speech,writing: quotes)",
    ),
    limit: int = Limit,
    offset: int = Offset,
) -> dict:
    page = get_store(request).speakers(q=q, kind=kind, limit=limit, offset=offset, attribution_kind=attribution_kind).to_dict()
    return {**page, "limit": limit, "offset": offset, "next": next_url(request, page["total"], limit, offset)}


@router.get("/speakers/{speaker_id}", summary="One speaker: aliases, roles, outlets, counts", response_model=SpeakerDetail)
def get_speaker(request: Request, speaker_id: str) -> dict:
    return get_store(request).speaker(speaker_id).to_dict()


@router.get("/speakers/{speaker_id}/roles", summary="One speaker's role history: offices and qualifiers, first and last seen", response_model=RoleHistoryOut)
def get_speaker_roles(request: Request, speaker_id: str) -> dict:
    return get_store(request).role_history(speaker_id).to_dict()
