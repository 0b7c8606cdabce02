"""Before and after a restructuring: analysis speed against the bare parse, and byte-identical outputs.

A restructuring (issue 13) must change no output and not slow the analysis. Two commits' code cannot be
imported in one process (both are ``onrecord``), so each side runs in a process of its own, with
``PYTHONPATH`` at that commit's ``src`` (a detached ``git worktree`` under the temporary folder) and this
venv. In one run:

- ``speed``: one worker process per side loads its pipeline once; the parent asks them in turn, rotating
  the order each round, to analyse the same PolNeAR dev texts; the "after" worker also times the bare
  parse (``load_base`` and ``nlp.pipe``). The fastest round of each counts; CPU seconds (less moved by the
  other processes of a shared machine) are reported beside wall seconds, and so is the load average.
  With ``--above``, each side also times its ``onrecord`` component alone on the texts parsed beforehand
  (fresh ``Doc`` objects from one ``DocBin`` each pass): the stages above the parse, without the parse's noise.
- ``same``: ``onrecord analyze --jsonl`` of PolNeAR dev (a JSONL input with each article's publication date,
  so that ``said_on`` is exercised) and of the seed article, at each commit; the files are compared byte for
  byte.

``python -m bench.before_after speed --before 096d906`` (``--after`` defaults to this working tree);
``python -m bench.before_after same 9d4dbe2..a850b3c 096d906..b975cfa`` (each stretch compared byte for byte).
``python -m bench.run --only bench.before_after`` runs the speed part with its defaults. It is left out of
``make bench``'s default sections, since it checks out another commit.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
#: main just before the first commit of issue 13's component restructuring (1a0a063, branch wt-arch)
DEFAULT_BEFORE = "096d906"
SEED_PUBLISHED = "2025-04-22"


# ------------------------------------------------------------------ the code of a commit


def source_tree(rev: str | None) -> Path:
    """The ``src`` folder of ``rev``'s code: this working tree's for ``None``, else a detached worktree."""
    if rev is None:
        return REPO / "src"
    full = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()
    tree = Path(tempfile.gettempdir()) / f"onrecord-rev-{full[:12]}"
    if not (tree / "src/onrecord").is_dir():
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), full], cwd=REPO, check=True, capture_output=True)
    return tree / "src"


def _env(src: Path) -> dict:
    # one BLAS thread on every side alike (`onrecord analyze` sets it itself since the speed work; older commits do not)
    return dict(os.environ, PYTHONPATH=str(src), OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")


def _this_tree() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    return f"this tree ({head}{' + changes' if dirty else ''})"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# ------------------------------------------------------------------ speed


def _worker(files: list[str], with_bare: bool) -> None:
    """In a child process: load this side's pipeline, then answer ``full`` / ``bare`` / ``above`` with timed passes
    (``above``: the ``onrecord`` component alone on the texts parsed beforehand, the stages above the parse)."""
    import importlib

    import onrecord
    from onrecord.nlp import load_base
    from onrecord.pipeline import analyze_raws
    from onrecord.types import RawArticle

    # this process may run an older commit's code: load_nlp was in onrecord.nlp before the component restructuring
    pipeline = importlib.import_module("onrecord.pipeline")
    load_nlp = getattr(pipeline, "load_nlp", None) or importlib.import_module("onrecord.nlp").load_nlp

    raws = [RawArticle(id=Path(f).stem, text=Path(f).read_text("utf-8")) for f in files]
    texts = [r.text for r in raws]
    full = load_nlp()
    list(analyze_raws(raws[:2], full))  # lazy loading and first-call allocations outside the timings
    bare = load_base() if with_bare else None
    if bare is not None:
        list(bare.pipe(texts[:2]))

    def timed(work) -> dict:
        t0, c0 = time.perf_counter(), time.process_time()
        work()
        return {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0}

    parsed = []  # the texts parsed without onrecord's component, as one DocBin: made at the first ``above``

    def above_docs() -> list:
        from spacy.tokens import DocBin

        if not parsed:
            parsed.append(DocBin(docs=list(full.pipe(texts, batch_size=16, disable=["onrecord"]))).to_bytes())
        # fresh Doc objects for every pass (the component keeps what it found once per document on the Doc)
        return list(DocBin().from_bytes(parsed[0]).get_docs(full.vocab))

    passes = {
        "full": lambda: [None for _ in analyze_raws(raws, full, batch_size=16)],
        "bare": lambda: [None for _ in bare.pipe(texts, batch_size=16)],
    }
    print(json.dumps({"ready": onrecord.__file__}), flush=True)
    for line in sys.stdin:
        what = line.strip()
        if what == "above":
            docs = above_docs()  # outside the timing
            work = lambda: [None for _ in full.get_pipe("onrecord").pipe(iter(docs), batch_size=16)]  # noqa: E731
        else:
            work = passes[what]
        print(json.dumps(timed(work)), flush=True)


class _Side:
    def __init__(self, label: str, src: Path, files: list[Path], with_bare: bool):
        argv = [sys.executable, "-m", "bench.before_after", "worker", *map(str, files)] + ["--bare"] * with_bare
        self.label = label
        self.proc = subprocess.Popen(argv, cwd=REPO, env=_env(src), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.loaded_from = json.loads(self.proc.stdout.readline())["ready"]

    def ask(self, what: str) -> dict:
        self.proc.stdin.write(what + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def measure_speed(shared: Path, console: Console, before: str = DEFAULT_BEFORE, after: str | None = None, rounds: int = 3, limit: int | None = None,
                  above: bool = False) -> dict:
    """Wall and CPU seconds of the bare parse and of both sides' analysis, same texts, alternating (``above``: also
    each side's ``onrecord`` component alone on the texts parsed beforehand, the part above the parse)."""
    files = sorted((shared / "data/polnear/dev/text").glob("*.txt"))[:limit]
    if not files:
        console.print(f"[yellow]skipped: no PolNeAR dev texts under {shared}")
        return {"skipped": "no PolNeAR dev texts"}
    labels = {"after": after or _this_tree(), "before": before}
    load_at_start = load_average()
    sides = {"after": _Side("after", source_tree(after), files, True), "before": _Side("before", source_tree(before), files, False)}
    jobs = [("bare", "after", "bare"), ("after", "after", "full"), ("before", "before", "full")]
    if above:
        jobs += [("after above", "after", "above"), ("before above", "before", "above")]
    times: dict[str, list[dict]] = {name: [] for name, _, _ in jobs}
    try:
        for r in range(rounds):
            for name, side, what in jobs[r % len(jobs) :] + jobs[: r % len(jobs)]:  # rotate the order: drift of the load hits all alike
                times[name].append(sides[side].ask(what))
    finally:
        for side in sides.values():
            side.close()
    best = {name: {k: min(t[k] for t in runs) for k in ("wall", "cpu")} for name, runs in times.items()}
    # each round's ratios too: the three passes of a round ran close together, under about the same load
    per_round = [{side: round(times[side][r]["cpu"] / times["bare"][r]["cpu"], 3) for side in ("after", "before")} for r in range(rounds)]
    table = Table(title=f"analysis before/after — PolNeAR dev, {len(files)} articles, best of {rounds}")
    for col in ("run", "code", "wall s", "cpu s", "wall / bare", "cpu / bare"):
        table.add_column(col, justify="left" if col in ("run", "code") else "right")
    code = {name: labels["before" if side == "before" else "after"] for name, side, _ in jobs}
    for name, b in best.items():
        table.add_row(name, code[name], f"{b['wall']:.2f}", f"{b['cpu']:.2f}", f"{b['wall'] / best['bare']['wall']:.3f}", f"{b['cpu'] / best['bare']['cpu']:.3f}")
    console.print(table)
    console.print("CPU ratios per round (after, before): " + "; ".join(f"{r['after']:.3f}, {r['before']:.3f}" for r in per_round))
    console.print(f"load average at start {load_at_start}, at end {load_average()} ({os.cpu_count()} cores; timings on a shared machine are noisy)")
    return {
        "before": before,
        "after": labels["after"],
        "articles": len(files),
        "rounds": rounds,
        "seconds": {name: {k: round(v, 3) for k, v in b.items()} for name, b in best.items()},
        "ratio_after": round(best["after"]["wall"] / best["bare"]["wall"], 3),
        "ratio_before": round(best["before"]["wall"] / best["bare"]["wall"], 3),
        "cpu_ratio_after": round(best["after"]["cpu"] / best["bare"]["cpu"], 3),
        "cpu_ratio_before": round(best["before"]["cpu"] / best["bare"]["cpu"], 3),
        "cpu_ratios_per_round": per_round,
        "load_average": [load_at_start, load_average()],
    }


