"""The local engine: worker processes on this machine, started from a pipeline loaded once.

The parent loads spaCy and the attribution model, runs them once (so every lazy lexicon and cache is
filled), then forks its workers, which share the loaded pipeline copy-on-write and start analysing at
once. Where ``fork`` is unavailable or unsafe (Windows, macOS), workers are spawned and each loads the
pipeline itself; the web server asks for ``spawn`` too (:mod:`onrecord.serve.analysis`: its workers
inherit none of its threads, connections or event loop, and it never loads the pipeline itself). Tasks
are cut by text length, finer towards the end of the input, so no worker idles while another finishes a
long last task; results come back in input order through a bounded window of tasks in flight, so memory
stays flat however large the corpus, and a worker that dies breaks the run loudly
(``BrokenProcessPool``) instead of hanging it. In ``map`` the workers never write the store (the parent
does); the web server's spawned workers open their own (:mod:`onrecord.engine.store_tasks`). A forked
worker never touches the parent's database connections: it leaves through ``os._exit``.
``workers=0`` analyses in the calling process (no pool), for debugging and small inputs.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..pipeline import analyze_raws, load_nlp
from ..spacy_model import require_base_model
from ..types import Article, RawArticle, Skipped
from .base import Engine, EngineSettings, analyze_batch
from .blas import limit_blas_threads

#: this worker process's pipeline: inherited from the parent (fork) or loaded by :func:`_init_worker` (spawn)
_NLP = None
_SETTINGS: EngineSettings | None = None

#: a task's text, in characters (about two or three news articles): long enough for one nlp.pipe batch
#: to pay off, short enough that the last task of a run keeps the other workers waiting only briefly
TASK_CHARS = 12_000
#: a short text run through a freshly loaded pipeline, so lazy models and lexicons load before workers fork
_WARM_UP = "“We will rebuild the bridge by March,” Mayor Ana Ruiz said on Monday, according to officials."


def start_method() -> str:
    """``fork`` where the platform allows it safely (Linux and other POSIX but macOS), else ``spawn``."""
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this worker when its parent dies (a killed ingest leaves no orphans)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _init_worker(settings: EngineSettings, load: bool) -> None:
    """Each worker's start: a forked one has the parent's pipeline (``load`` false), a spawned one loads it."""
    global _NLP, _SETTINGS
    _die_with_parent()
    # one core per worker: BLAS/OpenMP threads would fight the other workers for it
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    limit_blas_threads(1)  # numpy is loaded already when forked (or by the unpickling when spawned): the variables come too late
    if settings.nice:
        os.nice(settings.nice)
    if not load:
        return
    _SETTINGS = settings
    _NLP = load_nlp(settings.model, settings.min_confidence)


def _work(raws: list[RawArticle]) -> list[Article | Skipped]:
    return analyze_batch(raws, _NLP, _SETTINGS.batch_size)


def analyze_here(raws: list[RawArticle]) -> list[Article | Skipped]:
    """Analyse ``raws`` with this worker process's pipeline (in a task sent by :meth:`LocalEngine.submit`)."""
    if _NLP is None:
        raise RuntimeError("analyze_here runs in a LocalEngine worker process only")
    return _work(raws)


def _pid() -> int:
    return os.getpid()


def _ready(seconds: float) -> int:
    time.sleep(seconds)  # long enough that each waiting task lands on a different worker
    return os.getpid()


def load_warm(settings: EngineSettings):
    """The pipeline of ``settings``, run once on a short text so that nothing loads lazily later."""
    nlp = load_nlp(settings.model, settings.min_confidence)
    list(analyze_raws([RawArticle("warm-up", _WARM_UP)], nlp))
    return nlp


