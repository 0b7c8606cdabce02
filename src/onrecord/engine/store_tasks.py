"""Analyse and store in a worker process, so that the process answering reads does neither.

Storing a posted article ends with a resolution of speakers across the whole store
(:meth:`onrecord.store.Store.add_articles`): Python work that grows with the store (about 0.1 s per article
posted to a 1,000-article store). Run in the web server's process it holds the GIL, and every read waits
behind it; run here, in a :class:`~onrecord.engine.local.LocalEngine` worker with its own connection, it
does not (SQLite in WAL mode, or PostgreSQL, lets the server's reads go on during the write).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..store import Store
from ..types import Article, RawArticle, Skipped
from .local import analyze_here

#: this worker process's stores, opened on first use, by URL
_STORES: dict[str, Any] = {}


def split_results(results: list[Article | Skipped]) -> tuple[list[Article], list[Skipped]]:
    """The analysed articles and the skipped ones, each in input order."""
    return [r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, Skipped)]


def analyze_and_store(raws: list[RawArticle], db_url: str) -> tuple[list[dict[str, Any]], list[Skipped]]:
    """In a worker: analyse ``raws``, store the articles (then resolve speakers), and return the stored
    records' dicts and the skipped inputs. Nothing is stored when every input was skipped.
    """
    articles, skipped = split_results(analyze_here(raws))
    if not articles:
        return [], skipped
    return [r.to_dict() for r in _store(db_url).add_articles(articles)], skipped


def warm_up(db_url: str) -> None:
    """Open this worker's store at ``db_url`` and analyse two sentences now: the first open (imports, migration
    check) and the first analysis (dateparser's tables, lazy allocations) take seconds that should not fall on a request."""
    _store(db_url)
    # a weekday and a calendar date: the first of each loads dateparser's tables
    text = "“The bridge will reopen on 5 March 2024,” Mayor Ana Ruiz said on Monday. The vote is expected in June."
    analyze_here([RawArticle("warm-up", text, published=dt.date(2024, 3, 1))])


def _store(db_url: str):
    store = _STORES.get(db_url)
    if store is None:
        store = _STORES[db_url] = Store.open(db_url)
    return store
