"""``onrecord serve --analysis-workers N``: the analysis runs in worker processes and answers as in-process."""
from __future__ import annotations

import os

from onrecord.serve import create_app
from onrecord.serve.analysis import WORKER_NICE

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
        # the workers run at a lower CPU priority than the server, which answers the reads
        assert analyzer._engine.submit(os.nice, 0).result() == min(19, os.nice(0) + WORKER_NICE) > os.nice(0)
        empty = workers_client.post("/api/analyze", json={"text": "  "})
        assert empty.status_code == 422 and empty.json()["code"] == "E001"
    assert analyzer._engine is None  # the app's shutdown stopped the workers


def test_a_posted_article_is_analysed_and_stored_in_the_worker_not_in_the_server(tmp_path, monkeypatch):
    from onrecord.store import Store

    def server_write(self, articles):
        raise AssertionError("the server process wrote (and resolved speakers) while serving reads")

    url = f"sqlite:///{tmp_path / 'store.db'}"
    with make_client(create_app(url, analysis_workers=1, warm_up=True)) as workers_client:
        monkeypatch.setattr(Store, "add_articles", server_write)
        posted = workers_client.post("/api/articles", json={"text": TEXT, "id": "bridge", "published": "2024-03-05"})
        assert posted.status_code == 200, posted.text
        assert posted.json()["stored"] == [{"id": "bridge", "created": True, "attributions": 2}]
        again = workers_client.post("/api/articles", json={"text": TEXT, "id": "bridge"}).json()
        assert again["stored"][0]["created"] is False
        names = {s["name"] for s in workers_client.get("/api/speakers").json()["items"]}
        assert {"Ana Ruiz", "Tom Berg"} <= names  # resolved across articles in the worker, read here
        quotes = workers_client.get("/api/quotes", params={"speaker": "Ana Ruiz"}).json()
        assert quotes["total"] == 1 and quotes["items"][0]["article_id"] == "bridge"


def test_the_workers_outlive_the_request_thread_that_started_them():
    import threading
    import time

    from onrecord.serve.analysis import Analyzer

    analyzer = Analyzer(model=None, workers=1)
    try:
        # request threads end when idle; a worker spawned from one would be killed with it (PR_SET_PDEATHSIG)
        request_thread = threading.Thread(target=analyzer._engine_started)
        request_thread.start()
        request_thread.join()
        time.sleep(0.5)
        assert analyzer._engine.submit(os.getpid).result(timeout=60) != os.getpid()
    finally:
        analyzer.close()


def test_a_dead_worker_is_a_coded_503_and_the_next_post_gets_a_new_one(tmp_path):
    import signal
    import time

    url = f"sqlite:///{tmp_path / 'store.db'}"
    with make_client(create_app(url, analysis_workers=1, warm_up=True)) as workers_client:
        engine = workers_client.app.state.analyzer._engine
        os.kill(engine.submit(os.getpid).result(timeout=60), signal.SIGKILL)  # as the kernel's OOM killer would
        time.sleep(1)
        lost = workers_client.post("/api/articles", json={"text": TEXT, "id": "bridge"})
        assert (lost.status_code, lost.json()["code"], lost.headers.get("retry-after")) == (503, "E091", "5")
        again = workers_client.post("/api/articles", json={"text": TEXT, "id": "bridge"})
        assert again.status_code == 200 and again.json()["stored"][0]["created"] is True


def test_two_workers_starting_on_a_new_store_do_not_both_create_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    with make_client(create_app(url, analysis_workers=2, warm_up=True)) as workers_client:
        posted = workers_client.post("/api/articles", json={"text": TEXT, "id": "bridge"})
        assert posted.status_code == 200, posted.text
        assert workers_client.get("/api/articles").json()["total"] == 1
