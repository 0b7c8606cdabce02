"""The store's tables (SQLAlchemy Core). Migrations in ``migrations/versions`` create exactly these.

Layout (see ``docs/store.md``):

* ``articles``: one row per distinct text (``text_sha256`` unique: the identity for de-duplication).
* ``article_entities`` and ``mentions``: the speakers of each article as the pipeline resolved them
  (ids ``e1``, ``e2`` … local to the article), kept verbatim so a stored article equals its analysis.
* ``entity_names``: one row per distinct (kind, normalised name) across the corpus, a *name group*;
  every article entity points to one. ``entities`` are clusters of name groups (the cross-article
  speaker: "Putin", "Vladimir Putin", "Vladimir V. Putin" → one entity); ``merges`` records, for each
  group joined to a cluster, the rule and evidence; ``entity_decisions`` keeps the user's manual merges
  and splits, which every later resolution respects; ``entity_links`` relates distinct entities
  (metonyms such as "the Kremlin" → Russia, affiliations from titles).
* ``role_mentions``: the descriptions each article gives its entities ("Former President"), normalised to
  office, organisation and qualifier, with the article's date and the speaker's name group, so the role
  history of a cross-article entity is one indexed query (``store/roles.py``), never a rescan.
* ``attributions`` and ``claims``: who said what, with the columns queries filter on (``day``, ``kind``,
  ``stance``, ``verification``) and the full JSON of each claim.

Articles' children are keyed by ``(article_pk, …)`` so one article is written with one multi-row
INSERT per table and no round trip to fetch generated keys.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

# Named constraints so that migrations (and SQLite batch mode) can refer to them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("id", String(512), nullable=False, unique=True),
    Column("text_sha256", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("url", Text),
    Column("outlet", String(200), index=True),
    Column("author", Text),
    Column("origin", Text),  # file (and line) it was read from
    Column("schema_version", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("time_expressions", JSON, nullable=False),  # as in the article JSON
    Column("verification_notes", JSON, nullable=False),
    Column("n_attributions", Integer, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

entities = Table(
    "entities",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("key", String(400), nullable=False, unique=True),  # stable public id: "vladimir-putin", "kremlin~org"
    Column("name", String(300), nullable=False),
    Column("kind", String(16), nullable=False),
)

entity_names = Table(
    "entity_names",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("norm", String(300), nullable=False),
    Column("name", String(300), nullable=False),  # a display form (the first seen)
    Column("entity_pk", Integer, ForeignKey("entities.pk", ondelete="SET NULL"), index=True),
    UniqueConstraint("kind", "norm"),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(32), primary_key=True),
    Column("seq", Integer, nullable=False),  # order in the article's entity list
    Column("name_pk", Integer, ForeignKey("entity_names.pk"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("titles", JSON, nullable=False),
    Column("nationality", String(100)),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_pk", Integer, primary_key=True),
    Column("local_id", String(32), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("form", String(32), nullable=False),
    ForeignKeyConstraint(
        ["article_pk", "local_id"], ["article_entities.article_pk", "article_entities.local_id"], ondelete="CASCADE"
    ),
)

attributions = Table(
    "attributions",
    metadata,
    Column("pk", Integer, primary_key=True),  # the FTS rowid
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),  # position in the article
    Column("speaker_local_id", String(32)),
    Column("speaker_name", Text),
    Column("speaker_kind", String(16)),
    Column("name_pk", Integer, ForeignKey("entity_names.pk")),  # the speaker's name group
    Column("type", String(16), nullable=False),
    Column("kind", String(16), nullable=False, server_default="speech"),  # speech, writing, thought, evidence, intention, act
    Column("cue_lemma", String(100), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("origin", String(16), nullable=False),
    Column("said_on", String(32)),
    Column("said_on_source", String(16)),  # text / published (types.Attribution.said_on_source)
    Column("day", Date, index=True),  # said_on when it is a date, else the article's publication date
    Column("source", JSON, nullable=False),  # [[start, end], ...]
    Column("cue", JSON, nullable=False),
    Column("content", JSON, nullable=False),
    Column("source_text", Text, nullable=False),
    Column("cue_text", Text, nullable=False),
    Column("content_text", Text, nullable=False),
    UniqueConstraint("article_pk", "idx"),
)

claims = Table(
    "claims",
    metadata,
    Column("article_pk", Integer, primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("stance", String(32), nullable=False, index=True),
    Column("certainty", String(16), nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("verification", String(16), index=True),  # unverified / verified / disputed, or NULL
    Column("verified_by", Text),
    Column("claim", JSON, nullable=False),  # the full claim, as in the article JSON
    ForeignKeyConstraint(["article_pk", "idx"], ["attributions.article_pk", "attributions.idx"], ondelete="CASCADE"),
)

merges = Table(
    "merges",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("name_pk", Integer, ForeignKey("entity_names.pk"), nullable=False, index=True),
    Column("into_name_pk", Integer, ForeignKey("entity_names.pk"), nullable=False),
    Column("rule", String(32), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("manual", Boolean, nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

entity_decisions = Table(
    "entity_decisions",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("action", String(8), nullable=False),  # "merge" (must link) or "split" (cannot link)
    Column("name_pk", Integer, ForeignKey("entity_names.pk"), nullable=False),
    Column("other_name_pk", Integer, ForeignKey("entity_names.pk"), nullable=False),
    Column("reason", Text, nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

entity_links = Table(
    "entity_links",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("name_pk", Integer, ForeignKey("entity_names.pk"), nullable=False, index=True),
    Column("relation", String(32), nullable=False),  # "metonym-of", "affiliated-with"
    Column("target", String(300), nullable=False),  # the referent's name ("Russia")
    Column("target_name_pk", Integer, ForeignKey("entity_names.pk")),  # when the referent is itself stored
    Column("evidence", Text, nullable=False),
)

role_mentions = Table(
    "role_mentions",
    metadata,
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),  # position in the article's role list
    Column("local_id", String(32), nullable=False),  # the article's entity ("e1")
    Column("name_pk", Integer, ForeignKey("entity_names.pk")),  # that entity's name group (-> cross-article entity)
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("shape", String(16), nullable=False),  # apposition, premodifier, predicate, nominal
    Column("office", String(100)),
    Column("org", String(300)),
    Column("qualifier", String(16)),
    Column("day", Date),  # the article's publication date
)

Index("ix_role_mentions_name_day", role_mentions.c.name_pk, role_mentions.c.day)
Index("ix_attributions_article_speaker", attributions.c.article_pk, attributions.c.speaker_local_id)
# article_pk and kind: the speakers ranking reads this index only, never the rows (migration 0005)
Index("ix_attributions_name_day", attributions.c.name_pk, attributions.c.day, attributions.c.article_pk, attributions.c.kind)
# "quotes only" (speech, writing) by date: the kind filter, then the day order, from one index
Index("ix_attributions_kind_day", attributions.c.kind, attributions.c.day)
