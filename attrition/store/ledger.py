"""The Ledger: one object over one database URL (SQLite by default, PostgreSQL for teams).

All reads and writes of the ledger go through here. Writes are transactional per batch: a batch of
documents and their claims lands whole or not at all, so an ingest killed mid-way leaves no
half-written document, and re-running it stores exactly what is missing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from attrition.incidents.model import Incident, incident_row
from attrition.models import Claim, Document, DocumentMeta, Period
from attrition.store.schema import claims, documents, incidents, ingest_errors, ingest_runs

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"

#: Rows per INSERT statement: large enough to amortise round trips, small enough for SQLite's
#: bound-parameter limit (32,766) with the claims table's 24 columns.
INSERT_CHUNK = 500


class LedgerError(Exception):
    """The ledger cannot be opened or used (bad URL, unreachable server, failed migration)."""


@dataclass(slots=True, kw_only=True)
class StoreResult:
    """What one `Ledger.store` call did."""

    new: int = 0
    present: int = 0
    claims: int = 0
    incidents: int = 0
    new_hashes: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class SeriesUpsert:
    """What one `Ledger.upsert_series_claims` call did; rewritten = (claim_id, old, new) values."""

    added: int = 0
    unchanged: int = 0
    rewritten: list[tuple[str, float, float]] = field(default_factory=list)


@dataclass(slots=True, kw_only=True, frozen=True)
class StoredDocument:
    """A document row as the ledger holds it."""

    hash: str
    doc_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: date | None
    text: str
    source: str | None
    ingested_at: datetime
    cluster_id: str | None

    def as_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "hash": self.hash,
            "id": self.doc_id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "ingested_at": self.ingested_at.isoformat(timespec="seconds"),
            "cluster_id": self.cluster_id,
        }
        if with_text:
            d["text"] = self.text
        return d


@dataclass(slots=True, kw_only=True)
class ClaimFilter:
    """Filters shared by `attrition claims`, exports and the web API. None means 'any'."""

    subject: str | None = None
    category: str | None = None
    claimant: str | None = None
    since: date | None = None
    until: date | None = None
    doc: str | None = None
    origin: str | None = None
    limit: int | None = None
    offset: int = 0


def normalise_url(url: str) -> str:
    """A bare path means SQLite; 'postgresql://' means psycopg 3 (the driver we ship)."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Ledger:
    """The claim ledger behind one database URL; migrates the schema to the newest on open.

    Use as a context manager, or call `close()`.
    """

    def __init__(self, url: str = "sqlite:///attrition.db", *, migrate: bool = True) -> None:
        self.url = normalise_url(url)
        try:
            self.engine: Engine = _make_engine(self.url)
            if migrate:
                self.migrate()
        except (sa.exc.SQLAlchemyError, ImportError, ValueError) as exc:
            raise LedgerError(f"cannot open ledger {_redact(self.url)}: {_first_line(exc)}") from exc

    # -- lifecycle -------------------------------------------------------------------------------

    def migrate(self) -> None:
        """Bring the schema to the newest migration (idempotent)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            head = ScriptDirectory.from_config(cfg).get_current_head()
            if current == head:
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ----------------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these document hashes the ledger already holds."""
        with self.engine.connect() as conn:
            return _known(conn, documents.c.hash, hashes)

    def store(
        self,
        batch: Sequence[tuple[Document, Sequence[Claim]]],
        *,
        run_id: int | None = None,
        extractor_version: str | None = None,
        incidents_by_doc: Mapping[str, Sequence[Incident]] | None = None,
    ) -> StoreResult:
        """Store documents with their claims in one transaction; documents already held are skipped.

        A document identical to one earlier in the same batch counts as present, like one already
        in the ledger. `incidents_by_doc` (by document hash) lands in the same transaction, for new
        documents only.
        """
        result = StoreResult()
        now = datetime.now().replace(microsecond=0)
        with self.engine.begin() as conn:
            held = _known(conn, documents.c.hash, (d.hash for d, _ in batch))
            doc_rows: list[dict[str, Any]] = []
            claim_rows: list[dict[str, Any]] = []
            incident_rows: list[dict[str, Any]] = []
            for doc, doc_claims in batch:
                h = doc.hash
                if h in held:
                    result.present += 1
                    continue
                held.add(h)
                result.new += 1
                result.new_hashes.append(h)
                doc_rows.append(_document_row(doc, h, now, run_id))
                for seq, claim in enumerate(doc_claims):
                    claim_rows.append(_claim_row(claim, seq, extractor_version))
                incident_rows.extend(incident_row(i) for i in (incidents_by_doc or {}).get(h, ()))
            _insert_chunked(conn, documents, doc_rows)
            _insert_chunked(conn, claims, claim_rows)
            _insert_chunked(conn, incidents, incident_rows)
            result.claims = len(claim_rows)
            result.incidents = len(incident_rows)
        return result

    def store_series_claims(self, rows: Sequence[Claim]) -> int:
        """Upsert claims that come from an official series (origin 'series'); returns rows added."""
        with self.engine.begin() as conn:
            existing = _known(conn, claims.c.claim_id, (c.claim_id for c in rows))
            fresh = [_claim_row(c, 0, None) for c in rows if c.claim_id not in existing]
            _insert_chunked(conn, claims, fresh)
        return len(fresh)

    def upsert_series_claims(self, rows: Sequence[Claim]) -> SeriesUpsert:
        """Store series rows by claim_id: new ones are added, changed values overwrite the stored row.

        A series row's claim_id names the row (source, subject, series, period), not its value, so a
        changed value means the maintainer rewrote that row; the old and new values are returned
        for the reconcile stage to record.
        """
        result = SeriesUpsert()
        latest = {c.claim_id: c for c in rows}
        with self.engine.begin() as conn:
            held = _values(conn, latest)
            fresh: list[dict[str, Any]] = []
            for cid, c in latest.items():
                old = held.get(cid)
                if old is None:
                    fresh.append(_claim_row(c, 0, None))
                elif old == float(c.value):
                    result.unchanged += 1
                else:
                    conn.execute(
                        claims.update()
                        .where(claims.c.claim_id == cid)
                        .values(value=float(c.value), quote=c.quote, series=c.series)
                    )
                    result.rewritten.append((cid, old, float(c.value)))
            _insert_chunked(conn, claims, fresh)
            result.added = len(fresh)
        return result

    def start_run(self, inputs: Sequence[str]) -> int:
        with self.engine.begin() as conn:
            res = conn.execute(
                ingest_runs.insert().values(
                    started_at=datetime.now().replace(microsecond=0), inputs=list(inputs)
                )
            )
            pk = res.inserted_primary_key
            assert pk is not None
            return int(pk[0])

    def finish_run(
        self,
        run_id: int,
        *,
        read: int,
        new: int,
        present: int,
        skipped: int,
        claims_stored: int,
        seconds: float,
        errors: Sequence[tuple[str, str]],
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                ingest_runs.update()
                .where(ingest_runs.c.id == run_id)
                .values(
                    finished_at=datetime.now().replace(microsecond=0),
                    read=read,
                    new=new,
                    present=present,
                    skipped=skipped,
                    claims=claims_stored,
                    seconds=seconds,
                )
            )
            _insert_chunked(
                conn,
                ingest_errors,
                [{"run_id": run_id, "location": loc, "reason": why} for loc, why in errors],
            )

    def set_clusters(self, assignment: dict[str, str | None]) -> None:
        """Record near-duplicate cluster ids by document hash (None clears)."""
        self._set_document_column("cluster_id", assignment)

    def set_signatures(self, signatures: dict[str, bytes]) -> None:
        """Store near-duplicate signatures by document hash (the dedupe stage's own column)."""
        self._set_document_column("minhash", signatures)

    def _set_document_column(self, column: str, by_hash: Mapping[str, Any]) -> None:
        """One column of many documents, keyed by content hash, in one transaction."""
        if not by_hash:
            return
        stmt = (
            documents.update()
            .where(documents.c.hash == sa.bindparam("h"))
            .values({column: sa.bindparam("v")})
        )
        with self.engine.begin() as conn:
            conn.execute(stmt, [{"h": h, "v": v} for h, v in by_hash.items()])

    # -- reads -----------------------------------------------------------------------------------

    def claims(self, flt: ClaimFilter | None = None) -> list[Claim]:
        return list(self.iter_claims(flt))

    def iter_claims(self, flt: ClaimFilter | None = None) -> Iterator[Claim]:
        """Claims in a stable order: documents by publication date, then position in the text."""
        stmt = _claim_query(flt or ClaimFilter())
        with self.engine.connect() as conn:
            for row in conn.execute(stmt).mappings():
                yield claim_from_row(row)

    def count_claims(self, flt: ClaimFilter | None = None) -> int:
        f = flt or ClaimFilter()
        inner = _claim_query(ClaimFilter(**{**_filter_dict(f), "limit": None, "offset": 0}))
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(inner.subquery())).scalar_one())

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[StoredDocument]:
        stmt = (
            sa.select(documents)
            .order_by(
                documents.c.published.is_(None), documents.c.published, documents.c.doc_id, documents.c.hash
            )
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [_stored_document(r) for r in conn.execute(stmt).mappings()]

    def document(self, key: str) -> StoredDocument | None:
        """A document by content hash (or a unique prefix of at least 8 characters), else by id."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.hash == key)).mappings().first()
            if row is None and len(key) >= 8:
                rows = (
                    conn.execute(sa.select(documents).where(documents.c.hash.like(key + "%")).limit(2))
                    .mappings()
                    .all()
                )
                row = rows[0] if len(rows) == 1 else None
            if row is None:
                row = (
                    conn.execute(
                        sa.select(documents).where(documents.c.doc_id == key).order_by(documents.c.hash)
                    )
                    .mappings()
                    .first()
                )
        return _stored_document(row) if row is not None else None

    def document_meta(self, hashes: Iterable[str] | None = None) -> dict[str, DocumentMeta]:
        """Metadata (no text) of the given documents, or of all, keyed by content hash."""
        cols = [
            documents.c.hash,
            documents.c.doc_id,
            documents.c.title,
            documents.c.url,
            documents.c.outlet,
            documents.c.published,
        ]
        out: dict[str, DocumentMeta] = {}
        with self.engine.connect() as conn:
            if hashes is None:
                chunks: list[list[str] | None] = [None]
            else:
                uniq = list(set(hashes))
                chunks = [uniq[i : i + INSERT_CHUNK] for i in range(0, len(uniq), INSERT_CHUNK)]
            for chunk in chunks:
                stmt = sa.select(*cols)
                if chunk is not None:
                    stmt = stmt.where(documents.c.hash.in_(chunk))
                for r in conn.execute(stmt).mappings():
                    out[r["hash"]] = DocumentMeta(
                        doc_id=r["doc_id"],
                        title=r["title"],
                        url=r["url"],
                        outlet=r["outlet"],
                        published=r["published"],
                    )
        return out

    def counts(self) -> dict[str, int]:
        """Documents, claims (text and series), ingest runs, recorded errors."""
        with self.engine.connect() as conn:

            def n(stmt: Any) -> int:
                return int(conn.execute(stmt).scalar_one())

            return {
                "documents": n(sa.select(sa.func.count()).select_from(documents)),
                "claims": n(sa.select(sa.func.count()).select_from(claims).where(claims.c.origin == "text")),
                "series_rows": n(
                    sa.select(sa.func.count()).select_from(claims).where(claims.c.origin == "series")
                ),
                "runs": n(sa.select(sa.func.count()).select_from(ingest_runs)),
                "errors": n(sa.select(sa.func.count()).select_from(ingest_errors)),
            }

    def runs(self, *, limit: int = 20) -> list[dict[str, Any]]:
        """The latest ingest runs, newest first, each with its errors (location, reason)."""
        with self.engine.connect() as conn:
            rows = [
                dict(r)
                for r in conn.execute(
                    sa.select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(limit)
                ).mappings()
            ]
            ids = [r["id"] for r in rows]
            errs: dict[int, list[tuple[str, str]]] = {i: [] for i in ids}
            if ids:
                stmt = (
                    sa.select(ingest_errors.c.run_id, ingest_errors.c.location, ingest_errors.c.reason)
                    .where(ingest_errors.c.run_id.in_(ids))
                    .order_by(ingest_errors.c.id)
                )
                for run_id, loc, why in conn.execute(stmt):
                    errs[run_id].append((loc, why))
        for r in rows:
            r["errors"] = errs[r["id"]]
        return rows

    def connect(self) -> Connection:
        """A raw connection, for stages that add their own tables (reconcile, incidents)."""
        return self.engine.connect()


# -- row mapping ---------------------------------------------------------------------------------


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _document_row(doc: Document, h: str, now: datetime, run_id: int | None) -> dict[str, Any]:
    return {
        "hash": h,
        "doc_id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "outlet": doc.outlet,
        "published": doc.published,
        "text": doc.text,
        "source": doc.source,
        "ingested_at": now,
        "run_id": run_id,
        "cluster_id": None,
    }


def _claim_row(c: Claim, seq: int, extractor_version: str | None) -> dict[str, Any]:
    return {
        "claim_id": c.claim_id,
        "doc_hash": c.doc_hash,
        "doc_id": c.doc_id,
        "subject": c.subject,
        "category": c.category,
        "value": float(c.value),
        "value_high": None if c.value_high is None else float(c.value_high),
        "qualifier": c.qualifier,
        "period_kind": c.period.kind,
        "period_start": c.period.start,
        "period_end": c.period.end,
        "claimant": c.claimant,
        "claimant_text": c.claimant_text,
        "via": list(c.via),
        "hedged": bool(c.hedged),
        "verification": c.verification,
        "quote": c.quote,
        "span_start": c.start,
        "span_end": c.end,
        "mentions": [list(m) for m in c.mentions],
        "origin": c.origin,
        "series": c.series,
        "extractor_version": extractor_version,
        "seq": seq,
    }


def claim_from_row(row: Any) -> Claim:
    """A Claim from a `claims` row mapping (also used by stages that query the table themselves)."""
    return Claim(
        doc_id=row["doc_id"],
        claim_id=row["claim_id"],
        subject=row["subject"],
        category=row["category"],
        value=row["value"],
        value_high=row["value_high"],
        qualifier=row["qualifier"],
        period=Period(kind=row["period_kind"], start=row["period_start"], end=row["period_end"]),
        claimant=row["claimant"],
        claimant_text=row["claimant_text"],
        via=tuple(row["via"] or ()),
        hedged=bool(row["hedged"]),
        verification=row["verification"],
        quote=row["quote"],
        start=row["span_start"],
        end=row["span_end"],
        mentions=tuple(tuple(m) for m in (row["mentions"] or ())),  # type: ignore[misc]
        doc_hash=row["doc_hash"],
        origin=row["origin"],
        series=row["series"],
    )


def _stored_document(row: Any) -> StoredDocument:
    return StoredDocument(**{f.name: row[f.name] for f in fields(StoredDocument)})


def _filter_dict(f: ClaimFilter) -> dict[str, Any]:
    return {x.name: getattr(f, x.name) for x in fields(ClaimFilter)}


def _claim_query(f: ClaimFilter) -> sa.Select[Any]:
    stmt = sa.select(claims).select_from(claims.outerjoin(documents, claims.c.doc_hash == documents.c.hash))
    if f.subject:
        stmt = stmt.where(sa.func.lower(claims.c.subject) == f.subject.lower())
    if f.category:
        stmt = stmt.where(claims.c.category == f.category)
    if f.claimant:
        stmt = stmt.where(sa.func.lower(claims.c.claimant).contains(f.claimant.lower()))
    if f.origin:
        stmt = stmt.where(claims.c.origin == f.origin)
    # The date of a claim is the end of its period, else its document's publication date.
    when = sa.func.coalesce(claims.c.period_end, documents.c.published)
    if f.since:
        stmt = stmt.where(when >= f.since)
    if f.until:
        stmt = stmt.where(when <= f.until)
    if f.doc:
        stmt = stmt.where(doc_match(claims, f.doc))
    stmt = stmt.order_by(
        *document_order(claims),
        claims.c.period_end,
        claims.c.span_start,
        claims.c.category,
        claims.c.claim_id,
    )
    return page(stmt, f.offset, f.limit)


def doc_match(table: sa.Table, key: str) -> sa.ColumnElement[bool]:
    """Rows of one document, named by its id, its content hash or a hash prefix (claims, incidents)."""
    return sa.or_(table.c.doc_id == key, table.c.doc_hash == key, table.c.doc_hash.like(key + "%"))


def document_order(table: sa.Table) -> tuple[sa.ColumnElement[Any], ...]:
    """The ledger's reading order: documents by publication date (undated last), then by document."""
    return (documents.c.published.is_(None), documents.c.published, table.c.doc_id, table.c.doc_hash)


def page(stmt: sa.Select[Any], offset: int, limit: int | None) -> sa.Select[Any]:
    if offset:
        stmt = stmt.offset(offset)
    return stmt if limit is None else stmt.limit(limit)


def _known(conn: Connection, column: sa.Column[Any], keys: Iterable[str]) -> set[str]:
    """Which of `keys` exist in `column`, asked in chunks (bound-parameter limits)."""
    uniq = list(set(keys))
    found: set[str] = set()
    for i in range(0, len(uniq), INSERT_CHUNK):
        rows = conn.execute(sa.select(column).where(column.in_(uniq[i : i + INSERT_CHUNK])))
        found.update(r[0] for r in rows)
    return found


def _values(conn: Connection, keyed: dict[str, Claim]) -> dict[str, float]:
    """Stored values of these claim ids, asked in chunks."""
    ids = list(keyed)
    found: dict[str, float] = {}
    for i in range(0, len(ids), INSERT_CHUNK):
        stmt = sa.select(claims.c.claim_id, claims.c.value).where(
            claims.c.claim_id.in_(ids[i : i + INSERT_CHUNK])
        )
        found.update((r[0], float(r[1])) for r in conn.execute(stmt))
    return found


def _insert_chunked(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), INSERT_CHUNK):
        conn.execute(table.insert(), rows[i : i + INSERT_CHUNK])


def _redact(url: str) -> str:
    """Hide a password in a URL before it reaches a message."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
