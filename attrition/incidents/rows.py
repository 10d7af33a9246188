"""Incidents as rows of the ledger's `incidents` table, and back.

Kept apart from `attrition.incidents.store` (the queries) so that the ledger can store incidents in
the same transaction as their documents without importing the query layer, which imports it.
"""

from __future__ import annotations

from typing import Any

from attrition.incidents.model import Incident


def incident_row(i: Incident) -> dict[str, Any]:
    """The `incidents` row for one incident (column names in store/schema.py)."""
    return {
        "incident_id": i.incident_id,
        "doc_hash": i.doc_hash,
        "doc_id": i.doc_id,
        "type": i.type,
        "generic": bool(i.generic),
        "perpetrator_side": i.perpetrator_side,
        "victim_side": i.victim_side,
        "claim_ids": list(i.claim_ids),
        "victim_count": None if i.count is None else float(i.count),
        "place_text": i.place_text,
        "place": i.place,
        "incident_date": i.date,
        "date_text": i.date_text,
        "evidence": i.evidence,
        "evidence_text": i.evidence_text,
        "verification": i.verification,
        "verification_text": i.verification_text,
        "via": list(i.via),
        "quote": i.quote,
        "span_start": i.start,
        "span_end": i.end,
        "mentions": [list(m) for m in i.mentions],
        "cluster_id": i.cluster_id,
    }


def incident_from_row(row: Any) -> Incident:
    """An Incident from an `incidents` row mapping."""
    return Incident(
        incident_id=row["incident_id"],
        doc_id=row["doc_id"],
        doc_hash=row["doc_hash"],
        type=row["type"],
        generic=bool(row["generic"]),
        perpetrator_side=row["perpetrator_side"],
        victim_side=row["victim_side"],
        claim_ids=tuple(row["claim_ids"] or ()),
        count=row["victim_count"],
        place_text=row["place_text"],
        place=row["place"],
        date=row["incident_date"],
        date_text=row["date_text"],
        evidence=row["evidence"],
        evidence_text=row["evidence_text"],
        verification=row["verification"],
        verification_text=row["verification_text"],
        via=tuple(row["via"] or ()),
        quote=row["quote"],
        start=row["span_start"],
        end=row["span_end"],
        mentions=tuple((int(a), int(b)) for a, b in row["mentions"] or ()),
        cluster_id=row["cluster_id"],
    )
