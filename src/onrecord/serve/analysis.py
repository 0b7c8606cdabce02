"""Running the pipeline for web requests: inputs become ``RawArticle``; the CPU work leaves the event loop.

Uploads go through :func:`onrecord.ingest.iter_articles` (the same readers as ``onrecord analyze``), so a file
means the same thing on the command line and in the browser. Analyses run one at a time in a worker thread
(spaCy is loaded once per process by :func:`onrecord.pipeline.load_nlp`); a short queue waits, and a longer one is
turned away with a 503 instead of piling up.
"""
from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import dataclasses
import re
import tempfile
import threading
from pathlib import Path

import anyio
import anyio.to_thread
from ..engine import store_tasks
from ..engine.base import EngineSettings
from ..engine.local import LocalEngine
from ..errors import AnalysisWorkerLost, Busy, EmptyInput, error_class
from ..ingest import SUFFIXES, iter_articles
from ..ingest.validate import parse_published
from ..pipeline import analyze_raws, load_nlp
from ..store import Store
from ..types import Article, RawArticle, Skipped


def raw_from_text(text: str, *, id: str = "text", published=None, title=None, url=None, outlet=None) -> RawArticle:
    """A pasted text as a raw article; blank text is :class:`~onrecord.errors.EmptyInput`."""
    if not text or not text.strip():
        raise EmptyInput("the article text is empty")
    return RawArticle(id=id, text=text, title=title, published=parse_published(published), url=url, outlet=outlet, origin="request")


def form_text(value) -> str:
    """A textarea's text as typed: browsers send its line breaks as CRLF, which would shift every offset."""
    return value.replace("\r\n", "\n") if isinstance(value, str) else ""


def raws_from_file(data: bytes, filename: str | None, published=None) -> list[RawArticle]:
    """Articles in an uploaded file (text, HTML, JSON, JSONL), read by the ingest readers.

    Raises:
        InputError: the first reader's error (code and reason of every skip) when nothing in the file is usable.
    """
    name = Path(filename or "upload.txt").name
    # keep an ending the ingest readers know (double ones too: .warc.gz); anything else is plain text
    suffix = next((s for s in SUFFIXES if name.lower().endswith(s)), ".txt")
    base = name[: len(name) - len(suffix)] if name.lower().endswith(suffix) else Path(name).stem
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip("-.") or "upload"
    with tempfile.TemporaryDirectory(prefix="onrecord-upload-") as folder:
        path = Path(folder) / f"{stem[:100]}{suffix}"
        path.write_bytes(data)
        # origins as the client named them ("feed.jsonl:2"), not the server's temporary folder
        items = [dataclasses.replace(item, origin=_strip_folder(item.origin, folder)) for item in _iter_articles([path], parse_published(published))]
    raws = [item for item in items if isinstance(item, RawArticle)]
    if not raws:
        skipped = [s for s in items if isinstance(s, Skipped)]
        if not skipped:
            raise EmptyInput(f"{name}: no article in the file")
        reasons = "; ".join(f"[{s.code}] {s.reason}" for s in skipped)
        raise error_class(skipped[0].code)(f"{name}: {reasons}")
    return raws


def _strip_folder(origin: str | None, folder: str) -> str | None:
    return origin.replace(f"{folder}/", "") if origin else origin


def raw_from_html(html: str, *, id: str = "text", published=None, **meta) -> RawArticle:
    """An HTML page as a raw article (body text and metadata), via the ingest readers."""
    (raw, *_) = raws_from_file(html.encode("utf-8"), f"{id}.html", published)
    fields = {k: v for k, v in meta.items() if v is not None}
    return RawArticle(
        id=id,
        text=raw.text,
        title=fields.get("title", raw.title),
        published=raw.published,
        url=fields.get("url", raw.url),
        outlet=fields.get("outlet", raw.outlet),
        author=raw.author,
        origin="request",
        warnings=raw.warnings,
    )


def _iter_articles(paths, published):
    return iter_articles(paths, published=published)


#: the analysis workers' niceness: when the cores are busy, the server's reads get them first (a posted article
#: waits a little longer; measured with ``bench.load``: reads while writing vs the same reads alone)
WORKER_NICE = 10


