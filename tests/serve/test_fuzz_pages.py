"""The web pages are not in the OpenAPI document, so schemathesis does not reach them: generated query
strings and path segments for every page, and no answer may be a 5xx."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.serve import create_app

from .conftest import make_client

TEXT = "“The bridge will reopen in May,” Mayor Ana Ruiz said on Monday."

values = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["", " ", "2024-13-45", "2024-03-05", "person", "states", "../../etc/passwd", "\x00", "%", "<b>"]),
)
PAGES = {
    "/articles": ["q", "limit", "offset"],
    "/speakers": ["q", "kind", "limit", "offset"],
    "/search": ["q", "speaker", "since", "until", "stance", "limit", "offset"],
    "/speakers/{id}": ["limit", "offset"],
    "/articles/{id}": [],
    "/articles/{id}/attributions/{index}/related": ["limit"],
}


@pytest.fixture(scope="module")
def page_client(tmp_path_factory):
    with make_client(create_app(f"sqlite:///{tmp_path_factory.mktemp('pages') / 'p.db'}")) as client:
        assert client.post("/api/articles", json={"text": TEXT, "id": "bridge", "published": "2024-03-05"}).status_code == 200
        yield client


@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_page_answers_5xx_to_any_query(page_client, page):
    names = PAGES[page]

    @given(
        query=st.dictionaries(st.sampled_from(names + ["unknown"]), values, max_size=len(names) + 1),
        ident=st.one_of(st.just("bridge"), st.just("ana-ruiz"), st.text(min_size=1, max_size=20)),
        index=st.one_of(st.integers(min_value=-5, max_value=5), st.integers(min_value=-(2**70), max_value=2**70)),
    )
    @settings(max_examples=30, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    def check(query, ident, index):
        path = page.replace("{id}", quote(ident, safe="")).replace("{index}", str(index))
        response = page_client.get(path, params=query)
        assert response.status_code < 500, (path, query, response.text[:300])

    check()
