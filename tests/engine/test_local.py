"""The local engine: worker processes give the same articles as the in-process pipeline, in input order."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from onrecord.engine.base import ANALYSIS_FAILED, EngineSettings, analyze_batch
from onrecord.engine.local import LocalEngine, split_tasks, start_method
from onrecord.types import Article, RawArticle, Skipped

sys.path.insert(0, str(Path(__file__).parent))
from spark_corpus import make_records  # noqa: E402


@pytest.fixture(scope="module")
def raws():
    return [RawArticle(r["id"], r["text"], title=r["title"], origin=f"{r['id']}.txt") for r in make_records(24, seed=11)]


def test_two_workers_equal_the_in_process_pipeline_in_order(raws, nlp):
    from onrecord.pipeline import analyze_raws

    expected = list(analyze_raws(raws, nlp))
    with LocalEngine(workers=2, chunk=3) as engine:
        got = list(engine.map(raws))
    assert [a.id for a in got] == [r.id for r in raws]
    assert got == expected
    assert sum(len(a.attributions) for a in got) > len(raws)


def test_skipped_inputs_pass_through_in_place(raws):
    bad = Skipped("broken.json", "E006", "not JSON")
    items = [raws[0], bad, raws[1]]
    with LocalEngine(workers=0, settings=EngineSettings(model=None)) as engine:
        got = list(engine.map(items))
    assert [type(x) for x in got] == [Article, Skipped, Article]
    assert got[1] is bad and [got[0].id, got[2].id] == [raws[0].id, raws[1].id]


def test_an_article_whose_analysis_raises_is_skipped_and_the_batch_goes_on(raws, rules_nlp, fragile_analysis):
    boom = RawArticle("boom", "BOOM said the officials.", origin="boom.txt")
    got = analyze_batch([raws[0], boom, raws[1]], rules_nlp, 16)
    assert [type(x) for x in got] == [Article, Skipped, Article]
    assert got[1].code == ANALYSIS_FAILED and got[1].origin == "boom.txt" and "a simulated bug" in got[1].reason


def test_the_engine_reads_ahead_only_a_bounded_window(raws):
    consumed = 0

    def counted():
        nonlocal consumed
        for _ in range(200):
            for raw in raws[:4]:
                consumed += 1
                yield raw

    with LocalEngine(workers=1, settings=EngineSettings(model=None), chunk=2) as engine:
        results = engine.map(counted())
        next(results)
        # 3 × workers + 1 batches of 2 in flight at most, plus the batch being formed
        assert consumed <= (3 * 1 + 1) * 2 + 2
        results.close()


def _worker_nlp_id() -> int:
    from onrecord.engine import local

    return id(local._NLP)


@pytest.mark.skipif(start_method() != "fork", reason="fork is not available (or not safe) on this platform")
def test_forked_workers_start_from_the_pipeline_loaded_in_the_parent():
    with LocalEngine(workers=2, settings=EngineSettings(model=None)) as engine:
        engine.start()
        ids = {engine._pool.submit(_worker_nlp_id).result() for _ in range(4)}
        assert ids == {id(engine._nlp)}  # a forked worker's pipeline is the parent's object, not a reload
        threads = {engine._pool.submit(_worker_blas_threads).result() for _ in range(4)}
        assert threads <= {1, None}  # None: no OpenBLAS loaded, nothing to limit


def _worker_blas_threads() -> int | None:
    from test_blas import openblas_threads

    return openblas_threads()


def test_spawned_workers_load_their_own_pipeline_and_give_the_same_articles(raws, rules_nlp):
    from onrecord.pipeline import analyze_raws

    expected = list(analyze_raws(raws[:6], rules_nlp))
    with LocalEngine(workers=1, settings=EngineSettings(model=None), method="spawn") as engine:
        assert list(engine.map(raws[:6])) == expected


def _texts(*lengths: int) -> list[RawArticle]:
    return [RawArticle(str(i), "x" * n) for i, n in enumerate(lengths)]


def test_tasks_are_cut_by_text_length_not_by_count():
    tasks = list(split_tasks(_texts(9000, 9000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000), 4, 10_000, 2, lookahead=4))
    assert [len(t) for t in tasks][:2] == [2, 4]  # two long texts make one task, short ones share one up to the count


def test_the_end_of_the_input_is_cut_finer_so_workers_finish_together():
    tasks = list(split_tasks(_texts(*[3000] * 24), 4, 12_000, 2, lookahead=8))
    assert [len(t) for t in tasks[:4]] == [4, 4, 4, 4]
    assert [len(t) for t in tasks[-2:]] == [1, 1]
    assert [r.id for t in tasks for r in t] == [str(i) for i in range(24)]


def test_skipped_items_ride_along_in_their_task_in_order():
    bad = Skipped("broken.json", "E006", "not JSON")
    tasks = list(split_tasks([bad, *_texts(5000, 5000), bad], 4, 20_000, 1, lookahead=4))
    assert [x for t in tasks for x in t][0] is bad and len([x for t in tasks for x in t]) == 4
