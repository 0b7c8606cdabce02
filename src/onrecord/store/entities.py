"""Cross-article entities in the store: run the resolution, write its clusters, merges and links; merge and split by hand.

The clustering itself is :func:`onrecord.resolve.entities.resolve_groups` (no SQL); this module reads
its input from the tables and writes the result back in one transaction, changing only what changed,
so entity keys and merge ids stay stable from one run to the next.
"""
from __future__ import annotations

import time
from collections import Counter, defaultdict

from sqlalchemy import Connection, delete, insert, or_, select, update

from ..errors import EntityNotFound, StoreError
from ..resolve.entities import Decision, NameGroup, Resolution, entity_key, normalise_name, resolve_groups
from ..resolve.generic import base_norm
from . import tables as t
from .queries import find_entities
from .records import ResolutionReport

N, E, AE = t.entity_names, t.entities, t.article_entities


def load_groups(conn: Connection) -> list[NameGroup]:
    """Every name group with its article count, most frequent spelling, aliases and titles."""
    stats: dict[int, list] = defaultdict(lambda: [0, Counter(), Counter(), Counter(), set(), set()])
    A = t.articles
    rows = conn.execute(
        select(AE.c.article_pk, AE.c.name_pk, AE.c.name, AE.c.kind, AE.c.aliases, AE.c.titles, A.c.outlet, A.c.published)
        .join(A, A.c.pk == AE.c.article_pk)
    ).all()
    others = _namesakes_in_article(rows)
    for r in rows:
        entry = stats[r.name_pk]
        entry[0] += 1
        entry[1][r.name] += 1
        entry[2].update({normalise_name(a) for a in r.aliases})
        entry[3].update(set(r.titles))
        if r.outlet:
            entry[4].add(r.outlet)
        if r.published:
            entry[5].add(r.published.toordinal())
    groups = []
    for r in conn.execute(select(N.c.pk, N.c.kind, N.c.norm, N.c.name).order_by(N.c.pk)):
        count, names, aliases, titles, outlets, days = stats.get(r.pk, [0, Counter(), Counter(), Counter(), set(), set()])
        name = min(names.items(), key=lambda x: (-x[1], x[0]))[0] if names else r.name
        groups.append(
            NameGroup(r.pk, r.kind, r.norm, name, count, tuple(sorted(aliases.items())), tuple(sorted(titles.items())),
                      tuple(sorted(outlets)), tuple(sorted(days)), tuple(sorted(others.get(r.pk, ()))))
        )
    return groups


def _namesakes_in_article(rows) -> dict[int, set[str]]:
    """For each one-word person name, the first names of the other people its article names with that
    word in their name ("Etienne" beside "Camille Etienne Gbedey": "camille")."""
    people: dict[int, list[list[str]]] = defaultdict(list)
    for r in rows:
        if r.kind == "person":
            people[r.article_pk].append(normalise_name(r.name).split())
    out: dict[int, set[str]] = defaultdict(set)
    for r in rows:
        words = normalise_name(r.name).split()
        if r.kind in ("person", "unresolved") and len(words) == 1:
            for other in people[r.article_pk]:
                if len(other) > 1 and words[0] in other[1:]:
                    out[r.name_pk].add(other[0])
    return out


def load_decisions(conn: Connection) -> list[Decision]:
    rows = conn.execute(select(t.entity_decisions).order_by(t.entity_decisions.c.pk))
    return [Decision(r.action, r.name_pk, r.other_name_pk, r.reason) for r in rows]


