"""Full-text conditions over attribution contents: FTS5 on SQLite, tsvector on PostgreSQL.

Both accept the same user syntax (that of PostgreSQL's ``websearch_to_tsquery``): words (all must
match), ``"quoted phrases"``, ``OR`` between terms, ``-word`` to exclude, and ``word*`` as a prefix on
SQLite. User text never reaches FTS5's own syntax unquoted, so no input is a syntax error.
"""
from __future__ import annotations

import re

from sqlalchemy import bindparam, func, literal_column, select, table, text

from . import tables as t

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


def fts5_query(q: str) -> str | None:
    """User text as a safe FTS5 query, or None when it has no word to look for.

    Example:
        >>> fts5_query('ceasefire "energy infrastructure" -Moscow')
        '"ceasefire" "energy infrastructure" NOT "moscow"'
        >>> fts5_query("truce OR ceasefire")
        '"truce" OR "ceasefire"'
    """
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for match in _TOKEN.finditer(q):
        minus, phrase, word = match.groups()
        if word is not None:
            if word == "OR" and positive:
                pending_or = True
                continue
            minus = "-" if word.startswith("-") else ""
            prefix = word.endswith("*")
            words = _WORD.findall(word)
            if not words:
                continue
            term = '"' + " ".join(words).lower() + '"' + ("*" if prefix else "")
        else:
            words = _WORD.findall(phrase)
            if not words:
                continue
            term = '"' + " ".join(words).lower() + '"'
        if minus:
            negative.append(term)
        elif pending_or:
            positive[-1] = f"{positive[-1]} OR {term}"
            pending_or = False
        else:
            positive.append(term)
    if not positive:
        return None
    query = " ".join(f"({p})" if " OR " in p and len(positive) > 1 else p for p in positive)
    for term in negative:
        query += f" NOT {term}"
    return query


def hits(dialect: str, q: str):
    """A subquery of matching attributions, ``rid`` (attributions.pk) and ``score`` (higher is better);
    None when ``q`` has no word to look for. Join it to ``attributions`` on ``rid``.
    """
    if dialect == "postgresql":
        if not _WORD.search(q):
            return None
        # the same expression as the GIN index of migration 0002, so the planner uses it
        vector = func.to_tsvector(literal_column("'english'"), t.attributions.c.content_text)
        query = func.websearch_to_tsquery(literal_column("'english'"), bindparam("fts_q", q))
        return (
            select(t.attributions.c.pk.label("rid"), func.ts_rank(vector, query).label("score"))
            .where(vector.op("@@")(query))
            .subquery("hits")
        )
    query = fts5_query(q)
    if query is None:
        return None
    return (
        select(literal_column("rowid").label("rid"), (-literal_column("bm25(attributions_fts)")).label("score"))
        .select_from(table("attributions_fts"))
        .where(text("attributions_fts MATCH :fts_q").bindparams(fts_q=query))
        .subquery("hits")
    )
