"""The kind filter of ``store.quotes`` on SQLite: median milliseconds per page of 50, with and without the
date-index walk for common kinds, on a store of hand-built articles (no NLP; 4 attributions each, 70%
speech or writing).

    PYTHONPATH=src:. .venv/bin/python -m bench.quotes_kinds [--articles 5000] [--db /tmp/kinds-bench.db]
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from onrecord.store import Store, queries
from tests.store.articles import build_article

FILTERS = {"none": {}, "quotes only": {"kind": "speech,writing"}, "thought": {"kind": "thought"},
           "speaker + quotes only": {"speaker": "Person7 Name7", "kind": "speech,writing"}}


def build(path: Path, n: int) -> None:
    rng = random.Random(1)
    kinds = ["speech"] * 5 + ["writing"] * 2 + ["thought", "evidence", "intention"]
    names = [f"Person{i} Name{i}" for i in range(300)]
    articles = [
        build_article(f"a{i}", [(name, name, "said", f"statement {i} {j} about topic {rng.randint(0, 999)}")
                                for j, name in enumerate(rng.sample(names, 4))],
                      published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", kinds={j: rng.choice(kinds) for j in range(4)})
        for i in range(n)
    ]
    with Store.open(path) as store:
        store.add_articles(articles)


def median_ms(store: Store, filters: dict, runs: int = 20) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        store.quotes(limit=50, **filters)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/kinds-bench.db"))
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.articles)
    with Store.open(args.db) as store:
        print(f"{store.stats().attributions} attributions")
        default = queries.COMMON_SHARE
        for label, share in (("date-index walk for common kinds", default), ("kind index always", 1.0)):
            queries.COMMON_SHARE = share
            print(label, {name: median_ms(store, f) for name, f in FILTERS.items()})
        queries.COMMON_SHARE = default


if __name__ == "__main__":
    main()
