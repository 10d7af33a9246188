"""Reconcile: series imports, rewrites and corrections; check findings.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "series_imports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(64), nullable=False, index=True),
        sa.Column("ref", sa.Text, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("rows_read", sa.Integer, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("rewritten", sa.Integer, nullable=False),
        sa.Column("unchanged", sa.Integer, nullable=False),
        sa.Column("skipped", sa.Integer, nullable=False),
        sa.Column("seconds", sa.Float(53)),
    )
    op.create_table(
        "series_rewrites",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "import_id", sa.Integer, sa.ForeignKey("series_imports.id", ondelete="CASCADE"), index=True
        ),
        sa.Column("claim_id", sa.String(40), nullable=False, index=True),
        sa.Column("old_value", sa.Float(53), nullable=False),
        sa.Column("new_value", sa.Float(53), nullable=False),
    )
    op.create_table(
        "series_corrections",
        sa.Column("source", sa.String(64), primary_key=True),
        sa.Column("subject", sa.String(64), primary_key=True),
        sa.Column("series", sa.String(128), primary_key=True),
        sa.Column("report_date", sa.Date, primary_key=True),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("value", sa.Float(53), nullable=False),
        sa.Column("ref", sa.Text, nullable=False),
        sa.Column("row", sa.Text, nullable=False),
    )
    op.create_table(
        "findings",
        sa.Column("finding_id", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False, index=True),
        sa.Column("status", sa.String(32), nullable=False, index=True),
        sa.Column("subject", sa.String(64), index=True),
        sa.Column("category", sa.String(32), index=True),
        sa.Column("claim_id", sa.String(40), index=True),
        sa.Column("claim_value", sa.Float(53)),
        sa.Column("other_id", sa.String(40), index=True),
        sa.Column("other_value", sa.Float(53)),
        sa.Column("claim_date", sa.Date),
        sa.Column("report_date", sa.Date, index=True),
        sa.Column("lag_days", sa.Integer),
        sa.Column("ratio", sa.Float(53)),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=False), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("findings")
    op.drop_table("series_corrections")
    op.drop_table("series_rewrites")
    op.drop_table("series_imports")
