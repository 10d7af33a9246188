"""store: the claim ledger (SQLAlchemy Core; SQLite default, PostgreSQL via psycopg 3)."""

from attrition.store.ledger import (
    ClaimFilter,
    Ledger,
    LedgerError,
    SeriesUpsert,
    StoredDocument,
    StoreResult,
    claim_from_row,
    normalise_url,
)

__all__ = [
    "ClaimFilter",
    "Ledger",
    "LedgerError",
    "SeriesUpsert",
    "StoreResult",
    "StoredDocument",
    "claim_from_row",
    "normalise_url",
]
