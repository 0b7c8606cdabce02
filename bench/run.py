"""``make bench``: each section measures against a baseline taken in the same run and reports ratios.

A section is a module under ``bench/`` with ``run(shared: Path, console) -> dict``; add new ones to SECTIONS.
"""
from __future__ import annotations

import argparse
import importlib
import json
from pathlib import Path

from rich.console import Console

SECTIONS = ["bench.analyze", "bench.profile_stages", "bench.startup", "bench.serve", "bench.load", "bench.ingest", "bench.roles", "bench.model", "bench.spark"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--only", action="append", help="run only these sections (e.g. bench.analyze)")
    parser.add_argument("--json", type=Path, help="also write all figures here")
    args = parser.parse_args(argv)
    console = Console()
    results = {}
    for name in args.only or SECTIONS:
        console.rule(name)
        results[name] = importlib.import_module(name).run(args.shared, console)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
