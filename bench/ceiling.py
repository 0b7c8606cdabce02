"""What two cores give this machine right now: the same analysis in two independent processes at once, against one alone.

Two workers can at best do what two processes that share nothing do. On a virtual machine that is not
always 2 ×: when both cores are busy each may run slower (a shared cache, the host's other guests), and
how much slower changes from minute to minute. This probe measures it in the same run as the ingest, so
that the scaling figure can be read against it: processes forked from the loaded pipeline, each analysing
the same articles (no store, no pool, no transfer), timed alone and then two at once, in alternation.
"""
from __future__ import annotations

import multiprocessing
import time


def _analyse(nlp, raws) -> None:
    from onrecord.pipeline import analyze_raws

    for _ in analyze_raws(raws, nlp):
        pass


def _run(nlp, raws, processes: int) -> float:
    """Wall seconds for ``processes`` forked processes, each analysing all of ``raws``, started together."""
    context = multiprocessing.get_context("fork")
    started = time.perf_counter()
    children = [context.Process(target=_analyse, args=(nlp, raws)) for _ in range(processes)]
    for child in children:
        child.start()
    for child in children:
        child.join()
        if child.exitcode != 0:
            raise RuntimeError(f"ceiling probe: a process exited with {child.exitcode}")
    return time.perf_counter() - started


def ceiling(raws, rounds: int = 2, start: int = 0) -> dict:
    """Rate of two independent processes over one alone (articles per second), ``rounds`` alternations
    (the first round runs one alone first when ``start`` is even, two at once first when odd).

    Returns the ratio of summed rates (each round weighs by its time) and each round's ratio.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return {"skipped": "no fork on this platform"}
    from onrecord.engine.local import load_warm
    from onrecord.engine.base import EngineSettings

    nlp = load_warm(EngineSettings())
    one_s = two_s = 0.0
    per_round = []
    for i in range(rounds):
        order = (1, 2) if (i + start) % 2 == 0 else (2, 1)
        seconds = {n: _run(nlp, raws, n) for n in order}
        one_s += seconds[1]
        two_s += seconds[2]
        per_round.append(round(2 * seconds[1] / seconds[2], 3))
    return {"articles": len(raws), "one_alone_s": one_s, "two_at_once_s": two_s,
            "ratio": round(2 * one_s / two_s, 3), "rounds": per_round}


def combined(probes: list[dict]) -> dict:
    """Several probes' seconds added up: one ratio for a whole run."""
    probes = [p for p in probes if "ratio" in p]
    if not probes:
        return {"skipped": "no probe ran"}
    one_s, two_s = sum(p["one_alone_s"] for p in probes), sum(p["two_at_once_s"] for p in probes)
    return {"articles": probes[0]["articles"], "one_alone_s": one_s, "two_at_once_s": two_s,
            "ratio": round(2 * one_s / two_s, 3), "rounds": [r for p in probes for r in p["rounds"]]}
