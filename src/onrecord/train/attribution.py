"""Train the attribution model on PolNeAR-style data, calibrate and measure it on dev.

``train_attribution_model`` is the core behind ``onrecord train``: it parses the articles
(cached as DocBin), turns the gold attributions into token labels, trains the cue and role
CRFs (python-crfsuite, L-BFGS with elastic-net penalties: deterministic, CPU only), then on
dev fits the confidence calibrator and the acceptance threshold, scores the model with the
shared scorer, and writes the model directory with its card.
"""
from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from ..attribution.cues import load_cue_lexicon
from ..attribution.features import FEATURE_VERSION, cue_features, doc_facts
from ..attribution.role_features import role_features, role_window
from ..attribution.model import MODEL_FORMAT, AttributionModel
from ..attribution.model_merge import DEFAULT_POLICY
from ..nlp import load_parser
from .clusters import fit_clusters, save_clusters
from .data import GoldArticle, parse_cached, read_polnear
from .dev import calibrate_on_dev, fit_rule_confidence, model_card, score_on_dev
from .labels import align, cue_labels, role_labels
from .progress import Progress


@dataclass(frozen=True)
class TrainSettings:
    """Everything that decides the trained model (stored in its config.json)."""

    seed: int = 13
    cue_c1: float = 2.0
    cue_c2: float = 0.001
    cue_iterations: int = 200
    role_c1: float = 3.0
    role_c2: float = 0.001
    role_iterations: int = 150
    candidate_floor: float = 0.4  # marginal cue probability that makes an extra candidate
    word_classes: int = 800  # k-means classes over the parser's token vectors (0: none)
    train_limit: int | None = None  # first N train articles (tests, quick runs)
    dev_limit: int | None = None
    # merge bars, defaults from onrecord.attribution.model_merge.DEFAULT_POLICY:
    rules_win_at: float = DEFAULT_POLICY["rules_win_at"]  # rule attributions this confident win over the model's
    model_over_rule_min: float = DEFAULT_POLICY["model_over_rule_min"]  # a model attribution overlapping a weaker rule one needs this to replace it
    model_alone_min: float = DEFAULT_POLICY["model_alone_min"]  # a model attribution no rule saw needs this (clause content)
    model_alone_min_phrase: float = DEFAULT_POLICY["model_alone_min_phrase"]  # ... and this when its content is a bare phrase
    subset_size: int = 12  # first N dev articles: the fixed subset whose figures tests recompute


def load_scorer(path: Path):
    """The shared scorer (``score_attributions.py``) as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_attributions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cue_lexicon_snapshot() -> dict[str, str]:
    """Cue lemma -> class from ``data/cues.tsv``, frozen into the model so later edits don't shift it."""

    lexicon = load_cue_lexicon()
    out = {k: v.cls for k, v in lexicon.verbs.items()}
    out.update({k: "noun-" + v.cls for k, v in lexicon.nouns.items() if k not in out})
    return dict(sorted(out.items()))


def _train_crf(sequences, path: Path, c1: float, c2: float, iterations: int, progress: Progress, label: str) -> float:
    import pycrfsuite

    class _Trainer(pycrfsuite.Trainer):
        def on_iteration(self, log, info):
            progress.advance(label)

    trainer = _Trainer(verbose=False)
    for xseq, yseq in sequences:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    started = time.perf_counter()
    progress.start(label, total=iterations)
    trainer.train(str(path))
    progress.finish(label)
    return time.perf_counter() - started


def _fit_word_classes(docs: list, k: int, seed: int, out_dir: Path):
    """Word-class centroids (``k × 96`` array, or ``None`` when ``k`` is 0) from the train
    documents' token vectors, saved as ``clusters.npy``."""
    import numpy as np


    if k <= 0:
        return None
    vectors = np.concatenate([d.tensor for d in docs if d.tensor is not None and d.tensor.ndim == 2 and len(d.tensor)])
    centroids = fit_clusters(vectors, k, seed)
    save_clusters(out_dir / "clusters.npy", centroids)
    return centroids


def _sequences(articles: list[GoldArticle], docs: list, lexicon: dict, centroids, progress: Progress, label: str):

    cue_seqs, role_seqs = [], []
    progress.start(label, total=len(docs))
    for art, doc in zip(articles, docs, strict=True):
        facts = doc_facts(doc, lexicon, centroids)
        gold = align(doc, list(art.attributions))
        labels = cue_labels(len(doc), gold)
        for start, end in facts.sents:
            cue_seqs.append((cue_features(facts, start, end), labels[start:end]))
        for attr in gold:
            c_start, c_end = attr.cue[0], attr.cue[-1] + 1
            lo, hi = role_window(facts, c_start, c_end)
            role_seqs.append((role_features(facts, c_start, c_end, lo, hi), role_labels(lo, hi, attr)))
        progress.advance(label)
    progress.finish(label)
    return cue_seqs, role_seqs


