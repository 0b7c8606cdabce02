"""Start-up: the wall time of ``onrecord analyze`` on one short article, against loading spaCy and parsing it.

The article is the seed (``../shared/data/seed``) or, without it, the first bundled example. Each run is a
fresh ``python`` process: the baseline is ``import spacy; nlp = spacy.load(<pinned model>); nlp(text)``;
then ``python -c "import onrecord.cli"`` (imports only); then ``python -m onrecord analyze FILE --jsonl
/dev/null`` (imports, spaCy and the attribution model loaded, the article analysed and written). Runs
alternate, three of each, and the fastest counts (less noise from a shared machine).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

#: the issue's goal: ``onrecord analyze`` of one short article within this multiple of spaCy's load + parse
GOAL_RATIO = 1.3
REPO = Path(__file__).resolve().parents[1]


def _article(shared: Path) -> tuple[str, str, Path]:
    """(name, text, file) of the short article: the seed, else the first bundled example."""
    seed = shared / "data/seed/expected.jsonl"
    if seed.exists():
        record = json.loads(seed.read_text("utf-8").splitlines()[0])
        path = Path(tempfile.mkdtemp(prefix="onrecord-bench-startup-")) / "seed.txt"
        path.write_text(record["text"], "utf-8")
        return "the seed article", record["text"], path
    path = sorted((REPO / "examples/articles").glob("*.txt"))[0]
    return f"examples/articles/{path.name}", path.read_text("utf-8"), path


def _wall(argv: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def run(shared: Path, console: Console, repeats: int = 3) -> dict:
    from onrecord.spacy_model import base_model_name

    name, text, path = _article(shared)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    runs = {
        "python: import spacy; spacy.load(model); nlp(text)": [sys.executable, "-c", f"import spacy, sys; nlp = spacy.load({base_model_name()!r}); nlp(open(sys.argv[1], encoding='utf-8').read())", str(path)],
        "python -c 'import onrecord.cli' (imports only)": [sys.executable, "-c", "import onrecord.cli"],
        "onrecord analyze FILE --jsonl /dev/null": [sys.executable, "-m", "onrecord", "analyze", str(path), "--jsonl", os.devnull],
    }
    times: dict[str, list[float]] = {label: [] for label in runs}
    for _ in range(repeats):
        for label, argv in runs.items():
            times[label].append(_wall(argv, env))
    best = {label: min(t) for label, t in times.items()}
    base = best[next(iter(runs))]
    table = Table(title=f"start-up — {name}, {len(text.split()):,} words, fresh process each, best of {repeats}")
    for col in ("run", "seconds", "× spaCy load + parse"):
        table.add_column(col, justify="left" if col == "run" else "right")
    for label, seconds in best.items():
        table.add_row(label, f"{seconds:.2f}", f"{seconds / base:.2f}")
    console.print(table)
    ratio = best["onrecord analyze FILE --jsonl /dev/null"] / base
    verdict = "[green]within" if ratio <= GOAL_RATIO else "[red]over"
    console.print(f"ratio onrecord analyze / spaCy load + parse = {ratio:.2f} ({verdict} the goal of {GOAL_RATIO}×[/])")
    return {"article": name, "seconds": {label: round(s, 3) for label, s in best.items()}, "ratio": round(ratio, 3)}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    run(parser.parse_args().shared, Console())
