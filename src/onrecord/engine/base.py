"""The executor interface: raw articles in, analysed articles out, in input order.

Every engine runs the same per-article function, :func:`onrecord.pipeline.analyze_raws` with the
pipeline of :func:`onrecord.pipeline.load_nlp` loaded once per worker; engines differ only in where that
runs (worker processes here, Spark executors in ``engine/spark.py``). The store is written by the
caller (:func:`onrecord.engine.corpus.ingest`), never by the workers, so every engine's output lands
the same way.
"""
from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import AnalysisFailed
from ..ingest import iter_articles
from ..pipeline import analyze_raws
from ..types import Article, RawArticle, Skipped

#: the error code of an article whose analysis raised (a bug in onrecord, reported and skipped)
ANALYSIS_FAILED = AnalysisFailed.code


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """What the per-article function needs in each worker (plain values: pickled to the workers)."""

    model: str | None = "default"  # attribution model: "default" (shipped), a directory, or None (rules only)
    min_confidence: float = 0.0
    batch_size: int = 16  # articles per nlp.pipe batch
    nice: int = 0  # added to the worker processes' niceness: the web server's workers yield the CPU to its reads


class Engine(abc.ABC):
    """Runs the per-article function over a stream of raw articles.

    Implementations yield exactly one result per input, in input order: the :class:`Article`, or a
    :class:`Skipped` (an input that was skipped already passes through; an analysis that raised becomes
    ``Skipped(origin, "E061", …)``). They are context managers; :meth:`close` stops their workers.
    """

    name: str = "engine"

    @abc.abstractmethod
    def map(self, items: Iterable[RawArticle | Skipped]) -> Iterator[Article | Skipped]:
        """Analyse ``items`` lazily, one result per item, in order."""

    def analyze(self, paths: Iterable[Path | str], published: dt.date | None = None) -> Iterator[Article | Skipped]:
        """Read files or folders with :func:`onrecord.ingest.iter_articles` and analyse them.

        Example:
            >>> from onrecord.engine.local import LocalEngine
            >>> with LocalEngine(workers=2) as engine:  # doctest: +SKIP
            ...     articles = [a for a in engine.analyze(["examples/articles"]) if isinstance(a, Article)]
        """
        return self.map(iter_articles(paths, published=published))

    def start(self) -> None:
        """Start the workers and wait until each has loaded its pipeline (optional: map starts them too)."""

    def close(self) -> None:
        """Stop the workers."""

    @property
    def workers(self) -> int:
        return 1

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def analyze_batch(raws: list[RawArticle], nlp, batch_size: int) -> list[Article | Skipped]:
    """The per-article function over one batch; an article whose analysis raises becomes its ``Skipped``."""
    return list(analyze_raws(raws, nlp, batch_size=batch_size))
