"""Indexes for keyset-paged claim lists: (sort column, claim_id) for each sortable column.

The web API pages claims with cursors: "rows after (value, claim_id) in this order". With an index
on exactly (sort column, claim_id) the database reads one page straight from the index instead of
sorting every matching row, which keeps a page of a 100,000-claim ledger in a few milliseconds.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: index name -> columns (claims table).
INDEXES = {
    "ix_claims_period_end_claim_id": ("period_end", "claim_id"),
    "ix_claims_value_claim_id": ("value", "claim_id"),
    "ix_claims_category_claim_id": ("category", "claim_id"),
    "ix_claims_subject_claim_id": ("subject", "claim_id"),
    "ix_claims_claimant_claim_id": ("claimant", "claim_id"),
}


def upgrade() -> None:
    for name, cols in INDEXES.items():
        op.create_index(name, "claims", list(cols))


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="claims")
