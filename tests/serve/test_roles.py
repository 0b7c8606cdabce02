"""Roles in the web app: the speaker's role history and an article's role check, as JSON and on the pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.ingest import iter_articles
from onrecord.pipeline import analyze_raws
from onrecord.serve import create_app
from onrecord.serve.models import ArticleCheckOut, RoleHistoryOut
from onrecord.store import Store

from .conftest import make_client

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "roles" / "articles.jsonl"


@pytest.fixture(scope="module")
def db_url(rules_nlp, tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('roles-web') / 'web.db'}"
    with Store.open(url) as store:
        store.add_articles(a for a in analyze_raws(iter_articles([FIXTURE]), rules_nlp))
    return url


@pytest.fixture
def client(db_url):
    with make_client(create_app(db_url)) as c:
        yield c


def test_api_speaker_roles(client):
    response = client.get("/api/speakers/donald-trump/roles")
    assert response.status_code == 200
    history = RoleHistoryOut.model_validate(response.json())
    assert [(r.qualifier, r.office, r.articles) for r in history.roles][0] == (None, "president", 5)
    missing = client.get("/api/speakers/nobody-known/roles")
    assert missing.status_code == 404 and missing.json()["code"] == "E041"


def test_api_article_check(client):
    response = client.get("/api/articles/peace-overture/check", params={"window_days": 30})
    assert response.status_code == 200
    check = ArticleCheckOut.model_validate(response.json())
    former = next(c for c in check.checks if c.text == "Former President")
    assert check.window_days == 30 and former.status == "conflicts" and former.evidence[0].sentence.startswith("President Donald Trump")
    assert client.get("/api/articles/no-such/check").json()["code"] == "E042"
    assert client.get("/api/articles/peace-overture/check", params={"window_days": -3}).status_code == 422


def test_stored_article_json_has_its_role_mentions_with_speaker_ids(client):
    roles = client.get("/api/articles/peace-overture").json()["roles"]
    assert {"entity": "donald-trump", "text": "Former President", "qualifier": "former"}.items() <= next(r for r in roles if r["text"] == "Former President").items()


def test_article_page_marks_the_conflicting_description_with_evidence(client):
    page = client.get("/articles/peace-overture").text
    assert 'id="role-checks"' in page and "2 in conflict" in page
    conflict = page[page.index('class="role-check role-conflicts"') :]
    assert "Former President" in conflict[:600] and "⚑" in conflict[:300]
    assert '<a href="/articles/port-strike">port-strike</a>' in page
    calm = client.get("/articles/drone-report").text
    assert 'id="role-checks"' in calm and "role-conflicts" not in calm


def test_speaker_page_has_roles_over_time(client):
    page = client.get("/speakers/donald-trump").text
    table = page[page.index('id="role-history"') :]
    assert "former president" in table and "2025-03-10" in table
