"""Reconcile's own tables in the ledger: series imports, rewrites, corrections and findings.

The claims themselves (series rows included) live in the ledger's `claims` table; this module only
keeps what reconcile adds, so the dashboard and exports can read findings without re-running checks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from attrition.store import Ledger, SeriesUpsert
from attrition.store.schema import claims, findings, series_corrections, series_imports, series_rewrites

#: Rows per INSERT (SQLite's bound-parameter limit with the findings table's 16 columns).
CHUNK = 500


@dataclass(slots=True, kw_only=True, frozen=True)
class Correction:
    """A correction a series publishes for one report date (folded into that day's cumulative jump)."""

    source: str
    subject: str
    series: str
    category: str
    report_date: date
    value: float
    ref: str
    row: str


@dataclass(slots=True, kw_only=True)
class Finding:
    """One result of `attrition check`.

    kind: claim_series | series_decrease | series_correction | series_daily | series_rewrite |
    contradiction. `claim_*` is the figure under test, `other_*` what it was compared with (a
    series row, an earlier value, another claimant's claim); `data` keeps every id involved.
    """

    kind: str
    status: str
    subject: str | None
    category: str | None
    claim_id: str | None
    claim_value: float | None
    other_id: str | None = None
    other_value: float | None = None
    claim_date: date | None = None
    report_date: date | None = None
    lag_days: int | None = None
    ratio: float | None = None
    detail: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def finding_id(self) -> str:
        """Stable across runs: the kind, the ids compared and the dates, never the verdict."""
        key = f"{self.kind}|{self.claim_id}|{self.other_id}|{self.claim_date}|{self.report_date}"
        return hashlib.sha256(key.encode()).hexdigest()[:20]

    def as_dict(self) -> dict[str, Any]:
        return {
            "finding_id": self.finding_id,
            "kind": self.kind,
            "status": self.status,
            "subject": self.subject,
            "category": self.category,
            "claim_id": self.claim_id,
            "claim_value": _num(self.claim_value),
            "other_id": self.other_id,
            "other_value": _num(self.other_value),
            "claim_date": self.claim_date.isoformat() if self.claim_date else None,
            "report_date": self.report_date.isoformat() if self.report_date else None,
            "lag_days": self.lag_days,
            "ratio": None if self.ratio is None else round(self.ratio, 4),
            "detail": self.detail,
            "data": self.data,
        }


def record_import(
    ledger: Ledger,
    *,
    source: str,
    ref: str,
    fmt: str,
    rows_read: int,
    skipped: int,
    up: SeriesUpsert,
    corrections: Sequence[Correction],
    seconds: float,
) -> int:
    """One `series_imports` row, its rewrites not recorded before, and the corrections (by key)."""
    with ledger.engine.begin() as conn:
        res = conn.execute(
            series_imports.insert().values(
                source=source,
                ref=ref,
                format=fmt,
                imported_at=datetime.now().replace(microsecond=0),
                rows_read=rows_read,
                added=up.added,
                rewritten=len(up.rewritten),
                unchanged=up.unchanged,
                skipped=skipped,
                seconds=seconds,
            )
        )
        pk = res.inserted_primary_key
        assert pk is not None
        import_id = int(pk[0])
        known = {
            (r[0], float(r[1]), float(r[2]))
            for r in conn.execute(
                sa.select(
                    series_rewrites.c.claim_id, series_rewrites.c.old_value, series_rewrites.c.new_value
                )
            )
        }
        fresh = []
        for cid, old, new in up.rewritten:
            if (cid, old, new) not in known:
                known.add((cid, old, new))
                fresh.append({"import_id": import_id, "claim_id": cid, "old_value": old, "new_value": new})
        _insert(conn, series_rewrites, fresh)
        for c in corrections:
            key = (
                (series_corrections.c.source == c.source)
                & (series_corrections.c.subject == c.subject)
                & (series_corrections.c.series == c.series)
                & (series_corrections.c.report_date == c.report_date)
            )
            conn.execute(series_corrections.delete().where(key))
        _insert(
            conn,
            series_corrections,
            [
                {
                    "source": c.source,
                    "subject": c.subject,
                    "series": c.series,
                    "report_date": c.report_date,
                    "category": c.category,
                    "value": c.value,
                    "ref": c.ref,
                    "row": c.row,
                }
                for c in corrections
            ],
        )
    return import_id


def corrections(ledger: Ledger) -> list[Correction]:
    with ledger.connect() as conn:
        rows = conn.execute(sa.select(series_corrections).order_by(series_corrections.c.report_date))
        return [Correction(**dict(r)) for r in rows.mappings()]


def rewrites(ledger: Ledger) -> list[dict[str, Any]]:
    """Every recorded rewrite with the row it changed (claim columns joined)."""
    stmt = (
        sa.select(
            series_rewrites.c.claim_id,
            series_rewrites.c.old_value,
            series_rewrites.c.new_value,
            series_imports.c.ref,
            claims.c.subject,
            claims.c.category,
            claims.c.period_end,
            claims.c.series,
        )
        .join(series_imports, series_rewrites.c.import_id == series_imports.c.id)
        .join(claims, claims.c.claim_id == series_rewrites.c.claim_id)
        .order_by(series_rewrites.c.id)
    )
    with ledger.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def save_findings(ledger: Ledger, found: Sequence[Finding]) -> None:
    """Replace all stored findings with these (a check run recomputes everything)."""
    now = datetime.now().replace(microsecond=0)
    unique = {f.finding_id: f for f in found}
    with ledger.engine.begin() as conn:
        conn.execute(findings.delete())
        _insert(conn, findings, [_row(fid, f, now) for fid, f in unique.items()])


def load_findings(ledger: Ledger, *, kind: str | None = None, status: str | None = None) -> list[Finding]:
    stmt = sa.select(findings).order_by(findings.c.kind, findings.c.report_date, findings.c.finding_id)
    if kind:
        stmt = stmt.where(findings.c.kind == kind)
    if status:
        stmt = stmt.where(findings.c.status == status)
    with ledger.connect() as conn:
        return [
            Finding(**{k: v for k, v in dict(r).items() if k not in ("finding_id", "checked_at")})
            for r in conn.execute(stmt).mappings()
        ]


def _row(fid: str, f: Finding, now: datetime) -> dict[str, Any]:
    return {
        "finding_id": fid,
        "kind": f.kind,
        "status": f.status,
        "subject": f.subject,
        "category": f.category,
        "claim_id": f.claim_id,
        "claim_value": f.claim_value,
        "other_id": f.other_id,
        "other_value": f.other_value,
        "claim_date": f.claim_date,
        "report_date": f.report_date,
        "lag_days": f.lag_days,
        "ratio": f.ratio,
        "detail": f.detail,
        "data": f.data,
        "checked_at": now,
    }


def _insert(conn: sa.Connection, table: sa.Table, rows: Iterable[dict[str, Any]]) -> None:
    batch = list(rows)
    for i in range(0, len(batch), CHUNK):
        conn.execute(table.insert(), batch[i : i + CHUNK])


def _num(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v
