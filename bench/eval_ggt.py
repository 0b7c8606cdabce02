"""``make eval`` GGT section: quotes on Canadian news (``../shared/data/ggt-dev``), scored as the
Gender Gap Tracker scored its own extractor: only attributions of kinds speech and writing (what the
annotators call quotes), in its convention (a quotation going on in a new sentence after its cue is a
floating quote of its own), matched at 30% content overlap, with speaker accuracy.

    python -m bench.eval_ggt --shared ../shared          # writes out/eval/ggt-dev-full.jsonl
    python ../shared/eval/score_attributions.py --gold ../shared/data/ggt-dev/gold.jsonl \\
        --pred out/eval/ggt-dev-quotes-full.jsonl --threshold 0.3
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console

OUT = Path("out/eval")
THRESHOLD = 0.3  # the Gender Gap Tracker counted a quote as found at 30% overlap


def keep_quotes(all_path: Path, quotes_path: Path, text_dir: Path) -> None:
    """Copy a prediction file keeping only attributions of kinds speech and writing, in the Gender
    Gap Tracker's convention: a quotation going on in a new sentence after its cue (“A,” he said.
    “B.”) is a floating quote of its own (``separate_continued_quotes``)."""
    from onrecord.serialize import article_from_dict

    with all_path.open(encoding="utf-8") as src, quotes_path.open("w", encoding="utf-8") as out:
        for line in src:
            record = json.loads(line)
            text = (text_dir / f"{record['id']}.txt").read_text("utf-8")
            record["attributions"] = ggt_quotes(article_from_dict(record, text))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def ggt_quotes(article) -> list[dict]:
    """An analysed article's quotes (kinds speech and writing) in the Gender Gap Tracker's convention,
    as scorer-format dicts."""
    from onrecord.attribution.floating import separate_continued_quotes
    from onrecord.serialize import attribution_to_dict

    return [attribution_to_dict(a) for a in separate_continued_quotes(article.text, list(article.quotes))]


def score_ggt(shared: Path, pred: Path) -> dict:
    """The shared scorer's figures for ``pred`` against ggt-dev at the GGT threshold."""
    from bench.eval import load_scorer

    scorer = load_scorer(shared)
    gold = scorer.load_gold(shared / "data/ggt-dev/gold.jsonl")
    pred_docs = {r["id"]: r.get("attributions", []) for r in scorer.read_jsonl(pred)}
    return scorer.score(gold, pred_docs, THRESHOLD)


def main(argv=None, console: Console | None = None) -> int:
    from bench.eval import predict_folder, print_scores

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--cache", action="store_true", help="reuse cached base parses under var/cache (development)")
    args = parser.parse_args(argv)
    console = console or Console()
    dev = args.shared / "data/ggt-dev"
    if not (dev / "gold.jsonl").exists():
        console.print(f"[yellow]{dev} not found: GGT evaluation skipped")
        return 0
    tag = "rules" if args.rules_only else "full"
    pred_all = OUT / f"ggt-dev-{tag}.jsonl"
    pred_quotes = OUT / f"ggt-dev-quotes-{tag}.jsonl"
    cache = Path("var/cache/ggt-dev.spacy") if args.cache else None
    n = predict_folder(dev / "text", pred_all, {}, None if args.rules_only else "default", cache)
    keep_quotes(pred_all, pred_quotes, dev / "text")
    metrics = score_ggt(args.shared, pred_quotes)
    print_scores(console, f"GGT dev, {n} articles, kinds speech+writing, threshold {THRESHOLD} ({tag}) — {pred_quotes}", metrics)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
