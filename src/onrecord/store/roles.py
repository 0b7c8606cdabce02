"""Role histories: what the stored articles call an entity, per normalised role, and when.

Reads ``role_mentions`` (written with each article, ``write.py``) through the index on (name group, day):
an entity's history and the role mentions of a date window are one query each, whatever the store's size.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, distinct, func, or_, select

from ..errors import AmbiguousSpeaker, ArticleNotFound, EntityNotFound
from . import tables as t
from .queries import clean, find_entities
from .records import _Record

A, N, E, R, AE = t.articles, t.entity_names, t.entities, t.role_mentions, t.article_entities


@dataclass(frozen=True, slots=True)
class RoleHistoryEntry(_Record):
    """One normalised role of an entity across the store: ``office`` held as ``qualifier`` (None: plainly)."""

    office: str | None
    qualifier: str | None
    orgs: tuple[str, ...]  # organisations or countries given with it, most frequent first
    first_seen: dt.date | None
    last_seen: dt.date | None
    articles: int
    outlets: int
    example: str  # one description as written ("Former President")


@dataclass(frozen=True, slots=True)
class RoleHistory(_Record):
    id: str
    name: str
    roles: tuple[RoleHistoryEntry, ...]


@dataclass(frozen=True, slots=True)
class WindowRole:
    """A role mention of another article in a date window (evidence for ``store/roles_check.py``)."""

    article_id: str
    outlet: str | None
    day: dt.date | None
    office: str | None
    org: str | None
    qualifier: str | None
    text: str
    start: int
    end: int
    entity_pk: int | None = None
    shape: str | None = None  # premodifier, apposition, predicate or nominal


def _entity(conn: Connection, speaker: str):
    row = conn.execute(select(E).where(E.c.key == clean(speaker))).first()
    if row is None:
        pks = find_entities(conn, speaker)
        if len(pks) > 1:
            keys = conn.execute(select(E.c.key).where(E.c.pk.in_(pks)).order_by(E.c.key)).scalars().all()
            raise AmbiguousSpeaker(f"{speaker!r} fits {len(keys)} speakers: {', '.join(keys)}; give one of these ids")
        row = conn.execute(select(E).where(E.c.pk == pks[0])).first() if pks else None
    if row is None:
        raise EntityNotFound(f"no speaker with id or name {speaker!r} (ids are listed by `onrecord speakers`)")
    return row


def role_history(conn: Connection, speaker: str) -> RoleHistory:
    """Per normalised role (office, qualifier) of one entity (id or name): first and last seen, articles, outlets."""
    entity = _entity(conn, speaker)
    from_ = R.join(N, R.c.name_pk == N.c.pk).join(A, R.c.article_pk == A.c.pk)
    mine = N.c.entity_pk == entity.pk
    rows = conn.execute(
        select(R.c.office, R.c.qualifier, func.min(R.c.day), func.max(R.c.day), func.count(distinct(R.c.article_pk)),
               func.count(distinct(A.c.outlet)), func.min(R.c.text))
        .select_from(from_).where(mine).group_by(R.c.office, R.c.qualifier)
    ).all()
    orgs: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    for r in conn.execute(
        select(R.c.office, R.c.qualifier, R.c.org, func.count()).select_from(from_).where(mine, R.c.org.is_not(None))
        .group_by(R.c.office, R.c.qualifier, R.c.org)
    ):
        orgs[(r[0], r[1])].append((-r[3], r[2]))
    entries = [
        RoleHistoryEntry(r[0], r[1], tuple(o for _, o in sorted(orgs[(r[0], r[1])])), r[2], r[3], r[4], r[5], r[6])
        for r in rows
    ]
    entries.sort(key=lambda e: (-e.articles, e.first_seen or dt.date.max, e.office or "", e.qualifier or ""))
    return RoleHistory(entity.key, entity.name, tuple(entries))


def stored_entity_pks(conn: Connection, article_id: str) -> dict[str, int | None]:
    """The cross-article entity of each local entity id of a stored article (raises ``ArticleNotFound``)."""
    pk = conn.execute(select(A.c.pk).where(A.c.id == clean(article_id))).scalar()
    if pk is None:
        raise ArticleNotFound(f"no stored article with id {article_id!r}")
    rows = conn.execute(select(AE.c.local_id, N.c.entity_pk).join(N, AE.c.name_pk == N.c.pk).where(AE.c.article_pk == pk))
    return {r.local_id: r.entity_pk for r in rows}


def entity_pks_by_name(conn: Connection, name: str) -> list[int]:
    """The stored entities an analysed article's entity name refers to (by name, spelling or alias)."""
    return find_entities(conn, name)


