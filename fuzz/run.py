"""``make fuzz``: atheris (libFuzzer, coverage-guided) over the readers and the analysis, then a long API run.

Each target runs in its own process for ``--seconds`` (or ``--runs`` inputs), from the hand-written seeds of
:mod:`fuzz.seeds`; the report gives inputs run, time, and every crash with the file holding its input
(``var/fuzz/<target>/crash-*``). A crash stops its target (libFuzzer's way); make its minimal input a test in
``tests/test_fuzz_regressions.py`` and run again. ``--api-examples`` sets the schemathesis run's examples per
operation (``tests/serve/test_fuzz_api.py``; 25 in ``make test``).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGETS = ("readers", "analysis")


def worker(target: str, libfuzzer_args: list[str]) -> None:
    """Inside the fuzzing process: instrument onrecord's modules, then hand the target to libFuzzer."""
    import atheris

    with atheris.instrument_imports(include=["onrecord"]):
        import onrecord.ingest  # noqa: F401
        import onrecord.pipeline  # noqa: F401
        import onrecord.serialize  # noqa: F401
        from onrecord.pipeline import load_nlp

        from . import targets

        nlp = load_nlp() if target == "analysis" else None  # the component's modules are imported here

    if target == "readers":
        def one_input(data: bytes) -> None:
            targets.read_bytes(data)
    else:
        def one_input(data: bytes) -> None:
            targets.analyze_bytes(data, nlp)

    atheris.Setup([sys.argv[0], *libfuzzer_args], one_input)
    atheris.Fuzz()


def run_target(target: str, seconds: int, runs: int, out: Path) -> dict:
    """One libFuzzer process; its inputs, time and crash parsed from its log."""
    from .seeds import analysis_seeds, reader_seeds

    corpus = out / target / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(reader_seeds() if target == "readers" else analysis_seeds()):
        (corpus / f"seed-{i:03d}").write_bytes(seed)
    args = [f"-max_total_time={seconds}", f"-artifact_prefix={out / target}/", "-timeout=30", "-rss_limit_mb=4096",
            "-max_len=8192", "-print_final_stats=1"]
    if runs:
        args.append(f"-runs={runs}")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO), os.environ.get("PYTHONPATH", "")])}
    started = time.monotonic()
    log = out / target / "fuzz.log"
    with open(log, "w") as handle:
        code = subprocess.call([sys.executable, "-m", "fuzz.run", "--worker", target, "--", *args, str(corpus)],
                               cwd=REPO, env=env, stdout=handle, stderr=subprocess.STDOUT)
    elapsed = time.monotonic() - started
    text = log.read_text(errors="replace")
    done = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text) or re.findall(r"Done (\d+) runs", text)
    written = re.findall(r"Test unit written to (\S+)", text)
    crashes = [path for path in written if "/slow-unit-" not in path]  # crash-, timeout-, oom-, leak-
    slow = re.search(r"stat::slowest_unit_time_sec:\s*(\d+)", text)
    error = re.search(r"=== Uncaught Python exception: ===\n(.*?)\n(?=\S*Traceback|\n)", text, re.S)
    return {
        "target": target,
        "inputs": int(done[-1]) if done else None,
        "seconds": round(elapsed, 1),
        "exit": code,
        "crashes": crashes,
        "slowest_seconds": int(slow.group(1)) if slow else None,  # libFuzzer keeps inputs over 10 s as slow-unit-*
        "slow_units": [path for path in written if "/slow-unit-" in path],
        "error": error.group(1).strip() if error else None,
        "log": str(log),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worker", choices=TARGETS, help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=int, default=180, help="time per target (default 180)")
    parser.add_argument("--runs", type=int, default=0, help="stop a target after this many inputs (0: only time)")
    parser.add_argument("--targets", default=",".join(TARGETS), help="readers,analysis")
    parser.add_argument("--out", type=Path, default=REPO / "var" / "fuzz")
    parser.add_argument("--api-examples", type=int, default=200, help="schemathesis examples per operation (0: skip)")
    args, rest = parser.parse_known_args(argv)
    if args.worker:
        worker(args.worker, [a for a in rest if a != "--"])
        return 0
    results = [run_target(t, args.seconds, args.runs, args.out) for t in args.targets.split(",") if t]
    failed = False
    for r in results:
        crashed = bool(r["crashes"]) or r["exit"] != 0
        failed |= crashed
        rate = f"{r['inputs'] / r['seconds']:.0f}/s" if r["inputs"] else "?"
        print(f"fuzz {r['target']}: {r['inputs']} inputs in {r['seconds']} s ({rate}), "
              f"{'CRASH ' + ', '.join(r['crashes']) + ': ' + (r['error'] or 'see ' + r['log']) if crashed else 'no crash'}; "
              f"slowest input {r['slowest_seconds']} s" + (f" ({', '.join(r['slow_units'])})" if r["slow_units"] else ""))
    print(f"fuzz total: {sum(r['inputs'] or 0 for r in results)} inputs, {sum(r['seconds'] for r in results):.0f} s")
    if args.api_examples:
        env = {**os.environ, "ONRECORD_FUZZ_EXAMPLES": str(args.api_examples), "PYTHONPATH": str(REPO / "src")}
        started = time.monotonic()
        code = subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "tests/serve/test_fuzz_api.py"], cwd=REPO, env=env)
        print(f"fuzz api: schemathesis, {args.api_examples} examples per operation and mode, "
              f"{time.monotonic() - started:.0f} s, {'passed' if code == 0 else 'FAILED'}")
        failed |= code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
