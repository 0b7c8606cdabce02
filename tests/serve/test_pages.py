"""Store-backed routes and pages on a real SQLite store in a temporary folder: shapes, paging, escaping, timeline."""
from __future__ import annotations

import re

import pytest

import onrecord
from onrecord.serialize import article_from_dict, validate_article_dict
from onrecord.serve import create_app
from onrecord.serve.models import QuoteList, SpeakerDetail, SpeakerList
from onrecord.serve.pages import highlight

from onrecord.store import Store

from .conftest import make_client

pytestmark = pytest.mark.slow  # analyses the example articles with the pinned model

DATES = {"court-fraud-trial": "2024-05-02", "grain-corridor-talks": "2024-03-05", "harbour-bridge-closure": "2024-06-20"}
EVIL = "<img src=x onerror=alert(1)>"


def hostile_article():
    text = f"“Rates <script>alert(2)</script> will fall,” said {EVIL}."
    start = text.index("“")
    end = text.index("”") + 1
    cue = text.index("said")
    name = text.index("<img")
    return article_from_dict(
        {
            "schema_version": "1.0",
            "id": "hostile<b>",
            "title": "<b onmouseover=alert(3)>Rates</b>",
            "published": "2024-07-01",
            "text_sha256": "0" * 64,
            "text": text,
            "entities": [{"id": "e1", "name": EVIL, "kind": "person", "aliases": [], "titles": ["<i>Dr</i>"]}],
            "attributions": [
                {
                    "source": [[name, name + len(EVIL)]],
                    "cue": [[cue, cue + 4]],
                    "content": [[start, end]],
                    "speaker": {"id": "e1", "name": EVIL, "kind": "person"},
                    "type": "direct",
                    "cue_lemma": "say",
                    "confidence": 0.9,
                }
            ],
        }
    )


@pytest.fixture(scope="module")
def articles(examples_dir):
    out = []
    for stem, published in DATES.items():
        text = (examples_dir / f"{stem}.txt").read_text("utf-8")
        out.append(onrecord.analyze(text, published, id=stem, title=text.splitlines()[0]))
    return out + [hostile_article()]


@pytest.fixture(scope="module")
def db_url(articles, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'web.db'}"
    store = Store.open(url)
    store.add_articles(articles)
    store.close()
    return url


@pytest.fixture
def store_client(db_url):
    with make_client(create_app(db_url)) as client:
        yield client


@pytest.fixture
def hostile_speaker(store_client) -> str:
    return store_client.get("/api/articles/hostile<b>").json()["attributions"][0]["speaker"]["id"]


def test_speakers_api_ranks_and_pages(store_client):
    first = store_client.get("/api/speakers", params={"limit": 2}).json()
    SpeakerList.model_validate(first)
    counts = [s["quotes"] for s in store_client.get("/api/speakers", params={"limit": 500}).json()["items"]]
    assert counts == sorted(counts, reverse=True)
    assert len(first["items"]) == 2 and first["total"] > 2
    second = store_client.get(first["next"]).json()
    assert second["offset"] == 2
    assert {s["id"] for s in first["items"]}.isdisjoint(s["id"] for s in second["items"])


def test_quotes_api_filters_reach_the_store(store_client):
    everything = store_client.get("/api/quotes", params={"limit": 500}).json()
    QuoteList.model_validate(everything)
    since = store_client.get("/api/quotes", params={"since": "2024-05-01", "limit": 500}).json()
    assert 0 < since["total"] < everything["total"]
    assert all((q["said_on"] or q["published"]) >= "2024-05-01" for q in since["items"])
    assert store_client.get("/api/quotes", params={"since": "May 2024"}).status_code == 422
    assert store_client.get("/api/quotes", params={"limit": 501}).status_code == 422


def test_speaker_and_article_apis(store_client, articles):
    top = store_client.get("/api/speakers").json()["items"][0]
    detail = store_client.get(f"/api/speakers/{top['id']}").json()
    SpeakerDetail.model_validate(detail)
    assert detail["quotes"] == top["quotes"]
    body = store_client.get("/api/articles/court-fraud-trial").json()
    validate_article_dict(body)
    assert store_client.get("/api/articles/nope").status_code == 404
    assert store_client.get("/api/speakers/nope").json()["code"] == "E041"
    # stored articles name their speakers by store-wide ids, which the speaker API knows
    ids = {a["speaker"]["id"] for a in body["attributions"] if a["speaker"]}
    assert ids and all(store_client.get(f"/api/speakers/{i}").status_code == 200 for i in ids)


