"""Where onrecord's time goes beyond the parse: seconds per stage on the same texts, against the bare parse.

PolNeAR dev texts (or the bundled example articles when ``../shared`` is absent) go once through the bare
spaCy pipeline and once through onrecord's whole per-article path with every stage's entry point wrapped by
a timer. Times are exclusive (a stage called inside another counts for itself only): quote finding inside
the rules counts as quote finding. "parse and the rest" is what no timer covers: the spaCy components
before onrecord's, ``nlp.pipe`` batching, building the Article. Serialisation (``serialize.dumps``) is timed
on the results afterwards. The timers cost a little; the ratio that counts is ``bench.analyze``'s.
"""
from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

#: (module, attribute, stage) of every wrapped entry point; wrapped where callers look them up
_POINTS = [
    ("onrecord.attribution.quotes", "find_quotes", "quote finding"),
    ("onrecord.attribution.rules", "extract_rule_attributions", "rules"),
    ("onrecord.attribution.features", "doc_facts", "CRF features"),
    ("onrecord.attribution.features", "cue_features", "CRF features"),
    ("onrecord.attribution.role_features", "role_features", "CRF features"),
    ("onrecord.attribution.role_features", "role_window", "CRF features"),
    # the model module imports these by name: wrapped there too, or its calls escape the timers
    ("onrecord.attribution.model", "doc_facts", "CRF features"),
    ("onrecord.attribution.model", "cue_state_scores", "CRF features"),
    ("onrecord.attribution.model", "role_state_scores", "CRF features"),
    ("onrecord.attribution.model", "role_window", "CRF features"),
    ("onrecord.factories", "extract_attributions", "attribution: merge, kinds, non-statements, floating"),
    ("onrecord.factories", "resolve_speakers", "speaker resolution"),
    ("onrecord.factories", "attach_claims", "claims (stance, certainty, verification, quantities)"),
    ("onrecord.claims", "find_time_expressions", "time expressions"),
]
_MODEL_REST = "CRF model: candidates, calibration"
_DECODING = "CRF decoding (attribute ids, Viterbi, marginals)"


class _Timers:
    """Exclusive seconds per stage: a stack of running stages, each child's time taken off its parent."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[list] = []

    def wrap(self, stage: str, fn):
        def timed(*args, **kwargs):
            frame = [0.0]  # time spent in wrapped children
            self._stack.append(frame)
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.perf_counter() - t0
                self._stack.pop()
                self.seconds[stage] += spent - frame[0]
                self.calls[stage] += 1
                if self._stack:
                    self._stack[-1][0] += spent

        timed.__wrapped__ = fn
        return timed


class _TaggerProxy:
    """A CRF whose calls are timed, without touching the shared object's methods."""

    def __init__(self, tagger, timers: _Timers):
        self._tagger = tagger
        for name in ("tag", "tag_batch", "tag_states"):
            setattr(self, name, timers.wrap(_DECODING, getattr(tagger, name)))

    def __getattr__(self, name):
        return getattr(self._tagger, name)


def _raws(shared: Path):
    from onrecord.types import RawArticle

    files = sorted((shared / "data/polnear/dev/text").glob("*.txt"))
    if files:
        from bench.eval import polnear_dates

        dates = polnear_dates(shared)
        return "PolNeAR dev", [RawArticle(id=f.stem, text=f.read_text("utf-8"), published=dates.get(f.stem)) for f in files]
    from onrecord.ingest import iter_articles

    examples = Path(__file__).resolve().parents[1] / "examples/articles"
    return "bundled examples", [r for r in iter_articles([examples]) if isinstance(r, RawArticle)]


def _instrument(timers: _Timers, model):
    """Wrap every entry point; returns the function that puts them back."""
    import importlib

    undo = []
    for module_name, attribute, stage in _POINTS:
        module = importlib.import_module(module_name)
        original = getattr(module, attribute)
        setattr(module, attribute, timers.wrap(stage, original))
        undo.append((module, attribute, original))
    if model is not None:
        cls = type(model)
        for method in ("predict", "predict_tokens_many"):  # the component labels a batch's documents together
            undo.append((cls, method, getattr(cls, method)))
            setattr(cls, method, timers.wrap(_MODEL_REST, getattr(cls, method)))
        tagger_undo = (model.cue_tagger, model.role_tagger)
        model.cue_tagger, model.role_tagger = _TaggerProxy(model.cue_tagger, timers), _TaggerProxy(model.role_tagger, timers)

    def restore() -> None:
        for owner, attribute, original in reversed(undo):
            setattr(owner, attribute, original)
        if model is not None:
            model.cue_tagger, model.role_tagger = tagger_undo

    return restore


def run(shared: Path, console: Console) -> dict:
    from onrecord.nlp import load_base
    from onrecord.pipeline import load_nlp
    from onrecord.pipeline import analyze_raws
    from onrecord.serialize import dumps

    from onrecord.engine.blas import limit_blas_threads

    limit_blas_threads(1)  # as `onrecord analyze` does
    corpus, raws = _raws(shared)
    texts = [r.text for r in raws]
    bare, full = load_base(), load_nlp()
    list(bare.pipe(texts[:2]))
    list(analyze_raws(raws[:2], full))  # every lazy model and lexicon loaded outside the timings
    t0 = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=16):
        pass
    parse = time.perf_counter() - t0

    timers = _Timers()
    restore = _instrument(timers, full.get_pipe("onrecord").model)
    try:
        t0 = time.perf_counter()
        articles = list(analyze_raws(raws, full, batch_size=16))
        total = time.perf_counter() - t0
    finally:
        restore()
    t0 = time.perf_counter()
    for article in articles:
        dumps(article)
    serialise = time.perf_counter() - t0

    stages = dict(sorted(timers.seconds.items(), key=lambda kv: -kv[1]))
    rest = total - sum(stages.values())
    table = Table(title=f"onrecord per stage — {corpus}, {len(raws)} articles, one process, timers on")
    for col in ("stage", "seconds", "× bare parse", "calls"):
        table.add_column(col, justify="left" if col == "stage" else "right")
    table.add_row("bare spaCy parse (nlp.pipe, separate run)", f"{parse:.2f}", "1.00", "")
    table.add_row("parse and the rest (spaCy components, batching, Article)", f"{rest:.2f}", f"{rest / parse:.2f}", "")
    for stage, seconds in stages.items():
        table.add_row(stage, f"{seconds:.2f}", f"{seconds / parse:.2f}", str(timers.calls[stage]))
    table.add_row("serialisation (serialize.dumps, afterwards)", f"{serialise:.2f}", f"{serialise / parse:.2f}", str(len(articles)))
    table.add_row("[bold]onrecord total (analysis + serialisation)", f"{total + serialise:.2f}", f"{(total + serialise) / parse:.2f}", "")
    console.print(table)
    return {
        "corpus": corpus,
        "articles": len(raws),
        "bare_parse_seconds": round(parse, 3),
        "total_seconds": round(total, 3),
        "serialisation_seconds": round(serialise, 3),
        "parse_and_rest_seconds": round(rest, 3),
        "stages": {stage: round(seconds, 3) for stage, seconds in stages.items()},
    }


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    run(parser.parse_args().shared, Console())
