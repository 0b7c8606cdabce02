"""The write path: one analysed article into the store, in one transaction, with one INSERT per table.

Rows of an article's children are built in Python and sent as one multi-row ``executemany`` per table
(SQLAlchemy's insertmanyvalues: a single round trip on both SQLite and psycopg). Name groups already
known to this process are cached, so a typical article costs six statements and one commit.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, or_, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..resolve.entities import normalise_name
from ..resolve.generic import group_norm
from ..serialize import article_from_dict, claim_to_dict, dumps, time_to_dict
from ..types import Article, Attribution, RoleMention
from . import tables as t
from .records import AddResult


def statement_day(said_on: str | None, published: dt.date | None) -> dt.date | None:
    """The date a statement is filed under: ``said_on`` when it is a full date, else the publication date.

    Example:
        >>> statement_day("2025-04-21", dt.date(2025, 4, 22)), statement_day(None, dt.date(2025, 4, 22))
        (datetime.date(2025, 4, 21), datetime.date(2025, 4, 22))
    """
    if said_on and len(said_on) >= 10:
        try:
            return dt.date.fromisoformat(said_on[:10])
        except ValueError:
            pass
    return published


def _pairs(spans) -> list[list[int]]:
    return [s.as_pair() for s in spans]


def _texts(spans) -> str:
    return " … ".join(s.text for s in spans)


class ArticleWriter:
    """Writes articles through one connection's transactions; caches name-group keys across articles."""

    def __init__(self, dialect: str):
        self.dialect = dialect
        self._groups: dict[tuple[str, str], int] = {}  # (kind, norm) -> entity_names.pk, committed ones only

    def forget(self) -> None:
        """Drop cached keys (after a rollback, or when another process may have rewritten the groups)."""
        self._groups.clear()

    def _insert_ignore(self, table):
        return (pg_insert if self.dialect == "postgresql" else sqlite_insert)(table).on_conflict_do_nothing()

    def _group_keys(self, conn: Connection, wanted: dict[tuple[str, str], str]) -> dict[tuple[str, str], int]:
        """pk of each (kind, norm), creating missing groups; ``wanted`` maps each to a display name."""
        found = {key: self._groups[key] for key in wanted if key in self._groups}
        missing = [key for key in wanted if key not in found]
        if missing:
            conn.execute(
                self._insert_ignore(t.entity_names),
                [{"kind": kind, "norm": norm, "name": wanted[(kind, norm)][:300]} for kind, norm in missing],
            )
            rows = conn.execute(
                select(t.entity_names.c.pk, t.entity_names.c.kind, t.entity_names.c.norm).where(
                    tuple_(t.entity_names.c.kind, t.entity_names.c.norm).in_(missing)
                )
            )
            found.update({(row.kind, row.norm): row.pk for row in rows})
        return found

    def add(self, conn: Connection, article: Article, origin: str | None = None) -> tuple[AddResult, dict]:
        """Store ``article`` unless its text is there already; the caller owns the transaction.

        Returns the result and the name-group keys used, to cache once the transaction commits.
        """
        if self.dialect == "postgresql":
            article = _without_nul(article)
        existing = conn.execute(
            select(t.articles.c.id, t.articles.c.text_sha256).where(
                or_(t.articles.c.text_sha256 == article.text_sha256, t.articles.c.id == article.id)
            )
        ).all()
        for row in existing:
            if row.text_sha256 == article.text_sha256:
                return AddResult(row.id, False, len(article.attributions)), {}
        article_id = article.id
        if existing:  # same id, different text: keep both, the newcomer under a suffixed id
            article_id = f"{article.id}~{article.text_sha256[:8]}"

        def key(kind: str, name: str) -> tuple[str, str]:
            # "officials", "the hospital": generic nominals get a group of their own article (issue 16)
            return kind, group_norm(kind, name, normalise_name(name), article.text_sha256)

        wanted: dict[tuple[str, str], str] = {}
        for e in article.entities:
            wanted.setdefault(key(e.kind.value, e.name), e.name)
        local = {e.id: key(e.kind.value, e.name) for e in article.entities}
        for a in article.attributions:  # a speaker outside the entity list still gets a group
            if a.speaker is not None and a.speaker.id not in local:
                local[a.speaker.id] = key(a.speaker.kind.value, a.speaker.name)
                wanted.setdefault(local[a.speaker.id], a.speaker.name)
        groups = self._group_keys(conn, wanted)

        pk = conn.execute(
            t.articles.insert().returning(t.articles.c.pk),
            {
                "id": article_id,
                "text_sha256": article.text_sha256,
                "title": article.title,
                "published": article.published,
                "url": article.url,
                "outlet": article.outlet,
                "author": article.author,
                "origin": origin,
                "schema_version": article.schema_version,
                "text": article.text,
                "time_expressions": [time_to_dict(x) for x in article.time_expressions],
                "verification_notes": _pairs(article.verification_notes),
                "n_attributions": len(article.attributions),
            },
        ).scalar_one()

        if article.entities:
            conn.execute(
                t.article_entities.insert(),
                [
                    {
                        "article_pk": pk,
                        "local_id": e.id,
                        "seq": i,
                        "name_pk": groups[local[e.id]],
                        "name": e.name,
                        "kind": e.kind.value,
                        "aliases": list(e.aliases),
                        "titles": list(e.titles),
                        "nationality": e.nationality,
                    }
                    for i, e in enumerate(article.entities)
                ],
            )
            mention_rows = [
                {"article_pk": pk, "local_id": e.id, "seq": j, "start": m.span.start, "end": m.span.end, "form": m.form}
                for e in article.entities
                for j, m in enumerate(e.mentions)
            ]
            if mention_rows:
                conn.execute(t.mentions.insert(), mention_rows)
        if article.roles:
            conn.execute(t.role_mentions.insert(), [_role_row(pk, i, r, article.published, groups, local) for i, r in enumerate(article.roles)])
        if article.attributions:
            conn.execute(
                t.attributions.insert(),
                [self._attribution_row(pk, i, a, article.published, groups, local) for i, a in enumerate(article.attributions)],
            )
            claim_rows = [_claim_row(pk, i, a) for i, a in enumerate(article.attributions) if a.claim is not None]
            if claim_rows:
                conn.execute(t.claims.insert(), claim_rows)
        return AddResult(article_id, True, len(article.attributions)), groups

    @staticmethod
    def _attribution_row(pk: int, i: int, a: Attribution, published, groups, local) -> dict[str, Any]:
        speaker = a.speaker
        return {
            "article_pk": pk,
            "idx": i,
            "speaker_local_id": speaker.id if speaker else None,
            "speaker_name": speaker.name if speaker else None,
            "speaker_kind": speaker.kind.value if speaker else None,
            "name_pk": groups[local[speaker.id]] if speaker else None,
            "type": a.type.value,
            "kind": a.kind.value,
            "cue_lemma": a.cue_lemma,
            "confidence": a.confidence,
            "origin": a.origin,
            "said_on": a.said_on,
            "said_on_source": a.said_on_source,
            "day": statement_day(a.said_on, published),
            "source": _pairs(a.source),
            "cue": _pairs(a.cue),
            "content": _pairs(a.content),
            "source_text": _texts(a.source),
            "cue_text": _texts(a.cue),
            "content_text": _texts(a.content),
        }

    def committed(self, groups: dict[tuple[str, str], int]) -> None:
        """Cache the group keys of a committed article."""
        self._groups.update(groups)


