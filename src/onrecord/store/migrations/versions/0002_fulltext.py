"""Full-text index over attribution contents: FTS5 on SQLite, a GIN tsvector index on PostgreSQL.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# External-content FTS5 table: the text lives once, in attributions.content_text; triggers keep the index in step.
_SQLITE_UP = [
    """CREATE VIRTUAL TABLE attributions_fts USING fts5(
        content_text, content='attributions', content_rowid='pk',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
        INSERT INTO attributions_fts(rowid, content_text) VALUES (new.pk, new.content_text);
    END""",
    """CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
        INSERT INTO attributions_fts(attributions_fts, rowid, content_text) VALUES ('delete', old.pk, old.content_text);
    END""",
    """CREATE TRIGGER attributions_fts_update AFTER UPDATE OF content_text ON attributions BEGIN
        INSERT INTO attributions_fts(attributions_fts, rowid, content_text) VALUES ('delete', old.pk, old.content_text);
        INSERT INTO attributions_fts(rowid, content_text) VALUES (new.pk, new.content_text);
    END""",
    "INSERT INTO attributions_fts(attributions_fts) VALUES ('rebuild')",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS attributions_fts_update",
    "DROP TRIGGER IF EXISTS attributions_fts_delete",
    "DROP TRIGGER IF EXISTS attributions_fts_insert",
    "DROP TABLE IF EXISTS attributions_fts",
]
# The expression must match the one queries use (onrecord.store.search) for the planner to take the index.
_PG_UP = ["CREATE INDEX ix_attributions_fts ON attributions USING gin (to_tsvector('english', content_text))"]
_PG_DOWN = ["DROP INDEX IF EXISTS ix_attributions_fts"]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(_SQLITE_UP)
    elif dialect == "postgresql":
        _run(_PG_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(_SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(_PG_DOWN)
