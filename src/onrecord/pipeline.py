"""The per-article function every interface calls: RawArticle -> Article.

A thin driver above spaCy: :func:`load_nlp` assembles the pipeline (the parser, then onrecord's
components from :mod:`onrecord.factories`), :func:`analyze_raws` runs it over a batch of raw articles.
The CLI, the Python API, the REST API and the engines all go through them; none re-implements a stage,
and no stage imports this module.
"""
from __future__ import annotations

import datetime as dt
import functools
import gc
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import factories  # noqa: F401  registers onrecord's spaCy factories
from .errors import AnalysisFailed, error_class
from .ingest.validate import parse_published
from .nlp import load_parser
from .nlp_chunks import run_pipeline
from .serialize import SCHEMA_VERSION, text_sha256
from .spacy_model import base_model_name
from .types import Article, RawArticle, Skipped

__all__ = ["SCHEMA_VERSION", "analyze", "analyze_raws", "build_article", "load_nlp", "text_sha256"]


def load_nlp(model: str | None = "default", min_confidence: float = 0.0) -> Language:
    """The English pipeline with onrecord's component last; loaded once per process and options.

    Args:
        model: the attribution model directory, ``"default"`` for the shipped one, ``None`` for rules only.
        min_confidence: attributions below this confidence are dropped.

    Example:
        >>> nlp = load_nlp()
        >>> doc = nlp("“We will win,” she said.")
        >>> [a.cue_lemma for a in doc._.attributions]
        ['say']
        >>> [(a.kind.value, a.content_text) for a in doc._.quotes]
        [('speech', '“We will win,”')]
    """
    return _load_nlp(base_model_name(), model, min_confidence)


@functools.lru_cache(maxsize=4)
def _load_nlp(base: str, model: str | None, min_confidence: float) -> Language:
    nlp = load_parser()
    nlp.add_pipe("onrecord", config={"model": model, "min_confidence": min_confidence})
    # the pipeline lives as long as the process: take what is loaded so far out of the cyclic garbage
    # collector's full scans, which analysis (many short-lived lists) would otherwise repeat over it,
    # and which would touch every object's header in forked workers (issue 15: a fifth of the time above
    # the parse on pre-parsed PolNeAR dev; end to end within a shared machine's noise, docs/scaling.md;
    # no output changes, only what the collector visits)
    gc.freeze()
    return nlp


def build_article(raw: RawArticle, doc: Doc) -> Article:
    """Package an annotated ``Doc`` and its input metadata as an :class:`Article`."""
    return Article(
        id=raw.id,
        text=raw.text,
        text_sha256=text_sha256(raw.text),
        title=raw.title,
        published=raw.published,
        url=raw.url,
        outlet=raw.outlet,
        author=raw.author,
        entities=tuple(doc._.speakers or ()),
        attributions=tuple(doc._.attributions or ()),
        time_expressions=tuple(doc._.time_expressions or ()),
        verification_notes=tuple(doc._.verification_notes or ()),
        roles=tuple(doc._.roles or ()),
        warnings=raw.warnings,
        schema_version=SCHEMA_VERSION,
    )


def analyze_raws(
    raws: Iterable[RawArticle | Skipped],
    nlp: Language,
    batch_size: int = 16,
) -> Iterator[Article | Skipped]:
    """Analyse a stream of raw articles with ``nlp.pipe``; ``Skipped`` items pass through in order.

    No article stops the batch: a text over ``nlp.max_length`` is parsed in chunks and analysed whole
    (:mod:`onrecord.nlp_chunks`), and when a batch raises, its articles are analysed one by one so that
    only the one that raised is lost, as ``Skipped`` with E061 (:class:`onrecord.errors.AnalysisFailed`).
    """
    pending: list[RawArticle | Skipped] = []

    def flush() -> Iterator[Article | Skipped]:
        yield from _analyze_batch(pending, nlp, batch_size)
        pending.clear()

    for raw in raws:
        pending.append(raw)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def _analyze_batch(items: list[RawArticle | Skipped], nlp: Language, batch_size: int) -> list[Article | Skipped]:
    raws_only = [r for r in items if isinstance(r, RawArticle) and len(r.text) <= nlp.max_length]
    try:
        docs = nlp.pipe((_doc_for(nlp, r) for r in raws_only), batch_size=batch_size)
        done = iter([build_article(raw, doc) for raw, doc in zip(raws_only, docs, strict=True)])
    except Exception:  # noqa: BLE001 - find the article that raised, keep the others
        done = iter([_analyze_one(raw, nlp) for raw in raws_only])
    # a text over the limit is analysed on its own, in chunks
    return [item if isinstance(item, Skipped) else next(done) if len(item.text) <= nlp.max_length else _analyze_one(item, nlp) for item in items]


def _analyze_one(raw: RawArticle, nlp: Language) -> Article | Skipped:
    try:
        return build_article(raw, run_pipeline(nlp, raw.text, raw.published, raw.outlet))
    except Exception as error:  # noqa: BLE001 - a bug in one article's analysis: report it, go on
        return analysis_failed(raw, error)


def analysis_failed(raw: RawArticle, error: BaseException) -> Skipped:
    """The ``Skipped`` (E061) of an article whose analysis raised ``error``."""
    reason = f"analysis failed ({type(error).__name__}: {error}); please report this"
    return Skipped(raw.origin or raw.id, AnalysisFailed.code, reason)


def _doc_for(nlp: Language, raw: RawArticle) -> Doc:
    doc = nlp.make_doc(raw.text)
    doc._.published = raw.published
    doc._.outlet = raw.outlet
    return doc


def analyze(
    text: str,
    published: dt.date | str | None = None,
    *,
    id: str = "text",
    title: str | None = None,
    model: str | None = "default",
) -> Article:
    """Analyse one article's text.

    Args:
        text: the article body.
        published: publication date (``date``, ``YYYY-MM-DD`` or an ISO 8601 timestamp), used to resolve relative dates.
        id: the article id to report.
        title: optional title.
        model: attribution model directory, ``"default"`` for the shipped model, ``None`` for rules only.

    Raises:
        BadDate: ``published`` is not a date (E020).
        AnalysisFailed: a stage raised (E061, a bug in onrecord).

    Example:
        >>> article = analyze("“We will rebuild the bridge,” Mayor Ana Ruiz said on Monday.", "2024-03-05")
        >>> article.attributions[0].speaker.name
        'Ana Ruiz'
    """
    raw = RawArticle(id=id, text=text, title=title, published=parse_published(published))
    nlp = load_nlp(model)
    (article,) = analyze_raws([raw], nlp)
    if isinstance(article, Skipped):  # E061 a stage raised: the catalogue's error, not a Skipped
        raise error_class(article.code)(article.reason)
    return article
