"""List GGT dev false positives and false negatives (content matching at the GGT threshold) with
context, so error classes can be counted.  Development aid; reads the prediction files that
``python -m bench.eval --only ggt`` writes.

    python -m bench.ggt_errors --shared ../shared [--tag full] > /tmp/ggt-errors.txt
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.eval_ggt import OUT, THRESHOLD


def _text(text: str, spans) -> str:
    return " | ".join(text[s:e] for s, e in spans).replace("\n", " ⏎ ")


def main(argv=None) -> int:
    from bench.eval import load_scorer

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--tag", default="full")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.shared)
    gold_docs = scorer.load_gold(args.shared / "data/ggt-dev/gold.jsonl")
    every = {r["id"]: r["attributions"] for r in scorer.read_jsonl(OUT / f"ggt-dev-{args.tag}.jsonl")}
    quotes = {r["id"]: r["attributions"] for r in scorer.read_jsonl(OUT / f"ggt-dev-quotes-{args.tag}.jsonl")}
    for doc_id, doc in gold_docs.items():
        text, tokens = doc["text"], scorer.tokenize(doc["text"])
        gold_raw = [a for a in doc["attributions"]]
        pred_raw = quotes.get(doc_id, [])
        gold = scorer.as_token_attrs(tokens, gold_raw)
        pred = scorer.as_token_attrs(tokens, pred_raw)
        all_raw = every.get(doc_id, [])
        every_tok = scorer.as_token_attrs(tokens, all_raw)
        matched = scorer.match(pred, gold, THRESHOLD)
        mp = {id(p) for p, _ in matched}
        mg = {id(g) for _, g in matched}
        for p, raw in zip(pred, pred_raw):
            if id(p) in mp:
                continue
            over = [g for g in gold if g["content"] & p["content"]]
            tag = f"overlaps {len(over)} gold" if over else "no gold"
            print(f"FP\t{doc_id}\t{raw.get('kind')}\t{raw.get('type')}\t{raw.get('origin')}\tcue={raw.get('cue_text')!r}\t{tag}\n   {_text(text, raw['content'])[:300]}")
        for g, raw in zip(gold, gold_raw):
            if id(g) in mg:
                continue
            others = [(a, r) for a, r in zip(every_tok, all_raw) if a["content"] & g["content"]]
            others += [(a, r) for a, r in zip(pred, pred_raw) if a["content"] & g["content"] and id(a) in mp]
            why = "; ".join(f"{r.get('kind')}/{r.get('cue_text')!r} dice={scorer.dice(a['content'], g['content']):.2f}" for a, r in others) or "nothing predicted"
            cue = _text(text, raw.get("cue", []))
            print(f"FN\t{doc_id}\tcue={cue!r}\t{why}\n   {_text(text, raw['content'])[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