def window_roles(
    conn: Connection, entity_pks: list[int], since: dt.date, until: dt.date, exclude_sha256: str | None = None
) -> list[WindowRole]:
    """Role mentions of these entities in articles dated ``since``..``until``, except the article of ``exclude_sha256``."""
    if not entity_pks:
        return []
    where = [N.c.entity_pk.in_(entity_pks), R.c.day >= since, R.c.day <= until]
    if exclude_sha256:
        where.append(A.c.text_sha256 != exclude_sha256)
    return _window_rows(conn, where)


def _window_rows(conn: Connection, where: list) -> list[WindowRole]:
    """The role mentions matching ``where``, with their article, in date order."""
    rows = conn.execute(
        select(A.c.id, A.c.outlet, R.c.day, R.c.office, R.c.org, R.c.qualifier, R.c.text, R.c.start, R.c.end, N.c.entity_pk,
               R.c.shape)
        .select_from(R.join(N, R.c.name_pk == N.c.pk).join(A, R.c.article_pk == A.c.pk))
        .where(*where)
        .order_by(R.c.day, A.c.id, R.c.start)
    )
    return [WindowRole(r.id, r.outlet, r.day, r.office, r.org, r.qualifier, r.text, r.start, r.end, r.entity_pk, r.shape) for r in rows]


def office_roles(
    conn: Connection, office: str, since: dt.date, until: dt.date, exclude_sha256: str | None = None
) -> list[WindowRole]:
    """Role mentions of ``office``, of any entity, held plainly (or acting, interim) in articles dated ``since``..``until``.

    The other holders of a seat (``store/roles_rules.py``): few rows, one office of a few weeks.
    """
    where = [R.c.office == office, R.c.day >= since, R.c.day <= until, N.c.entity_pk.is_not(None),
             or_(R.c.qualifier.is_(None), R.c.qualifier.in_(("acting", "interim")))]
    if exclude_sha256:
        where.append(A.c.text_sha256 != exclude_sha256)
    return _window_rows(conn, where)


def entity_names(conn: Connection, pks: list[int]) -> dict[int, str]:
    """entity pk -> its name."""
    return dict(conn.execute(select(E.c.pk, E.c.name).where(E.c.pk.in_(pks))).all()) if pks else {}


def office_holders(conn: Connection, office: str, since: dt.date, until: dt.date, qualifiers: tuple) -> dict[int, int]:
    """entity pk -> articles dated ``since``..``until`` that give it ``office`` with one of ``qualifiers`` (None: plainly)."""
    held = [R.c.qualifier.is_(None)] if None in qualifiers else []
    named = [q for q in qualifiers if q is not None]
    if named:
        held.append(R.c.qualifier.in_(named))
    rows = conn.execute(
        select(N.c.entity_pk, func.count(distinct(R.c.article_pk)))
        .select_from(R.join(N, R.c.name_pk == N.c.pk))
        .where(R.c.office == office, R.c.day >= since, R.c.day <= until, N.c.entity_pk.is_not(None), or_(*held))
        .group_by(N.c.entity_pk)
    )
    return {r[0]: r[1] for r in rows}


def sentences(conn: Connection, wanted: list[tuple[str, int, int]]) -> dict[tuple[str, int], str]:
    """The sentence around each (article id, start, end), cut from the stored text (evidence to show)."""
    out: dict[tuple[str, int], str] = {}
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for article_id, start, end in wanted:
        by_article[article_id].append((start, end))
    for article_id, spans in by_article.items():  # one read per article: the stretch that holds all its spans
        begin = max(0, min(s for s, _ in spans) - 300)
        stop = max(e for _, e in spans) + 300
        piece = conn.execute(select(func.substr(A.c.text, begin + 1, stop - begin)).where(A.c.id == article_id)).scalar()
        if piece is None:
            continue
        for start, end in spans:
            out[(article_id, start)] = sentence_around(piece, start - begin, end - begin)
    return out


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``start:end``: from the last sentence end or line break before it to the next.

    Example:
        >>> sentence_around("It rained. Former President Ana Ruiz spoke. Then", 11, 27)
        'Former President Ana Ruiz spoke.'
        >>> sentence_around("It rained. Under President George W. Bush, Mrs. Ruiz spoke. Then", 17, 26)
        'Under President George W. Bush, Mrs. Ruiz spoke.'
    """
    ends = [m.start() for m in _SENTENCE_END.finditer(text) if not _ABBREVIATION.search(text, 0, m.start() + 1)]
    left = max([i for i in ends if i < start], default=-1) + 1
    right = min([i for i in ends if i >= end], default=len(text) - 1) + 1
    return text[left:right].strip()


_SENTENCE_END = re.compile(r"[.?!](?=\s)|\n")
#: a period that ends an initial or a title, not a sentence: "George W. Bush", "Mrs. Clinton", "Gov. Bush"
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Lt|Col|Gen|Gov|Sen|Rep|Pres|Sgt|Capt|U\.S|Mt|No|Vs))\.$")
