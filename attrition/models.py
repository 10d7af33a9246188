"""The record types that travel between stages: documents, periods and claims.

These are the public interchange contract (see docs/formats.md): a `Document` is one JSON Lines
object in, a `Claim` is one JSON Lines object out. Both are plain frozen dataclasses; validation of
untrusted input happens at the edges (ingest readers, web API), never here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

CATEGORIES: tuple[str, ...] = (
    "personnel_killed",
    "personnel_wounded",
    "personnel_casualties",
    "personnel_captured",
    "civilians_killed",
    "civilians_wounded",
    "tanks",
    "armored_vehicles",
    "artillery",
    "air_defense",
    "aircraft",
    "helicopters",
    "drones",
    "ships",
    "vehicles_other",
    "other",
)

QUALIFIERS: tuple[str, ...] = ("exact", "more_than", "at_least", "around", "almost", "up_to", "range")
PERIOD_KINDS: tuple[str, ...] = ("day", "cumulative", "span", "rate", "projection", "event")
VERIFICATIONS: tuple[str, ...] = ("unverified", "disputed", "confirmed")

Qualifier = Literal["exact", "more_than", "at_least", "around", "almost", "up_to", "range"]
PeriodKind = Literal["day", "cumulative", "span", "rate", "projection", "event"]


def content_hash(text: str) -> str:
    """Identity of a document: SHA-256 of its cleaned text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_claim_id(doc_hash: str, start: int, end: int, category: str) -> str:
    """Stable claim id: a hash of the document's content hash, the span and the category.

    The category is part of the key because one span can, rarely, carry two categories
    ("killed or wounded" read once as casualties is one claim; a grammar that split it would not
    collide).
    """
    raw = f"{doc_hash}:{start}:{end}:{category}".encode()
    return hashlib.sha256(raw).hexdigest()[:20]


