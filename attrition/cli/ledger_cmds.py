"""ingest, extract, claims, export, demo: the commands over the ledger."""

from __future__ import annotations
