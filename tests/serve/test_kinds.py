"""Attribution kinds in the web app: the ``kind`` filter of /api/quotes, the kind links of the search and speaker
pages, the kind of each attribution in the article view, escaping; on a SQLite store of hand-built articles."""
from __future__ import annotations

import pytest

from onrecord.serve import create_app
from onrecord.serve.models import QuoteList
from onrecord.store import Store
from tests.store.articles import build_article, claim

from .conftest import make_client

EVIL = "<script>alert(1)</script>"


def kinds_articles():
    """A ferry story whose attributions report each kind (sentences written for these tests)."""
    return [
        build_article("ferry-1", [("Lena Ortiz", "Lena Ortiz", "said", "the ferry would run all winter"),
                                  ("Lena Ortiz", "Lena Ortiz", "wrote", "the ferry timetable was final"),
                                  ("Ivo Brandt", "Ivo Brandt", "believes", "the ferry fares are too high")],
                      published="2025-05-02", outlet="Coast Courier", title="Ferry to run all winter",
                      kinds={1: "writing", 2: "thought"},
                      claims={0: claim("states", status="unverified", by=("Coast Courier",)), 1: claim("states")}),
        build_article("ferry-2", [("harbour survey", "a harbour survey", "found", "the ferry pier needs new pilings"),
                                  ("Lena Ortiz", "Lena Ortiz", "plans", "the ferry pier would reopen in June")],
                      published="2025-05-09", outlet="Coast Courier", title="Pier survey",
                      kinds={0: "evidence", 1: "intention"}, speakers={"harbour survey": {"kind": "organisation"}}),
    ]


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('kinds') / 'web.db'}"
    with Store.open(url) as store:
        store.add_articles(kinds_articles())
    return url


@pytest.fixture
def client(db_url):
    with make_client(create_app(db_url)) as c:
        yield c


def _kinds(response) -> list[str]:
    assert response.status_code == 200, response.text
    return sorted(q.kind for q in QuoteList.model_validate(response.json()).items)


def test_quotes_api_filters_by_kind(client):
    assert _kinds(client.get("/api/quotes")) == ["evidence", "intention", "speech", "thought", "writing"]
    assert _kinds(client.get("/api/quotes", params={"kind": "thought"})) == ["thought"]
    assert _kinds(client.get("/api/quotes", params={"kind": "speech,writing"})) == ["speech", "writing"]
    assert _kinds(client.get("/api/quotes?kind=speech&kind=writing")) == ["speech", "writing"]  # the search form's boxes
    assert _kinds(client.get("/search.json?kind=thought&kind=evidence", follow_redirects=True)) == ["evidence", "thought"]
    assert _kinds(client.get("/api/quotes", params={"kind": "speech,writing", "q": "ferry timetable"})) == ["writing"]
    assert _kinds(client.get("/api/quotes", params={"kind": "intention", "speaker": "Lena Ortiz"})) == ["intention"]


def test_quotes_api_unknown_kind_is_a_coded_422(client):
    response = client.get("/api/quotes", params={"kind": "speech,gossip"})
    assert response.status_code == 422 and response.json()["code"] == "E066" and "gossip" in response.json()["detail"]
    assert client.get("/api/quotes", params={"kind": EVIL}).status_code == 422


def test_quotes_api_filters_by_verification(client):
    """issue 13: the web app's view of the store dropped the verification filter."""
    assert _kinds(client.get("/api/quotes", params={"verification": "unverified"})) == ["speech"]
    with Store.open(client.app.state.db_url) as store:
        assert store.quotes(verification="unverified").total == 1


def test_search_page_filters_by_verification_and_links_its_json_twin(client):
    """issue 13: the pages could not filter on verification (only /api/quotes could)."""
    html = client.get("/search", params={"verification": "unverified"}).text
    assert "the ferry would run all winter" in html and "the ferry timetable was final" not in html
    assert "/api/quotes?verification=unverified" in html
    assert '<option value="unverified" selected>' in html
    assert "the ferry would run all winter" not in client.get("/search", params={"q": "ferry", "verification": "disputed"}).text


