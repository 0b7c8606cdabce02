"""Attribution kinds: ``attributions.kind`` (speech, writing, thought, evidence, intention) and an index for "quotes only".

Stores written before kinds existed keep no article JSON to read a kind from (attributions are stored as
columns, and every attribution of those versions was extracted as speech), so existing rows become ``speech``.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a constant server default fills existing rows in one statement (SQLite: ALTER TABLE ADD COLUMN, no copy)
    op.add_column("attributions", sa.Column("kind", sa.String(16), nullable=False, server_default="speech"))
    op.create_index("ix_attributions_kind_day", "attributions", ["kind", "day"])


def downgrade() -> None:
    op.drop_index("ix_attributions_kind_day", table_name="attributions")
    op.drop_column("attributions", "kind")  # SQLite >= 3.35 drops a column in place (no table copy: the FTS triggers stay)
