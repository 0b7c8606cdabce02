"""Related statements in the web app: the JSON route with its response model, the page, the link to it, escaping."""
from __future__ import annotations

import pytest

from onrecord.serve import create_app
from onrecord.serve.models import RelatedList
from onrecord.store import Store
from tests.store.articles import build_article, claim, related_corpus

from .conftest import make_client

HOSTILE = "the Tarsk chemical plant dumped <script>alert(1)</script> waste into the Orvel river"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('related') / 'web.db'}"
    hostile = build_article("r8<i>", [("Evil <b>Name</b>", "Evil <b>Name</b>", "said", HOSTILE)], published="2025-05-13",
                            outlet="<b>Outlet</b>", claims={0: claim("states")})
    with Store.open(url) as store:
        store.add_articles([*related_corpus(), hostile])
    return url


@pytest.fixture
def client(db_url):
    with make_client(create_app(db_url)) as c:
        yield c


def test_related_api_matches_its_model(client):
    response = client.get("/api/articles/r1/attributions/0/related")
    assert response.status_code == 200
    body = RelatedList.model_validate(response.json())
    relations = {item.quote.article_id: item.relation for item in body.items}
    assert relations["r2"] == "contradicts" and relations["r3"] == "corroborates" and relations["r4"] == "related"
    assert body.statement.article_id == "r1" and body.stance == "alleges" and "r7" not in relations
    assert len(client.get("/api/articles/r1/attributions/0/related", params={"limit": 1}).json()["items"]) == 1


def test_related_api_unknown_article_or_index_is_404(client):
    assert client.get("/api/articles/nope/attributions/0/related").json()["code"] == "E042"
    response = client.get("/api/articles/r1/attributions/5/related")
    assert response.status_code == 404 and response.json()["code"] == "E043"
    assert client.get("/api/articles/r1/attributions/-1/related").status_code == 404


def test_related_page_labels_each_relation(client):
    page = client.get("/articles/r1/attributions/0/related")
    assert page.status_code == 200
    html = page.text
    assert 'class="related-item relation-contradicts"' in html and 'class="related-item relation-corroborates"' in html
    assert '<span class="relation-label">contradicts</span>' in html
    assert "opposite polarity" in html and "independent source" in html
    assert "<mark>Tarsk</mark>" in html  # shared words marked
    assert 'href="/api/articles/r1/attributions/0/related"' in html


def test_related_page_escapes_stored_text(client):
    html = client.get("/articles/r1/attributions/0/related").text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<b>Name</b>" not in html and "<b>Outlet</b>" not in html


def test_the_article_view_links_each_attribution_to_its_related_statements(client):
    html = client.get("/articles/r1").text
    assert 'href="/articles/r1/attributions/0/related"' in html and 'href="/articles/r1/attributions/1/related"' in html
    assert "related statements" in html
