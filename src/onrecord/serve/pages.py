"""Server-rendered pages (Jinja2, autoescaped). Every page has a JSON twin under ``/api`` (datasette's habit)."""
from __future__ import annotations

import hmac
import re
from importlib import resources
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..errors import AttributionNotFound, OnrecordError, TokenRequired, UnknownKind
from ..ingest.validate import parse_published
from ..serialize import article_to_dict
from ..store.filters import KINDS, QUOTES, parse_kinds
from ..types import VERIFICATION_STATUSES
from .analysis import form_text, raise_skipped, raw_from_text, raws_from_file
from .api import article_check, get_store, stored_article
from .security import bearer_token
from .timeline import build_timeline
from .view import article_view

#: the templates and static files of the pages (app.py mounts static/ from here)
PACKAGE_DIR = Path(str(resources.files("onrecord").joinpath("serve")))

router = APIRouter(include_in_schema=False)

templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(PACKAGE_DIR / "templates"),
        autoescape=True,  # article text is untrusted: every {{ }} is escaped, in every template
        trim_blocks=True,
        lstrip_blocks=True,
    )
)

TOKEN_COOKIE = "onrecord_token"


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    context.setdefault("token_required", request.app.state.token is not None)
    context.setdefault("has_store", request.app.state.db_url is not None)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/")
def home(request: Request):
    return RedirectResponse("/analyze" if request.app.state.db_url is None else "/speakers", status_code=307)


@router.get("/favicon.ico")
def favicon():
    return FileResponse(PACKAGE_DIR / "static" / "favicon.svg", media_type="image/svg+xml")


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    """Swagger UI from local files (the ``fastapi-offline`` package, mounted at ``/static/swagger-ui``), started by an external script."""
    return render(request, "docs.html")


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request):
    return render(request, "analyze.html")


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(request: Request):
    """The form's target: analyse the pasted text or uploaded file, show the article view."""
    limit = request.app.state.max_body_bytes
    form_values = {}
    async with request.form(max_files=1, max_fields=20, max_part_size=limit) as form:
        text, published, token = form.get("text"), form.get("published"), form.get("token")
        form_values = {"text": form_text(text), "published": published or ""}
        upload = form.get("file")
        data = await upload.read() if upload is not None and not isinstance(upload, str) and upload.filename else None
        filename = upload.filename if data is not None else None
    expected = request.app.state.token
    given = (token if isinstance(token, str) and token else None) or bearer_token(request)
    if expected is not None and (given is None or not hmac.compare_digest(given.encode(), expected.encode())):
        error = TokenRequired("This server needs its access token to analyse.")
        return render(request, "analyze.html", error.http_status, form=form_values, error=str(error))
    try:
        if data:
            raws = raws_from_file(data, filename, published)[:1]
        else:
            raws = [raw_from_text(form_values["text"], published=published)]
        (result,) = await request.app.state.analyzer.analyze(raws)
        article = raise_skipped(result)
    except OnrecordError as error:  # "[E061] analysis failed …": the form again, with the coded reason
        return render(request, "analyze.html", error.http_status, form=form_values, error=str(error))
    response = render(request, "analyze.html", form=form_values, **article_view(article_to_dict(article)))
    if expected is not None and token:
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response


# ---------------------------------------------------------------- store pages (each with a .json twin)


def highlight(text: str, terms: list[str] | None) -> Markup:
    """``text`` escaped, with each search term wrapped in ``<mark>`` (the only markup added).

    Example:
        >>> str(highlight("Taxes <b>rise</b>", ["tax"]))
        '<mark>Tax</mark>es &lt;b&gt;rise&lt;/b&gt;'
    """
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out += [escape(text[last : match.start()]), Markup("<mark>"), escape(match.group()), Markup("</mark>")]
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


templates.env.filters["highlight"] = highlight


def search_terms(q: str | None) -> list[str]:
    return [w for w in re.findall(r"\w+", q or "") if w.upper() not in {"AND", "OR", "NOT", "NEAR"}]


def _page_url(request: Request):
    return lambda offset: str(request.url.include_query_params(offset=offset))


def _json_twin(request: Request, api_path: str) -> str:
    query = request.url.query
    return f"{api_path}?{query}" if query else api_path


def _optional(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _paged(page: dict, limit: int, offset: int) -> dict:
    return {**page, "limit": limit, "offset": offset}


def kind_links(request: Request, kinds: tuple[str, ...] | None) -> list[dict]:
    """The one-click kind filters of a listing: all kinds, quotes only (speech and writing), then each kind.

    Each link keeps the page's other filters and starts again at the first page.
    """

    def url(value: tuple[str, ...] | None) -> str:
        target = request.url.remove_query_params(["kind", "offset"])
        if value:
            target = target.include_query_params(kind=",".join(value))
        return target.path + (f"?{target.query}" if target.query else "")

    links = [{"id": "all", "label": "All kinds", "url": url(None), "current": kinds is None},
             {"id": "quotes", "label": "Quotes only (speech and writing)", "url": url(QUOTES), "current": kinds == QUOTES}]
    links += [{"id": k, "label": k, "url": url((k,)), "current": kinds == (k,)} for k in KINDS]
    return links


def _kinds(kind: list[str]) -> tuple[str, ...] | None:
    """``?kind=speech&kind=writing`` or ``?kind=speech,writing`` as kinds; an unknown word is a 422 page."""
    try:
        return parse_kinds(kind)
    except UnknownKind as error:
        raise HTTPException(422, detail=error.message) from None


@router.get("/articles.json")
@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, q: str | None = None, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)):
    q = _optional(q)
    if request.url.path.endswith(".json"):
        return RedirectResponse(_json_twin(request, "/api/articles"), status_code=307)
    page = _paged(get_store(request).articles(q=q, limit=limit, offset=offset).to_dict(), limit, offset)
    return render(request, "articles.html", page=page, q=q, page_url=_page_url(request), json_url=_json_twin(request, "/api/articles"))


