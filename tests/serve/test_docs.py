"""docs/api.md cannot drift: every route and every ``onrecord serve`` option is documented there."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.routing import APIRoute

from onrecord.cli.serve import serve_cli
from onrecord.serve import api, pages

DOC = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text("utf-8")
ROUTES = sorted(
    {(method, re.sub(r"\{\w+_id\}", "{id}", r.path)) for router in (api.router, pages.router) for r in router.routes if isinstance(r, APIRoute) for method in r.methods}
)


def test_routes_are_found():
    assert ("POST", "/api/analyze") in ROUTES and ("GET", "/analyze") in ROUTES


@pytest.mark.parametrize(("method", "path"), [r for r in ROUTES if r[1].startswith("/api/")])
def test_every_api_route_is_documented(method, path):
    assert f"`{method} {path}`" in DOC


@pytest.mark.parametrize("path", sorted({p for m, p in ROUTES if not p.startswith("/api/") and m == "GET"} - {"/favicon.ico"}))
def test_every_page_is_documented(path):
    assert f"`{path}`" in DOC


def test_every_serve_option_is_documented():
    import inspect

    for parameter in inspect.signature(serve_cli).parameters.values():
        option = parameter.default.param_decls[0]
        assert option in DOC, option