def apply_resolution(conn: Connection, groups: list[NameGroup], resolution: Resolution) -> int:
    """Write clusters, merges and links; returns how many name groups changed entity."""
    existing = {r.key: r for r in conn.execute(select(E.c.pk, E.c.key, E.c.name, E.c.kind))}
    current = {r.pk: (r.entity_pk, r.name) for r in conn.execute(select(N.c.pk, N.c.entity_pk, N.c.name))}
    wanted_pk: dict[int, int] = {}
    for cluster in resolution.clusters:
        row = existing.get(cluster.key)
        if row is None:
            pk = conn.execute(insert(E).returning(E.c.pk), {"key": cluster.key, "name": cluster.name, "kind": cluster.kind}).scalar_one()
        else:
            pk = row.pk
            if (row.name, row.kind) != (cluster.name, cluster.kind):
                conn.execute(update(E).where(E.c.pk == pk).values(name=cluster.name, kind=cluster.kind))
        for member in cluster.members:
            wanted_pk[member] = pk
    display = {g.pk: g.name for g in groups}
    changes = [
        {"b_pk": pk, "b_entity": wanted_pk[pk], "b_name": display[pk][:300]}
        for pk, (entity_pk, name) in current.items()
        if pk in wanted_pk and (entity_pk != wanted_pk[pk] or name != display[pk][:300])
    ]
    moved = sum(1 for pk, (entity_pk, _) in current.items() if pk in wanted_pk and entity_pk != wanted_pk[pk])
    if changes:
        from sqlalchemy import bindparam

        conn.execute(
            update(N).where(N.c.pk == bindparam("b_pk")).values(entity_pk=bindparam("b_entity"), name=bindparam("b_name")),
            changes,
        )
    used = set(wanted_pk.values())
    stale = [row.pk for row in existing.values() if row.pk not in used]
    if stale:
        conn.execute(delete(E).where(E.c.pk.in_(stale)))

    _sync(conn, t.merges, ("name_pk", "into_name_pk", "rule", "evidence", "manual"),
          {(m.group, m.into, m.rule, m.evidence, m.manual) for m in resolution.merges})
    _sync(conn, t.entity_links, ("name_pk", "relation", "target", "target_name_pk", "evidence"),
          {(x.group, x.relation, x.target, x.target_group, x.evidence) for x in resolution.links})
    return moved


def _sync(conn: Connection, table, columns: tuple[str, ...], wanted: set[tuple]) -> None:
    """Make ``table`` hold exactly ``wanted`` rows (on ``columns``), keeping the pks of unchanged rows."""
    have = {tuple(getattr(r, c) for c in columns): r.pk for r in conn.execute(select(table.c.pk, *(table.c[c] for c in columns)))}
    gone = [pk for row, pk in have.items() if row not in wanted]
    if gone:
        conn.execute(delete(table).where(table.c.pk.in_(gone)))
    new = sorted(wanted - set(have), key=lambda row: tuple("" if v is None else str(v) for v in row))
    if new:
        conn.execute(insert(table), [dict(zip(columns, row)) for row in new])


def resolve_all(conn: Connection) -> ResolutionReport:
    """Re-cluster every name group (the global second stage after ingestion); one transaction."""
    start = time.perf_counter()
    groups = load_groups(conn)
    resolution = resolve_groups(groups, load_decisions(conn))
    moved = apply_resolution(conn, groups, resolution)
    return ResolutionReport(
        groups=len(groups),
        entities=len(resolution.clusters),
        merges=len(resolution.merges),
        links=len(resolution.links),
        changed_groups=moved,
        seconds=round(time.perf_counter() - start, 3),
    )


def pending_groups(conn: Connection) -> int:
    """Name groups not yet assigned to an entity (articles stored since the last resolution)."""
    from sqlalchemy import func

    return conn.execute(select(func.count()).select_from(N).where(N.c.entity_pk.is_(None))).scalar_one()


# ---------------------------------------------------------------- manual decisions


def _one_entity(conn: Connection, ref: str) -> int:
    pks = find_entities(conn, ref)
    if not pks:
        raise EntityNotFound(f"no entity matches {ref!r} (try its id from `onrecord speakers`)")
    if len(pks) > 1:
        keys = conn.execute(select(E.c.key).where(E.c.pk.in_(pks)).order_by(E.c.key)).scalars().all()
        raise StoreError(f"{ref!r} matches several entities ({', '.join(keys)}); name one by its id")
    return pks[0]


