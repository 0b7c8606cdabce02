"""Queries over cross-article speakers: quotes with filters, speaker rankings, one speaker's record."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import Connection, Text, cast, distinct, func, select

from ..errors import ArticleNotFound, AttributionNotFound, EntityNotFound
from ..resolve.entities import entity_key, normalise_name, strip_titles
from ..resolve.generic import ARTICLE_MARK
from . import fulltext
from . import tables as t
from .filters import QuoteFilter
from .records import (
    LinkRecord,
    MergeRecord,
    Page,
    Quote,
    RelatedStatement,
    RelatedStatements,
    Role,
    SpeakerDetail,
    SpeakerRef,
    SpeakerSummary,
    StatementPoint,
)

A, AE, AT, C, N, E = t.articles, t.article_entities, t.attributions, t.claims, t.entity_names, t.entities


def clean(value: str | None) -> str | None:
    """User text as a query parameter: NUL characters dropped (PostgreSQL refuses them in text)."""
    return value.replace("\x00", "") if value is not None else None


def find_entities(conn: Connection, speaker: str) -> list[int]:
    """Entity pks a user's speaker string means: an entity key, a name or spelling, a title-less name, an alias.

    Example: ``"Hillary Clinton"``, ``"hillary-clinton"``, ``"Secretary Clinton"`` and (once merged) ``"Clinton"``
    all find Hillary Clinton.
    """
    speaker = clean(speaker)
    by_key = conn.execute(select(E.c.pk).where(E.c.key == speaker)).scalars().all()
    if by_key:
        return list(by_key)
    norm = normalise_name(speaker)
    _, core = strip_titles(norm.split())
    for candidate in dict.fromkeys([norm, " ".join(core)]):
        # the name itself, and the same name kept to its articles ("trump @1a2b3c4d", "officials @…": resolve/generic.py)
        pks = conn.execute(
            select(N.c.entity_pk).distinct().where(
                (N.c.norm == candidate) | N.c.norm.like(candidate + ARTICLE_MARK + "%"), N.c.entity_pk.is_not(None)
            )
        ).scalars().all()
        if pks:
            return sorted(pks)
    # an alias seen inside articles ("Putin" when every article spelled the full name)
    rows = conn.execute(
        select(N.c.entity_pk, AE.c.aliases)
        .join(N, AE.c.name_pk == N.c.pk)
        .where(func.lower(cast(AE.c.aliases, Text)).like(f"%{speaker.lower()}%"), N.c.entity_pk.is_not(None))
    )
    counts = Counter(r.entity_pk for r in rows if any(normalise_name(alias) == norm for alias in r.aliases))
    return sorted(counts)


def _quote_select(dialect: str, q: str | None):
    """The columns of a quote (in the order :func:`_quote` unpacks them), the joins, and the full-text hits."""
    day = AT.c.day
    columns = [
        A.c.id.label("article_id"), A.c.title, A.c.published, A.c.outlet, AT.c.idx, AT.c.speaker_name, AT.c.speaker_kind,
        E.c.key, E.c.name.label("entity_name"), E.c.kind.label("entity_kind"), N.c.kind.label("group_kind"), N.c.norm,
        AT.c.source_text, AT.c.cue_text, AT.c.content_text, AT.c.content, AT.c.type, AT.c.kind, AT.c.cue_lemma, AT.c.confidence,
        AT.c.said_on, C.c.stance, C.c.certainty, C.c.verification, day,
    ]
    from_ = (
        AT.join(A, AT.c.article_pk == A.c.pk)
        .outerjoin(N, AT.c.name_pk == N.c.pk)
        .outerjoin(E, N.c.entity_pk == E.c.pk)
        .outerjoin(C, (C.c.article_pk == AT.c.article_pk) & (C.c.idx == AT.c.idx))
    )
    hits = fulltext.hits(dialect, q) if q else None
    if hits is not None:
        from_ = from_.join(hits, hits.c.rid == AT.c.pk)
        columns.append(hits.c.score)
    return columns, from_, hits


def _count_from(hits, speaker, speaker_id, claim_filter, row_filter=False):
    """The tables the count needs: the filters' own, nothing joined for display (each join is at most
    one row per attribution, so the count is the same as over the page query's joins, and cheaper).
    A claim filter alone (no ``row_filter`` on the attributions' own columns: dates, kinds) counts claims
    only: each claim row belongs to exactly one attribution (its primary key is a foreign key to the attribution's)."""
    if claim_filter is not None and hits is None and speaker is None and speaker_id is None and not row_filter:
        return C
    from_ = AT
    if speaker is not None or speaker_id is not None:
        from_ = from_.join(N, AT.c.name_pk == N.c.pk)
    if speaker_id is not None:
        from_ = from_.join(E, N.c.entity_pk == E.c.pk)
    if claim_filter is not None:
        from_ = from_.join(C, (C.c.article_pk == AT.c.article_pk) & (C.c.idx == AT.c.idx))
    if hits is not None:
        from_ = from_.join(hits, hits.c.rid == AT.c.pk)
    return from_


#: share of all claims above which a claim value counts as common (see quotes)
COMMON_SHARE = 0.1


def _count_claims(conn: Connection, claim_where: list) -> int:
    """How many claims match every ``(column, value)`` of ``claim_where`` (the claims' own indexes count them)."""
    return conn.execute(select(func.count()).select_from(C).where(*(col == v for col, v in claim_where))).scalar_one()


def _count_kinds(conn: Connection, kinds: tuple[str, ...] | None) -> int:
    """How many attributions are of one of ``kinds`` (all of them for ``None``), counted on the kind index."""
    return conn.execute(select(func.count()).select_from(AT).where(*([AT.c.kind.in_(kinds)] if kinds else []))).scalar_one()


def _quote(row) -> Quote:
    # unpacked by position, in the order of _quote_select's columns: a Row's attribute access costs ~1 µs
    # (no SQLAlchemy C extensions here), 25 of them per row were a quarter of a /api/quotes request
    (article_id, title, published, outlet, idx, speaker_name, speaker_kind, key, entity_name, entity_kind, group_kind, norm,
     source_text, cue_text, content_text, content, type_, kind, cue_lemma, confidence, said_on, stance, certainty,
     verification, *_) = row
    if key is not None:
        speaker = SpeakerRef(key, entity_name, entity_kind)
    elif speaker_name is not None:  # its name group awaits resolution
        speaker = SpeakerRef(entity_key(group_kind, norm), speaker_name, speaker_kind)
    else:
        speaker = None
    return Quote(
        article_id=article_id,
        article_title=title,
        published=published,
        outlet=outlet,
        index=idx,
        speaker=speaker,
        source_text=source_text,
        cue_text=cue_text,
        content_text=content_text,
        content=tuple(tuple(p) for p in content),
        type=type_,
        kind=kind,
        cue_lemma=cue_lemma,
        confidence=confidence,
        stance=stance,
        said_on=said_on,
        certainty=certainty,
        verification=verification,
    )


def quotes(
    conn: Connection,
    filters: QuoteFilter,
    *,
    limit: int = 50,
    offset: int = 0,
    oldest_first: bool = False,
    by_relevance: bool = False,
) -> Page[Quote]:
    """Attributions matching every field of ``filters``, by date (newest first unless ``oldest_first``)."""
    dialect = conn.dialect.name
    speaker, speaker_id, stance, q, verification = map(clean, (filters.speaker, filters.speaker_id, filters.stance, filters.q, filters.verification))
    since, until, kinds = filters.since, filters.until, filters.kind
    columns, from_, hits = _quote_select(dialect, q)
    where = []
    if q and hits is None:  # no word to search for: nothing matches
        return Page(0, ())
    if speaker_id is not None:
        where.append(E.c.key == speaker_id)
    if speaker is not None:
        pks = find_entities(conn, speaker)
        if not pks:
            return Page(0, ())
        where.append(N.c.entity_pk.in_(pks))
    if since is not None:
        where.append(AT.c.day >= since)
    if until is not None:
        where.append(AT.c.day <= until)
    if kinds is not None:
        # as for a common stance below: SQLite would start from the kind index and sort every match by date;
        # for common kinds ("quotes only" is most rows) walking the date index and checking each row is faster
        common = dialect == "sqlite" and _count_kinds(conn, kinds) > COMMON_SHARE * _count_kinds(conn, None)
        where.append((AT.c.kind + "" if common else AT.c.kind).in_(kinds))
    claim_where = []
    if stance is not None:
        claim_where.append((C.c.stance, stance))
    if verification is not None:
        claim_where.append((C.c.verification, verification))
    count_from = _count_from(hits, speaker, speaker_id, claim_where or None, since is not None or until is not None or kinds is not None)
    # claims matching the claim filters: the total when they are the only filters, and on SQLite how common they are
    matches = _count_claims(conn, claim_where) if claim_where and (count_from is C or dialect == "sqlite") else None
    if dialect == "sqlite" and matches is not None and matches > COMMON_SHARE * _count_claims(conn, []):
        # SQLite keeps no statistics of values: it would start from the stance index and sort every match
        # by date; for a common value, starting from the other filters (or walking the date index) and
        # checking each row's claim is much faster. "stance || ''" keeps the index out.
        where.extend((col + "") == v for col, v in claim_where)
    else:
        where.extend(col == v for col, v in claim_where)
    if count_from is C:
        total = matches
    else:
        total = conn.execute(select(func.count()).select_from(count_from).where(*where)).scalar_one()
    if by_relevance and hits is not None:
        order = [hits.c.score.desc(), AT.c.day.desc().nulls_last()]
    elif oldest_first:
        order = [AT.c.day.asc().nulls_last()]
    else:
        order = [AT.c.day.desc().nulls_last()]
    rows = conn.execute(select(*columns).select_from(from_).where(*where).order_by(*order, A.c.id, AT.c.idx).limit(limit).offset(offset))
    return Page(total, tuple(_quote(r) for r in rows))


def _outlets(conn: Connection, entity_pks: list[int]) -> dict[int, tuple[str, ...]]:
    if not entity_pks:
        return {}
    rows = conn.execute(
        select(N.c.entity_pk, A.c.outlet, func.count().label("n"))
        .select_from(AT.join(A, AT.c.article_pk == A.c.pk).join(N, AT.c.name_pk == N.c.pk))
        .where(N.c.entity_pk.in_(entity_pks), A.c.outlet.is_not(None))
        .group_by(N.c.entity_pk, A.c.outlet)
    )
    by_entity: dict[int, list] = defaultdict(list)
    for r in rows:
        by_entity[r.entity_pk].append((-r.n, r.outlet))
    return {pk: tuple(outlet for _, outlet in sorted(v)) for pk, v in by_entity.items()}


def _speaker_filters(conn: Connection, q: str | None, kind: str | None):
    where = []
    if kind is not None:
        where.append(E.c.kind == kind)
    if q:
        pattern = f"%{normalise_name(q)}%"
        where.append(E.c.pk.in_(select(N.c.entity_pk).where(N.c.norm.like(pattern))))
    return where


def speakers(
    conn: Connection, q: str | None = None, kind: str | None = None, limit: int = 50, offset: int = 0,
    attribution_kinds: tuple[str, ...] | None = None,
) -> Page[SpeakerSummary]:
    """Entities with at least one attribution, most quoted first; ``q`` matches any of their spellings, ``kind``
    is the entity's kind; with ``attribution_kinds`` only attributions of those kinds count (and are required)."""
    where = _speaker_filters(conn, clean(q), clean(kind))
    if attribution_kinds is not None:
        where.append(AT.c.kind.in_(attribution_kinds))
    from_ = AT.join(N, AT.c.name_pk == N.c.pk).join(E, N.c.entity_pk == E.c.pk)
    grouped = (
        select(
            E.c.pk, E.c.key, E.c.name, E.c.kind, func.count().label("quotes"),
            func.count(distinct(AT.c.article_pk)).label("articles"), func.min(AT.c.day).label("first"), func.max(AT.c.day).label("last"),
        )
        .select_from(from_)
        .where(*where)
        .group_by(E.c.pk, E.c.key, E.c.name, E.c.kind)
    )
    # the number of speakers comes with the page (a window over the groups): one aggregation over the
    # attributions instead of two; only a page past the end needs the count on its own
    page = grouped.add_columns(func.count().over().label("total"))
    rows = conn.execute(page.order_by(func.count().desc(), E.c.name, E.c.key).limit(limit).offset(offset)).all()
    if rows:
        total = rows[0].total
    else:
        total = conn.execute(select(func.count()).select_from(grouped.subquery())).scalar_one() if offset else 0
    outlets = _outlets(conn, [r.pk for r in rows])
    items = tuple(
        SpeakerSummary(r.key, r.name, r.kind, r.quotes, r.articles, r.first, r.last, outlets.get(r.pk, ())) for r in rows
    )
    return Page(total, items)


def speaker(conn: Connection, speaker_id: str) -> SpeakerDetail:
    """One entity by key: counts, dates, outlets, aliases, dated roles, its spellings, merges and links."""
    entity = conn.execute(select(E).where(E.c.key == clean(speaker_id))).first()
    if entity is None:
        raise EntityNotFound(f"no speaker with id {speaker_id!r} (ids are listed by `onrecord speakers`)")
    counts = conn.execute(
        select(func.count(), func.count(distinct(AT.c.article_pk)), func.min(AT.c.day), func.max(AT.c.day))
        .select_from(AT.join(N, AT.c.name_pk == N.c.pk))
        .where(N.c.entity_pk == entity.pk)
    ).one()
    groups = conn.execute(select(N.c.pk, N.c.name, N.c.norm).where(N.c.entity_pk == entity.pk).order_by(N.c.norm)).all()
    group_pks = [g.pk for g in groups]
    # aliases, titles and nationalities as the articles gave them, with the publication dates
    aliases: Counter = Counter()
    nationalities: Counter = Counter()
    titles: dict[str, list] = {}
    rows = conn.execute(
        select(AE.c.name, AE.c.aliases, AE.c.titles, AE.c.nationality, A.c.published)
        .join(A, AE.c.article_pk == A.c.pk)
        .where(AE.c.name_pk.in_(group_pks))
    )
    for r in rows:
        aliases.update([r.name, *r.aliases])
        if r.nationality:
            nationalities[r.nationality] += 1
        for title in r.titles:
            entry = titles.setdefault(title.casefold(), [Counter(), None, None, 0])
            entry[0][title] += 1
            entry[3] += 1
            if r.published is not None:
                entry[1] = r.published if entry[1] is None else min(entry[1], r.published)
                entry[2] = r.published if entry[2] is None else max(entry[2], r.published)
    alias_list = tuple(a for a, _ in sorted(aliases.items(), key=lambda x: (-x[1], x[0])) if a != entity.name)
    roles = tuple(
        sorted(
            (Role(forms.most_common(1)[0][0], first, last, n) for forms, first, last, n in titles.values()),
            key=lambda role: (role.first_seen or dt.date.max, -role.articles, role.title),
        )
    )
    return SpeakerDetail(
        id=entity.key,
        name=entity.name,
        kind=entity.kind,
        quotes=counts[0],
        articles=counts[1],
        first_seen=counts[2],
        last_seen=counts[3],
        outlets=_outlets(conn, [entity.pk]).get(entity.pk, ()),
        aliases=alias_list,
        roles=roles,
        names=tuple(g.name for g in groups),
        merges=_merges(conn, group_pks),
        links=_links(conn, group_pks),
        nationalities=tuple(n for n, _ in nationalities.most_common()),
    )


def _merges(conn: Connection, group_pks: list[int]) -> tuple[MergeRecord, ...]:
    into = N.alias("into_group")
    rows = conn.execute(
        select(t.merges.c.pk, N.c.name, into.c.name.label("into"), t.merges.c.rule, t.merges.c.evidence, t.merges.c.manual)
        .join(N, t.merges.c.name_pk == N.c.pk)
        .join(into, t.merges.c.into_name_pk == into.c.pk)
        .where(t.merges.c.name_pk.in_(group_pks))
        .order_by(t.merges.c.pk)
    )
    return tuple(MergeRecord(r.pk, r.name, r.into, r.rule, r.evidence, r.manual) for r in rows)


def _links(conn: Connection, group_pks: list[int]) -> tuple[LinkRecord, ...]:
    target_group = N.alias("target_group")
    target_entity = E.alias("target_entity")
    rows = conn.execute(
        select(N.c.name, t.entity_links.c.relation, t.entity_links.c.target, target_entity.c.key, t.entity_links.c.evidence)
        .join(N, t.entity_links.c.name_pk == N.c.pk)
        .outerjoin(target_group, t.entity_links.c.target_name_pk == target_group.c.pk)
        .outerjoin(target_entity, target_group.c.entity_pk == target_entity.c.pk)
        .where(t.entity_links.c.name_pk.in_(group_pks))
        .order_by(t.entity_links.c.relation, t.entity_links.c.target)
    )
    return tuple(LinkRecord(r.name, r.relation, r.target, r.key, r.evidence) for r in rows)


def statement_dates(conn: Connection, speaker_id: str, limit: int = 3000, kinds: tuple[str, ...] | None = None) -> list[StatementPoint]:
    """A speaker's statements for a timeline, oldest first: (day, article id, index, the first 120 characters);
    only those of ``kinds`` when given."""
    where = [E.c.key == clean(speaker_id)]
    if kinds is not None:  # the speaker is the selective filter: "kind || ''" keeps SQLite off the kind index
        where.append((AT.c.kind + "").in_(kinds))
    rows = conn.execute(
        select(AT.c.day, A.c.id, AT.c.idx, func.substr(AT.c.content_text, 1, 120).label("text"))
        .select_from(AT.join(A, AT.c.article_pk == A.c.pk).join(N, AT.c.name_pk == N.c.pk).join(E, N.c.entity_pk == E.c.pk))
        .where(*where)
        .order_by(AT.c.day.asc().nulls_last(), A.c.id, AT.c.idx)
        .limit(limit)
    )
    return [StatementPoint(r.day, r.id, r.idx, r.text) for r in rows]
