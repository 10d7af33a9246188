"""incidents: reported events and practices behind loss figures, with evidence and verification.

Public entry points:
    extract_incidents(text, published, claims) -> list[Incident]   pure grammar, no I/O
    extract_document_incidents(doc, claims) -> list[Incident]       bound to the document
    cluster_incidents(incidents) -> {incident_id: cluster_id}      across documents
The ledger queries live in `attrition.incidents.store` (imported explicitly: it needs the ledger).
"""

from __future__ import annotations

from attrition.incidents.cluster import cluster_incidents, same_incident, with_clusters
from attrition.incidents.grammar import extract_document_incidents, extract_incidents
from attrition.incidents.model import (
    EVIDENCE_KINDS,
    INCIDENT_TYPES,
    INCIDENT_VERIFICATIONS,
    Incident,
    make_incident_id,
)

__all__ = [
    "EVIDENCE_KINDS",
    "INCIDENT_TYPES",
    "INCIDENT_VERIFICATIONS",
    "Incident",
    "cluster_incidents",
    "extract_document_incidents",
    "extract_incidents",
    "make_incident_id",
    "same_incident",
    "with_clusters",
]