class LocalEngine(Engine):
    """Analyse articles with ``workers`` processes (default: every core).

    Args:
        workers: worker processes; 0 analyses in this process.
        settings: the pipeline each worker runs.
        chunk: most articles in one task (default: 4, at most the batch size).
        task_chars: a task ends once its texts reach this many characters.
        method: ``"fork"`` or ``"spawn"`` (default: :func:`start_method`).

    Example:
        >>> from onrecord.types import RawArticle
        >>> with LocalEngine(workers=0) as engine:
        ...     [a.attributions[0].cue_lemma for a in engine.map([RawArticle("a", "“We will win,” she said.")])]
        ['say']
    """

    name = "local"

    def __init__(self, workers: int | None = None, settings: EngineSettings = EngineSettings(), *, chunk: int | None = None,
                 task_chars: int = TASK_CHARS, method: str | None = None):
        self._workers = (os.cpu_count() or 1) if workers is None else workers
        self.settings = settings
        self.chunk = chunk or max(1, min(settings.batch_size, 4))
        self.task_chars = task_chars
        self.method = method or start_method()
        self._pool: ProcessPoolExecutor | None = None
        self._nlp = None

    @property
    def workers(self) -> int:
        return self._workers

    def start(self) -> None:
        """Load the pipeline here (fork, or no workers) and start the workers; returns once each is running."""
        global _NLP, _SETTINGS
        if self._workers == 0 or self.method == "fork":
            if self._nlp is None:
                self._nlp = load_warm(self.settings)
            if self._workers == 0:
                return
        if self._pool is not None:
            return
        require_base_model()  # [E030] here, not a BrokenProcessPool from every worker's initializer
        fork = self.method == "fork"
        if fork:
            _NLP, _SETTINGS = self._nlp, self.settings  # what the forked workers inherit
        self._pool = ProcessPoolExecutor(
            self._workers, mp_context=multiprocessing.get_context(self.method), initializer=_init_worker,
            initargs=(self.settings, not fork),
        )
        if fork:  # forked workers start together, with the pipeline: running once they answer
            for future in [self._pool.submit(_pid) for _ in range(self._workers)]:
                future.result()
            return
        # spawned workers start on demand: each has loaded its pipeline once these have run on distinct processes
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
        limit = 2 * self._workers + 1  # tasks in flight: one running and one queued per worker, bounds memory
        tasks = split_tasks(items, self.chunk, self.task_chars, self._workers, lookahead=self._workers * self.chunk)
        for task in tasks:
            raws = [item for item in task if isinstance(item, RawArticle)]
            window.append((task, self._pool.submit(_work, raws) if raws else None))
            while len(window) >= limit:
                yield from _merge(*window.popleft())
        while window:
            yield from _merge(*window.popleft())

    def _map_here(self, items: Iterable[RawArticle | Skipped]) -> Iterator[Article | Skipped]:
        for batch in _batches(items, self.settings.batch_size):
            raws = [item for item in batch if isinstance(item, RawArticle)]
            yield from _place(batch, analyze_batch(raws, self._nlp, self.settings.batch_size) if raws else [])


def _size(item: RawArticle | Skipped) -> int:
    return len(item.text) if isinstance(item, RawArticle) else 0


def split_tasks(items: Iterable, most: int, chars: int, workers: int, lookahead: int) -> Iterator[list]:
    """Cut ``items`` into tasks of at most ``most`` items and about ``chars`` characters of text, in order.

    ``lookahead`` items are read ahead; once the input has ended, what is left is cut finer (about a
    ``2 × workers``-th of the remaining text per task), so the workers finish together.

    Example:
        >>> from onrecord.types import RawArticle
        >>> raws = [RawArticle(str(i), "x" * n) for i, n in enumerate([900, 100, 100, 100, 500, 500])]
        >>> [[r.id for r in task] for task in split_tasks(raws, 3, 1000, 1, lookahead=6)]
        [['0', '1'], ['2', '3', '4'], ['5']]
    """
    source = iter(items)
    ahead: deque = deque()
    waiting = 0  # characters in ``ahead``
    ended = False
    while True:
        while not ended and len(ahead) < max(lookahead, 1):
            try:
                item = next(source)
            except StopIteration:
                ended = True
                break
            ahead.append(item)
            waiting += _size(item)
        if not ahead:
            return
        target = min(chars, max(1, waiting // (2 * workers))) if ended else chars
        task, size = [], 0
        while ahead and len(task) < most and size < target:
            item = ahead.popleft()
            task.append(item)
            size += _size(item)
            waiting -= _size(item)
        yield task


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
