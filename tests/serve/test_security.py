"""Guards of the web app: size limits, tokens, same-origin writes, headers, escaping of article text."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.serve import create_app
from onrecord.serve.security import CSP, is_loopback

from .conftest import make_client

HOSTILE = (
    "Headline <script>window.__pwned = 1</script>\n"
    "“We will <img src=x onerror=\"window.__pwned=2\"> win,” said <b onmouseover='window.__pwned=3'>Ana Ruiz</b>."
)


@pytest.fixture
def small_client():
    with make_client(create_app(None, max_body_bytes=4096)) as c:
        yield c


def test_oversized_body_gets_a_clear_413(small_client):
    response = small_client.post("/api/analyze", json={"text": "word " * 2000})
    assert response.status_code == 413
    assert response.json()["code"] == "E007"
    assert "4096" in response.json()["detail"]
    assert response.headers["content-security-policy"] == CSP


def test_oversized_chunked_body_without_length_gets_413(small_client):
    def chunks():
        for _ in range(10):
            yield b"x" * 1000

    response = small_client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_oversized_upload_gets_413(small_client):
    response = small_client.post("/api/analyze", files={"file": ("big.txt", b"a" * 10_000, "text/plain")})
    assert response.status_code == 413


def test_body_under_the_limit_passes_the_guard(small_client):
    response = small_client.post("/api/analyze", json={"text": ""})
    assert response.status_code == 422  # reached the handler, which refuses the empty text


def test_writes_need_the_token_when_the_app_has_one(token_client):
    assert token_client.post("/api/analyze", json={"text": "Ana said yes."}).status_code == 401
    wrong = token_client.post("/api/analyze", json={"text": "Ana said yes."}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"


@pytest.mark.slow
def test_the_right_token_is_accepted(token_client):
    response = token_client.post("/api/analyze", json={"text": "Ana Ruiz said yes."}, headers={"Authorization": "Bearer s3cret-token"})
    assert response.status_code == 200


def test_reads_need_no_token(token_client):
    assert token_client.get("/api/health").json()["token_required"] is True
    assert token_client.get("/analyze").status_code == 200


def test_analyze_page_asks_for_the_token(token_client):
    page = token_client.get("/analyze").text
    assert 'name="token"' in page
    refused = token_client.post("/analyze", data={"text": "Ana said yes."})
    assert refused.status_code == 401
    assert "access token" in refused.text


def test_cross_origin_writes_are_refused(client):
    response = client.post("/api/analyze", json={"text": "Ana said yes."}, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert client.post("/api/analyze", json={"text": " "}, headers={"Origin": "http://testserver"}).status_code == 422


@pytest.mark.parametrize("path", ["/analyze", "/api/health", "/static/onrecord.css", "/docs"])
def test_every_response_has_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)
    assert script_src == "'self'"
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("path", ["/analyze", "/docs"])
def test_pages_load_nothing_from_other_hosts(client, path):
    html = client.get(path).text
    for url in re.findall(r'(?:src|href)="([^"]*)"', html):
        assert url.startswith(("/", "#")), url
    assert "<script>" not in html  # no inline scripts: the CSP would block them anyway


@pytest.mark.slow
def test_article_text_is_escaped_in_the_page(client):
    page = client.post("/analyze", data={"text": HOSTILE}).text
    assert page.count("<script") == page.count("<script src=") + page.count('<script type="application/json"')
    assert "<img" not in page and "onerror=\"window" not in page and "<b " not in page
    assert "&lt;script&gt;window.__pwned" in page  # shown as text in the no-script view
    data = re.search(r'<script type="application/json" id="article-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data  # the embedded JSON escapes every '<', so it cannot close its script element


@given(st.sampled_from(["127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost"]))
def test_loopback_addresses(host):
    assert is_loopback(host)


@settings(max_examples=50)
@given(st.ip_addresses().filter(lambda ip: not ip.is_loopback))
def test_other_addresses_are_not_loopback(ip):
    assert not is_loopback(str(ip))
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org")
