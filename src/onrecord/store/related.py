"""Related statements: what other articles say about one stored attribution (rules: ``onrecord.corpus.relations``)."""
from __future__ import annotations

from sqlalchemy import Connection, select

from ..claims.lexicons import stance_lexicon
from ..corpus.overlap import query_terms
from ..corpus.relations import Statement, classify
from ..errors import ArticleNotFound, AttributionNotFound
from . import tables as t
from .queries import _quote, _quote_select, clean
from .records import RelatedStatement, RelatedStatements

A, AT, C = t.articles, t.attributions, t.claims


#: statements the full-text index proposes before the re-ranking in Python
RELATED_POOL = 300


def _statement(row):
    """The comparison's view of a row: the stored claim's stance, ``negated`` and quantities; without a stored
    claim (stores of schema 1.0), the stance of the cue lemma in ``data/stance.tsv`` and no numbers."""
    quote = _quote(row)
    if row.claim is not None:
        stance, negated, quantities = row.stance, bool(row.negated), (row.claim or {}).get("quantities") or []
    else:
        entry = stance_lexicon().get(row.cue_lemma)
        stance, negated, quantities = (entry.stance if entry else None), False, []
    speaker = quote.speaker
    statement = Statement.of(row.content_text, speaker.id if speaker else None, speaker.name if speaker else None, stance, negated, quantities)
    return quote, statement


def related(conn: Connection, article_id: str, index: int, limit: int = 20, pool: int = RELATED_POOL) -> RelatedStatements:
    """Statements of other articles about what attribution ``index`` of ``article_id`` says, each classified as
    ``corroborates``, ``contradicts`` or ``related`` with its evidence (rules: ``onrecord.corpus.relations``).

    Candidates come from the full-text index (an OR query of the content's salient words, the same on FTS5
    and PostgreSQL), ``pool`` best first; they are re-ranked by content-word overlap and weak matches dropped.
    """
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
