"""``make eval`` (time part): onrecord's time expressions against the TempEval-3 TBAQ gold (TimeBank + AQUAINT).

Each ``.tml`` file of ``../shared/data/tempeval3/{TimeBank,AQUAINT}`` is read as TempEval-3 reads it: the
text of ``<TEXT>`` with every tag stripped, the document creation time (``<DCT>``) as publication date,
and each non-empty ``<TIMEX3>`` as a gold expression. onrecord finds and normalises expressions in that
text; the figures follow TempEval-3 (UzZaman et al. 2013):

* **strict span** P/R/F1: an expression with exactly the gold boundaries;
* **relaxed span** P/R/F1: an expression found on any overlap (precision over predicted expressions that
  overlap a gold one, recall over gold expressions that some prediction overlaps);
* **type accuracy** and **value accuracy**: on the gold expressions found (relaxed), the share whose
  overlapping prediction (the one overlapping most) has the same type / value;
* **value F1**: P = found with the right value / predicted, R = the same / gold (TempEval-3's headline figure).

Run: ``python -m bench.eval_timex --shared ../shared`` (writes ``out/eval/timex-tbaq.json`` with every
miss and every wrong value, for reading errors by class). Texts stay in the shared folder: nothing of
them is copied into the project.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

OUT = Path("out/eval/timex-tbaq.json")
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None


@dataclass
class TmlDocument:
    id: str
    text: str
    dct: dt.date | None
    timexes: list[Gold] = field(default_factory=list)


def read_tml(path: Path) -> TmlDocument:
    """The stripped text of ``<TEXT>``, its DCT and its TIMEX3 expressions with character offsets into that text."""
    raw = path.read_text("utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", raw)
    dct = dt.date.fromisoformat(dct_match.group(1)) if dct_match else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict] | None = None
    timexes: list[Gold] = []
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
        if name != "TIMEX3":
            continue
        if not closing and not tag.group(4):
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif closing and open_timex is not None:
            start, a = open_timex
            open_timex = None
            if length > start:
                timexes.append(Gold(start, length, "", a.get("type", ""), a.get("value"), a.get("mod")))
    parts.append(html.unescape(body[position:]))
    text = "".join(parts)
    for g in timexes:
        g.text = text[g.start : g.end]
    return TmlDocument(path.stem, text, dct, timexes)


def read_corpus(folder: Path) -> list[TmlDocument]:
    return [read_tml(p) for sub in ("TimeBank", "AQUAINT") for p in sorted((folder / sub).glob("*.tml"))]


def predict(docs: list[TmlDocument], cache: Path | None = None) -> dict[str, list]:
    """onrecord's time expressions of every document, parsed as ``onrecord timex`` parses them."""
    from onrecord.time import find_time_expressions
    from onrecord.nlp import load_parser
    from onrecord.nlp import make_doc

    nlp = load_parser()
    texts = [d.text for d in docs]
    if cache is not None:
        from onrecord.train.data import parse_cached

        parsed = parse_cached(nlp, texts, cache)
    else:
        parsed = nlp.pipe(make_doc(nlp, d.text, d.dct) for d in docs)
    return {d.id: find_time_expressions(doc, d.dct) for d, doc in zip(docs, parsed)}


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _prf(hits_p: int, pred: int, hits_r: int, gold: int) -> dict:
    p = hits_p / pred if pred else 0.0
    r = hits_r / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(docs: list[TmlDocument], predictions: dict[str, list]) -> dict:
    """TempEval-3's span, type and value figures (see the module docstring), with the errors listed."""
    n_gold = n_pred = strict = relaxed_p = relaxed_r = type_ok = value_ok = 0
    errors: list[dict] = []
    for d in docs:
        pred = predictions.get(d.id, [])
        n_gold += len(d.timexes)
        n_pred += len(pred)
        relaxed_p += sum(1 for t in pred if any(_overlap(t.span.start, t.span.end, g.start, g.end) for g in d.timexes))
        for t in pred:
            if not any(_overlap(t.span.start, t.span.end, g.start, g.end) for g in d.timexes):
                errors.append({"doc": d.id, "kind": "spurious", "start": t.span.start, "text": t.span.text, "type": t.type, "value": t.value})
        for g in d.timexes:
            overlapping = [t for t in pred if _overlap(t.span.start, t.span.end, g.start, g.end)]
            if not overlapping:
                errors.append({"doc": d.id, "kind": "missed", "start": g.start, "gold": g.text, "type": g.type, "value": g.value})
                continue
            relaxed_r += 1
            t = max(overlapping, key=lambda t: _overlap(t.span.start, t.span.end, g.start, g.end))
            strict += (t.span.start, t.span.end) == (g.start, g.end)
            type_ok += t.type == g.type
            value_ok += t.value == g.value
            if t.type != g.type or t.value != g.value:
                errors.append({"doc": d.id, "kind": "wrong", "start": g.start, "gold": g.text, "found": t.span.text, "gold_type": g.type,
                               "type": t.type, "gold_value": g.value, "value": t.value, "dct": d.dct.isoformat() if d.dct else None})
    return {
        "documents": len(docs), "gold": n_gold, "predicted": n_pred,
        "strict_span": _prf(strict, n_pred, strict, n_gold),
        "relaxed_span": _prf(relaxed_p, n_pred, relaxed_r, n_gold),
        "type_accuracy": type_ok / relaxed_r if relaxed_r else 0.0,
        "value_accuracy": value_ok / relaxed_r if relaxed_r else 0.0,
        "value": _prf(value_ok, n_pred, value_ok, n_gold),
        "errors": errors,
    }


def print_scores(console: Console, result: dict, title: str) -> None:
    table = Table(title=title, title_justify="left")
    for col in ("measure", "P", "R", "F1 / accuracy"):
        table.add_column(col, justify="left" if col == "measure" else "right")
    for name in ("strict_span", "relaxed_span", "value"):
        row = result[name]
        table.add_row(f"{name.replace('_', ' ')} F1" if name != "value" else "value F1", f"{row['precision']:.3f}", f"{row['recall']:.3f}",
                      f"{row['f1']:.3f}", style="bold" if name == "value" else None)
    table.add_row("type accuracy (found)", "", "", f"{result['type_accuracy']:.3f}")
    table.add_row("value accuracy (found)", "", "", f"{result['value_accuracy']:.3f}")
    console.print(table)


def main(argv=None) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--cache", action="store_true", help="reuse cached parses under var/cache (development)")
    args = parser.parse_args(argv)
    console = Console()
    folder = args.shared / "data/tempeval3"
    if not (folder / "TimeBank").is_dir():
        console.print(f"[yellow]{folder} not found: the TempEval-3 measure is skipped")
        return None
    docs = read_corpus(folder)
    predictions = predict(docs, Path("var/cache/tempeval3-tbaq.spacy") if args.cache else None)
    result = score(docs, predictions)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1, ensure_ascii=False), "utf-8")
    print_scores(console, result, f"time expressions, TempEval-3 TBAQ ({result['documents']} documents, {result['gold']} TIMEX3) — {OUT}")
    return result


if __name__ == "__main__":
    main()
