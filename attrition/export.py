"""Exports of the ledger: CSV, JSON Lines and Parquet.

JSON Lines rows are the claim contract exactly (docs/formats.md). CSV and Parquet rows are flat:
the contract's fields with the period spread over three columns, plus fields aligned with UCDP GED
so that the ledger can be read beside event datasets:

| column | UCDP GED counterpart | meaning here |
|---|---|---|
| `date_start`, `date_end` | `date_start`, `date_end` | the claim's period (start may be empty) |
| `year` | `year` | year of `date_end` (else of publication) |
| `low`, `best`, `high` | `low`, `best`, `high` | the figure as stated: a range gives low..high; "more than N" gives low = N, high empty; "up to N" gives high = N |
| `source_article`, `source_office`, `source_date` | same names | document id or URL, outlet, publication date |
| `side_lost` | (`side_a`/`side_b`) | the side that suffered the loss |
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from attrition.incidents.model import Incident
from attrition.models import Claim, DocumentMeta, plain_number

FORMATS = ("csv", "jsonl", "parquet")

#: Flat columns, in order, for CSV and Parquet.
FLAT_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "doc_id",
    "subject",
    "category",
    "value",
    "value_high",
    "qualifier",
    "period_kind",
    "period_start",
    "period_end",
    "claimant",
    "claimant_text",
    "via",
    "hedged",
    "verification",
    "quote",
    "start",
    "end",
    "origin",
    "side_lost",
    "date_start",
    "date_end",
    "year",
    "low",
    "best",
    "high",
    "source_article",
    "source_office",
    "source_date",
)


#: Flat incident columns (CSV, Parquet): every field, lists joined (via with " > ", the chain's direction).
INCIDENT_COLUMNS: tuple[str, ...] = (
    "doc_id", "incident_id", "type", "generic", "perpetrator_side", "victim_side", "count", "claim_ids",
    "place_text", "place", "date", "date_text", "evidence", "evidence_text", "verification",
    "verification_text", "via", "quote", "start", "end", "cluster_id", "doc_hash",
)  # fmt: skip


def incident_flat_row(incident: Incident) -> dict[str, Any]:
    """One incident as a flat row (claim ids space-separated, reporting chain joined with ' > ')."""
    d = incident.as_dict()
    d["claim_ids"] = " ".join(incident.claim_ids)
    d["via"] = " > ".join(incident.via)
    return d


def flat_row(claim: Claim, doc: DocumentMeta | None = None) -> dict[str, Any]:
    """One claim as a flat row (see the module docstring for the UCDP-aligned fields)."""
    c = claim.as_contract()
    period = claim.period
    low: float | None = claim.value
    high: float | None = claim.value_high if claim.value_high is not None else claim.value
    if claim.qualifier in ("more_than", "at_least"):
        high = None
    elif claim.qualifier == "up_to":
        low = None
    when = period.end or (doc.published if doc else None)
    series = claim.series or {}
    return {
        "claim_id": c["claim_id"],
        "doc_id": c["doc_id"],
        "subject": c["subject"],
        "category": c["category"],
        "value": c["value"],
        "value_high": c["value_high"],
        "qualifier": c["qualifier"],
        "period_kind": period.kind,
        "period_start": _iso(period.start),
        "period_end": _iso(period.end),
        "claimant": c["claimant"],
        "claimant_text": c["claimant_text"],
        "via": " > ".join(claim.via),
        "hedged": claim.hedged,
        "verification": claim.verification,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "origin": claim.origin,
        "side_lost": claim.subject,
        "date_start": _iso(period.start),
        "date_end": _iso(period.end),
        "year": when.year if when else None,
        "low": plain_number(low),
        "best": c["value"],
        "high": plain_number(high),
        "source_article": (doc.url if doc and doc.url else None) or claim.doc_id or series.get("ref"),
        "source_office": (doc.outlet if doc else None) or series.get("source"),
        "source_date": _iso(doc.published) if doc else None,
    }


def write_jsonl(claims: Iterable[Claim], fh: IO[str]) -> int:
    n = 0
    for claim in claims:
        fh.write(json.dumps(claim.as_contract(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], fh: IO[str], columns: Sequence[str] = FLAT_COLUMNS) -> int:
    writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def csv_text(rows: Iterable[dict[str, Any]]) -> str:
    buf = io.StringIO()
    write_csv(rows, buf)
    return buf.getvalue()


def write_parquet(rows: Iterable[dict[str, Any]], path: Path, columns: Sequence[str] = FLAT_COLUMNS) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # an optional extra
        raise RuntimeError("Parquet export needs pyarrow: pip install 'attrition[parquet]'") from exc
    rows = list(rows)
    schema = pa.schema([(name, _arrow_type(pa, name)) for name in columns])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)
    return len(rows)


def _arrow_type(pa: Any, name: str) -> Any:
    if name in ("value", "value_high", "low", "best", "high", "count"):
        return pa.float64()
    if name in ("start", "end", "year"):
        return pa.int64()
    if name in ("hedged", "generic"):
        return pa.bool_()
    return pa.string()


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def iter_flat(claims: Iterable[Claim], docs: dict[str, DocumentMeta]) -> Iterator[dict[str, Any]]:
    for claim in claims:
        yield flat_row(claim, docs.get(claim.doc_hash or ""))
