"""The local engine: worker processes give the same articles as the in-process pipeline, in input order."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from onrecord.engine.base import ANALYSIS_FAILED, EngineSettings, analyze_batch
from onrecord.engine.local import LocalEngine
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
