"""The quality gate: PolNeAR dev scores may not drop below the floors in bench/eval_floor.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.eval import load_scorer, polnear_dates

FLOORS = json.loads((Path(__file__).resolve().parents[1] / "bench/eval_floor.json").read_text("utf-8"))


@pytest.mark.slow
def test_polnear_dev_scores_stay_above_the_recorded_floor(shared_dir, nlp):
    from onrecord.pipeline import analyze_raws
    from onrecord.serialize import attribution_to_dict
    from onrecord.types import RawArticle

    dev = shared_dir / "data/polnear/dev"
    scorer = load_scorer(shared_dir)
    gold = scorer.load_gold(dev)
    dates = polnear_dates(shared_dir)
    raws = [RawArticle(id=i, text=d["text"], published=dates.get(i)) for i, d in gold.items()]
    pred = {a.id: [attribution_to_dict(x) for x in a.attributions] for a in analyze_raws(raws, nlp)}
    result = scorer.score(gold, pred, 0.5)
    for metric, floor in FLOORS["polnear_dev"].items():
        assert result[metric]["f1"] >= floor, f"{metric} F1 {result[metric]['f1']} fell below the floor {floor}"


@pytest.mark.slow
def test_ggt_dev_quotes_stay_above_the_recorded_floor(shared_dir, nlp):
    from bench.eval_ggt import THRESHOLD, ggt_quotes
    from onrecord.pipeline import analyze_raws
    from onrecord.types import RawArticle

    gold_path = shared_dir / "data/ggt-dev/gold.jsonl"
    if not gold_path.exists():
        pytest.skip(f"needs the GGT dev quotes at {gold_path}")
    scorer = load_scorer(shared_dir)
    gold = scorer.load_gold(gold_path)
    raws = [RawArticle(id=i, text=d["text"]) for i, d in gold.items()]
    pred = {a.id: ggt_quotes(a) for a in analyze_raws(raws, nlp)}
    result = scorer.score(gold, pred, THRESHOLD)
    for metric, floor in FLOORS["ggt_dev_quotes"].items():
        assert result[metric]["f1"] >= floor, f"GGT {metric} F1 {result[metric]['f1']} fell below the floor {floor}"
