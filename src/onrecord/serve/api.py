"""REST API under ``/api``: analysis of posted articles, and the store's articles, quotes and speakers."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import ValidationError

from ..serialize import article_to_dict
from ..types import RawArticle
from .analysis import form_text, raw_from_html, raw_from_text, raws_from_file
from .models import AnalyzeRequest, ArticleOut, ErrorOut
from .security import require_token

router = APIRouter(prefix="/api", tags=["api"])

_ERRORS = {
    401: {"model": ErrorOut, "description": "a token is needed (server bound to a non-loopback address)"},
    413: {"model": ErrorOut, "description": "request body over the server's limit"},
    422: {"model": ErrorOut, "description": "unusable input (empty, binary, bad date …), with its error code"},
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
            raise HTTPException(422, detail=error.errors(include_url=False, include_context=False)) from None
        if (body.text is None) == (body.html is None):
            raise HTTPException(422, detail="send exactly one of 'text' or 'html'")
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
        raise HTTPException(422, detail="[E001] send a file or some text")
    raise HTTPException(415, detail="send application/json or multipart/form-data")


@router.post(
    "/analyze",
    summary="Analyse one article (not stored)",
    response_model=ArticleOut,
    responses=_ERRORS,
    openapi_extra=_ANALYZE_BODY,
    dependencies=[Depends(require_token)],
)
async def analyze(request: Request) -> dict:
    """Who said what in one article: the JSON of ``onrecord analyze --jsonl`` (``article.schema.json``).

    The CPU work runs in a worker thread; the spaCy pipeline is loaded once per process.
    """
    raws = await read_article_input(request)
    if len(raws) != 1:
        raise HTTPException(422, detail=f"{len(raws)} articles in the input: /api/analyze takes one (POST /api/articles stores many)")
    (article,) = await request.app.state.analyzer.analyze(raws)
    return article_to_dict(article)
