"""Server-rendered pages (Jinja2, autoescaped). Every page has a JSON twin under ``/api`` (datasette's habit)."""
from __future__ import annotations

import hmac

import jinja2
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from ..serialize import article_to_dict
from .analysis import form_text, raw_from_text, raws_from_file
from .app import PACKAGE_DIR
from .security import bearer_token
from .view import article_view

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
    """Swagger UI from local files (``static/vendor/swagger-ui``), started by an external script."""
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
        return render(request, "analyze.html", 401, form=form_values, error="This server needs its access token to analyse.")
    try:
        if data:
            raws = raws_from_file(data, filename, published)[:1]
        else:
            raws = [raw_from_text(form_values["text"], published=published)]
        (article,) = await request.app.state.analyzer.analyze(raws)
    except HTTPException as error:
        return render(request, "analyze.html", error.status_code, form=form_values, error=str(error.detail))
    response = render(request, "analyze.html", form=form_values, **article_view(article_to_dict(article)))
    if expected is not None and token:
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response
