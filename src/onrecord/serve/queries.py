"""The web app's view of the store: the few reads and writes the pages and the API need, as plain dicts.

Everything goes through the store's own Python API (:class:`onrecord.store.Store`, the only code that speaks
SQL); this module only turns its records into the dicts of the API's response models (``serve/models.py``).
Speaker ids are the store's cross-article entity ids (``hillary-clinton``), in quotes and in stored articles
alike, so every speaker links to ``/speakers/{id}``.
"""
from __future__ import annotations

import threading
from typing import Any

from ..store import Store
from ..store.filters import QuoteFilter
from ..store.roles_check import check_article
from ..types import Article


class StoreView:
    """Reads and writes of one store, for the web app (safe to share between request threads).

    Example:
        >>> view = StoreView("sqlite:///var/demo.db")
        >>> view.speakers(limit=5)["total"] >= 0
        True
    """

    def __init__(self, db_url: str):
        self.store = Store.open(db_url)
        self._write_lock = threading.Lock()  # the store takes writes from one thread at a time

    def close(self) -> None:
        self.store.close()

    # ------------------------------------------------------------ writes

    def add_articles(self, articles: list[Article]) -> list[dict[str, Any]]:
        """Store analysed articles (idempotent by text hash), then resolve speakers across articles."""
        with self._write_lock:
            return [r.to_dict() for r in self.store.add_articles(articles)]

    # ------------------------------------------------------------ reads

    def article(self, article_id: str) -> dict[str, Any]:
        return self.store.article(article_id, global_speakers=True)

    def articles(self, q: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        return self.store.articles(q=q, limit=limit, offset=offset).to_dict()

    def quotes(
        self, where: QuoteFilter | None = None, /, *, limit: int = 50, offset: int = 0, oldest_first: bool = False, **filters
    ) -> dict[str, Any]:
        """Attributions filtered by :class:`~onrecord.store.filters.QuoteFilter` (every filter the store has)."""
        return self.store.quotes(where, limit=limit, offset=offset, oldest_first=oldest_first, **filters).to_dict()

    def search(self, q: str, limit: int = 50, offset: int = 0, where: QuoteFilter | None = None, **filters) -> dict[str, Any]:
        """Full-text search, best match first, with the same filters as :meth:`quotes`."""
        return self.store.search(q, limit=limit, offset=offset, where=where, **filters).to_dict()

    def related(self, article_id: str, index: int, limit: int = 20) -> dict[str, Any]:
        """Statements of other articles that corroborate, contradict or relate to one attribution."""
        return self.store.related(article_id, index, limit=limit).to_dict()

    def speakers(
        self, q: str | None = None, kind: str | None = None, limit: int = 50, offset: int = 0, attribution_kind: str | list[str] | None = None
    ) -> dict[str, Any]:
        return self.store.speakers(q=q, kind=kind, limit=limit, offset=offset, attribution_kind=attribution_kind).to_dict()

    def speaker(self, speaker_id: str) -> dict[str, Any]:
        return self.store.speaker(speaker_id).to_dict()

    def role_history(self, speaker_id: str) -> dict[str, Any]:
        """A speaker's roles per office and qualifier, as the stored articles describe it (docs/roles.md)."""
        return self.store.role_history(speaker_id).to_dict()

    def check(self, article_id: str, window_days: int = 60) -> dict[str, Any]:
        """A stored article's role mentions against the store's articles of ±``window_days`` (docs/roles.md)."""
        return check_article(self.store, self.store.article_record(article_id), window_days, stored=True).to_dict()

    def statement_dates(self, speaker_id: str, limit: int = 3000, kind: str | list[str] | None = None) -> list[tuple]:
        return [tuple(point) for point in self.store.statement_dates(speaker_id, limit=limit, kind=kind)]
