"""The local engine: worker processes on this machine, each loading the spaCy pipeline once.

Batches of raw articles go to a :class:`concurrent.futures.ProcessPoolExecutor` (``spawn``: no
database connection or thread is ever inherited by a worker); results come back in input order
through a bounded window of batches in flight, so memory stays flat however large the corpus, and
a worker that dies breaks the run loudly (``BrokenProcessPool``) instead of hanging it.
``workers=0`` analyses in the calling process (no pool), for debugging and small inputs.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..pipeline import load_nlp
from ..spacy_model import require_base_model
from ..types import Article, RawArticle, Skipped
from .base import Engine, EngineSettings, analyze_batch

#: this worker process's pipeline, loaded by :func:`_init_worker`
_NLP = None
_SETTINGS: EngineSettings | None = None


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this worker when its parent dies (a killed ingest leaves no orphans)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _init_worker(settings: EngineSettings) -> None:
    global _NLP, _SETTINGS
    _die_with_parent()
    # one core per worker: BLAS/OpenMP threads would fight the other workers for it
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    if settings.nice:
        os.nice(settings.nice)
    _SETTINGS = settings
    _NLP = load_nlp(settings.model, settings.min_confidence)


def _work(raws: list[RawArticle]) -> list[Article | Skipped]:
    return analyze_batch(raws, _NLP, _SETTINGS.batch_size)


def analyze_here(raws: list[RawArticle]) -> list[Article | Skipped]:
    """Analyse ``raws`` with this worker process's pipeline (in a task sent by :meth:`LocalEngine.submit`)."""
    if _NLP is None:
        raise RuntimeError("analyze_here runs in a LocalEngine worker process only")
    return _work(raws)


def _ready(seconds: float) -> int:
    time.sleep(seconds)  # long enough that each waiting task lands on a different worker
    return os.getpid()


class LocalEngine(Engine):
    """Analyse articles with ``workers`` processes (default: every core).

    Example:
        >>> from onrecord.types import RawArticle
        >>> with LocalEngine(workers=0) as engine:
        ...     [a.attributions[0].cue_lemma for a in engine.map([RawArticle("a", "“We will win,” she said.")])]
        ['say']
    """

    name = "local"

    def __init__(self, workers: int | None = None, settings: EngineSettings = EngineSettings(), *, chunk: int | None = None):
        self._workers = (os.cpu_count() or 1) if workers is None else workers
        self.settings = settings
        # a task is one nlp.pipe batch; small, so the last batches of a run leave a worker idle only briefly
        self.chunk = chunk or max(1, min(settings.batch_size, 4))
        self._pool: ProcessPoolExecutor | None = None
        self._nlp = None

    @property
    def workers(self) -> int:
        return self._workers

    def start(self) -> None:
        if self._workers == 0:
            if self._nlp is None:
                self._nlp = load_nlp(self.settings.model, self.settings.min_confidence)
            return
        if self._pool is None:
            require_base_model()  # [E030] here, not a BrokenProcessPool from every worker's initializer
            self._pool = ProcessPoolExecutor(
                self._workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker, initargs=(self.settings,)
            )
            # every worker has loaded its pipeline once these have run on distinct processes
            pids: set[int] = set()
            while len(pids) < self._workers:
                pids |= {f.result() for f in [self._pool.submit(_ready, 0.3) for _ in range(self._workers)]}

    def submit(self, fn, *args) -> Future:
        """Run ``fn(*args)`` in a worker process (``fn`` importable, e.g. one that calls :func:`analyze_here`).

        Example:
            >>> with LocalEngine(workers=1) as engine:  # doctest: +SKIP
            ...     engine.submit(analyze_here, [RawArticle("a", "“We will win,” she said.")]).result()[0].id
            'a'
        """
        if self._workers == 0:
            raise ValueError("LocalEngine(workers=0) has no worker process to submit to")
        self.start()
        return self._pool.submit(fn, *args)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, items: Iterable[RawArticle | Skipped]) -> Iterator[Article | Skipped]:
        self.start()
        if self._workers == 0:
            yield from self._map_here(items)
            return
        window: deque[tuple[list, Future | None]] = deque()
        limit = 3 * self._workers + 1  # batches in flight: keeps every worker busy, bounds memory
        for batch in _batches(items, self.chunk):
            raws = [item for item in batch if isinstance(item, RawArticle)]
            window.append((batch, self._pool.submit(_work, raws) if raws else None))
            while len(window) >= limit:
                yield from _merge(*window.popleft())
        while window:
            yield from _merge(*window.popleft())

    def _map_here(self, items: Iterable[RawArticle | Skipped]) -> Iterator[Article | Skipped]:
        for batch in _batches(items, self.settings.batch_size):
            raws = [item for item in batch if isinstance(item, RawArticle)]
            yield from _place(batch, analyze_batch(raws, self._nlp, self.settings.batch_size) if raws else [])


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _merge(batch: list, future: Future | None) -> list[Article | Skipped]:
    return _place(batch, future.result() if future is not None else [])


def _place(batch: list, results: list[Article | Skipped]) -> list[Article | Skipped]:
    """Put the analysed raws back between the skipped inputs, in the batch's order."""
    analysed = iter(results)
    return [item if isinstance(item, Skipped) else next(analysed) for item in batch]