def _without_nul(article: Article) -> Article:
    """PostgreSQL text cannot hold NUL: store U+FFFD in its place (one character for one, offsets unchanged)."""
    # names, titles and spans are pieces of the text: checking the text and the metadata is enough
    if not any("\x00" in (value or "") for value in (article.text, article.title, article.url, article.outlet, article.author, article.id)):
        return article
    encoded = dumps(article)
    return article_from_dict(json.loads(encoded.replace("\\u0000", "\\ufffd")))


def _role_row(pk: int, i: int, r: RoleMention, published, groups, local) -> dict[str, Any]:
    return {
        "article_pk": pk,
        "seq": i,
        "local_id": r.entity_id,
        "name_pk": groups[local[r.entity_id]] if r.entity_id in local else None,
        "start": r.span.start,
        "end": r.span.end,
        "text": r.span.text,
        "shape": r.shape,
        "office": r.office,
        "org": r.org[:300] if r.org else None,
        "qualifier": r.qualifier,
        "day": r.date or published,
    }


def _claim_row(pk: int, i: int, a: Attribution) -> dict[str, Any]:
    claim = a.claim
    v = claim.verification
    return {
        "article_pk": pk,
        "idx": i,
        "stance": claim.stance,
        "certainty": claim.certainty,
        "negated": claim.negated,
        "verification": v.status if v else None,
        "verified_by": ", ".join(v.by) if v and v.by else None,
        "claim": claim_to_dict(claim),
    }
