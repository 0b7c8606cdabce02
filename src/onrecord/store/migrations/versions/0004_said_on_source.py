"""Where a statement's date comes from: ``attributions.said_on_source`` ("text" or "published").

Rows written before it keep NULL: their article JSON, read back, has no ``said_on_source`` either.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("attributions", sa.Column("said_on_source", sa.String(16), nullable=True))


def downgrade() -> None:
    op.drop_column("attributions", "said_on_source")  # SQLite >= 3.35 drops a column in place