def _groups_of(conn: Connection, entity_pk: int) -> list[int]:
    return conn.execute(select(N.c.pk).where(N.c.entity_pk == entity_pk).order_by(N.c.pk)).scalars().all()


def _anchor_group(conn: Connection, entity_pk: int) -> int:
    key = conn.execute(select(E.c.key).where(E.c.pk == entity_pk)).scalar_one()
    for r in conn.execute(select(N.c.pk, N.c.kind, N.c.norm).where(N.c.entity_pk == entity_pk)):
        if key in (entity_key(r.kind, r.norm), entity_key(r.kind, base_norm(r.norm))):
            return r.pk
    return _groups_of(conn, entity_pk)[0]


def merge_entities(conn: Connection, into: str, other: str, reason: str = "") -> str:
    """Make ``other`` part of ``into`` (both entity ids or names), for good; returns the resulting entity id."""
    a, b = _one_entity(conn, into), _one_entity(conn, other)
    if a == b:
        raise StoreError(f"{into!r} and {other!r} are one entity already")
    ga, gb = _groups_of(conn, a), _groups_of(conn, b)
    # a merge undoes earlier splits between the two
    conn.execute(
        delete(t.entity_decisions).where(
            t.entity_decisions.c.action == "split",
            or_(
                t.entity_decisions.c.name_pk.in_(ga) & t.entity_decisions.c.other_name_pk.in_(gb),
                t.entity_decisions.c.name_pk.in_(gb) & t.entity_decisions.c.other_name_pk.in_(ga),
            ),
        )
    )
    conn.execute(
        insert(t.entity_decisions),
        {"action": "merge", "name_pk": _anchor_group(conn, b), "other_name_pk": _anchor_group(conn, a), "reason": reason or "merged by hand"},
    )
    resolve_all(conn)
    return conn.execute(select(E.c.key).join(N, N.c.entity_pk == E.c.pk).where(N.c.pk == ga[0])).scalar_one()


def split_name(conn: Connection, entity: str, name: str, reason: str = "") -> str:
    """Take the spelling ``name`` (and the articles using it) out of ``entity``, for good; returns its new entity id."""
    entity_pk = _one_entity(conn, entity)
    norm = normalise_name(name)
    members = conn.execute(select(N.c.pk, N.c.norm).where(N.c.entity_pk == entity_pk)).all()
    # a surname or generic nominal has a group per article ("clinton @7dc96f5d"): the split takes them all
    target = [m.pk for m in members if base_norm(m.norm) == norm]
    if not target:
        names = ", ".join(sorted({base_norm(m.norm) for m in members}))
        raise StoreError(f"{name!r} is not one of the names of {entity!r} ({names})")
    if len(target) == len(members):
        raise StoreError(f"{entity!r} has one name only; there is nothing to split")
    g = target[0]
    others = [m.pk for m in members if m.pk not in target]
    conn.execute(
        delete(t.entity_decisions).where(
            t.entity_decisions.c.action == "merge",
            or_(
                t.entity_decisions.c.name_pk.in_(target) & t.entity_decisions.c.other_name_pk.in_(others),
                t.entity_decisions.c.other_name_pk.in_(target) & t.entity_decisions.c.name_pk.in_(others),
            ),
        )
    )
    conn.execute(
        insert(t.entity_decisions),
        [{"action": "split", "name_pk": x, "other_name_pk": o, "reason": reason or "split by hand"} for x in target for o in others]
        + [{"action": "merge", "name_pk": x, "other_name_pk": g, "reason": f"the same name, split together from {entity!r}"} for x in target[1:]],
    )
    resolve_all(conn)
    return conn.execute(select(E.c.key).join(N, N.c.entity_pk == E.c.pk).where(N.c.pk == g)).scalar_one()
