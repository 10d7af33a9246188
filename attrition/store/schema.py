"""The ledger's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

Migrations in `migrations/versions/` create exactly these tables; `tests/test_store.py` checks that
the migrated database and this metadata agree, so the two cannot drift.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    # Content-hash identity: SHA-256 of the cleaned text. Re-ingesting the same body is a no-op.
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
    # Near-duplicate cluster (syndicated copies, reposts); filled by the dedupe stage.
    sa.Column("cluster_id", sa.String(64), index=True),
    # MinHash signature of the text (dedupe.clusters.NUM_PERM unsigned 64-bit little-endian values),
    # computed once by the dedupe stage so that re-clustering never re-reads or re-hashes old texts.
    sa.Column("minhash", sa.LargeBinary),
)

claims = sa.Table(
    "claims",
    metadata,
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
    # "start"/"end" are the contract's names; the columns avoid SQL's reserved END.
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("mentions", sa.JSON, nullable=False),
    sa.Column("origin", sa.String(8), nullable=False, server_default="text"),
    sa.Column("series", sa.JSON),
    sa.Column("extractor_version", sa.String(16)),
    sa.Column("seq", sa.Integer, nullable=False),
)

ingest_runs = sa.Table(
    "ingest_runs",
    metadata,
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

ingest_errors = sa.Table(
    "ingest_errors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"), index=True),
    sa.Column("location", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

# -- reconcile: official series imports and check findings (migration 0002) ---------------------

series_imports = sa.Table(
    "series_imports",
    metadata,
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

# A series row whose value changed between two imports of the same series (the maintainer
# rewrote history); the claims table then holds the newer value.
series_rewrites = sa.Table(
    "series_rewrites",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("import_id", sa.Integer, sa.ForeignKey("series_imports.id", ondelete="CASCADE"), index=True),
    sa.Column("claim_id", sa.String(40), nullable=False, index=True),
    sa.Column("old_value", sa.Float(53), nullable=False),
    sa.Column("new_value", sa.Float(53), nullable=False),
)

# Corrections a series publishes alongside its cumulative values (folded into that day's jump).
series_corrections = sa.Table(
    "series_corrections",
    metadata,
    sa.Column("source", sa.String(64), primary_key=True),
    sa.Column("subject", sa.String(64), primary_key=True),
    sa.Column("series", sa.String(128), primary_key=True),
    sa.Column("report_date", sa.Date, primary_key=True),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("value", sa.Float(53), nullable=False),
    sa.Column("ref", sa.Text, nullable=False),
    sa.Column("row", sa.Text, nullable=False),
)

findings = sa.Table(
    "findings",
    metadata,
    # Stable id: a hash of the kind and the ids compared, so re-running `check` replaces in place.
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

incidents = sa.Table(
    "incidents",
    metadata,
    # Incidents (docs/incidents.md): one reported event or practice, linked to its claims by id.
    sa.Column("incident_id", sa.String(40), primary_key=True),
    sa.Column("doc_hash", sa.String(64), sa.ForeignKey("documents.hash", ondelete="CASCADE"), index=True),
    sa.Column("doc_id", sa.String(255), index=True),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("generic", sa.Boolean, nullable=False),
    sa.Column("perpetrator_side", sa.String(64), index=True),
    sa.Column("victim_side", sa.String(64), index=True),
    sa.Column("claim_ids", sa.JSON, nullable=False),
    # The contract's "count" and "date"; the columns avoid SQL function and type names.
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