class Analyzer:
    """Analyses articles off the event loop, one at a time, with a bounded queue.

    With ``workers=0`` the pipeline runs in a worker thread of the server process; with ``workers >= 1`` it runs
    in that many processes of a :class:`~onrecord.engine.local.LocalEngine` (the engine of ``onrecord ingest``),
    so that the analysis's Python stages do not hold the server's GIL while reads are answered; a posted
    article is also written there, speaker resolution included (:mod:`onrecord.engine.store_tasks`).

    Example:
        >>> analyzer = Analyzer()
        >>> # inside a request handler: article = await analyzer.analyze(raw)
    """

    def __init__(self, model: str | None = "default", max_waiting: int = 8, workers: int = 0):
        self.model = model
        self.max_waiting = max_waiting
        self.workers = workers
        self.waiting = 0
        self._limiter: anyio.CapacityLimiter | None = None
        self._engine = None
        self._write_lock = threading.Lock()  # the store takes this process's writes from one thread at a time

    @property
    def limiter(self) -> anyio.CapacityLimiter:
        # created lazily: a limiter belongs to the running event loop
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(1)
        return self._limiter

    def _nlp(self):
        return load_nlp(self.model)

    def _engine_started(self):
        if self._engine is None:
            settings = EngineSettings(model=self.model, nice=WORKER_NICE)
            # spawned, not forked: a worker inherits no thread, connection or event loop of the server, and the server
            # process never loads the pipeline itself
            self._engine = LocalEngine(workers=self.workers, settings=settings, method="spawn")
            # a worker is killed when the *thread* that spawned it ends (PR_SET_PDEATHSIG), and the request threads
            # end after 10 s idle: the workers are spawned from a thread of ours that lives until close()
            self._starter = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="onrecord-analysis-workers")
        self._starter.submit(self._engine.start).result()
        return self._engine

    def _analyze_sync(self, raws: list[RawArticle]) -> list[Article | Skipped]:
        if self.workers:
            return list(self._engine_started().map(raws))
        return list(analyze_raws(raws, self._nlp()))

    async def warm_up(self, db_url: str | None = None) -> None:
        """Load the spaCy pipeline (in the worker processes, if any) now rather than on the first request;
        with ``db_url``, the workers also open the store they will write posted articles to."""
        await anyio.to_thread.run_sync(self._warm_up_sync, db_url, limiter=self.limiter)

    def _warm_up_sync(self, db_url: str | None) -> None:
        if not self.workers:
            self._nlp()
            return
        engine = self._engine_started()
        if db_url is not None and not _in_memory(db_url):
            Store.open(db_url).close()  # created and migrated here, once: not by several workers at a time
            for future in [engine.submit(store_tasks.warm_up, db_url) for _ in range(self.workers)]:
                future.result()

    def close(self) -> None:
        """Stop the worker processes, if any."""
        if self._engine is not None:
            self._engine.close()
            self._engine = None
            self._starter.shutdown()

    async def analyze(self, raws: list[RawArticle]) -> list[Article | Skipped]:
        """One result per raw article, in order: the ``Article``, or its ``Skipped`` (E061) when it failed."""
        return await self._queued(self._analyze_sync, raws)

    async def analyze_and_store(self, raws: list[RawArticle], store: Store) -> tuple[list[dict], list[Skipped]]:
        """Analyse ``raws`` and add the articles to ``store``: the stored records' dicts and the skipped inputs.
        With worker processes both steps run in a worker, so that this process's reads never wait on the analysis
        or on the speaker resolution after the write; without, the write holds this analyzer's write lock.
        """
        return await self._queued(self._analyze_and_store_sync, raws, store)

    def _analyze_and_store_sync(self, raws: list[RawArticle], store: Store) -> tuple[list[dict], list[Skipped]]:
        if self.workers and not _in_memory(store.url):
            return self._engine_started().submit(store_tasks.analyze_and_store, raws, store.url).result()
        articles, skipped = store_tasks.split_results(self._analyze_sync(raws))
        if not articles:
            return [], skipped
        with self._write_lock:
            return [r.to_dict() for r in store.add_articles(articles)], skipped

    async def _queued(self, work, *args):
        if self.waiting >= self.max_waiting:
            raise Busy("busy: too many analyses waiting, retry shortly", headers={"Retry-After": "2"})
        self.waiting += 1
        try:
            return await anyio.to_thread.run_sync(self._in_workers, work, *args, limiter=self.limiter)
        finally:
            self.waiting -= 1

    def _in_workers(self, work, *args):
        try:
            return work(*args)
        except concurrent.futures.process.BrokenProcessPool:
            # a pool whose worker died refuses every later task: start a new one for the next request
            self.close()
            raise AnalysisWorkerLost("an analysis worker process died (killed or out of memory?); it is being restarted, retry shortly",
                                     headers={"Retry-After": "5"}) from None


def _in_memory(url: str) -> bool:
    """A SQLite store in memory, which only this process can see."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


def raise_skipped(item: Article | Skipped) -> Article:
    """The article, or the catalogue's error for its ``Skipped`` (E061 analysis failed …)."""
    if isinstance(item, Skipped):
        raise error_class(item.code)(item.reason)
    return item
