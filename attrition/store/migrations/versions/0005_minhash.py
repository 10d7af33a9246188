"""Stored MinHash signatures: near-duplicate clustering signs each document once.

Before, every ingest that stored something re-read and re-hashed the text of every document in the
ledger. Existing rows start empty and are signed by the next clustering run.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("minhash", sa.LargeBinary))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("minhash")
