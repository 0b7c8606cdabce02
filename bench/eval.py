"""``make eval``: predictions for PolNeAR dev, the seed article and GGT dev quotes (bench/eval_ggt.py), scored with the shared scorer.

Prints every attribution figure quoted in the README and closing notes. Writes the
prediction files under ``out/eval/`` so anyone can rescore them by hand:

    python ../shared/eval/score_attributions.py --gold ../shared/data/polnear/dev --pred out/eval/polnear-dev.jsonl
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

OUT = Path("out/eval")
HEADLINE = ["attr/full", "attr/content", "attr/content+source", "span/content/exact", "span/cue/exact", "span/source/exact"]


def polnear_dates(shared: Path) -> dict[str, dt.date]:
    """Publication dates of PolNeAR articles from its metadata.tsv."""
    dates = {}
    meta = shared / "data/polnear/metadata.tsv"
    if meta.exists():
        lines = meta.read_text("utf-8").splitlines()
        header = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(header, line.split("\t")))
            try:
                dates[row["filename"]] = dt.date.fromisoformat(row["publication_date"])
            except (KeyError, ValueError):
                pass
    return dates


def predict_folder(text_dir: Path, out_path: Path, dates: dict, model: str | None, cache: Path | None = None) -> int:
    """Run onrecord over every ``*.txt`` in ``text_dir``; write scorer-format JSONL."""
    from onrecord.pipeline import load_nlp
    from onrecord.pipeline import analyze_raws
    from onrecord.serialize import article_to_dict
    from onrecord.types import RawArticle

    files = sorted(text_dir.glob("*.txt"))
    raws = [RawArticle(id=f.stem, text=f.read_text("utf-8"), published=dates.get(f.stem)) for f in files]
    nlp = load_nlp(model)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as out:
        if cache is not None:
            articles = _analyze_cached(raws, nlp, cache)
        else:
            articles = analyze_raws(raws, nlp)
        for article in articles:
            out.write(json.dumps(article_to_dict(article, include_text=False), ensure_ascii=False) + "\n")
    return len(raws)


def _analyze_cached(raws, nlp, cache: Path):
    """Development shortcut: reuse base-pipeline parses stored as a DocBin (same result, no re-parse)."""
    from onrecord.train.data import parse_cached
    from onrecord.pipeline import build_article

    with nlp.select_pipes(disable=["onrecord"]):  # parse once, annotate separately
        docs = parse_cached(nlp, [r.text for r in raws], cache)
    component = nlp.get_pipe("onrecord")
    for raw, doc in zip(raws, docs):
        assert doc.text == raw.text, "stale parse cache"
        doc._.published = raw.published
        yield build_article(raw, component(doc))


def score(shared: Path, gold: Path, pred: Path) -> dict:
    scorer = shared / "eval/score_attributions.py"
    result = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json"],
        check=True, capture_output=True, text=True,
    )
    return json.loads(result.stdout)


def load_scorer(shared: Path):
    """The shared scorer as a module (for tests that score in-process)."""
    spec = importlib.util.spec_from_file_location("score_attributions", shared / "eval/score_attributions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def print_scores(console: Console, title: str, metrics: dict) -> None:
    table = Table(title=title, title_justify="left")
    for col in ("metric", "P", "R", "F1", "pred", "gold"):
        table.add_column(col, justify="left" if col == "metric" else "right")
    for name, row in metrics.items():
        if name == "articles" or "precision" not in row:  # speaker_accuracy is printed below the table
            continue
        style = "bold" if name in HEADLINE else None
        table.add_row(name, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}", str(row["pred"]), str(row["gold"]), style=style)
    console.print(table)
    if "speaker_accuracy" in metrics:
        sa = metrics["speaker_accuracy"]
        console.print(f"speaker accuracy: {sa['accuracy']:.3f} ({sa['agreed']} of {sa['matched']} content-matched attributions with a gold speaker)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--rules-only", action="store_true", help="evaluate the rules without the learned model")
    parser.add_argument("--cache", action="store_true", help="reuse cached base parses under var/cache (development)")
    parser.add_argument("--only", choices=["seed", "polnear", "ggt", "claims", "timex"], action="append")
    args = parser.parse_args(argv)
    console = Console()
    model = None if args.rules_only else "default"
    tag = "rules" if args.rules_only else "full"
    parts = args.only or ["seed", "polnear", "ggt", "claims", "timex"]
    if not (args.shared / "data").is_dir():
        console.print(f"[red]{args.shared} has no data/: PolNeAR and the seed article are needed for make eval")
        return 2
    if "seed" in parts:
        seed = args.shared / "data/seed"
        record = json.loads((seed / "expected.jsonl").read_text("utf-8").splitlines()[0])
        text_dir = OUT / "seed-text"
        text_dir.mkdir(parents=True, exist_ok=True)
        (text_dir / f"{record['id']}.txt").write_text(record["text"], "utf-8")
        pred = OUT / f"seed-{tag}.jsonl"
        predict_folder(text_dir, pred, {record["id"]: dt.date.fromisoformat(record["published"])}, model)
        print_scores(console, f"seed article ({tag}) — {pred}", score(args.shared, seed / "expected.jsonl", pred))
    if "polnear" in parts:
        dev = args.shared / "data/polnear/dev"
        pred = OUT / f"polnear-dev-{tag}.jsonl"
        cache = Path("var/cache/polnear-dev.spacy") if args.cache else None
        n = predict_folder(dev / "text", pred, polnear_dates(args.shared), model, cache)
        print_scores(console, f"PolNeAR dev, {n} articles ({tag}) — {pred}", score(args.shared, dev, pred))
    if "ggt" in parts:  # quotes (speech and writing) on Canadian news, as the Gender Gap Tracker scored them
        from bench import eval_ggt

        eval_ggt.main(["--shared", str(args.shared)] + ["--rules-only"] * args.rules_only + ["--cache"] * args.cache, console)
    if "claims" in parts:
        try:
            claims_eval = importlib.import_module("bench.eval_claims")
        except ModuleNotFoundError:
            claims_eval = None
        if claims_eval is not None:
            claims_eval.main([])
    if "timex" in parts:  # TempEval-3 TBAQ: strict/relaxed span F1, type accuracy, value F1 (bench/eval_timex.py)
        importlib.import_module("bench.eval_timex").main(["--shared", str(args.shared)] + (["--cache"] if args.cache else []))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