def run(shared: Path, console: Console) -> dict:
    """``bench.run`` section: the speed part with its defaults (this tree against :data:`DEFAULT_BEFORE`)."""
    return measure_speed(shared, console)


# ------------------------------------------------------------------ same output


def write_inputs(shared: Path, folder: Path) -> dict[str, Path]:
    """PolNeAR dev as JSONL with publication dates, and the seed article, as ``analyze`` inputs."""
    from bench.eval import polnear_dates

    folder.mkdir(parents=True, exist_ok=True)
    dates = polnear_dates(shared)
    polnear = folder / "polnear-dev.jsonl"
    with polnear.open("w", encoding="utf-8") as out:
        for f in sorted((shared / "data/polnear/dev/text").glob("*.txt")):
            published = dates.get(f.stem)
            record = {"id": f.stem, "text": f.read_text("utf-8"), "published": published.isoformat() if published else None}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    seed = folder / "seed.txt"
    seed.write_text((shared / "data/seed/article.txt").read_text("utf-8"), "utf-8")
    return {"polnear": polnear, "seed": seed}


def analyze_at(rev: str | None, inputs: dict[str, Path], out_dir: Path) -> dict[str, str]:
    """sha256 of ``onrecord analyze --jsonl`` of each input with ``rev``'s code."""
    src, digests = source_tree(rev), {}
    for name, path in inputs.items():
        out = out_dir / f"{name}-{rev or 'tree'}.jsonl"
        extra = ["--published", SEED_PUBLISHED] if name == "seed" else []
        argv = [sys.executable, "-m", "onrecord", "analyze", str(path), "--jsonl", str(out), *extra]
        subprocess.run(argv, cwd=out_dir, env=_env(src), check=True, stdout=subprocess.DEVNULL)
        digests[name] = hashlib.sha256(out.read_bytes()).hexdigest()
    return digests


