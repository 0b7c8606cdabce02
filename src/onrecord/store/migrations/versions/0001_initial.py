"""Initial schema: articles, entities, mentions, attributions, claims, merges.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 08:21:22.583422
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=512), nullable=False),
    sa.Column('text_sha256', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(length=200), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('schema_version', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('time_expressions', sa.JSON(), nullable=False),
    sa.Column('verification_notes', sa.JSON(), nullable=False),
    sa.Column('n_attributions', sa.Integer(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_articles')),
    sa.UniqueConstraint('id', name=op.f('uq_articles_id')),
    sa.UniqueConstraint('text_sha256', name=op.f('uq_articles_text_sha256'))
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)

    op.create_table('entities',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_entities')),
    sa.UniqueConstraint('key', name=op.f('uq_entities_key'))
    )
    op.create_table('entity_names',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('norm', sa.String(length=300), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('entity_pk', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['entity_pk'], ['entities.pk'], name=op.f('fk_entity_names_entity_pk_entities'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_entity_names')),
    sa.UniqueConstraint('kind', 'norm', name=op.f('uq_entity_names_kind_norm'))
    )
    with op.batch_alter_table('entity_names', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entity_names_entity_pk'), ['entity_pk'], unique=False)

    op.create_table('article_entities',
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name_pk', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('titles', sa.JSON(), nullable=False),
    sa.Column('nationality', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], name=op.f('fk_article_entities_article_pk_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['name_pk'], ['entity_names.pk'], name=op.f('fk_article_entities_name_pk_entity_names')),
    sa.PrimaryKeyConstraint('article_pk', 'local_id', name=op.f('pk_article_entities'))
    )
    with op.batch_alter_table('article_entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_entities_name_pk'), ['name_pk'], unique=False)

    op.create_table('attributions',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('speaker_local_id', sa.String(length=32), nullable=True),
    sa.Column('speaker_name', sa.Text(), nullable=True),
    sa.Column('speaker_kind', sa.String(length=16), nullable=True),
    sa.Column('name_pk', sa.Integer(), nullable=True),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('cue_lemma', sa.String(length=100), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('said_on', sa.String(length=32), nullable=True),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('source', sa.JSON(), nullable=False),
    sa.Column('cue', sa.JSON(), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=False),
    sa.Column('cue_text', sa.Text(), nullable=False),
    sa.Column('content_text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.pk'], name=op.f('fk_attributions_article_pk_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['name_pk'], ['entity_names.pk'], name=op.f('fk_attributions_name_pk_entity_names')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_attributions')),
    sa.UniqueConstraint('article_pk', 'idx', name=op.f('uq_attributions_article_pk_idx'))
    )
    with op.batch_alter_table('attributions', schema=None) as batch_op:
        batch_op.create_index('ix_attributions_article_speaker', ['article_pk', 'speaker_local_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attributions_day'), ['day'], unique=False)
        batch_op.create_index('ix_attributions_name_day', ['name_pk', 'day'], unique=False)

    op.create_table('entity_decisions',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=8), nullable=False),
    sa.Column('name_pk', sa.Integer(), nullable=False),
    sa.Column('other_name_pk', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['name_pk'], ['entity_names.pk'], name=op.f('fk_entity_decisions_name_pk_entity_names')),
    sa.ForeignKeyConstraint(['other_name_pk'], ['entity_names.pk'], name=op.f('fk_entity_decisions_other_name_pk_entity_names')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_entity_decisions'))
    )
    op.create_table('entity_links',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('name_pk', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=32), nullable=False),
    sa.Column('target', sa.String(length=300), nullable=False),
    sa.Column('target_name_pk', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['name_pk'], ['entity_names.pk'], name=op.f('fk_entity_links_name_pk_entity_names')),
    sa.ForeignKeyConstraint(['target_name_pk'], ['entity_names.pk'], name=op.f('fk_entity_links_target_name_pk_entity_names')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_entity_links'))
    )
    with op.batch_alter_table('entity_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entity_links_name_pk'), ['name_pk'], unique=False)

    op.create_table('merges',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('name_pk', sa.Integer(), nullable=False),
    sa.Column('into_name_pk', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=32), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('manual', sa.Boolean(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['into_name_pk'], ['entity_names.pk'], name=op.f('fk_merges_into_name_pk_entity_names')),
    sa.ForeignKeyConstraint(['name_pk'], ['entity_names.pk'], name=op.f('fk_merges_name_pk_entity_names')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_merges'))
    )
    with op.batch_alter_table('merges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_merges_name_pk'), ['name_pk'], unique=False)

    op.create_table('claims',
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('stance', sa.String(length=32), nullable=False),
    sa.Column('certainty', sa.String(length=16), nullable=False),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('verification', sa.String(length=16), nullable=True),
    sa.Column('verified_by', sa.Text(), nullable=True),
    sa.Column('claim', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk', 'idx'], ['attributions.article_pk', 'attributions.idx'], name=op.f('fk_claims_article_pk_attributions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_pk', 'idx', name=op.f('pk_claims'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_stance'), ['stance'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_verification'), ['verification'], unique=False)

    op.create_table('mentions',
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['article_pk', 'local_id'], ['article_entities.article_pk', 'article_entities.local_id'], name=op.f('fk_mentions_article_pk_article_entities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_pk', 'local_id', 'seq', name=op.f('pk_mentions'))
    )


def downgrade() -> None:
    op.drop_table('mentions')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_verification'))
        batch_op.drop_index(batch_op.f('ix_claims_stance'))

    op.drop_table('claims')
    with op.batch_alter_table('merges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_merges_name_pk'))

    op.drop_table('merges')
    with op.batch_alter_table('entity_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entity_links_name_pk'))

    op.drop_table('entity_links')
    op.drop_table('entity_decisions')
    with op.batch_alter_table('attributions', schema=None) as batch_op:
        batch_op.drop_index('ix_attributions_name_day')
        batch_op.drop_index(batch_op.f('ix_attributions_day'))
        batch_op.drop_index('ix_attributions_article_speaker')

    op.drop_table('attributions')
    with op.batch_alter_table('article_entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_entities_name_pk'))

    op.drop_table('article_entities')
    with op.batch_alter_table('entity_names', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entity_names_entity_pk'))

    op.drop_table('entity_names')
    op.drop_table('entities')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index(batch_op.f('ix_articles_outlet'))

    op.drop_table('articles')
