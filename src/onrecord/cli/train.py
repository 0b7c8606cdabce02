"""``onrecord train --train DIR --dev DIR --out DIR``: train the learned attribution model."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from ..spacy_model import require_base_model
from ._common import console, err_console


def train_cli(
    train: Path = typer.Option(..., "--train", help="PolNeAR-style folder to train on (text/, attributions/)."),
    dev: Path = typer.Option(..., "--dev", help="Folder to calibrate on and report (PolNeAR dev)."),
    out: Path = typer.Option(..., "--out", help="Model directory to write."),
    scorer: Path | None = typer.Option(None, "--scorer", help="The shared score_attributions.py (default: found beside the data)."),
    cache: Path | None = typer.Option(Path("var/cache/model"), "--cache", help="Where parsed documents are cached (DocBin)."),
    seed: int = typer.Option(13, "--seed", help="Random seed (fold split of the calibration)."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Train on the first N articles only."),
    dev_limit: int | None = typer.Option(None, "--dev-limit", min=1, help="Calibrate on the first N dev articles only."),
    iterations: int | None = typer.Option(None, "--iterations", min=1, help="L-BFGS iterations of both CRFs (default: 200 cue, 150 role)."),
) -> None:
    """Train, calibrate and measure the attribution model; write weights, config and model card."""
    from dataclasses import replace

    # lazy: the training code (corpus reader, CRF trainer, calibration fits) loads only for `onrecord train`
    from ..train import TrainSettings, train_attribution_model
    from ..train.progress import Progress

    scorer = scorer or _find_scorer(dev)
    if scorer is None or not scorer.exists():
        err_console.print("[red]cannot find score_attributions.py[/red]: pass --scorer PATH")
        raise typer.Exit(code=2)
    for folder in (train, dev):
        if not (folder / "text").is_dir():
            err_console.print(f"[red]{escape(str(folder))} has no text/ folder[/red] (expected a PolNeAR-style folder)", highlight=False)
            raise typer.Exit(code=2)
    require_base_model()  # [E030] before any training work
    settings = TrainSettings(seed=seed, train_limit=limit, dev_limit=dev_limit)
    if iterations is not None:
        settings = replace(settings, cue_iterations=iterations, role_iterations=iterations)
    progress = Progress.rich(console)
    try:
        report = train_attribution_model(train, dev, out, settings, scorer=scorer, cache_dir=cache, progress=progress)
    finally:
        progress.close()
    metrics = report["dev"]
    console.print(f"model written to {out} ({report['model_bytes'] / 1e6:.1f} MB) in {report['timings_s']['total']:.0f} s")
    for name in ("attr/full", "attr/content", "span/content/exact", "span/cue/exact", "span/source/exact"):
        console.print(f"  dev {name:20} F1 {metrics[name]['f1']:.3f}")
    console.print(f"  dev ECE (cross-fitted) {report['ece']['cross_fitted_all']:.4f}")


def _find_scorer(dev: Path) -> Path | None:
    """``../shared/eval/score_attributions.py`` relative to a ``shared/data/polnear/dev`` folder."""
    for parent in dev.resolve().parents:
        candidate = parent / "eval" / "score_attributions.py"
        if candidate.exists():
            return candidate
    return None