def compare_outputs(shared: Path, console: Console, stretches: list[str]) -> dict:
    """Analyse at each commit once (``tree``: this working tree) and compare each ``before..after`` stretch byte for byte."""
    pairs = [tuple(stretch.split("..", 1)) for stretch in stretches]
    if any(len(pair) != 2 for pair in pairs):
        raise SystemExit(f"give stretches as BEFORE..AFTER, not {stretches}")
    out_dir = Path(tempfile.mkdtemp(prefix="onrecord-same-"))
    inputs = write_inputs(shared, out_dir / "in")
    digests: dict[str, dict[str, str]] = {}
    for rev in dict.fromkeys(rev for pair in pairs for rev in pair):
        console.print(f"analysing at {rev} …")
        digests[rev] = analyze_at(None if rev == "tree" else rev, inputs, out_dir)
    table = Table(title=f"analyze --jsonl byte for byte (outputs in {out_dir})")
    for col in ("before..after", *(f"{name} output" for name in inputs)):
        table.add_column(col)
    same = {}
    for before, after in pairs:
        same[f"{before}..{after}"] = {name: digests[before][name] == digests[after][name] for name in inputs}
        table.add_row(f"{before}..{after}", *("identical" if ok else "[red]differs" for ok in same[f"{before}..{after}"].values()))
    console.print(table)
    identical = all(all(v.values()) for v in same.values())
    return {"out_dir": str(out_dir), "sha256": digests, "same": same, "identical": identical}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="part", required=True)
    speed = sub.add_parser("speed", help="the bare parse and both sides' analysis, alternating")
    speed.add_argument("--before", default=DEFAULT_BEFORE)
    speed.add_argument("--after", default=None, help="a commit (default: this working tree)")
    speed.add_argument("--rounds", type=int, default=3)
    speed.add_argument("--limit", type=int, default=None, help="only the first N texts")
    speed.add_argument("--above", action="store_true", help="also time each side's onrecord component alone on texts parsed beforehand")
    same = sub.add_parser("same", help="analyze --jsonl before and after each stretch of commits, compared byte for byte")
    same.add_argument("stretches", nargs="+", help="BEFORE..AFTER commits ('tree': this working tree)")
    worker = sub.add_parser("worker")
    worker.add_argument("files", nargs="+")
    worker.add_argument("--bare", action="store_true")
    for part in (speed, same):
        part.add_argument("--shared", type=Path, default=Path("../shared"))
        part.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.part == "worker":
        _worker(args.files, args.bare)
        return 0
    console = Console()
    if args.part == "speed":
        result = measure_speed(args.shared.resolve(), console, args.before, args.after, args.rounds, args.limit, args.above)
    else:
        result = compare_outputs(args.shared.resolve(), console, args.stretches)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0 if result.get("identical", True) else 1


if __name__ == "__main__":
    raise SystemExit(main())
