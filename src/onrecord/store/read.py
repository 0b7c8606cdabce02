"""Reading articles back: the exact article JSON of ``onrecord analyze``, listings, and a canonical dump."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, func, select

from ..errors import ArticleNotFound
from ..resolve.entities import entity_key
from . import tables as t
from .records import ArticleSummary, Page

A, AE, M, AT, C = t.articles, t.article_entities, t.mentions, t.attributions, t.claims


def _span(text: str, pair) -> dict[str, Any]:
    return {"span": list(pair), "text": text[pair[0] : pair[1]]}


def _entity_keys(conn: Connection, article_pks: Sequence[int]) -> dict[tuple[int, str], tuple[str, str, str]]:
    """(article_pk, local id) -> (entity key, name, kind) of the cross-article entity."""
    rows = conn.execute(
        select(AE.c.article_pk, AE.c.local_id, t.entity_names.c.kind, t.entity_names.c.norm, t.entity_names.c.name,
               t.entities.c.key, t.entities.c.name.label("entity_name"), t.entities.c.kind.label("entity_kind"))
        .join(t.entity_names, AE.c.name_pk == t.entity_names.c.pk)
        .outerjoin(t.entities, t.entity_names.c.entity_pk == t.entities.c.pk)
        .where(AE.c.article_pk.in_(article_pks))
    )
    out = {}
    for r in rows:
        if r.key is not None:
            out[(r.article_pk, r.local_id)] = (r.key, r.entity_name, r.entity_kind)
        else:  # not resolved yet: the key the group will have as an entity of its own
            out[(r.article_pk, r.local_id)] = (entity_key(r.kind, r.norm), r.name, r.kind)
    return out


def _speaker(article_pk: int, a, keys: dict, global_speakers: bool, entity_keys: bool) -> dict[str, Any] | None:
    if a.speaker_local_id is None:
        return None
    if global_speakers and (article_pk, a.speaker_local_id) in keys:
        key, name, kind = keys[(article_pk, a.speaker_local_id)]
        return {"id": key, "name": name, "kind": kind}
    speaker = {"id": a.speaker_local_id, "name": a.speaker_name, "kind": a.speaker_kind}
    if entity_keys:
        speaker["entity"] = keys.get((article_pk, a.speaker_local_id), (None,))[0]
    return speaker


def _role(article_pk: int, m, keys: dict, global_speakers: bool) -> dict[str, Any]:
    """One ``role_mentions`` row as in the article JSON (``serialize.role_to_dict``)."""
    entity = keys[(article_pk, m.local_id)][0] if global_speakers and (article_pk, m.local_id) in keys else m.local_id
    return {
        "entity": entity, "span": [m.start, m.end], "text": m.text, "shape": m.shape, "office": m.office,
        "org": m.org, "qualifier": m.qualifier, "date": m.day.isoformat() if m.day else None,
    }


def article_dicts(
    conn: Connection, article_rows: Sequence, *, global_speakers: bool = False, entity_keys: bool = False
) -> list[dict[str, Any]]:
    """Rebuild the article JSON (``serialize.article_to_dict``) of each article row, in order.

    With ``global_speakers``, each ``speaker`` (and entity ``id``) is the cross-article entity
    (``{"id": "vladimir-putin", …}``) instead of the article-local ``e1``, for linking across articles.
    With ``entity_keys``, ids stay local and each speaker and entity gains an ``entity`` field instead.
    """
    pks = [r.pk for r in article_rows]
    if not pks:
        return []
    mentions: dict[tuple[int, str], list] = defaultdict(list)
    for m in conn.execute(select(M).where(M.c.article_pk.in_(pks)).order_by(M.c.article_pk, M.c.local_id, M.c.seq)):
        mentions[(m.article_pk, m.local_id)].append(m)
    entities: dict[int, list] = defaultdict(list)
    for e in conn.execute(select(AE).where(AE.c.article_pk.in_(pks)).order_by(AE.c.article_pk, AE.c.seq)):
        entities[e.article_pk].append(e)
    claims = {(c.article_pk, c.idx): c.claim for c in conn.execute(select(C.c.article_pk, C.c.idx, C.c.claim).where(C.c.article_pk.in_(pks)))}
    attributions: dict[int, list] = defaultdict(list)
    for a in conn.execute(select(AT).where(AT.c.article_pk.in_(pks)).order_by(AT.c.article_pk, AT.c.idx)):
        attributions[a.article_pk].append(a)
    roles: dict[int, list] = defaultdict(list)
    for m in conn.execute(select(t.role_mentions).where(t.role_mentions.c.article_pk.in_(pks)).order_by(t.role_mentions.c.article_pk, t.role_mentions.c.seq)):
        roles[m.article_pk].append(m)
    keys = _entity_keys(conn, pks) if global_speakers or entity_keys else {}

    out = []
    for r in article_rows:
        text = r.text

        out.append({
            "schema_version": r.schema_version,
            "id": r.id,
            "title": r.title,
            "published": r.published.isoformat() if r.published else None,
            "url": r.url,
            "outlet": r.outlet,
            "author": r.author,
            "text_sha256": r.text_sha256,
            "text": text,
            "entities": [
                {
                    "id": keys[(r.pk, e.local_id)][0] if global_speakers and (r.pk, e.local_id) in keys else e.local_id,
                    "name": e.name,
                    "kind": e.kind,
                    "aliases": list(e.aliases),
                    "titles": list(e.titles),
                    "nationality": e.nationality,
                    "mentions": [{**_span(text, (m.start, m.end)), "form": m.form} for m in mentions[(r.pk, e.local_id)]],
                    **({"entity": keys.get((r.pk, e.local_id), (None,))[0]} if entity_keys else {}),
                }
                for e in entities[r.pk]
            ],
            "attributions": [
                {
                    "source": a.source,
                    "cue": a.cue,
                    "content": a.content,
                    "source_text": a.source_text,
                    "cue_text": a.cue_text,
                    "content_text": a.content_text,
                    "speaker": _speaker(r.pk, a, keys, global_speakers, entity_keys),
                    "type": a.type,
                    "kind": a.kind,
                    "cue_lemma": a.cue_lemma,
                    "confidence": a.confidence,
                    "origin": a.origin,
                    "said_on": a.said_on,
                    "said_on_source": a.said_on_source,
                    "claim": claims.get((r.pk, a.idx)),
                }
                for a in attributions[r.pk]
            ],
            "time_expressions": r.time_expressions,
            "verification_notes": r.verification_notes,
            "roles": [_role(r.pk, m, keys, global_speakers) for m in roles[r.pk]],
        })
    return out


def article_dict(conn: Connection, article_id: str, *, global_speakers: bool = False) -> dict[str, Any]:
    row = conn.execute(select(A).where(A.c.id == article_id.replace("\x00", ""))).first()
    if row is None:
        raise ArticleNotFound(f"no stored article with id {article_id!r}")
    return article_dicts(conn, [row], global_speakers=global_speakers)[0]


def iter_article_dicts(
    conn: Connection, batch: int = 200, *, global_speakers: bool = False, entity_keys: bool = False
) -> Iterator[dict[str, Any]]:
    """Every stored article's JSON, in ingestion order, read ``batch`` articles at a time."""
    last = 0
    while True:
        rows = conn.execute(select(A).where(A.c.pk > last).order_by(A.c.pk).limit(batch)).all()
        if not rows:
            return
        yield from article_dicts(conn, rows, global_speakers=global_speakers, entity_keys=entity_keys)
        last = rows[-1].pk


def list_articles(conn: Connection, q: str | None = None, limit: int = 50, offset: int = 0) -> Page[ArticleSummary]:
    """Stored articles, newest first; ``q`` filters on words of the title (or the id)."""
    where = []
    for word in (q or "").replace("\x00", "").split():
        pattern = f"%{word.lower()}%"
        where.append(func.lower(func.coalesce(A.c.title, "")).like(pattern) | func.lower(A.c.id).like(pattern))
    total = conn.execute(select(func.count()).select_from(A).where(*where)).scalar_one()
    rows = conn.execute(
        select(A.c.id, A.c.title, A.c.published, A.c.outlet, A.c.url, A.c.n_attributions)
        .where(*where)
        .order_by(A.c.published.desc().nulls_last(), A.c.id)
        .limit(limit)
        .offset(offset)
    )
    items = tuple(ArticleSummary(r.id, r.title, r.published, r.outlet, r.url, r.n_attributions) for r in rows)
    return Page(total, items)
