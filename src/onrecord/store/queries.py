"""Queries over cross-article speakers: quotes with filters, speaker rankings, one speaker's record."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import Connection, Text, cast, distinct, func, select

from ..errors import ArticleNotFound, AttributionNotFound, EntityNotFound
from ..resolve.entities import normalise_name, strip_titles
from ..resolve.generic import ARTICLE_MARK
from . import fulltext
from . import tables as t
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
    day = AT.c.day
    columns = [
        A.c.id.label("article_id"), A.c.title, A.c.published, A.c.outlet, AT.c.idx, AT.c.speaker_name, AT.c.speaker_kind,
        E.c.key, E.c.name.label("entity_name"), E.c.kind.label("entity_kind"), N.c.kind.label("group_kind"), N.c.norm,
        AT.c.source_text, AT.c.cue_text, AT.c.content_text, AT.c.content, AT.c.type, AT.c.cue_lemma, AT.c.confidence,
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


def _count_from(hits, speaker, speaker_id, claim_filter, dated=False):
    """The tables the count needs: the filters' own, nothing joined for display (each join is at most
    one row per attribution, so the count is the same as over the page query's joins, and cheaper).
    A claim filter alone counts claims only: each claim row belongs to exactly one attribution (its
    primary key is a foreign key to the attribution's)."""
    if claim_filter is not None and hits is None and speaker is None and speaker_id is None and not dated:
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


def _quote(row) -> Quote:
    from ..resolve.entities import entity_key

    if row.key is not None:
        speaker = SpeakerRef(row.key, row.entity_name, row.entity_kind)
    elif row.speaker_name is not None:  # its name group awaits resolution
        speaker = SpeakerRef(entity_key(row.group_kind, row.norm), row.speaker_name, row.speaker_kind)
    else:
        speaker = None
    return Quote(
        article_id=row.article_id,
        article_title=row.title,
        published=row.published,
        outlet=row.outlet,
        index=row.idx,
        speaker=speaker,
        source_text=row.source_text,
        cue_text=row.cue_text,
        content_text=row.content_text,
        content=tuple(tuple(p) for p in row.content),
        type=row.type,
        cue_lemma=row.cue_lemma,
        confidence=row.confidence,
        stance=row.stance,
        said_on=row.said_on,
        certainty=row.certainty,
        verification=row.verification,
    )


def quotes(
    conn: Connection,
    *,
    speaker: str | None = None,
    speaker_id: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    stance: str | None = None,
    q: str | None = None,
    verification: str | None = None,
    limit: int = 50,
    offset: int = 0,
    oldest_first: bool = False,
    by_relevance: bool = False,
) -> Page[Quote]:
    """Attributions matching every filter given, by date (newest first unless ``oldest_first``)."""
    dialect = conn.dialect.name
    speaker, speaker_id, stance, q, verification = map(clean, (speaker, speaker_id, stance, q, verification))
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
    claim_where = []
    if stance is not None:
        claim_where.append((C.c.stance, stance))
    if verification is not None:
        claim_where.append((C.c.verification, verification))
    count_from = _count_from(hits, speaker, speaker_id, stance or verification, since is not None or until is not None)
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


def speakers(conn: Connection, q: str | None = None, kind: str | None = None, limit: int = 50, offset: int = 0) -> Page[SpeakerSummary]:
    """Entities with at least one attribution, most quoted first; ``q`` matches any of their spellings."""
    where = _speaker_filters(conn, clean(q), clean(kind))
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
    total = conn.execute(select(func.count()).select_from(grouped.subquery())).scalar_one()
    rows = conn.execute(grouped.order_by(func.count().desc(), E.c.name, E.c.key).limit(limit).offset(offset)).all()
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


def statement_dates(conn: Connection, speaker_id: str, limit: int = 3000) -> list[StatementPoint]:
    """A speaker's statements for a timeline, oldest first: (day, article id, index, the first 120 characters)."""
    rows = conn.execute(
        select(AT.c.day, A.c.id, AT.c.idx, func.substr(AT.c.content_text, 1, 120).label("text"))
        .select_from(AT.join(A, AT.c.article_pk == A.c.pk).join(N, AT.c.name_pk == N.c.pk).join(E, N.c.entity_pk == E.c.pk))
        .where(E.c.key == clean(speaker_id))
        .order_by(AT.c.day.asc().nulls_last(), A.c.id, AT.c.idx)
        .limit(limit)
    )
    return [StatementPoint(r.day, r.id, r.idx, r.text) for r in rows]



#: statements the full-text index proposes before the re-ranking in Python
RELATED_POOL = 300


def _statement(row):
    """The comparison's view of a row: the stored claim's stance, ``negated`` and quantities; without a stored
    claim (stores of schema 1.0), the stance of the cue lemma in ``data/stance.tsv`` and no numbers."""
    from ..claims.relations import Statement

    quote = _quote(row)
    if row.claim is not None:
        stance, negated, quantities = row.stance, bool(row.negated), (row.claim or {}).get("quantities") or []
    else:
        from ..claims.lexicons import stance_lexicon

        entry = stance_lexicon().get(row.cue_lemma)
        stance, negated, quantities = (entry.stance if entry else None), False, []
    speaker = quote.speaker
    statement = Statement.of(row.content_text, speaker.id if speaker else None, speaker.name if speaker else None, stance, negated, quantities)
    return quote, statement


def related(conn: Connection, article_id: str, index: int, limit: int = 20, pool: int = RELATED_POOL) -> RelatedStatements:
    """Statements of other articles about what attribution ``index`` of ``article_id`` says, each classified as
    ``corroborates``, ``contradicts`` or ``related`` with its evidence (rules: ``onrecord.claims.relations``).

    Candidates come from the full-text index (an OR query of the content's salient words, the same on FTS5
    and PostgreSQL), ``pool`` best first; they are re-ranked by content-word overlap and weak matches dropped.
    """
    from ..claims.relations import classify, query_terms

    article_id = clean(article_id)
    columns, from_, _ = _quote_select(conn.dialect.name, None)
    extra = [A.c.pk.label("article_pk"), C.c.negated, C.c.claim]
    row = conn.execute(select(*columns, *extra).select_from(from_).where(A.c.id == article_id, AT.c.idx == index)).first()
    if row is None:
        if conn.execute(select(A.c.pk).where(A.c.id == article_id)).first() is None:
            raise ArticleNotFound(f"no stored article with id {article_id!r}")
        raise AttributionNotFound(f"article {article_id!r} has no attribution {index} (they are numbered from 0)")
    quote, statement = _statement(row)
    terms = query_terms(row.content_text)
    columns, from_, hits = _quote_select(conn.dialect.name, " OR ".join(terms)) if terms else (None, None, None)
    if hits is None:
        return RelatedStatements(quote, statement.stance, 0, ())
    rows = conn.execute(
        select(*columns, *extra)
        .select_from(from_)
        .where(AT.c.article_pk != row.article_pk)
        .order_by(hits.c.score.desc(), A.c.id, AT.c.idx)
        .limit(pool)
    ).all()
    found = []
    for candidate in rows:
        other_quote, other = _statement(candidate)
        relation = classify(statement, other)
        if relation is not None:
            found.append(RelatedStatement(relation.relation, relation.score, relation.reasons, relation.shared_words, other.stance, other_quote))
    found.sort(key=lambda r: (-r.score, r.quote.article_id, r.quote.index))
    return RelatedStatements(quote, statement.stance, len(rows), tuple(found[:limit]))
