"""``onrecord serve --analysis-workers N``: the analysis runs in worker processes and answers as in-process."""
from __future__ import annotations

from onrecord.serve import create_app

from .conftest import make_client

TEXT = "“The bridge will reopen in May,” Mayor Ana Ruiz said on Monday. Tom Berg said the budget would pass."


def test_analysis_in_a_worker_process_equals_the_in_process_analysis(client):
    expected = client.post("/api/analyze", json={"text": TEXT, "published": "2024-03-05"}).json()
    with make_client(create_app(None, analysis_workers=1, warm_up=True)) as workers_client:
        analyzer = workers_client.app.state.analyzer
        got = workers_client.post("/api/analyze", json={"text": TEXT, "published": "2024-03-05"})
        assert got.status_code == 200, got.text
        assert got.json() == expected and expected["attributions"]
        assert analyzer._engine is not None and analyzer._engine._pool is not None  # it ran in the pool
        empty = workers_client.post("/api/analyze", json={"text": "  "})
        assert empty.status_code == 422 and empty.json()["code"] == "E001"
    assert analyzer._engine is None  # the app's shutdown stopped the workers