def train_attribution_model(
    train_dir: Path,
    dev_dir: Path,
    out_dir: Path,
    settings: TrainSettings = TrainSettings(),
    *,
    scorer: Path,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> dict:
    """Train, calibrate and measure the attribution model; write it to ``out_dir``.

    Args:
        train_dir: a PolNeAR-style folder (``text/``, ``attributions/``) to train on.
        dev_dir: the folder to calibrate on, pick the acceptance threshold on, and report.
        out_dir: the model directory to write (created).
        settings: hyper-parameters and limits.
        scorer: path of the shared ``score_attributions.py``.
        cache_dir: where parsed documents are cached as DocBin (``None``: no cache).
        progress: a progress display (``Progress.quiet()`` for none).

    Returns:
        the training report (timings, dev figures, ECE), also written as ``training.json``.

    Example:
        >>> train_attribution_model(Path("../shared/data/polnear/train"), Path("../shared/data/polnear/dev"),
        ...     Path("out/model"), scorer=Path("../shared/eval/score_attributions.py"))  # doctest: +SKIP
    """

    progress = progress or Progress.quiet()
    random.seed(settings.seed)
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    scorer_module = load_scorer(Path(scorer))
    timings: dict[str, float] = {}

    train = read_polnear(Path(train_dir), settings.train_limit)
    dev = read_polnear(Path(dev_dir), settings.dev_limit)
    nlp = load_parser()
    t0 = time.perf_counter()
    docs = {}
    for split, arts in (("train", train), ("dev", dev)):
        label = f"parse {split}"
        progress.start(label, total=len(arts))
        cache = _cache_path(cache_dir, split, arts)
        docs[split] = parse_cached(nlp, [a.text for a in arts], cache, lambda: progress.advance(label))
        progress.finish(label)
    timings["parse"] = time.perf_counter() - t0

    lexicon = cue_lexicon_snapshot()
    t0 = time.perf_counter()
    (out_dir / "clusters.npy").unlink(missing_ok=True)
    centroids = _fit_word_classes(docs["train"], settings.word_classes, settings.seed, out_dir)
    cue_seqs, role_seqs = _sequences(train, docs["train"], lexicon, centroids, progress, "features")
    timings["features"] = time.perf_counter() - t0
    timings["cue_crf"] = _train_crf(cue_seqs, out_dir / "cue.crfsuite", settings.cue_c1, settings.cue_c2, settings.cue_iterations, progress, "cue tagger")
    del cue_seqs
    timings["role_crf"] = _train_crf(role_seqs, out_dir / "role.crfsuite", settings.role_c1, settings.role_c2, settings.role_iterations, progress, "role tagger")
    del role_seqs

    config = {
        "format": MODEL_FORMAT,
        "feature_version": FEATURE_VERSION,
        "spacy_pipeline": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}",
        "labels": {"cue": ["O", "B-CUE", "I-CUE"], "role": ["O", "B-SRC", "I-SRC", "B-CON", "I-CON"]},
        "candidate_floor": settings.candidate_floor,
        "clusters": {"file": "clusters.npy", "k": settings.word_classes, "input": "doc.tensor"} if centroids is not None else None,
        "accept_threshold": 0.0,
        "merge": {
            "rules_win_at": settings.rules_win_at,
            "model_over_rule_min": settings.model_over_rule_min,
            "model_alone_min": settings.model_alone_min,
            "model_alone_min_phrase": settings.model_alone_min_phrase,
        },
        "settings": asdict(settings),
        "training_data": {"train": str(train_dir), "train_articles": len(train), "dev": str(dev_dir), "dev_articles": len(dev)},
        "lexicon": lexicon,
    }
    (out_dir / "config.json").write_text(json.dumps(config, indent=1) + "\n", "utf-8")
    (out_dir / "calibration.json").unlink(missing_ok=True)

    t0 = time.perf_counter()
    model = AttributionModel.from_dir(out_dir)
    calibration = calibrate_on_dev(model, dev, docs["dev"], scorer_module, settings.seed, progress)
    config["accept_threshold"] = calibration["accept_threshold"]
    (out_dir / "config.json").write_text(json.dumps(config, indent=1) + "\n", "utf-8")
    (out_dir / "calibration.json").write_text(json.dumps(calibration, indent=1) + "\n", "utf-8")
    model = AttributionModel.from_dir(out_dir)
    calibration["rules"] = fit_rule_confidence(model, dev, docs["dev"], scorer_module)
    (out_dir / "calibration.json").write_text(json.dumps(calibration, indent=1) + "\n", "utf-8")
    model = AttributionModel.from_dir(out_dir)
    figures = score_on_dev(model, dev, docs["dev"], scorer_module, settings.subset_size)
    (out_dir / "dev_scores.json").write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    timings["dev"] = time.perf_counter() - t0
    timings["total"] = time.perf_counter() - started

    report = {
        "timings_s": {k: round(v, 1) for k, v in timings.items()},
        "dev": figures["dev"]["metrics"],
        "dev_with_rules": figures["dev_with_rules"]["metrics"],
        "ece": calibration["ece"],
        "model_bytes": sum(f.stat().st_size for f in out_dir.iterdir() if f.is_file()),
    }
    (out_dir / "training.json").write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    write_model_card(out_dir)
    return report


def write_model_card(out_dir: Path) -> Path:
    """(Re)write ``model-card.md`` of a model directory from its config, calibration and figures."""

    out_dir = Path(out_dir)
    parts = [json.loads((out_dir / name).read_text("utf-8")) for name in ("config.json", "calibration.json", "dev_scores.json", "training.json")]
    path = out_dir / "model-card.md"
    path.write_text(model_card(*parts), "utf-8")
    return path


def _cache_path(cache_dir: Path | None, split: str, arts: list[GoldArticle]) -> Path | None:
    if cache_dir is None:
        return None
    return Path(cache_dir) / f"polnear-{split}-{len(arts)}.spacy"