def test_search_page_offers_every_filter_the_store_declares(client):
    """The filters are declared once (QuoteFilter); the search form has a field for each (``speaker`` takes ids too)."""
    import dataclasses
    import re

    from onrecord.store import QuoteFilter

    names = set(re.findall(r'name="([a-z_]+)"', client.get("/search").text))
    assert {f.name for f in dataclasses.fields(QuoteFilter)} - {"speaker_id"} <= names


def test_openapi_documents_the_kind_filter_and_field(client):
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/api/quotes"]["get"]["parameters"]}
    assert "speech,writing" in params["kind"]["description"] and "verification" in params
    quote = spec["components"]["schemas"]["QuoteOut"]["properties"]["kind"]
    assert set(quote["enum"]) == {"speech", "writing", "thought", "evidence", "intention", "act"}


def test_quotes_api_takes_every_filter_the_store_declares(client):
    """The filters are declared once (QuoteFilter); the API offers each (``speaker`` takes ids as well)."""
    import dataclasses

    from onrecord.store import QuoteFilter

    params = {p["name"] for p in client.get("/openapi.json").json()["paths"]["/api/quotes"]["get"]["parameters"]}
    assert {f.name for f in dataclasses.fields(QuoteFilter)} - {"speaker_id"} <= params


def test_search_page_quotes_only_link_and_kind_boxes(client):
    html = client.get("/search", params={"q": "ferry"}).text
    assert '<a href="/search?q=ferry&amp;kind=speech%2Cwriting" id="kind-quotes">Quotes only (speech and writing)</a>' in html
    assert '<a href="/search?q=ferry" id="kind-all" aria-current="true">All kinds</a>' in html
    quotes_only = client.get("/search", params={"q": "ferry", "kind": "speech,writing"}).text
    assert '<span class="kind kind-speech">speech</span>' in quotes_only and "kind-thought\">thought</span>" not in quotes_only
    assert 'value="speech" checked' in quotes_only and 'value="thought">' in quotes_only
    assert "kind=speech%2Cwriting" in quotes_only  # the JSON twin keeps the filter
    ticked = client.get("/search?kind=thought&kind=evidence").text  # the form's boxes, no other filter
    assert ticked.count('<li class="quote">') == 2 and "fares are too high" in ticked and "new pilings" in ticked


def test_pages_escape_a_hostile_kind_and_query(client):
    page = client.get("/search", params={"kind": EVIL})
    assert page.status_code == 422 and EVIL not in page.text and "E066" not in page.text
    page = client.get("/search", params={"q": EVIL, "kind": "speech"})
    assert EVIL not in page.text and "&lt;script&gt;" in page.text


def test_speaker_page_filters_statements_by_kind(client):
    everything = client.get("/speakers/lena-ortiz").text
    assert everything.count('<li class="quote">') == 3 and 'id="kind-all" aria-current="true"' in everything
    quotes = client.get("/speakers/lena-ortiz", params={"kind": "speech,writing"}).text
    assert quotes.count('<li class="quote">') == 2 and "reopen in June" not in quotes
    assert '<a href="/speakers/lena-ortiz?kind=speech%2Cwriting" id="kind-quotes" aria-current="true">' in quotes
    assert client.get("/speakers/lena-ortiz", params={"kind": "gossip"}).status_code == 422


def test_article_page_shows_each_attributions_kind(client):
    html = client.get("/articles/ferry-2").text
    assert '<span class="kind kind-evidence">evidence</span>' in html and '<span class="kind kind-intention">intention</span>' in html
    assert [a["kind"] for a in client.get("/api/articles/ferry-2").json()["attributions"]] == ["evidence", "intention"]


def test_speakers_api_counts_only_the_kinds_asked_for(client):
    everyone = {s["name"]: s["quotes"] for s in client.get("/api/speakers").json()["items"]}
    assert everyone == {"Lena Ortiz": 3, "Ivo Brandt": 1, "harbour survey": 1}
    quoted = client.get("/api/speakers", params={"attribution_kind": "speech,writing"}).json()
    assert [(s["name"], s["quotes"]) for s in quoted["items"]] == [("Lena Ortiz", 2)]
    assert client.get("/api/speakers", params={"attribution_kind": "gossip"}).json()["code"] == "E066"
