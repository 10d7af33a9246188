"""web: FastAPI JSON API and dashboard pages over the ledger."""
