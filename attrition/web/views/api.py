"""JSON handlers: one per page, plus the claims CSV and the token-guarded write endpoints.

Handlers are plain (synchronous) functions: FastAPI runs them on its thread pool, which suits the
ledger's blocking SQLAlchemy engine.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.responses import StreamingResponse

from attrition.ingest import ReadOptions, ingest
from attrition.models import CATEGORIES
from attrition.reconcile import run_checks as run_checks_on
from attrition.reconcile import save_findings
from attrition.store import Ledger
from attrition.web import queries
from attrition.web.errors import ApiError
from attrition.web.queries import MAX_LIMIT, TimelineMode, WebClaimFilter

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")]
CursorParam = Annotated[str | None, Query(description="`next_cursor` of the previous page")]

#: CSV columns (the contract's flat fields, then the document's), in order.
CSV_FIELDS = (
    "claim_id", "doc_id", "subject", "category", "value", "value_high", "qualifier", "period_kind",
    "period_start", "period_end", "claimant", "claimant_text", "via", "hedged", "verification", "quote",
    "start", "end", "origin", "doc_hash", "doc_title", "doc_outlet", "doc_published",
)  # fmt: skip
#: A spreadsheet runs a cell starting with one of these as a formula; quotes are untrusted text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def ledger_of(request: Request) -> Ledger:
    ledger: Ledger = request.app.state.ledger
    return ledger


def claim_filter(
    subject: Annotated[str | None, Query(description="side that suffered the loss, exact")] = None,
    category: Annotated[str | None, Query(description="one of the categories")] = None,
    claimant: Annotated[str | None, Query(description="canonical claimant, exact (see /api/facets)")] = None,
    since: Annotated[str | None, Query(description="claim date on or after (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="claim date on or before (YYYY-MM-DD)")] = None,
    doc: Annotated[str | None, Query(description="document id, hash or hash prefix")] = None,
    origin: Annotated[str | None, Query(pattern="^(text|series)?$")] = None,
    q: Annotated[str | None, Query(description="quote contains (case-insensitive)")] = None,
) -> WebClaimFilter:
    """The claims filters, shared by the list, the CSV and the claims page.

    An empty parameter means "any": an HTML form submits its blank fields as `name=`.
    """
    if category and category not in CATEGORIES:
        raise ApiError(422, f"category: unknown category {category!r}")
    return WebClaimFilter(
        subject=subject or None, category=category or None, claimant=claimant or None,
        since=_date_param("since", since), until=_date_param("until", until), doc=doc or None,
        origin=origin or None, q=q or None,
    )  # fmt: skip


def _date_param(name: str, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ApiError(422, f"{name}: not a YYYY-MM-DD date: {value[:40]!r}") from exc


Filter = Annotated[WebClaimFilter, Depends(claim_filter)]


def overview(request: Request) -> dict[str, Any]:
    """Ledger counts, claims by subject and category, the latest claims and the check summary."""
    ledger = ledger_of(request)
    counts = ledger.counts()
    with ledger.connect() as conn:
        return {"ok": True, **queries.overview(conn, counts), "checks": queries.findings_summary(conn)}


def claims(
    request: Request,
    flt: Filter,
    sort: Annotated[
        str, Query(description="date, value, category, subject or claimant; prefix - for descending")
    ] = queries.DEFAULT_CLAIM_SORT,
    limit: Limit = queries.DEFAULT_LIMIT,
    cursor: CursorParam = None,
    total: Annotated[
        bool, Query(description="also count every match (first page only; a scan on big ledgers)")
    ] = False,
) -> dict[str, Any]:
    """One page of claims, newest first unless sorted otherwise; `total` is null unless asked for."""
    with ledger_of(request).connect() as conn:
        page = queries.claims_page(conn, flt, sort=sort, limit=limit, cursor=cursor, with_total=total)
    return {
        "ok": True,
        "items": page.rows,
        "next_cursor": page.next_cursor,
        "total": page.total,
        "limit": limit,
    }


def claims_csv(
    request: Request,
    flt: Filter,
) -> StreamingResponse:
    """Every claim matching the filters as CSV (streamed; not paged)."""
    ledger = ledger_of(request)
    return StreamingResponse(
        _csv_lines(ledger, flt),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
    )


def _csv_lines(ledger: Ledger, flt: WebClaimFilter) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    with ledger.connect() as conn:
        for n, row in enumerate(queries.iter_claim_rows(conn, flt), 1):
            writer.writerow(_csv_row(row))
            if n % 500 == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
    yield buf.getvalue()


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    doc = row.get("document") or {}
    flat = {
        **row,
        "period_kind": row["period"]["kind"],
        "period_start": row["period"]["start"],
        "period_end": row["period"]["end"],
        "via": " > ".join(row["via"]),
        "doc_title": doc.get("title"),
        "doc_outlet": doc.get("outlet"),
        "doc_published": doc.get("published"),
    }
    return {k: _defuse(v) for k, v in flat.items()}


def _defuse(v: Any) -> Any:
    """Prefix text a spreadsheet would run as a formula with an apostrophe (CSV injection)."""
    if isinstance(v, str) and v.startswith(FORMULA_PREFIXES):
        return "'" + v
    return v


def claim(request: Request, claim_id: str) -> dict[str, Any]:
    """One claim with its document's title, outlet and date."""
    with ledger_of(request).connect() as conn:
        row = queries.get_claim(conn, claim_id)
    if row is None:
        raise ApiError(404, f"no claim {claim_id!r}")
    return {"ok": True, "claim": row}


