"""Incidents: reported events and practices (friendly fire, killing of own troops, surrender, ...).

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
    op.create_table(
        "incidents",
        sa.Column("incident_id", sa.String(40), primary_key=True),
        sa.Column("doc_hash", sa.String(64), sa.ForeignKey("documents.hash", ondelete="CASCADE"), index=True),
        sa.Column("doc_id", sa.String(255), index=True),
        sa.Column("type", sa.String(32), nullable=False, index=True),
        sa.Column("generic", sa.Boolean, nullable=False),
        sa.Column("perpetrator_side", sa.String(64), index=True),
        sa.Column("victim_side", sa.String(64), index=True),
        sa.Column("claim_ids", sa.JSON, nullable=False),
        sa.Column("victim_count", sa.Float(53)),
        sa.Column("place_text", sa.Text),
        sa.Column("place", sa.String(255), index=True),
        sa.Column("incident_date", sa.Date, index=True),
        sa.Column("date_text", sa.Text),
        sa.Column("evidence", sa.String(32), nullable=False),
        sa.Column("evidence_text", sa.Text),
        sa.Column("verification", sa.String(16), nullable=False),
        sa.Column("verification_text", sa.Text),
        sa.Column("via", sa.JSON, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("mentions", sa.JSON, nullable=False),
        sa.Column("cluster_id", sa.String(40), index=True),
    )


def downgrade() -> None:
    op.drop_table("incidents")
