"""Series importers: the Ukrainian General Staff JSON files, Oryx daily counts, a generic CSV.

Each reader turns one file into a `SeriesBatch` of claims with origin "series" (one claim per
source x subject x series x period), plus the corrections a series publishes. A claim's id names
the row, not its value, so importing the same file twice adds nothing, and a later file that
changes a value is recorded as a rewrite (see `import_series`).

Inputs are a path (file or directory) or an http(s) URL; bad files and rows are skipped with one
line naming the file and the reason, and counted.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import time
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from attrition.models import CATEGORIES, Claim, Period, Qualifier
from attrition.reconcile import mapping
from attrition.reconcile.store import Correction, record_import
from attrition.store import Ledger

SeriesFormat = Literal["general-staff", "oryx", "csv"]
FORMATS: tuple[str, ...] = ("general-staff", "oryx", "csv")

#: The full-scale invasion began on this day; the General Staff counts "since 24.02.22".
WAR_START = date(2022, 2, 24)

#: Seconds to wait for a series URL.
URL_TIMEOUT = 60

#: The General Staff's wording of its personnel figure -> our qualifier.
GS_QUALIFIERS: dict[str, Qualifier] = {"about": "around", "more": "more_than"}
#: Keys of a General Staff row that are not loss fields.
GS_META = frozenset({"date", "day", "personnel*", "greatest losses direction"})
#: Oryx daily_count columns the reader needs.
ORYX_COLUMNS = frozenset({"country", "equipment_type", "type_total", "date_recorded"})
CSV_COLUMNS = ("date", "subject", "category", "value", "kind", "source")
CSV_KINDS = {"cumulative": "cumulative", "daily": "day"}


class SeriesError(Exception):
    """A series file cannot be read at all (message: 'file: reason')."""


@dataclass(slots=True, kw_only=True)
class SeriesBatch:
    """What one file yields: rows as claims, corrections, and what was skipped and why."""

    source: str
    ref: str
    format: str
    claims: list[Claim] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    rows_read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True, kw_only=True)
class ImportResult:
    """What importing one location did (one `series_imports` row).

    rewritten counts rows whose value differs between two readings of the same series: the ledger
    held another value, or two files read here (an Oryx history copy and the current file) disagree.
    """

    source: str
    ref: str
    files: list[SeriesBatch]
    errors: list[SeriesError]
    rows_read: int
    claims: int
    added: int
    rewritten: int
    unchanged: int
    corrections: int
    seconds: float
    import_id: int | None

    @property
    def skipped(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for b in self.files:
            total.update(b.skipped)
        return total


def series_claim_id(source: str, subject: str, series: str, kind: str, day: date) -> str:
    """Stable id of a series row: names the row (who, what, when), never its value."""
    raw = f"series|{source}|{subject}|{series}|{kind}|{day.isoformat()}".encode()
    return hashlib.sha256(raw).hexdigest()[:20]


def series_claim(
    *,
    source: str,
    claimant: str,
    subject: str,
    category: str,
    series: str,
    kind: Literal["cumulative", "day"],
    day: date,
    value: float,
    ref: str,
    row: str,
    quote: str,
    qualifier: Qualifier = "exact",
    verification: str | None = None,
    start: date | None = None,
) -> Claim:
    """A claim with series provenance (origin "series", series = {source, ref, row, name})."""
    return Claim(
        doc_id=None,
        claim_id=series_claim_id(source, subject, series, kind, day),
        subject=subject,
        category=category,
        value=float(value),
        qualifier=qualifier,
        period=Period(kind=kind, start=day if kind == "day" else start, end=day),
        claimant=claimant,
        verification=verification,
        quote=quote,
        origin="series",
        series={"source": source, "ref": ref, "row": row, "name": series},
    )


# -- locations -------------------------------------------------------------------------------------


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def read_location(location: str) -> Iterator[tuple[str, bytes]]:
    """(ref, bytes) for a URL, a file, or every file directly in a directory (sorted by name)."""
    if is_url(location):
        try:
            with urllib.request.urlopen(location, timeout=URL_TIMEOUT) as resp:  # noqa: S310
                yield location, resp.read()
        except OSError as exc:
            raise SeriesError(f"{location}: cannot fetch ({exc})") from exc
        return
    path = Path(location)
    if not path.exists():
        raise SeriesError(f"{location}: no such file or directory")
    files = [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file())
    for p in files:
        try:
            yield str(p), p.read_bytes()
        except OSError as exc:
            raise SeriesError(f"{p}: cannot read ({exc.strerror})") from exc


def read_series(location: str, fmt: str) -> Iterator[SeriesBatch | SeriesError]:
    """Batches of one format from a location; an unreadable file yields its error and reading goes on.

    In a directory, files the format does not use (a README, another format) are passed over
    silently; Oryx history copies under `history/*/daily_count.csv` are read first, oldest first,
    so that the current file's values are the ones kept and the differences show as rewrites.
    """
    if fmt not in FORMATS:
        raise SeriesError(f"{location}: unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    for ref, data in _ordered(location, fmt):
        name = ref.rsplit("/", 1)[-1].lower()
        try:
            if fmt == "general-staff":
                if not name.endswith(".json") and not is_url(ref):
                    continue
                yield read_general_staff(ref, data)
            elif fmt == "oryx":
                if not name.endswith(".csv") and not is_url(ref):
                    continue
                yield read_oryx(ref, data)
            else:
                if not name.endswith(".csv") and not is_url(ref):
                    continue
                yield read_csv(ref, data)
        except SeriesError as exc:
            yield exc


def _ordered(location: str, fmt: str) -> Iterator[tuple[str, bytes]]:
    path = Path(location)
    if fmt == "oryx" and not is_url(location) and path.is_dir() and (path / "history").is_dir():
        history = [(p, p.read_bytes()) for p in (path / "history").glob("*/daily_count.csv")]
        history.sort(key=lambda pd: _last_date(pd[1]))
        for p, data in history:
            yield str(p), data
    yield from read_location(location)


def _last_date(data: bytes) -> str:
    """Latest date_recorded in an Oryx daily_count file (orders history copies by age)."""
    rows = csv.DictReader(io.StringIO(data.decode("utf-8", errors="replace")))
    return max((r.get("date_recorded") or "" for r in rows), default="")


# -- General Staff -----------------------------------------------------------------------------------


def read_general_staff(ref: str, data: bytes) -> SeriesBatch:
    """A General Staff JSON array: cumulative rows by report date, or the per-day corrections file.

    Fields of one series on a row are summed (see mapping); a row without a known field is skipped.
    `russia_losses_equipment_oryx.json` (a per-model snapshot without dates) is not a series.
    """
    source = "general-staff"
    name = ref.rsplit("/", 1)[-1]
    batch = SeriesBatch(source=source, ref=ref, format=source)
    if "oryx" in name.lower():
        raise SeriesError(f"{ref}: a per-model snapshot without dates, not a daily series; skipped")
    rows = _json_array(ref, data)
    is_correction = "correction" in name.lower()
    claimant = mapping.SERIES_CLAIMANTS[source]
    for i, row in enumerate(rows):
        batch.rows_read += 1
        day = _row_date(row.get("date") if isinstance(row, dict) else None)
        if day is None:
            batch.skipped[f"row {i}: no valid 'date'"] += 1
            continue
        for series, (category, parts) in _gs_series(row, batch.skipped).items():
            value = sum(v for _, v in parts)
            quote = ", ".join(f'"{k}": {_fmt(v)}' for k, v in parts)
            if is_correction:
                if value != 0:
                    batch.corrections.append(
                        Correction(
                            source=source,
                            subject="Russia",
                            series=series,
                            category=category,
                            report_date=day,
                            value=value,
                            ref=ref,
                            row=day.isoformat(),
                        )
                    )
                continue
            qualifier: Qualifier = "exact"
            if series == "personnel":
                qualifier = GS_QUALIFIERS.get(str(row.get("personnel*", "")), "exact")
            batch.claims.append(
                series_claim(
                    source=source,
                    claimant=claimant,
                    subject="Russia",
                    category=category,
                    series=series,
                    kind="cumulative",
                    day=day,
                    value=value,
                    ref=ref,
                    row=day.isoformat(),
                    quote=quote,
                    qualifier=qualifier,
                    start=WAR_START,
                )
            )
    return batch


def _gs_series(row: dict[str, Any], skipped: Counter[str]) -> dict[str, tuple[str, list[tuple[str, float]]]]:
    """series -> (category, [(field, value)]) for one General Staff row."""
    out: dict[str, tuple[str, list[tuple[str, float]]]] = {}
    for key, raw in row.items():
        if key in GS_META:
            continue
        fm = mapping.lookup("general-staff", key)
        if fm is None:
            skipped[f"unknown field {key!r}"] += 1
            continue
        if fm.category is None:
            continue
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            skipped[f"non-numeric {key!r}"] += 1
            continue
        out.setdefault(fm.series, (fm.category, []))[1].append((key, float(raw)))
    return out


# -- Oryx --------------------------------------------------------------------------------------------


def read_oryx(ref: str, data: bytes) -> SeriesBatch:
    """An Oryx daily_count.csv: a change log of cumulative counts per (country, heading).

    The value of a heading on a day is its latest row on or before that day; a category's value is
    the sum of its headings' values (renamed headings count as one component). One cumulative
    claim is emitted per (country, category) on each day any of its headings changed.
    """
    source = "oryx"
    batch = SeriesBatch(source=source, ref=ref, format=source)
    reader = _csv_rows(ref, data)
    if not set(reader.fieldnames or ()) >= ORYX_COLUMNS:
        if {"system", "status", "url"} <= set(reader.fieldnames or ()):
            raise SeriesError(f"{ref}: an Oryx per-item list carries no category heading; not imported")
        raise SeriesError(f"{ref}: not an Oryx daily_count file (needs {', '.join(sorted(ORYX_COLUMNS))})")
    changes: dict[date, dict[tuple[str, str], tuple[str, float]]] = defaultdict(dict)
    for line, row in enumerate(reader, start=2):
        batch.rows_read += 1
        fm = mapping.lookup(source, row["equipment_type"] or "")
        if fm is None or fm.category is None:
            batch.skipped["heading not in the mapping table (totals, scraped headline text)"] += 1
            continue
        day = _row_date(row["date_recorded"])
        value = _number(row["type_total"])
        country = (row["country"] or "").strip()
        if day is None or value is None or not country:
            batch.skipped[f"line {line}: bad date, country or type_total"] += 1
            continue
        changes[day][(country, fm.component)] = (fm.category, value)
    state: dict[tuple[str, str], tuple[str, float]] = {}
    claimant = mapping.SERIES_CLAIMANTS[source]
    for day in sorted(changes):
        state.update(changes[day])
        touched = {(country, category) for (country, _), (category, _) in changes[day].items()}
        for country, category in sorted(touched):
            parts = sorted(
                (comp, v) for (c, comp), (cat, v) in state.items() if c == country and cat == category
            )
            batch.claims.append(
                series_claim(
                    source=source,
                    claimant=claimant,
                    subject=country,
                    category=category,
                    series=category,
                    kind="cumulative",
                    day=day,
                    value=sum(v for _, v in parts),
                    ref=ref,
                    row=f"{day.isoformat()} {country}",
                    quote=", ".join(f"{comp}: {_fmt(v)}" for comp, v in parts),
                    verification="confirmed",
                    start=WAR_START,
                )
            )
    return batch


# -- generic CSV -------------------------------------------------------------------------------------


def read_csv(ref: str, data: bytes) -> SeriesBatch:
    """A CSV with columns date, subject, category, value, kind (cumulative|daily), source."""
    reader = _csv_rows(ref, data)
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise SeriesError(f"{ref}: missing column(s) {', '.join(missing)}")
    batch = SeriesBatch(source="csv", ref=ref, format="csv")
    sources: set[str] = set()
    for line, row in enumerate(reader, start=2):
        batch.rows_read += 1
        day = _row_date(row["date"])
        value = _number(row["value"])
        category = (row["category"] or "").strip()
        kind = CSV_KINDS.get((row["kind"] or "").strip().lower())
        subject = (row["subject"] or "").strip()
        source = (row["source"] or "").strip()
        reason = (
            "bad date"
            if day is None
            else "bad value"
            if value is None
            else f"unknown category {category!r}"
            if category not in CATEGORIES
            else "kind must be cumulative or daily"
            if kind is None
            else "empty subject or source"
            if not subject or not source
            else None
        )
        if reason or day is None or value is None or kind is None:
            batch.skipped[f"line {line}: {reason}"] += 1
            continue
        sources.add(source)
        batch.claims.append(
            series_claim(
                source=source,
                claimant=source,
                subject=subject,
                category=category,
                series=category,
                kind="day" if kind == "day" else "cumulative",
                day=day,
                value=value,
                ref=ref,
                row=str(line),
                quote=",".join(row[c] or "" for c in CSV_COLUMNS),
            )
        )
    batch.source = ",".join(sorted(sources)) or "csv"
    return batch


# -- import ------------------------------------------------------------------------------------------


def import_series(ledger: Ledger, location: str, fmt: str) -> ImportResult:
    """Read every file at a location and store its rows in one upsert (later files win).

    Idempotent: a second import of the same location adds nothing and records no new rewrite.
    Raises SeriesError when the location itself cannot be read.
    """
    t0 = time.perf_counter()
    files: list[SeriesBatch] = []
    errors: list[SeriesError] = []
    merged: dict[str, Claim] = {}
    conflicts: list[tuple[str, float, float]] = []
    corrections: list[Correction] = []
    for item in read_series(location, fmt):
        if isinstance(item, SeriesError):
            errors.append(item)
            continue
        files.append(item)
        corrections.extend(item.corrections)
        for c in item.claims:
            prev = merged.get(c.claim_id)
            if prev is not None and prev.value != c.value:
                conflicts.append((c.claim_id, prev.value, c.value))
            merged[c.claim_id] = c
    if not files:
        return ImportResult(
            source=fmt,
            ref=location,
            files=[],
            errors=errors,
            rows_read=0,
            claims=0,
            added=0,
            rewritten=0,
            unchanged=0,
            corrections=0,
            seconds=time.perf_counter() - t0,
            import_id=None,
        )
    up = ledger.upsert_series_claims(list(merged.values()))
    up.rewritten = conflicts + up.rewritten
    source = ",".join(sorted({b.source for b in files}))
    seconds = time.perf_counter() - t0
    import_id = record_import(
        ledger,
        source=source,
        ref=location,
        fmt=fmt,
        rows_read=sum(b.rows_read for b in files),
        skipped=sum(sum(b.skipped.values()) for b in files),
        up=up,
        corrections=corrections,
        seconds=seconds,
    )
    return ImportResult(
        source=source,
        ref=location,
        files=files,
        errors=errors,
        rows_read=sum(b.rows_read for b in files),
        claims=len(merged),
        added=up.added,
        rewritten=len(up.rewritten),
        unchanged=up.unchanged,
        corrections=len(corrections),
        seconds=seconds,
        import_id=import_id,
    )


# -- parsing helpers ---------------------------------------------------------------------------------


def _json_array(ref: str, data: bytes) -> list[Any]:
    try:
        rows = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SeriesError(f"{ref}: not JSON ({exc})") from exc
    if not isinstance(rows, list):
        raise SeriesError(f"{ref}: expected a JSON array of rows")
    return rows


def _csv_rows(ref: str, data: bytes) -> csv.DictReader[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeriesError(f"{ref}: not UTF-8 text") from exc
    return csv.DictReader(io.StringIO(text))


def _row_date(v: Any) -> date | None:
    try:
        return date.fromisoformat(str(v).strip()[:10])
    except ValueError:
        return None


def _number(v: Any) -> float | None:
    try:
        return float(str(v).replace(",", "").strip())
    except ValueError:
        return None


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)
