"""A canonical dump of a store: natural keys only, fixed order, comparable across runs and databases."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from . import tables as t
from .read import article_dicts


def _sorted(rows) -> list:
    return sorted(rows, key=lambda row: json.dumps(row, default=str))


def canonical_dump(conn: Connection, batch: int = 200) -> dict[str, Any]:
    """Everything stored, keyed by text hash and (kind, normalised name) instead of surrogate keys."""
    articles = []
    last = ""
    while True:
        rows = conn.execute(select(t.articles).where(t.articles.c.text_sha256 > last).order_by(t.articles.c.text_sha256).limit(batch)).all()
        if not rows:
            break
        for row, d in zip(rows, article_dicts(conn, rows)):
            articles.append({**d, "origin": row.origin, "n_attributions": row.n_attributions})
        last = rows[-1].text_sha256

    names = {r.pk: (r.kind, r.norm) for r in conn.execute(select(t.entity_names.c.pk, t.entity_names.c.kind, t.entity_names.c.norm))}
    keys = {r.pk: r.key for r in conn.execute(select(t.entities.c.pk, t.entities.c.key))}
    groups = _sorted(
        [r.kind, r.norm, r.name, keys.get(r.entity_pk)]
        for r in conn.execute(select(t.entity_names.c.kind, t.entity_names.c.norm, t.entity_names.c.name, t.entity_names.c.entity_pk))
    )
    speaker_groups = _sorted(
        [r.id, r.local_id, *names[r.name_pk]]
        for r in conn.execute(
            select(t.articles.c.id, t.article_entities.c.local_id, t.article_entities.c.name_pk).join(
                t.articles, t.article_entities.c.article_pk == t.articles.c.pk
            )
        )
    )
    entities = _sorted([r.key, r.name, r.kind] for r in conn.execute(select(t.entities.c.key, t.entities.c.name, t.entities.c.kind)))
    merges = _sorted(
        [*names[r.name_pk], *names[r.into_name_pk], r.rule, r.evidence, bool(r.manual)]
        for r in conn.execute(select(t.merges))
    )
    decisions = _sorted(
        [r.action, *names[r.name_pk], *names[r.other_name_pk], r.reason] for r in conn.execute(select(t.entity_decisions))
    )
    links = _sorted(
        [*names[r.name_pk], r.relation, r.target, list(names[r.target_name_pk]) if r.target_name_pk else None, r.evidence]
        for r in conn.execute(select(t.entity_links))
    )
    return {
        "articles": articles,
        "article_entity_groups": speaker_groups,
        "name_groups": groups,
        "entities": entities,
        "merges": merges,
        "decisions": decisions,
        "links": links,
    }
