"""Training data and training of the learned attribution model (needs ../shared for PolNeAR)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from onrecord.train.data import read_brat, read_polnear

runner = CliRunner()


def test_read_brat_agrees_with_the_shared_scorer_on_train(shared_dir):
    from bench.eval import load_scorer

    scorer = load_scorer(shared_dir)
    ann_dir = shared_dir / "data/polnear/train/attributions"
    for path in sorted(ann_dir.glob("*.ann"))[:40]:
        ours = [{r: sorted(getattr(a, r)) for r in ("source", "cue", "content")} for a in read_brat(path)]
        theirs = [{r: sorted(a[r]) for r in ("source", "cue", "content")} for a in scorer.read_brat(path)]
        assert ours == theirs, path.name


def test_read_polnear_takes_the_first_annotator_and_keeps_offsets_in_the_text(shared_dir):
    articles = read_polnear(shared_dir / "data/polnear/dev", limit=5)
    assert len(articles) == 5
    for art in articles:
        for attr in art.attributions:
            for start, end in attr.cue + attr.content + attr.source:
                assert 0 <= start < end <= len(art.text)


@pytest.mark.slow
def test_train_on_a_small_slice_writes_a_model_that_loads_and_predicts(shared_dir, tmp_path):
    from onrecord.attribution.model import load_model
    from onrecord.nlp import load_parser
    from onrecord.cli import app

    out = tmp_path / "model"
    polnear = shared_dir / "data/polnear"
    result = runner.invoke(
        app,
        [
            "train", "--train", str(polnear / "train"), "--dev", str(polnear / "dev"), "--out", str(out),
            "--limit", "6", "--dev-limit", "4", "--iterations", "25", "--cache", str(tmp_path / "cache"),
        ],
    )
    assert result.exit_code == 0, result.output
    for name in ("cue.crfsuite", "role.crfsuite", "config.json", "calibration.json", "dev_scores.json", "model-card.md"):
        assert (out / name).stat().st_size > 0, name
    card = (out / "model-card.md").read_text("utf-8")
    assert "research" in card and "copyrighted" in card
    scores = json.loads((out / "dev_scores.json").read_text("utf-8"))
    assert scores["dev"]["articles"] == 4

    model = load_model(str(out))
    seen = read_polnear(polnear / "train", limit=1)[0]
    found = model.predict(load_parser()(seen.text))
    assert found, "a model trained on this article finds attributions in it"
    for a in found:
        assert a.origin == "model" and a.speaker is None
        assert 0.0 <= a.confidence <= 1.0
        assert a.content and a.cue
        for span in a.content + a.cue + a.source:
            assert seen.text[span.start : span.end] == span.text


def test_train_cli_reports_a_missing_scorer(tmp_path):
    from onrecord.cli import app

    for split in ("train", "dev"):
        (tmp_path / split / "text").mkdir(parents=True)
    result = runner.invoke(
        app, ["train", "--train", str(tmp_path / "train"), "--dev", str(tmp_path / "dev"), "--out", str(tmp_path / "m")]
    )
    assert result.exit_code == 2
    assert "score_attributions.py" in result.output
