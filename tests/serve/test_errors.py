"""Malformed requests of every kind get a 4xx with a coded JSON body; a failing analysis is its article's coded error."""
from __future__ import annotations

import json
import re
from typing import Annotated

import pytest
from fastapi import Depends, FastAPI, Query
from pydantic import BaseModel

from onrecord.serve import create_app

from .conftest import make_client

ANA = "“The bridge will reopen in May,” Mayor Ana Ruiz said on Monday."
TOM = "The council approved the budget, its chair, Tom Berg, told reporters on Tuesday."


def coded(response, status: int, code: str) -> dict:
    """The response is ``status`` with exactly ``{"detail": str, "code": code}``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "code"} and isinstance(body["detail"], str) and body["detail"], body
    assert body["code"] == code, body
    return body


@pytest.fixture
def store_client(tmp_path):
    with make_client(create_app(f"sqlite:///{tmp_path / 'errors.db'}")) as client:
        assert client.post("/api/articles", json={"text": ANA, "id": "bridge", "published": "2024-03-05"}).status_code == 200
        yield client


def test_a_body_that_is_not_json_is_a_coded_422_not_a_500(client):
    body = coded(client.post("/api/analyze", content=b"notjson", headers={"content-type": "application/json"}), 422, "E072")
    assert "b'notjson'" not in body["detail"] and "JSON" in body["detail"]  # says what is wrong, never echoes bytes


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"text": 5}, "body.text"),  # wrong type
        ({}, "exactly one of 'text' or 'html'"),  # missing field
        ({"text": ANA, "html": "<p>x</p>"}, "exactly one of 'text' or 'html'"),
        ({"txt": ANA}, "txt"),  # unknown field
        ({"text": ANA, "published": "5 March"}, "published"),
        ({"text": ANA, "id": ""}, "id"),
        ([ANA], "object"),
        ("just a string", "object"),
    ],
)
def test_wrong_json_bodies_are_coded_422s_that_say_what_is_wrong(client, payload, expected):
    body = coded(client.post("/api/analyze", json=payload), 422, "E072")
    assert expected in body["detail"]


def test_an_impossible_date_is_e020(client):
    coded(client.post("/api/analyze", json={"text": ANA, "published": "2024-13-45"}), 422, "E020")


def test_a_body_of_another_content_type_is_415(client):
    coded(client.post("/api/analyze", content=ANA.encode(), headers={"content-type": "text/plain"}), 415, "E073")
    coded(client.post("/api/analyze", content=ANA.encode()), 415, "E073")


def test_an_empty_form_is_a_coded_422(client):
    coded(client.post("/api/analyze", data={"text": "  "}), 422, "E072")
    coded(client.post("/api/analyze", files={"file": ("a.bin", b"\x00\x01PK\x03\x04" * 50)}), 422, "E002")


@pytest.mark.parametrize(
    "query",
    [
        "limt=5",  # unknown parameter: not silently ignored
        "since=2024-13-45",
        "since=yesterday",
        "limit=-1",
        "limit=0",
        "limit=100000",
        "offset=-5",
        "offset=1000000000000000000000000000",
        "limit=ten",
    ],
)
def test_malformed_query_parameters_are_coded_422s(store_client, query):
    coded(store_client.get(f"/api/quotes?{query}"), 422, "E072")


def test_unknown_ids_and_path_traversal_are_coded_404s(store_client):
    coded(store_client.get("/api/articles/no-such-article"), 404, "E042")
    coded(store_client.get("/api/articles/..%2F..%2Fetc%2Fpasswd"), 404, "E077")  # no route has that many parts
    coded(store_client.get("/api/articles/..%5C..%5Cetc%5Cpasswd"), 404, "E042")
    coded(store_client.get("/api/speakers/..%5C..%5Cwin.ini"), 404, "E041")
    coded(store_client.get("/api/articles/bridge/attributions/99/related"), 404, "E043")
    coded(store_client.get("/api/articles/bridge/attributions/-1/related"), 404, "E043")
    coded(store_client.get("/api/articles/bridge/attributions/99999999999999999999999/related"), 404, "E043")
    assert store_client.get("/articles/bridge/attributions/99999999999999999999999/related").status_code == 404


def test_unknown_routes_and_methods_are_coded(store_client):
    coded(store_client.get("/api/nothing-here"), 404, "E077")
    coded(store_client.delete("/api/quotes"), 405, "E078")


def test_no_store_is_e076(client):
    coded(client.get("/api/speakers"), 404, "E076")


def test_cross_origin_writes_have_their_own_code(client):
    response = client.post("/api/analyze", json={"text": ANA}, headers={"Origin": "https://elsewhere.example"})
    coded(response, 403, "E070")


def test_writes_without_the_token_are_e074(token_client):
    response = token_client.post("/api/analyze", json={"text": ANA})
    coded(response, 401, "E074")
    assert response.headers["www-authenticate"] == "Bearer"


def test_an_oversized_body_is_e007():
    with make_client(create_app(None, max_body_bytes=1000)) as client:
        coded(client.post("/api/analyze", json={"text": "word " * 500}), 413, "E007")


def test_an_analysis_that_raises_is_e061_json_not_a_bare_500(client, fragile_analysis):
    body = coded(client.post("/api/analyze", json={"text": "BOOM, the minister said."}), 500, "E061")
    assert "a simulated bug" in body["detail"]
    assert client.post("/api/analyze", json={"text": ANA}).status_code == 200  # the server goes on


def test_posting_many_articles_stores_the_good_ones_and_lists_the_one_that_raised(tmp_path, fragile_analysis):
    records = [{"id": "ana", "text": ANA}, {"id": "boom", "text": "BOOM, the minister said."}, {"id": "tom", "text": TOM}]
    jsonl = "\n".join(json.dumps(r) for r in records).encode()
    with make_client(create_app(f"sqlite:///{tmp_path / 'batch.db'}")) as client:
        response = client.post("/api/articles", files={"file": ("feed.jsonl", jsonl)})
        assert response.status_code == 200, response.text
        body = response.json()
        assert [s["id"] for s in body["stored"]] == ["ana", "tom"]
        (skipped,) = body["skipped"]
        assert skipped["code"] == "E061" and skipped["origin"] == "feed.jsonl:2" and "a simulated bug" in skipped["reason"]
        assert client.get("/api/articles").json()["total"] == 2
        only_bad = client.post("/api/articles", json={"text": "BOOM again, she said."})
        coded(only_bad, 500, "E061")


def test_the_analyze_form_shows_the_coded_error_of_an_analysis_that_raises(client, fragile_analysis):
    response = client.post("/analyze", data={"text": "BOOM, the minister said."})
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/html")
    assert re.search(r"\[E061\] analysis failed \(RuntimeError: a simulated bug\)", response.text)
    assert "BOOM, the minister said." in response.text  # the form keeps the text


def test_an_unexpected_exception_is_e079_json(tmp_path, monkeypatch):
    from onrecord.store import Store

    def broken(self, *args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "quotes", broken)
    from fastapi.testclient import TestClient

    with TestClient(create_app(f"sqlite:///{tmp_path / 'x.db'}"), raise_server_exceptions=False) as client:
        body = coded(client.get("/api/quotes"), 500, "E079")
        assert "RuntimeError" in body["detail"] and "disk on fire" not in body["detail"]


def test_a_text_over_the_parser_limit_is_analysed_in_chunks(client, monkeypatch):
    from onrecord.pipeline import load_nlp

    monkeypatch.setattr(load_nlp(), "max_length", 200)  # the app's pipeline: a text over 200 characters is "long"
    long = "\n\n".join([ANA, TOM] * 5)
    response = client.post("/api/analyze", json={"text": long, "published": "2024-03-06"})  # 422 E071 before
    assert response.status_code == 200, response.text
    attributions = response.json()["attributions"]
    assert len(attributions) == 10 and {a["speaker"]["name"] for a in attributions} == {"Ana Ruiz", "Tom Berg"}
    assert attributions[-1]["content"][0][0] == len(long) - len(TOM)  # offsets into the whole text


class _Filters(BaseModel):
    kind: str | None = None
    limit: int = 5


def _items(filters: Annotated[_Filters, Query()]):
    return filters.model_dump()


def test_unknown_query_parameters_are_found_in_query_models_too():
    # another branch may declare /api/quotes's filters as a query model: its fields are the known parameters
    from onrecord.serve.app import add_error_handlers
    from onrecord.serve.security import reject_unknown_query

    app = FastAPI()
    add_error_handlers(app)
    app.get("/items", dependencies=[Depends(reject_unknown_query)])(_items)
    with make_client(app) as client:
        assert client.get("/items", params={"kind": "speech", "limit": 2}).json() == {"kind": "speech", "limit": 2}
        coded(client.get("/items", params={"knd": "speech"}), 422, "E072")


def test_a_timestamp_publication_date_is_read_as_the_cli_reads_it(client):
    # one parser for publication dates (ingest.validate.parse_published): the API took only YYYY-MM-DD before
    response = client.post("/api/analyze", json={"text": ANA, "published": "2024-03-05T23:30:00-05:00"})
    assert response.status_code == 200, response.text
    assert response.json()["published"] == "2024-03-05"