@dataclass(slots=True, kw_only=True, frozen=True)
class Document:
    """One input document.

    Attributes:
        id: the caller's id (a .txt file's stem, a JSON line's "id"); not unique across inputs.
        text: cleaned text; claim offsets point into it, so it is kept exactly.
        title, url, outlet: as given, or None.
        published: publication date, used to resolve relative dates ("on Tuesday").
        source: where it was read from (path[:line], "-" for stdin); provenance only.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    source: str | None = None

    #: Content-hash identity (of `text` alone: the same body re-ingested is the same document).
    #: Computed once here: the ingest run, the ledger and both grammars all key on it.
    hash: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "hash", content_hash(self.text))

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
        }


@dataclass(slots=True, kw_only=True, frozen=True)
class DocumentMeta:
    """What a claim row needs to know of its document when shown or exported."""

    doc_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: date | None


@dataclass(slots=True, kw_only=True, frozen=True)
class Period:
    """What stretch of time a figure covers.

    kind: day (one day's losses, start == end), cumulative (since `start`, as of `end`),
    span (a stretch: "over the past three weeks", "in 2023"), rate (per day/month, `start`/`end`
    bound the stretch it is averaged over when stated), projection (a future total, `end` is the
    horizon), event (a single incident on `end` when known).
    """

    kind: PeriodKind
    start: date | None = None
    end: date | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Period:
        return cls(kind=d["kind"], start=_date_or_none(d.get("start")), end=_date_or_none(d.get("end")))


@dataclass(slots=True, kw_only=True, frozen=True)
class Claim:
    """One loss figure as stated in one document (or one row of an official series).

    The first block of fields is the public JSON Lines contract (docs/formats.md); the rest is
    provenance the ledger keeps.

    Attributes:
        subject: side that suffered the loss, canonical ("Russia", "Ukraine", ...), or None.
        category: one of CATEGORIES.
        value, value_high: the number; value_high is the upper end of a range, else None.
        qualifier: one of QUALIFIERS.
        period: see Period.
        claimant, claimant_text: canonical claimant and the words used; None when unattributed.
        via: the reporting chain, nearest source last-but-one ... outlet's direct source.
        hedged: a hedge ("reportedly", "estimated", "likely") applies.
        verification: unverified / disputed / confirmed, or None when the text says nothing.
        quote, start, end: the span; text[start:end] == quote.
        mentions: every span restating this figure in the document (first one == (start, end)).
        origin: "text" for a claim read from a document, "series" for an official series row.
        series: for origin "series", {"source": name, "ref": file or URL, "row": row key}.
    """

    doc_id: str | None
    claim_id: str
    subject: str | None
    category: str
    value: float
    value_high: float | None = None
    qualifier: Qualifier = "exact"
    period: Period = field(default_factory=lambda: Period(kind="event"))
    claimant: str | None = None
    claimant_text: str | None = None
    via: tuple[str, ...] = ()
    hedged: bool = False
    verification: str | None = None
    quote: str = ""
    start: int = 0
    end: int = 0
    mentions: tuple[tuple[int, int], ...] = ()
    doc_hash: str | None = None
    origin: Literal["text", "series"] = "text"
    series: dict[str, Any] | None = None

    def with_doc(self, doc_id: str | None, doc_hash: str) -> Claim:
        """The same claim bound to a document (id and stable claim_id recomputed)."""
        return replace(self).bind(doc_id, doc_hash)

    def bind(self, doc_id: str | None, doc_hash: str) -> Claim:
        """Bind this claim itself to a document (id, hash, stable claim_id) and return it.

        For claims nothing else holds yet (the extractor's own output): a second construction of each
        (`dataclasses.replace` on a frozen dataclass of 20 fields) costs about 2% of extraction time.
        """
        object.__setattr__(self, "doc_id", doc_id)
        object.__setattr__(self, "doc_hash", doc_hash)
        object.__setattr__(self, "claim_id", make_claim_id(doc_hash, self.start, self.end, self.category))
        return self

    def as_contract(self) -> dict[str, Any]:
        """The public JSON Lines shape (MISSION.md / docs/formats.md), in contract field order."""
        return {
            "doc_id": self.doc_id,
            "claim_id": self.claim_id,
            "subject": self.subject,
            "category": self.category,
            "value": plain_number(self.value),
            "value_high": plain_number(self.value_high),
            "qualifier": self.qualifier,
            "period": self.period.as_dict(),
            "claimant": self.claimant,
            "claimant_text": self.claimant_text,
            "via": list(self.via),
            "hedged": self.hedged,
            "verification": self.verification,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }

    def as_dict(self) -> dict[str, Any]:
        """Contract fields plus provenance (mentions, doc_hash, origin, series)."""
        d = self.as_contract()
        d["mentions"] = [list(m) for m in self.mentions]
        d["doc_hash"] = self.doc_hash
        d["origin"] = self.origin
        d["series"] = self.series
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(
            doc_id=d.get("doc_id"),
            claim_id=d.get("claim_id") or "",
            subject=d.get("subject"),
            category=d["category"],
            value=float(d["value"]),
            value_high=None if d.get("value_high") is None else float(d["value_high"]),
            qualifier=d.get("qualifier") or "exact",
            period=Period.from_dict(d.get("period") or {"kind": "event"}),
            claimant=d.get("claimant"),
            claimant_text=d.get("claimant_text"),
            via=tuple(d.get("via") or ()),
            hedged=bool(d.get("hedged")),
            verification=d.get("verification"),
            quote=d.get("quote") or "",
            start=int(d.get("start") or 0),
            end=int(d.get("end") or 0),
            mentions=tuple(tuple(m) for m in d.get("mentions") or ()),  # type: ignore[misc]
            doc_hash=d.get("doc_hash"),
            origin=d.get("origin") or "text",
            series=d.get("series"),
        )


def plain_number(v: float | None) -> int | float | None:
    """Counts print as integers; only true fractions keep a decimal point."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def _date_or_none(v: Any) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])
