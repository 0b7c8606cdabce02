"""Role mentions: ``role_mentions``, the descriptions each article gives its entities, for role histories.

Articles stored before this revision have no role mentions (the article JSON is not stored, so they cannot be
derived here); re-ingesting them into a new store adds them. New articles get theirs in the same transaction.

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "role_mentions",
        sa.Column("article_pk", sa.Integer(), sa.ForeignKey("articles.pk", ondelete="CASCADE", name="fk_role_mentions_article_pk_articles"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("local_id", sa.String(32), nullable=False),
        sa.Column("name_pk", sa.Integer(), sa.ForeignKey("entity_names.pk", name="fk_role_mentions_name_pk_entity_names")),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("shape", sa.String(16), nullable=False),
        sa.Column("office", sa.String(100)),
        sa.Column("org", sa.String(300)),
        sa.Column("qualifier", sa.String(16)),
        sa.Column("day", sa.Date()),
        sa.PrimaryKeyConstraint("article_pk", "seq", name="pk_role_mentions"),
    )
    op.create_index("ix_role_mentions_name_day", "role_mentions", ["name_pk", "day"])


def downgrade() -> None:
    op.drop_index("ix_role_mentions_name_day", table_name="role_mentions")
    op.drop_table("role_mentions")