@router.get("/articles/{article_id}.json")
def article_json(article_id: str):
    return RedirectResponse(f"/api/articles/{quote(article_id, safe='')}", status_code=307)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    store = get_store(request)
    article = stored_article(store, article_id)
    checks = article_check(store, article_id)["checks"]  # each role mention against the store's articles of ±60 days
    return render(
        request, "article.html", **article_view(article, stored=True), role_checks=checks,
        json_url=f"/api/articles/{quote(article_id, safe='')}", check_url=f"/api/articles/{quote(article_id, safe='')}/check",
    )


@router.get("/articles/{article_id}/attributions/{index}/related", response_class=HTMLResponse)
def related_page(request: Request, article_id: str, index: int, limit: int = Query(20, ge=1, le=100)):
    """One attribution and the statements of other articles that corroborate, contradict or relate to it."""
    if not 0 <= index < 2**31:  # no article has that many; SQLite's integers end at 2**63
        raise AttributionNotFound(f"no attribution {index}")
    found = get_store(request).related(article_id, index, limit=limit).to_dict()
    api_path = f"/api/articles/{quote(article_id, safe='')}/attributions/{index}/related"
    return render(request, "related.html", found=found, article_id=article_id, index=index, json_url=_json_twin(request, api_path))


@router.get("/speakers.json")
@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(
    request: Request, q: str | None = None, kind: str | None = None, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)
):
    if request.url.path.endswith(".json"):
        return RedirectResponse(_json_twin(request, "/api/speakers"), status_code=307)
    q, kind = _optional(q), _optional(kind)
    if kind not in (None, "person", "organisation", "group", "unresolved"):
        kind = None
    page = _paged(get_store(request).speakers(q=q, kind=kind, limit=limit, offset=offset).to_dict(), limit, offset)
    return render(request, "speakers.html", page=page, q=q, kind=kind, page_url=_page_url(request), json_url=_json_twin(request, "/api/speakers"))


@router.get("/speakers/{speaker_id}.json")
def speaker_json(speaker_id: str):
    return RedirectResponse(f"/api/speakers/{quote(speaker_id, safe='')}", status_code=307)


#: statements drawn on a speaker's timeline (the bars still count all of them)
TIMELINE_MAX = 3000


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker_page(
    request: Request, speaker_id: str, kind: list[str] = Query([]), limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)
):
    store = get_store(request)
    speaker = store.speaker(speaker_id).to_dict()
    kinds = _kinds(kind)
    page = _paged(store.quotes(speaker_id=speaker_id, kind=kinds, limit=limit, offset=offset, oldest_first=True).to_dict(), limit, offset)
    points = store.statement_dates(speaker_id, limit=TIMELINE_MAX, kind=kinds)
    role_history = store.role_history(speaker_id).to_dict()["roles"]
    timeline = build_timeline([(d, f"/articles/{quote(a, safe='')}#attr-{i}", text) for d, a, i, text in points])
    return render(
        request,
        "speaker.html",
        speaker=speaker,
        role_history=role_history,
        page=page,
        terms=None,
        timeline=timeline,
        kind_links=kind_links(request, kinds),
        page_url=_page_url(request),
        json_url=f"/api/speakers/{quote(speaker_id, safe='')}",
    )


@router.get("/search.json")
@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str | None = None,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    stance: str | None = None,
    verification: str | None = None,
    kind: list[str] = Query([]),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
):
    if request.url.path.endswith(".json"):
        return RedirectResponse(_json_twin(request, "/api/quotes"), status_code=307)
    filters = {"q": _optional(q), "speaker": _optional(speaker), "stance": _optional(stance), "verification": _optional(verification)}
    context = {**filters, "since": _optional(since), "until": _optional(until), "page": None, "terms": search_terms(filters["q"])}
    context.update(kinds=None, all_kinds=KINDS, all_verifications=VERIFICATION_STATUSES)
    try:
        context["kinds"] = parse_kinds(kind)
        dates = {"since": parse_published(context["since"], field="since"), "until": parse_published(context["until"], field="until")}
    except UnknownKind as error:
        return render(request, "search.html", 422, error=error.message, kind_links=kind_links(request, None), **context)
    except OnrecordError as error:
        return render(request, "search.html", error.http_status, error=str(error).replace("published", "date"), **context)
    context["kind_links"] = kind_links(request, context["kinds"])
    if any(filters.values()) or any(dates.values()) or context["kinds"]:
        store = get_store(request)
        if filters["q"]:  # best match first
            others = {k: v for k, v in filters.items() if k != "q"}
            page = store.search(filters["q"], **others, kind=context["kinds"], **dates, limit=limit, offset=offset)
        else:
            page = store.quotes(**filters, **dates, kind=context["kinds"], limit=limit, offset=offset)
        page = _paged(page.to_dict(), limit, offset)
        api_query = {k: context[k] for k in ("q", "speaker", "stance", "verification", "since", "until") if context[k]}
        if context["kinds"]:
            api_query["kind"] = ",".join(context["kinds"])
        api_query.update(limit=limit, offset=offset)
        context.update(page=page, page_url=_page_url(request), json_url=f"/api/quotes?{urlencode(api_query)}")
    return render(request, "search.html", **context)
