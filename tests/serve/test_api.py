"""``POST /api/analyze`` in-process: the same records as the Python API, in the schema, with clear errors."""
from __future__ import annotations

import json

import pytest

import onrecord
from onrecord.serialize import article_to_dict, validate_article_dict

pytestmark = pytest.mark.slow  # loads the pinned spaCy model


@pytest.fixture(scope="module")
def court_text(examples_dir) -> str:
    return (examples_dir / "court-fraud-trial.txt").read_text("utf-8")


def test_analyze_json_equals_the_python_api(client, court_text):
    response = client.post("/api/analyze", json={"text": court_text, "published": "2024-05-02"})
    assert response.status_code == 200, response.text
    body = response.json()
    validate_article_dict(body)
    expected = article_to_dict(onrecord.analyze(court_text, "2024-05-02"))
    assert body == expected
    assert body["attributions"], "the example article has attributions"


def test_analyze_offsets_point_into_the_returned_text(client, court_text):
    body = client.post("/api/analyze", json={"text": court_text}).json()
    text = body["text"]
    for attribution in body["attributions"]:
        assert attribution["content_text"] == " … ".join(text[s:e] for s, e in attribution["content"])
        assert attribution["cue_text"] == " … ".join(text[s:e] for s, e in attribution["cue"])


def test_analyze_upload_equals_pasted_text(client, court_text):
    uploaded = client.post(
        "/api/analyze",
        files={"file": ("court-fraud-trial.txt", court_text.encode("utf-8"), "text/plain")},
        data={"published": "2024-05-02"},
    )
    pasted = client.post("/api/analyze", json={"text": court_text, "published": "2024-05-02", "id": "court-fraud-trial"})
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["id"] == "court-fraud-trial"
    assert uploaded.json()["attributions"] == pasted.json()["attributions"]


def test_analyze_form_text_field(client):
    text = "“The bridge will reopen in May,” said Tomas Reyes, the city engineer."
    response = client.post("/api/analyze", data={"text": text})
    assert response.status_code == 200, response.text
    (attribution,) = response.json()["attributions"]
    assert attribution["content_text"] == "“The bridge will reopen in May,”"
    assert attribution == article_to_dict(onrecord.analyze(text))["attributions"][0]


def test_analyze_keeps_request_metadata(client):
    body = client.post(
        "/api/analyze",
        json={"text": "Officials said the park would close.", "id": "park-1", "title": "Park to close", "outlet": "Daily Test", "published": "2023-07-09"},
    ).json()
    assert (body["id"], body["title"], body["outlet"], body["published"]) == ("park-1", "Park to close", "Daily Test", "2023-07-09")


def test_analyze_html_extracts_the_body(client, examples_dir):
    html = (examples_dir / "transit-strike.html").read_text("utf-8")
    from onrecord.ingest import iter_articles

    (raw,) = iter_articles([examples_dir / "transit-strike.html"])
    assert "<p>" not in raw.text
    body = client.post("/api/analyze", json={"html": html}).json()
    assert "<p>" not in body["text"]
    assert body["text"] == raw.text


def test_analyze_html_returns_the_pages_warning(client):
    nav = "".join(f"<li>Section {n}: news, sport, weather, travel and the arts from the region</li>" for n in range(40))
    html = f"<html><body><nav><ul>{nav}</ul></nav><article><p>The harbour master on Friday closed the north pier for a week from Monday while divers inspect its piles.</p></article></body></html>"
    response = client.post("/api/analyze", json={"html": html})
    assert response.status_code == 200, response.text
    (warning,) = response.json()["warnings"]
    assert warning.startswith("[E011] the extracted body has 19 words")


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        ({"text": "   \n "}, "E001"),
        ({"text": "Ana said yes.", "published": "next Tuesday"}, "published"),
        ({"text": "a", "html": "<p>b</p>"}, "exactly one"),
        ({}, "exactly one"),
        ({"text": "a", "colour": "red"}, "colour"),
    ],
)
def test_analyze_rejects_bad_input_with_a_reason(client, payload, needle):
    response = client.post("/api/analyze", json=payload)
    assert response.status_code == 422
    assert needle in json.dumps(response.json())


def test_analyze_rejects_other_content_types(client):
    response = client.post("/api/analyze", content=b"text", headers={"content-type": "text/plain"})
    assert response.status_code == 415


def test_analyze_empty_form_says_what_to_send(client):
    response = client.post("/api/analyze", data={"published": "2024-01-01"})
    assert response.status_code == 422
    assert "file or some text" in response.json()["detail"]


def test_openapi_documents_the_article_schema(client):
    spec = client.get("/openapi.json").json()
    analyze = spec["paths"]["/api/analyze"]["post"]
    assert analyze["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/ArticleOut")
    assert set(analyze["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    assert "AttributionOut" in spec["components"]["schemas"]


def test_upload_keeps_double_endings_the_readers_know():
    import gzip
    import json

    from onrecord.serve.analysis import raws_from_file

    lines = [{"id": f"brief-{n}", "text": f"Harbour master Iko Tan said berth {n} would reopen on Friday."} for n in (1, 2)]
    data = gzip.compress("\n".join(json.dumps(x) for x in lines).encode("utf-8"))
    raws = raws_from_file(data, "briefs.jsonl.gz", None)
    assert [r.id for r in raws] == ["brief-1", "brief-2"]
