"""The check report (reconciliation findings) and the tables of stages that may not be installed.

Findings are written by `attrition check` (or POST /api/checks/run) through the reconcile stage;
the web reads the stored table, so viewing a report never re-runs the checks. Each finding names
the claim it tested, so the report links to the sentence the figure came from.

Incidents (reported events and practices behind figures) are read from the incidents stage's
table, each linked to its document.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from attrition.incidents.model import incident_from_row
from attrition.models import plain_number
from attrition.store.schema import claims, documents, findings, incidents
from attrition.web.queries import DEFAULT_LIMIT, Cursor, Page, keyset_page, parse_sort

#: Sort keys of the check report: name -> column. "date" is the series report's date.
FINDING_SORTS: dict[str, sa.Column[Any]] = {
    "date": findings.c.report_date,
    "kind": findings.c.kind,
    "status": findings.c.status,
    "lag": findings.c.lag_days,
}
#: Statuses meaning "the figure is not what the series says" (shown first in summaries' colours).
PROBLEM_STATUSES = ("mismatch", "wrong_date", "contradicts", "decrease", "rewritten", "correction")


def findings_summary(conn: Connection) -> dict[str, Any]:
    """Counts of findings by kind and status, and when the checks last ran."""
    stmt = (
        sa.select(findings.c.kind, findings.c.status, sa.func.count().label("n"))
        .group_by(findings.c.kind, findings.c.status)
        .order_by(findings.c.kind, sa.func.count().desc())
    )
    groups = [
        {"kind": r.kind, "status": r.status, "count": r.n, "problem": r.status in PROBLEM_STATUSES}
        for r in conn.execute(stmt)
    ]
    checked = conn.execute(sa.select(sa.func.max(findings.c.checked_at))).scalar()
    return {
        "available": bool(groups),
        "total": sum(g["count"] for g in groups),
        "problems": sum(g["count"] for g in groups if g["problem"]),
        "groups": groups,
        "checked_at": checked.isoformat(timespec="seconds") if checked else None,
    }


def findings_page(
    conn: Connection,
    *,
    kind: str | None = None,
    status: str | None = None,
    sort: str | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """One page of findings, each with the document hash and quote of the claim it tested."""
    name, desc = parse_sort(sort, FINDING_SORTS, "-date")
    sort_key = ("-" if desc else "") + name
    cur = Cursor.decode(cursor, sort_key) if cursor else None
    base = sa.select(findings, claims.c.doc_hash, claims.c.quote).select_from(
        findings.outerjoin(claims, findings.c.claim_id == claims.c.claim_id)
    )
    if kind:
        base = base.where(findings.c.kind == kind)
    if status:
        base = base.where(findings.c.status == status)
    col = FINDING_SORTS[name]
    rows, nxt = keyset_page(
        conn, base, sort_name=sort_key, col=col, ident=findings.c.finding_id, descending=desc, limit=limit,
        cursor=cur, nullable=bool(col.nullable),
    )  # fmt: skip
    return Page(rows=[finding_row(r) for r in rows], next_cursor=nxt.encode() if nxt else None, limit=limit)


def finding_row(r: Any) -> dict[str, Any]:
    """A findings row as the API shows it (the reconcile stage's `Finding.as_dict` shape, plus links)."""
    return {
        "finding_id": r["finding_id"],
        "kind": r["kind"],
        "status": r["status"],
        "problem": r["status"] in PROBLEM_STATUSES,
        "subject": r["subject"],
        "category": r["category"],
        "claim_id": r["claim_id"],
        "claim_value": plain_number(r["claim_value"]),
        "other_id": r["other_id"],
        "other_value": plain_number(r["other_value"]),
        "claim_date": _iso(r["claim_date"]),
        "report_date": _iso(r["report_date"]),
        "lag_days": r["lag_days"],
        "ratio": None if r["ratio"] is None else round(r["ratio"], 4),
        "detail": r["detail"],
        "data": r["data"],
        "checked_at": _iso(r["checked_at"]),
        "doc_hash": r["doc_hash"],
        "quote": r["quote"],
    }


def finding_facets(conn: Connection) -> dict[str, list[str]]:
    """Kinds and statuses present (for the report's filter form)."""

    def distinct(col: sa.Column[Any]) -> list[str]:
        return [v for (v,) in conn.execute(sa.select(col).distinct().order_by(col))]

    return {"kinds": distinct(findings.c.kind), "statuses": distinct(findings.c.status)}


def _iso(v: Any) -> str | None:
    return v.isoformat() if v is not None else None


INCIDENT_SORTS: dict[str, sa.Column[Any]] = {
    "date": incidents.c.incident_date,
    "type": incidents.c.type,
    "count": incidents.c.victim_count,
}


def incidents_page(
    conn: Connection,
    *,
    subject: str | None = None,
    type: str | None = None,
    sort: str | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """One page of incidents (the incidents stage's JSON shape) with their document's metadata."""
    name, desc = parse_sort(sort, INCIDENT_SORTS, "-date")
    sort_key = ("-" if desc else "") + name
    cur = Cursor.decode(cursor, sort_key) if cursor else None
    base = sa.select(
        incidents,
        documents.c.title.label("doc_title"),
        documents.c.outlet.label("doc_outlet"),
        documents.c.published.label("doc_published"),
    ).select_from(incidents.outerjoin(documents, incidents.c.doc_hash == documents.c.hash))
    if subject:
        base = base.where(incidents.c.victim_side == subject)
    if type:
        base = base.where(incidents.c.type == type)
    col = INCIDENT_SORTS[name]
    rows, nxt = keyset_page(
        conn, base, sort_name=sort_key, col=col, ident=incidents.c.incident_id, descending=desc, limit=limit,
        cursor=cur, nullable=bool(col.nullable),
    )  # fmt: skip
    out = []
    for r in rows:
        d = incident_from_row(r).as_dict()
        d["document"] = {"title": r["doc_title"], "outlet": r["doc_outlet"], "published": _iso(r["doc_published"])}
        out.append(d)
    total = int(conn.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar_one())
    return Page(rows=out, next_cursor=nxt.encode() if nxt else None, total=total, limit=limit)


def incident_facets(conn: Connection) -> dict[str, Any]:
    """Incident types with their counts, and victim sides present (for the filter form)."""
    by_type = sa.select(incidents.c.type, sa.func.count().label("n")).group_by(incidents.c.type)
    sides = sa.select(incidents.c.victim_side).where(incidents.c.victim_side.is_not(None)).distinct()
    return {
        "types": {r.type: r.n for r in conn.execute(by_type.order_by(sa.func.count().desc()))},
        "subjects": sorted(v for (v,) in conn.execute(sides)),
    }