def test_posting_articles_stores_once(tmp_path):
    text = "“The ferry will run again on Friday,” said harbour master Lena Okafor."
    with make_client(create_app(f"sqlite:///{tmp_path / 'post.db'}")) as client:
        first = client.post("/api/articles", json={"text": text, "id": "ferry", "published": "2024-08-01"}).json()
        again = client.post("/api/articles", json={"text": text, "id": "ferry"}).json()
        assert first["stored"][0]["created"] is True and again["stored"][0]["created"] is False
        stored = client.get("/api/articles/ferry").json()
        assert stored["text"] == text and stored["published"] == "2024-08-01"
        quotes = client.get("/api/quotes", params={"q": "ferry"}).json()
        assert quotes["total"] == len(stored["attributions"]) == 1


def test_posting_articles_needs_the_token(tmp_path):
    with make_client(create_app(f"sqlite:///{tmp_path / 'tok.db'}", token="tok")) as client:
        assert client.post("/api/articles", json={"text": "Ana said yes."}).status_code == 401
        ok = client.post("/api/articles", json={"text": "Ana Ruiz said yes."}, headers={"Authorization": "Bearer tok"})
        assert ok.status_code == 200


def test_no_store_means_404_not_500(client):
    response = client.get("/api/quotes")
    assert response.status_code == 404
    assert "no store" in response.json()["detail"]


def test_speakers_page_lists_the_ranking(store_client):
    html = store_client.get("/speakers").text
    ranking = store_client.get("/api/speakers").json()["items"]
    names = re.findall(r'<td><a href="/speakers/[^"]+">([^<]+)</a></td>', html)
    assert len(names) == len(ranking)
    assert names[0] == ranking[0]["name"]
    assert EVIL not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_speaker_page_draws_a_timeline_of_every_statement(store_client):
    top = store_client.get("/api/speakers").json()["items"][0]
    html = store_client.get(f"/speakers/{top['id']}").text
    svg = re.search(r'<svg class="timeline".*?</svg>', html, re.S).group(0)
    assert svg.count('<circle class="dot"') == top["quotes"]
    assert svg.count('<rect class="bar"') >= 1
    assert html.count('<li class="quote">') == top["quotes"]


def test_article_page_is_the_analyze_view(store_client, articles):
    html = store_client.get("/articles/court-fraud-trial").text
    assert 'id="article-data"' in html and "/static/spans.js" in html
    assert html.count('class="attr-item') == len(articles[0].attributions)


def test_hostile_store_content_is_escaped_everywhere(store_client, hostile_speaker):
    pages = [
        store_client.get("/articles").text,
        store_client.get("/articles/hostile<b>").text,
        store_client.get(f"/speakers/{hostile_speaker}").text,
        store_client.get("/speakers").text,
        store_client.get("/search", params={"q": "rates"}).text,
    ]
    for html in pages:
        assert "<img" not in html and "<b " not in html and "<script>alert" not in html and "<i>" not in html


def test_search_page_marks_the_terms(store_client):
    html = store_client.get("/search", params={"q": "payment"}).text
    assert re.search(r"<mark>payment</mark>", html, re.I)
    assert '/api/quotes?q=payment' in html
    assert store_client.get("/search", params={"since": "soon"}).status_code == 422
    empty = store_client.get("/search").text
    assert 'id="results"' not in empty  # no query, no listing


def test_json_twins_redirect_to_the_api(store_client):
    response = store_client.get("/speakers.json", params={"kind": "person"}, follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/api/speakers?kind=person"
    assert store_client.get("/speakers.json").json()["items"]


def test_highlight_escapes_everything_but_its_marks():
    assert str(highlight("<b>tax</b> cuts", ["tax"])) == "&lt;b&gt;<mark>tax</mark>&lt;/b&gt; cuts"
    assert str(highlight("a<b", [])) == "a&lt;b"