def facets(request: Request) -> dict[str, Any]:
    """Subjects, categories and claimants present in the ledger (for filter forms)."""
    with ledger_of(request).connect() as conn:
        return {"ok": True, **queries.facets(conn)}


def timeline(
    request: Request,
    subject: Annotated[str, Query(description="side that suffered the loss")],
    category: Annotated[str, Query(description="one of the categories")],
    mode: Annotated[TimelineMode, Query(description="daily figures or cumulative totals")] = "cumulative",
) -> dict[str, Any]:
    """Series rows (lines, by series source) and text claims (points) for one subject x category."""
    if category not in CATEGORIES:
        raise ApiError(422, f"category: unknown category {category!r}")
    with ledger_of(request).connect() as conn:
        return {"ok": True, **queries.timeline(conn, subject=subject, category=category, mode=mode)}


def documents(
    request: Request,
    sort: Annotated[str, Query(description="published or id; prefix - for descending")] = "-published",
    limit: Limit = queries.DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> dict[str, Any]:
    """One page of documents (metadata and claim counts, no text)."""
    with ledger_of(request).connect() as conn:
        page = queries.documents_page(conn, sort=sort, limit=limit, cursor=cursor)
    return {
        "ok": True,
        "items": page.rows,
        "next_cursor": page.next_cursor,
        "total": page.total,
        "limit": limit,
    }


def document(request: Request, key: str) -> dict[str, Any]:
    """A document by hash, hash prefix (8+ characters) or id: text, claims, and highlight segments."""
    ledger = ledger_of(request)
    doc = ledger.document(key)
    if doc is None:
        raise ApiError(404, f"no document {key!r}")
    with ledger.connect() as conn:
        return {"ok": True, **queries.document_view(conn, doc)}


def checks(
    request: Request,
    kind: Annotated[str | None, Query(description="finding kind, e.g. claim_series, contradiction")] = None,
    status: Annotated[str | None, Query(description="e.g. agrees, mismatch, wrong_date, contradicts")] = None,
    sort: Annotated[str, Query(description="date, kind, status or lag; prefix - for descending")] = "-date",
    limit: Limit = queries.DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> dict[str, Any]:
    """The check report: findings stored by the last check run, with a summary by kind and status."""
    with ledger_of(request).connect() as conn:
        summary = queries.findings_summary(conn)
        page = queries.findings_page(
            conn, kind=kind or None, status=status or None, sort=sort, limit=limit, cursor=cursor
        )
    return {
        "ok": True,
        "summary": summary,
        "items": page.rows,
        "next_cursor": page.next_cursor,
        "limit": limit,
    }


def incidents(
    request: Request,
    subject: Annotated[str | None, Query(description="victim side, exact")] = None,
    type: Annotated[str | None, Query(description="incident type (see docs/incidents.md)")] = None,
    sort: Annotated[str, Query(description="date, type or count; prefix - for descending")] = "-date",
    limit: Limit = queries.DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> dict[str, Any]:
    """Incidents reported in documents (events and practices behind figures), newest first."""
    with ledger_of(request).connect() as conn:
        page = queries.incidents_page(
            conn, subject=subject or None, type=type or None, sort=sort, limit=limit, cursor=cursor
        )
    return {
        "ok": True,
        "items": page.rows,
        "next_cursor": page.next_cursor,
        "total": page.total,
        "limit": limit,
    }


async def post_documents(request: Request) -> dict[str, Any]:
    """Ingest documents: a JSON object or array in the interchange format, JSON Lines, HTML or text.

    The body goes through the same readers and pipeline as `attrition ingest -` (validation,
    cleaning, dedupe by content hash, extraction, one run record); bad documents are reported in
    `errors`, and a body with no usable document is a 422.
    """
    options = ReadOptions()
    declared = int(request.headers.get("content-length") or 0)
    if declared > options.max_bytes:
        raise ApiError(413, f"body too large ({declared:,} bytes; limit {options.max_bytes:,})")
    body = await request.body()
    if len(body) > options.max_bytes:
        raise ApiError(413, f"body too large (limit {options.max_bytes:,} bytes)")
    data = _as_jsonl(body) if request.headers.get("content-type", "").startswith("application/json") else body
    summary = ingest(["-"], ledger_of(request), options=options, stdin=io.BytesIO(data))
    if summary.read == 0:
        reason = summary.errors[0].reason if summary.errors else "no document in the body"
        raise ApiError(422, f"no document ingested: {reason}")
    return {"ok": True, **summary.as_dict()}


def _as_jsonl(body: bytes) -> bytes:
    """A JSON document or array of documents as JSON Lines, the reader's interchange format."""
    try:
        value = json.loads(body)
    except ValueError as exc:
        raise ApiError(400, f"body is not valid JSON: {exc}") from exc
    items = value if isinstance(value, list) else [value]
    return "\n".join(json.dumps(item) for item in items).encode()


def run_checks(request: Request) -> dict[str, Any]:
    """Re-run every reconciliation check and store the findings (as `attrition check` does)."""
    ledger = ledger_of(request)
    save_findings(ledger, run_checks_on(ledger))
    with ledger.connect() as conn:
        return {"ok": True, "summary": queries.findings_summary(conn)}
