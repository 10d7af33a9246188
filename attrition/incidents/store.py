"""Incidents in the ledger: filtered reads, idempotent writes, and re-clustering.

Writes for newly ingested documents go through `Ledger.store(..., incidents_by_doc=...)` so that a
document, its claims and its incidents land in one transaction; the functions here serve the
commands that read incidents and the stages that recompute them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from attrition.incidents.cluster import cluster_incidents
from attrition.incidents.model import Incident, incident_from_row, incident_row
from attrition.store import Ledger
from attrition.store.ledger import doc_match, document_order, page
from attrition.store.schema import documents, incidents

#: Rows per statement (the incidents table has 23 columns; SQLite allows 32,766 parameters).
CHUNK = 500


@dataclass(slots=True, kw_only=True)
class IncidentFilter:
    """Filters of `attrition incidents` (the same as `attrition claims`). None means 'any'.

    subject: the victim side. type: an incident type. since/until: the incident's date, else its
    document's publication date. doc: document id, content hash or hash prefix.
    """

    subject: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    doc: str | None = None
    cluster: str | None = None
    limit: int | None = None
    offset: int = 0


def iter_incidents(ledger: Ledger, flt: IncidentFilter | None = None) -> Iterator[Incident]:
    """Incidents in a stable order: documents by publication date, then position in the text."""
    with ledger.connect() as conn:
        for row in conn.execute(_query(flt or IncidentFilter())).mappings():
            yield incident_from_row(row)


def query_incidents(ledger: Ledger, flt: IncidentFilter | None = None) -> list[Incident]:
    return list(iter_incidents(ledger, flt))


def store_incidents(ledger: Ledger, items: Sequence[Incident]) -> int:
    """Insert the incidents the ledger does not hold yet (by incident id); returns rows added.

    Their documents must already be in the ledger (incidents reference them).
    """
    with ledger.engine.begin() as conn:
        ids = list({i.incident_id for i in items})
        held: set[str] = set()
        for n in range(0, len(ids), CHUNK):
            rows = conn.execute(
                sa.select(incidents.c.incident_id).where(incidents.c.incident_id.in_(ids[n : n + CHUNK]))
            )
            held.update(r[0] for r in rows)
        fresh = [
            incident_row(i) for i in {i.incident_id: i for i in items}.values() if i.incident_id not in held
        ]
        for n in range(0, len(fresh), CHUNK):
            conn.execute(incidents.insert(), fresh[n : n + CHUNK])
    return len(fresh)


def recluster(ledger: Ledger) -> dict[str, int]:
    """Recompute cross-document clusters over every stored incident and record the changes.

    Returns {"incidents": n, "clusters": distinct clusters, "updated": rows whose cluster changed}.
    """
    held = query_incidents(ledger)
    assignment = cluster_incidents(held)
    changed = [
        (i.incident_id, assignment[i.incident_id]) for i in held if i.cluster_id != assignment[i.incident_id]
    ]
    with ledger.engine.begin() as conn:
        for incident_id, cluster_id in changed:
            conn.execute(
                incidents.update().where(incidents.c.incident_id == incident_id).values(cluster_id=cluster_id)
            )
    return {"incidents": len(held), "clusters": len(set(assignment.values())), "updated": len(changed)}


def count_incidents(ledger: Ledger, flt: IncidentFilter | None = None) -> int:
    f = flt or IncidentFilter()
    unpaged = IncidentFilter(
        subject=f.subject, type=f.type, since=f.since, until=f.until, doc=f.doc, cluster=f.cluster
    )
    with ledger.connect() as conn:
        stmt = sa.select(sa.func.count()).select_from(_query(unpaged).subquery())
        return int(conn.execute(stmt).scalar_one())


def _query(f: IncidentFilter) -> sa.Select[Any]:
    stmt = sa.select(incidents).select_from(
        incidents.outerjoin(documents, incidents.c.doc_hash == documents.c.hash)
    )
    if f.subject:
        stmt = stmt.where(sa.func.lower(incidents.c.victim_side) == f.subject.lower())
    if f.type:
        stmt = stmt.where(incidents.c.type == f.type)
    when = sa.func.coalesce(incidents.c.incident_date, documents.c.published)
    if f.since:
        stmt = stmt.where(when >= f.since)
    if f.until:
        stmt = stmt.where(when <= f.until)
    if f.doc:
        stmt = stmt.where(doc_match(incidents, f.doc))
    if f.cluster:
        stmt = stmt.where(incidents.c.cluster_id == f.cluster)
    stmt = stmt.order_by(
        *document_order(incidents), incidents.c.span_start, incidents.c.type, incidents.c.incident_id
    )
    return page(stmt, f.offset, f.limit)
