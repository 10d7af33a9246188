"""The incident record: one reported event (or practice) of losses, with its evidence and chain.

An incident sits beside the claims of its document: claims carry figures, an incident carries what
happened, to whom, by whom, where, when and on what evidence. Its `count` is always the value of a
linked claim (never a number the grammar read on its own), so every figure stays traceable to the
claim ledger.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from attrition.models import plain_number

INCIDENT_TYPES: tuple[str, ...] = (
    "friendly_fire",
    "killing_own_troops",
    "accident",
    "surrender_or_capture",
    "desertion",
    "strike_or_shootdown",
    "other",
)

EVIDENCE_KINDS: tuple[str, ...] = (
    "intercepted_communication",
    "video",
    "photo",
    "satellite_imagery",
    "testimony",
    "official_statement",
    "none_stated",
)

INCIDENT_VERIFICATIONS: tuple[str, ...] = ("unverified", "disputed", "confirmed", "not_stated")


def make_incident_id(doc_hash: str, start: int, end: int, type_: str) -> str:
    """Stable incident id: a hash of the document's content hash, the main span and the type."""
    raw = f"incident:{doc_hash}:{start}:{end}:{type_}".encode()
    return hashlib.sha256(raw).hexdigest()[:20]


@dataclass(slots=True, kw_only=True, frozen=True)
class Incident:
    """One incident as one document reports it.

    Attributes:
        incident_id: hash of the document and the main span (stable across re-extraction).
        doc_id, doc_hash: the document (id as given, content hash).
        type: one of INCIDENT_TYPES.
        generic: True for a practice ("there have been cases when ..."), False for one event.
        perpetrator_side, victim_side: canonical sides ("Russia", "Ukraine", ...), None when unknown.
            For friendly fire and killing of own troops both are the same side; for a surrender the
            victim is the side that surrendered and the perpetrator its captor.
        claim_ids: the loss claims inside the incident's sentences.
        count: the value of the linked victim-count claim, or None (never a number not in a claim).
        place_text, place: the place as written ("the Tavriya sector") and normalised ("Tavriya").
        date, date_text: the event's date resolved against the publication date, and the words.
            Generic incidents carry no date; a vague date ("earlier this year") keeps only its words.
        evidence, evidence_text: one of EVIDENCE_KINDS and the words that say so.
        verification, verification_text: one of INCIDENT_VERIFICATIONS and the words that say so.
        via: reporting chain, original source first ("Ukrainian intelligence", "The Daily Beast").
        quote, start, end: the main sentence; text[start:end] == quote.
        mentions: every sentence naming the incident (spans), the main one included.
        cluster_id: the cross-document cluster (same incident reported elsewhere); None until
            clustered.
    """

    incident_id: str
    doc_id: str | None
    doc_hash: str | None
    type: str
    generic: bool = False
    perpetrator_side: str | None = None
    victim_side: str | None = None
    claim_ids: tuple[str, ...] = ()
    count: float | None = None
    place_text: str | None = None
    place: str | None = None
    date: date | None = None
    date_text: str | None = None
    evidence: str = "none_stated"
    evidence_text: str | None = None
    verification: str = "not_stated"
    verification_text: str | None = None
    via: tuple[str, ...] = ()
    quote: str = ""
    start: int = 0
    end: int = 0
    mentions: tuple[tuple[int, int], ...] = ()
    cluster_id: str | None = None

    def with_doc(self, doc_id: str | None, doc_hash: str) -> Incident:
        """The same incident bound to a document (id recomputed from the document's hash)."""
        return replace(
            self,
            doc_id=doc_id,
            doc_hash=doc_hash,
            incident_id=make_incident_id(doc_hash, self.start, self.end, self.type),
        )

    def as_dict(self) -> dict[str, Any]:
        """The JSON Lines shape (docs/incidents.md), in documented field order."""
        return {
            "doc_id": self.doc_id,
            "incident_id": self.incident_id,
            "doc_hash": self.doc_hash,
            "type": self.type,
            "generic": self.generic,
            "perpetrator_side": self.perpetrator_side,
            "victim_side": self.victim_side,
            "claim_ids": list(self.claim_ids),
            "count": plain_number(self.count),
            "place_text": self.place_text,
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "evidence": self.evidence,
            "evidence_text": self.evidence_text,
            "verification": self.verification,
            "verification_text": self.verification_text,
            "via": list(self.via),
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "mentions": [list(m) for m in self.mentions],
            "cluster_id": self.cluster_id,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Incident:
        raw_date = d.get("date")
        return cls(
            incident_id=d.get("incident_id") or "",
            doc_id=d.get("doc_id"),
            doc_hash=d.get("doc_hash"),
            type=d["type"],
            generic=bool(d.get("generic")),
            perpetrator_side=d.get("perpetrator_side"),
            victim_side=d.get("victim_side"),
            claim_ids=tuple(d.get("claim_ids") or ()),
            count=None if d.get("count") is None else float(d["count"]),
            place_text=d.get("place_text"),
            place=d.get("place"),
            date=raw_date if isinstance(raw_date, date) or raw_date is None else date.fromisoformat(raw_date),
            date_text=d.get("date_text"),
            evidence=d.get("evidence") or "none_stated",
            evidence_text=d.get("evidence_text"),
            verification=d.get("verification") or "not_stated",
            verification_text=d.get("verification_text"),
            via=tuple(d.get("via") or ()),
            quote=d.get("quote") or "",
            start=int(d.get("start") or 0),
            end=int(d.get("end") or 0),
            mentions=tuple((int(a), int(b)) for a, b in d.get("mentions") or ()),
            cluster_id=d.get("cluster_id"),
        )


# -- ledger rows (store/schema.py `incidents`); here so the ledger needs no query layer ---------


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
