"""Initial ledger: documents, claims, ingest runs and their errors.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(255), nullable=False, index=True),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(255)),
        sa.Column("published", sa.Date, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("ingested_at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("run_id", sa.Integer),
        sa.Column("cluster_id", sa.String(64), index=True),
    )
    op.create_table(
        "claims",
        sa.Column("claim_id", sa.String(40), primary_key=True),
        sa.Column("doc_hash", sa.String(64), sa.ForeignKey("documents.hash", ondelete="CASCADE"), index=True),
        sa.Column("doc_id", sa.String(255), index=True),
        sa.Column("subject", sa.String(64), index=True),
        sa.Column("category", sa.String(32), nullable=False, index=True),
        sa.Column("value", sa.Float(53), nullable=False),
        sa.Column("value_high", sa.Float(53)),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("period_kind", sa.String(16), nullable=False),
        sa.Column("period_start", sa.Date),
        sa.Column("period_end", sa.Date, index=True),
        sa.Column("claimant", sa.String(255), index=True),
        sa.Column("claimant_text", sa.Text),
        sa.Column("via", sa.JSON, nullable=False),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.Column("verification", sa.String(16)),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("mentions", sa.JSON, nullable=False),
        sa.Column("origin", sa.String(8), nullable=False, server_default="text"),
        sa.Column("series", sa.JSON),
        sa.Column("extractor_version", sa.String(16)),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=False)),
        sa.Column("inputs", sa.JSON, nullable=False),
        sa.Column("read", sa.Integer, nullable=False, server_default="0"),
        sa.Column("new", sa.Integer, nullable=False, server_default="0"),
        sa.Column("present", sa.Integer, nullable=False, server_default="0"),
        sa.Column("skipped", sa.Integer, nullable=False, server_default="0"),
        sa.Column("claims", sa.Integer, nullable=False, server_default="0"),
        sa.Column("seconds", sa.Float(53)),
    )
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"), index=True),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("ingest_errors")
    op.drop_table("ingest_runs")
    op.drop_table("claims")
    op.drop_table("documents")
