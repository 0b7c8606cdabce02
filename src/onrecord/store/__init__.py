"""The store: analysed articles in SQLite (default) or PostgreSQL, the only code in onrecord that speaks SQL.

Everything else (CLI, web app, engines) uses :class:`Store` and the records it returns::

    from onrecord.store import Store

    with Store.open("var/demo.db") as store:          # or "postgresql://user@host/db"
        store.add_articles(articles)                    # idempotent by text hash
        store.resolve_entities()                        # cross-article speakers
        for quote in store.quotes(speaker="Hillary Clinton", since=date(2016, 9, 1), kind="speech,writing").items:
            print(quote.day, quote.content_text)

See ``docs/store.md`` for the tables, the read API and the merge/split workflow.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Engine, func, select, text

from ..serialize import article_from_dict
from ..types import Article
from . import db, queries, read
from . import related as _related
from . import entities as _entities
from . import tables as t
from .records import (
    AddResult,
    ArticleSummary,
    Page,
    Quote,
    RelatedStatements,
    ResolutionReport,
    SpeakerDetail,
    SpeakerSummary,
    StatementPoint,
    StoreStats,
)
from .dump import canonical_dump
from .filters import QuoteFilter, parse_kinds
from .roles import role_history
from .write import ArticleWriter

__all__ = ["Store", "QuoteFilter", "database_url", "Page", "Quote", "SpeakerSummary", "SpeakerDetail", "ArticleSummary", "AddResult"]

database_url = db.database_url


class Store:
    """One store (a database), opened with its schema migrated to the newest version.

    Thread-safe for reads; writes from one thread at a time (the ingest process writes, readers read).
    """

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name
        self._writer = ArticleWriter(self.dialect)

    # ------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, location: str | None = None, *, migrate: bool = True, create: bool = True) -> "Store":
        """Open (creating and migrating if needed) the store at a SQLite path or database URL.

        With ``create=False`` a SQLite file that does not exist is an error (``StoreMissing``, E081)
        rather than a new empty store.

        Example:
            >>> with Store.open(":memory:") as store:
            ...     store.stats().articles
            0
        """
        url = db.database_url(location)
        if not create:
            db.require_existing(url)
        engine = db.create_db_engine(url)
        if migrate:
            db.migrate(engine)
        return cls(engine, url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({db.describe(self.url)!r})"

    # ------------------------------------------------------------ writes

    def add_article(self, article: Article, origin: str | None = None) -> AddResult:
        """Store one analysed article in its own transaction (nothing if its text is stored already)."""
        with self.engine.connect() as conn:
            return self._add(conn, article, origin)

    def _add(self, conn, article: Article, origin: str | None) -> AddResult:
        from sqlalchemy.exc import IntegrityError

        for attempt in (1, 2):
            try:
                with conn.begin():
                    result, groups = self._writer.add(conn, article, origin)
                break
            except IntegrityError:
                # another writer stored the same text (or id) between our lookup and insert: look again
                self._writer.forget()
                if attempt == 2:
                    raise
            except Exception:
                self._writer.forget()
                raise
        self._writer.committed(groups)
        return result

    def add_articles(self, articles: Iterable[Article], *, resolve: bool = True) -> list[AddResult]:
        """Store many articles, each in its own transaction, then (by default) resolve speakers across articles."""
        results = []
        with self.engine.connect() as conn:
            for article in articles:
                results.append(self._add(conn, article, None))
        if resolve and any(r.created for r in results):
            self.resolve_entities()
        return results

    def writer(self) -> "StoreWriter":
        """A connection held open for a long run of :meth:`StoreWriter.add` calls (the ingest loop)."""
        return StoreWriter(self)

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these text hashes are stored already."""
        hashes = list(dict.fromkeys(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i : i + 500]
                found.update(conn.execute(select(t.articles.c.text_sha256).where(t.articles.c.text_sha256.in_(chunk))).scalars())
        return found

    def delete_article(self, article_id: str) -> bool:
        """Remove one article and everything extracted from it (speakers are re-resolved on the next run)."""
        with self.engine.begin() as conn:
            deleted = conn.execute(t.articles.delete().where(t.articles.c.id == article_id)).rowcount
        return bool(deleted)

    # ------------------------------------------------------------ cross-article entities

    def resolve_entities(self) -> ResolutionReport:
        """Cluster every speaker name across articles into entities (one transaction)."""
        with self.engine.begin() as conn:
            report = _entities.resolve_all(conn)
        self._writer.forget()
        return report

    def pending_groups(self) -> int:
        """Speaker names stored since the last resolution (not yet part of an entity)."""
        with self.engine.connect() as conn:
            return _entities.pending_groups(conn)

    def merge_entities(self, into: str, other: str, reason: str = "") -> str:
        """Merge entity ``other`` into ``into`` (ids or names) for good; returns the merged entity's id."""
        with self.engine.begin() as conn:
            return _entities.merge_entities(conn, into, other, reason)

    def split_name(self, entity: str, name: str, reason: str = "") -> str:
        """Take one spelling out of an entity for good (undoes a merge); returns the id of its new entity."""
        with self.engine.begin() as conn:
            return _entities.split_name(conn, entity, name, reason)

    # ------------------------------------------------------------ reads

    def article(self, article_id: str, *, global_speakers: bool = False) -> dict[str, Any]:
        """One stored article as the JSON of ``onrecord analyze`` (raises ``ArticleNotFound``)."""
        with self.engine.connect() as conn:
            return read.article_dict(conn, article_id, global_speakers=global_speakers)

    def article_record(self, article_id: str) -> Article:
        """One stored article as the :class:`onrecord.types.Article` dataclass."""
        return article_from_dict(self.article(article_id))

    def iter_articles(self, *, global_speakers: bool = False, entity_keys: bool = False, batch: int = 200) -> Iterator[dict[str, Any]]:
        """Every stored article's JSON, in ingestion order (for exports and engines).

        ``global_speakers`` puts cross-article entity ids in place of the local ``e1`` ids;
        ``entity_keys`` keeps the local ids and adds each speaker's and entity's ``entity`` id.
        """
        with self.engine.connect() as conn:
            yield from read.iter_article_dicts(conn, batch, global_speakers=global_speakers, entity_keys=entity_keys)

    def articles(self, q: str | None = None, limit: int = 50, offset: int = 0) -> Page[ArticleSummary]:
        """Stored articles, newest first; ``q`` matches words of titles and ids."""
        with self.engine.connect() as conn:
            return read.list_articles(conn, q, limit, offset)

    def quotes(
        self, where: QuoteFilter | None = None, /, *, limit: int = 50, offset: int = 0, oldest_first: bool = False, **filters
    ) -> Page[Quote]:
        """Attributions by statement date, filtered by the fields of :class:`QuoteFilter` (given as ``where`` or as
        keywords): speaker (name, alias or id), dates, claim stance and verification, full text, attribution kind.

        Example:
            >>> with Store.open(":memory:") as store:
            ...     store.quotes(speaker="Hillary Clinton", since=dt.date(2016, 9, 1), kind="speech,writing").total
            0
        """
        where = QuoteFilter.of(where, **filters)
        with self.engine.connect() as conn:
            return queries.quotes(conn, where, limit=limit, offset=offset, oldest_first=oldest_first)

    def search(self, q: str, limit: int = 50, offset: int = 0, where: QuoteFilter | None = None, **filters) -> Page[Quote]:
        """Full-text search over what was said (FTS5 / tsvector), best match first, with the filters of :meth:`quotes`."""
        where = QuoteFilter.of(where, **filters, q=q)
        with self.engine.connect() as conn:
            return queries.quotes(conn, where, limit=limit, offset=offset, by_relevance=True)

    def speakers(
        self, q: str | None = None, kind: str | None = None, limit: int = 50, offset: int = 0, attribution_kind: str | list[str] | None = None
    ) -> Page[SpeakerSummary]:
        """Cross-article speakers, most quoted first, with first/last seen and outlets; ``kind`` is the entity's kind
        (person, organisation …), ``attribution_kind`` the kinds of attribution counted (``"speech,writing"``: quotes)."""
        with self.engine.connect() as conn:
            return queries.speakers(conn, q, kind, limit, offset, parse_kinds(attribution_kind))

    def speaker(self, speaker_id: str) -> SpeakerDetail:
        """One speaker: aliases, dated roles, outlets, spellings, merges with evidence, links."""
        with self.engine.connect() as conn:
            return queries.speaker(conn, speaker_id)

    def find_speakers(self, name: str) -> list[str]:
        """Ids of the entities a name, alias or id refers to."""
        with self.engine.connect() as conn:
            pks = queries.find_entities(conn, name)
            return list(conn.execute(select(t.entities.c.key).where(t.entities.c.pk.in_(pks)).order_by(t.entities.c.key)).scalars())

    def role_history(self, speaker: str):
        """One entity's roles (id or name) as the stored articles describe it: per office and qualifier, first and
        last seen, articles and outlets (``store/roles.py``). Raises ``EntityNotFound`` / ``AmbiguousSpeaker``.

        Example:
            >>> with Store.open(":memory:") as store:
            ...     store.role_history("nobody")
            Traceback (most recent call last):
            onrecord.errors.EntityNotFound: [E041] no speaker with id or name 'nobody' (ids are listed by `onrecord speakers`)
        """
        with self.engine.connect() as conn:
            return role_history(conn, speaker)

    def related(self, article_id: str, index: int, limit: int = 20) -> RelatedStatements:
        """Statements of other articles about what attribution ``index`` of ``article_id`` says, each
        ``corroborates``, ``contradicts`` or ``related``, with a score and its reasons, best overlap first.

        Raises ``ArticleNotFound`` / ``AttributionNotFound``. Rules: ``docs/store.md`` ("Related statements").

        Example:
            >>> with Store.open(":memory:") as store:
            ...     store.related("no-such-article", 0)
            Traceback (most recent call last):
            onrecord.errors.ArticleNotFound: [E042] no stored article with id 'no-such-article'
        """
        with self.engine.connect() as conn:
            return _related.related(conn, article_id, index, limit)

    def statement_dates(self, speaker_id: str, limit: int = 3000, kind: str | list[str] | None = None) -> list[StatementPoint]:
        """A speaker's statements for a timeline: ``(day, article_id, index, text)``, oldest first; ``kind`` as in :meth:`quotes`."""
        with self.engine.connect() as conn:
            return queries.statement_dates(conn, speaker_id, limit, parse_kinds(kind))

    def stats(self) -> StoreStats:
        with self.engine.connect() as conn:
            def count(table, *where):
                return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()

            speakers = conn.execute(
                select(func.count(func.distinct(t.entity_names.c.entity_pk))).select_from(
                    t.attributions.join(t.entity_names, t.attributions.c.name_pk == t.entity_names.c.pk)
                )
            ).scalar_one()
            return StoreStats(
                articles=count(t.articles),
                attributions=count(t.attributions),
                entities=count(t.entities),
                speakers=speakers,
                claims=count(t.claims),
                unresolved_groups=count(t.entity_names, t.entity_names.c.entity_pk.is_(None)),
            )

    def dump(self) -> dict[str, Any]:
        """A canonical dump: everything stored, without surrogate keys or timestamps, in a fixed order.

        Two stores holding the same articles and decisions have equal dumps, whatever order or how
        many runs the articles came in (used by the kill-and-resume and SQLite-vs-PostgreSQL tests).
        """
        with self.engine.connect() as conn:
            return canonical_dump(conn)

    def ping(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT 1")).scalar_one() == 1


class StoreWriter:
    """One connection for a long ingest: each :meth:`add` is its own transaction, committed before it returns."""

    def __init__(self, store: Store):
        self.store = store
        self.conn = store.engine.connect()

    def add(self, article: Article, origin: str | None = None) -> AddResult:
        return self.store._add(self.conn, article, origin)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "StoreWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
