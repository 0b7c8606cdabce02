"""``make eval`` (claims part): the claim stage scored on hand-written test sets.

The sets live in ``tests/fixtures/claims/`` and were written for onrecord (invented sentences, each
with its expected reading):

* ``timex.jsonl``: time expressions with a publication date and the expected TIMEX3 type + value
  (exact-value accuracy: a gold expression counts when an overlapping predicted expression has the
  same type and value; mods are reported separately); ``timex_negatives.jsonl``: sentences with no
  time expression (false alarms are counted).
* ``stance.jsonl``: an attribution (cue and content given as strings of the sentence) with the expected
  stance, certainty and negation.
* ``quantities.jsonl`` and ``verification.jsonl``: smaller sets for number normalisation and
  verification-note linking.

Run: ``python -m bench.eval_claims`` (prints a table, writes ``out/eval/claims.json``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "claims"
FLOORS = Path(__file__).resolve().parent / "eval_claims_floor.json"
OUT = Path("out/eval/claims.json")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


class Parser:
    """The bare spaCy pipeline, each distinct text parsed once."""

    def __init__(self):
        from onrecord.nlp import load_base

        self.nlp = load_base()
        self.cache: dict[str, object] = {}

    def __call__(self, text: str):
        if text not in self.cache:
            self.cache[text] = self.nlp(text)
        return self.cache[text]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def score_timex(parse: Parser, path: Path = FIXTURES / "timex.jsonl") -> dict:
    """Exact type+value accuracy over the gold expressions of ``timex.jsonl``."""
    from onrecord.time import find_time_expressions

    cases = read_jsonl(path)
    correct = found = mod_right = mod_cases = 0
    errors = []
    by_group: dict[str, list[int]] = {}
    for case in cases:
        doc = parse(case["text"])
        start = case["text"].index(case["expression"])
        end = start + len(case["expression"])
        predicted = [t for t in find_time_expressions(doc, _date(case["published"])) if t.span.start < end and start < t.span.end]
        hit = next((t for t in predicted if t.type == case["type"] and t.value == case["value"]), None)
        found += bool(predicted)
        group = by_group.setdefault(case["group"], [0, 0])
        group[1] += 1
        if hit is not None:
            correct += 1
            group[0] += 1
            if case.get("mod") or hit.mod:
                mod_cases += 1
                mod_right += hit.mod == case.get("mod")
        else:
            got = [(t.span.text, t.type, t.value, t.mod) for t in predicted]
            errors.append({"id": case["id"], "text": case["text"], "expression": case["expression"], "expected": [case["type"], case["value"]], "got": got})
    negatives = read_jsonl(path.with_name("timex_negatives.jsonl"))
    false_alarms = []
    for case in negatives:
        for t in find_time_expressions(parse(case["text"]), _date(case["published"])):
            false_alarms.append({"id": case["id"], "text": t.span.text, "value": t.value})
    return {
        "cases": len(cases),
        "accuracy": correct / len(cases),
        "found": found / len(cases),
        "mod_accuracy": mod_right / mod_cases if mod_cases else None,
        "by_group": {g: round(c / n, 3) for g, (c, n) in sorted(by_group.items())},
        "negatives": len(negatives),
        "false_alarms": len(false_alarms),
        "errors": errors,
        "false_alarm_list": false_alarms,
    }


def attribution_for(text: str, cue: str, content: str, source: str | None = None, cue_nth: int | None = None):
    """An :class:`~onrecord.types.Attribution` over ``text`` with the given cue/content/source strings.

    ``cue_nth`` picks the n-th occurrence of the cue string (1-based); by default the cue and source are
    the occurrences nearest to the content.
    """
    from onrecord.types import Attribution, AttributionType, Span

    anchor = text.index(content)

    def span(part: str | None, nth: int | None = None) -> tuple[Span, ...]:
        if not part:
            return ()
        starts, at = [], text.find(part)
        while at >= 0:
            starts.append(at)
            at = text.find(part, at + 1)
        if part == content:
            start = anchor
        elif nth is not None:
            start = starts[nth - 1]
        else:
            start = min(starts, key=lambda s: (s <= anchor < s + len(part), abs(s - anchor)))
        return (Span.of(text, start, start + len(part)),)

    kind = AttributionType.DIRECT if content[:1] in "“\"‘'" else AttributionType.INDIRECT
    lemma = cue.split()[0].lower()
    return Attribution(source=span(source), cue=span(cue, cue_nth), content=span(content), type=kind, cue_lemma=lemma, confidence=1.0)


def score_stance(parse: Parser, path: Path = FIXTURES / "stance.jsonl") -> dict:
    """Accuracy of stance, certainty, negation and all three together on ``stance.jsonl``."""
    from onrecord.claims.certainty import certainty_of
    from onrecord.claims.stance import stance_of

    cases = read_jsonl(path)
    right = {"stance": 0, "certainty": 0, "negated": 0, "all": 0}
    errors = []
    for case in cases:
        doc = parse(case["text"])
        attribution = attribution_for(case["text"], case["cue"], case["content"], case.get("source"), case.get("cue_nth"))
        stance = stance_of(doc, attribution)
        certainty, _ = certainty_of(doc, attribution, stance)
        got = {"stance": stance.stance, "certainty": certainty, "negated": stance.negated}
        ok = {k: got[k] == case[k] for k in ("stance", "certainty", "negated")}
        for k, v in ok.items():
            right[k] += v
        right["all"] += all(ok.values())
        if not all(ok.values()):
            errors.append({"id": case["id"], "text": case["text"], "expected": {k: case[k] for k in got}, "got": got})
    n = len(cases)
    return {"cases": n, **{f"{k}_accuracy": v / n for k, v in right.items()}, "errors": errors}


def score_quantities(parse: Parser, path: Path = FIXTURES / "quantities.jsonl") -> dict:
    """A case is right when a quantity overlapping the expected text has its value, upper, unit and qualifier."""
    from onrecord.claims.quantities import find_quantities
    from onrecord.types import Span

    cases = read_jsonl(path)
    correct = 0
    errors = []
    for case in cases:
        doc = parse(case["text"])
        whole = (Span.of(case["text"], 0, len(case["text"])),)
        start = case["text"].index(case["expression"])
        end = start + len(case["expression"])
        got = [q for q in find_quantities(doc, whole) if q.span.start < end and start < q.span.end]
        want = (case["value"], case.get("upper"), case.get("unit"), case.get("qualifier"))
        if any((q.value, q.upper, q.unit, q.qualifier) == want for q in got):
            correct += 1
        else:
            errors.append({"id": case["id"], "text": case["text"], "expected": want, "got": [(q.span.text, q.value, q.upper, q.unit, q.qualifier) for q in got]})
    return {"cases": len(cases), "accuracy": correct / len(cases) if cases else None, "errors": errors}


def score_verification(parse: Parser, path: Path = FIXTURES / "verification.jsonl") -> dict:
    """Each case: a short article, its attributions, the expected verification status of each."""
    from onrecord.claims.verification import find_verification_notes, link_verification

    cases = read_jsonl(path)
    right = total = 0
    errors = []
    for case in cases:
        doc = parse(case["text"])
        attributions = [attribution_for(case["text"], a["cue"], a["content"], a.get("source")) for a in case["attributions"]]
        notes = find_verification_notes(doc)
        links = link_verification(doc, notes, attributions)
        for i, a in enumerate(case["attributions"]):
            total += 1
            v = links.get(i)
            got = [v.status, sorted(v.by)] if v else [None, []]
            want = [a.get("status"), sorted(a.get("by", []))]
            if got == want:
                right += 1
            else:
                errors.append({"id": case["id"], "cue": a["cue"], "expected": want, "got": got})
    return {"cases": len(cases), "claims": total, "accuracy": right / total if total else None, "errors": errors}


def evaluate() -> dict:
    """Every claim test set, scored."""
    parse = Parser()
    return {
        "timex": score_timex(parse),
        "timex_heldout": score_timex(parse, FIXTURES / "timex_heldout.jsonl"),
        "stance": score_stance(parse),
        "stance_heldout": score_stance(parse, FIXTURES / "stance_heldout.jsonl"),
        "quantities": score_quantities(parse),
        "verification": score_verification(parse),
    }


def below_floor(results: dict) -> list[str]:
    """The measures under their recorded floor (``bench/eval_claims_floor.json``)."""
    floors = json.loads(FLOORS.read_text("utf-8"))
    failures = []
    for name, measures in floors.items():
        if name.startswith("_"):
            continue
        for measure, floor in measures.items():
            if results[name][measure] < floor:
                failures.append(f"{name}/{measure} = {results[name][measure]:.3f} < floor {floor}")
    return failures


def print_report(results: dict, console: Console, show_errors: bool = False) -> None:
    table = Table(title="claims: hand-written test sets (tests/fixtures/claims)", title_justify="left")
    table.add_column("set")
    table.add_column("cases", justify="right")
    table.add_column("measure")
    table.add_column("value", justify="right")
    t, s, q, v = results["timex"], results["stance"], results["quantities"], results["verification"]
    th, sh = results["timex_heldout"], results["stance_heldout"]
    table.add_row("time expressions", str(t["cases"]), "exact type+value", f"{t['accuracy']:.3f}")
    table.add_row("", "", "mod (where given)", f"{t['mod_accuracy']:.3f}" if t["mod_accuracy"] is not None else "—")
    table.add_row("", str(t["negatives"]), "false alarms on negatives", str(t["false_alarms"]))
    table.add_row("time expressions, held out", str(th["cases"]), "exact type+value", f"{th['accuracy']:.3f}")
    for key in ("stance", "certainty", "negated", "all"):
        table.add_row("stance/certainty" if key == "stance" else "", str(s["cases"]) if key == "stance" else "", key, f"{s[key + '_accuracy']:.3f}")
    table.add_row("stance/certainty, held out", str(sh["cases"]), "all three right", f"{sh['all_accuracy']:.3f}")
    table.add_row("quantities", str(q["cases"]), "value+upper+unit+qualifier", f"{q['accuracy']:.3f}")
    table.add_row("verification", f"{v['cases']} ({v['claims']} claims)", "status+by per claim", f"{v['accuracy']:.3f}")
    console.print(table)
    if show_errors:
        for name in ("timex", "timex_heldout", "stance", "stance_heldout", "quantities", "verification"):
            for error in results[name]["errors"]:
                console.print(f"[red]{name}[/red] {json.dumps(error, ensure_ascii=False)}", highlight=False, soft_wrap=True)
        for alarm in results["timex"]["false_alarm_list"]:
            console.print(f"[red]false alarm[/red] {alarm}", highlight=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    console = Console()
    results = evaluate()
    print_report(results, console, show_errors=args.errors)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")
    for failure in below_floor(results):
        console.print(f"[red]below floor[/red] {failure}")


if __name__ == "__main__":
    main()
