"""The checks behind `attrition check`: claims against series, series against themselves, claimants
against each other.

1. claim_series: a news claim about a day (or a cumulative total) is compared with the series value
   of the report it quotes. The report may carry the claim's date or the next day's (a bulletin
   published on the morning of D+1 covers day D: the one-day publication lag, stated in the
   finding). Statuses: agrees, agrees_within_qualifier ("more than 11,850" vs 11,857),
   wrong_date (the figure is the series value of another report date, named), mismatch (both
   values shown). Subject must match: a Russian claim about Ukrainian losses is never compared with
   the Ukrainian General Staff's series about Russia.
2. series self-consistency: decreases of a cumulative series, correction days, reported daily rows
   vs differences of cumulative rows, rows rewritten between two imports.
3. contradiction: claims by different claimants about the same subject, category and period whose
   qualifier intervals do not overlap, with the ratio of their values.

Text claims enter every check through `dedupe.representatives`, so a syndicated figure counts once.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations

from attrition.dedupe import cluster_map, representatives
from attrition.models import Claim
from attrition.reconcile import mapping
from attrition.reconcile.store import Correction, Finding, corrections, rewrites
from attrition.store import ClaimFilter, Ledger

#: Report dates a claim dated D may quote without being "wrong": D itself and D + 1.
PUBLICATION_LAG_DAYS = 1
#: How far (days) to look for the report a wrongly dated figure belongs to.
WRONG_DATE_WINDOW = 7
#: "more than X" / "at least X" / "almost X" / "up to X" agree with a series value within this
#: fraction of X on the side the qualifier points to (10%: "more than 1,000" fits 1,020, not 5,000).
QUALIFIER_SLACK = 0.10
#: "around X" fits values within this fraction of X either way.
AROUND_SLACK = 0.05

STATUS_RANK = {"agrees": 0, "agrees_within_qualifier": 1, "wrong_date": 2, "mismatch": 3}
CHECKED_KINDS = ("day", "cumulative")

SeriesKey = tuple[str, str, str]  # (source, subject, series name)


@dataclass(slots=True)
class SeriesIndex:
    """Series rows by (source, subject, series name) and date, with their corrections."""

    cumulative: dict[SeriesKey, dict[date, Claim]] = field(default_factory=lambda: defaultdict(dict))
    daily: dict[SeriesKey, dict[date, Claim]] = field(default_factory=lambda: defaultdict(dict))
    category: dict[SeriesKey, str] = field(default_factory=dict)
    claimant: dict[SeriesKey, str | None] = field(default_factory=dict)
    corrections: dict[SeriesKey, dict[date, float]] = field(default_factory=lambda: defaultdict(dict))

    @classmethod
    def build(cls, rows: Iterable[Claim], corr: Iterable[Correction] = ()) -> SeriesIndex:
        idx = cls()
        for c in rows:
            if c.origin != "series" or not c.series or c.subject is None or c.period.end is None:
                continue
            key = (c.series["source"], c.subject, c.series.get("name") or c.category)
            idx.category[key] = c.category
            idx.claimant[key] = mapping.claimant_key(c.claimant)
            target = idx.daily if c.period.kind == "day" else idx.cumulative
            target[key][c.period.end] = c
        for k in corr:
            idx.corrections[(k.source, k.subject, k.series)][k.report_date] = k.value
        return idx

    def keys_for(self, subject: str, categories: Sequence[str], source: str | None) -> list[SeriesKey]:
        """Series about this subject in these categories, published by `source` (a claimant key)
        when given: a CSV series whose source is "General Staff" counts as the General Staff's."""
        return [
            k
            for k, cat in self.category.items()
            if k[1].lower() == subject.lower()
            and cat in categories
            and (source is None or self.claimant[k] == source)
        ]

    def value(self, key: SeriesKey, kind: str, day: date) -> tuple[float, list[str]] | None:
        """The series figure for a report date: a cumulative row, or the day's figure (a daily row,
        else the difference of consecutive cumulative rows less that day's correction)."""
        if kind == "cumulative":
            row = self.cumulative[key].get(day)
            return (row.value, [row.claim_id]) if row else None
        row = self.daily[key].get(day)
        if row:
            return row.value, [row.claim_id]
        cur, prev = self.cumulative[key].get(day), self.cumulative[key].get(day - timedelta(days=1))
        if cur is None or prev is None:
            return None
        return cur.value - prev.value - self.corrections[key].get(day, 0.0), [cur.claim_id, prev.claim_id]


# -- 1. claims against series --------------------------------------------------------------------------


def within_qualifier(claim: Claim, s: float) -> bool:
    """Whether series value `s` is what the claim's hedged wording allows (see module constants)."""
    v, q = claim.value, claim.qualifier
    if q == "range":
        return v <= s <= (claim.value_high if claim.value_high is not None else v)
    if q == "more_than":
        return v < s <= v * (1 + QUALIFIER_SLACK)
    if q == "at_least":
        return v <= s <= v * (1 + QUALIFIER_SLACK)
    if q == "around":
        return abs(s - v) <= v * AROUND_SLACK
    if q in ("almost", "up_to"):
        return v * (1 - QUALIFIER_SLACK) <= s <= v
    return s == v


def check_claim(claim: Claim, index: SeriesIndex) -> Finding | None:
    """The best verdict for one text claim over every series it may quote, or None if none covers it."""
    if claim.subject is None or claim.period.kind not in CHECKED_KINDS or claim.period.end is None:
        return None
    source = mapping.series_source_for(claim.claimant)
    if claim.claimant and source is None:
        return None  # attributed to someone who publishes no series we hold: see contradictions
    categories = (claim.category, *mapping.COMPATIBLE_CATEGORIES.get(claim.category, ()))
    best: tuple[tuple[int, float], Finding] | None = None
    for key in index.keys_for(claim.subject, categories, source):
        f = _against(claim, key, index)
        if f is None:
            continue
        gap = abs((f.other_value or 0) - claim.value)
        rank = (STATUS_RANK[f.status], gap)
        if best is None or rank < best[0]:
            best = (rank, f)
    return best[1] if best else None


def _against(claim: Claim, key: SeriesKey, index: SeriesIndex) -> Finding | None:
    d = claim.period.end
    assert d is not None
    kind = claim.period.kind
    allowed = [d + timedelta(days=lag) for lag in range(PUBLICATION_LAG_DAYS + 1)]
    seen = [(r, index.value(key, kind, r)) for r in allowed]
    present = [(r, v) for r, v in seen if v is not None]
    if not present:
        return None
    for status, test in (
        ("agrees", lambda s: s == claim.value),
        ("agrees_within_qualifier", lambda s: within_qualifier(claim, s)),
    ):
        for r, (s, ids) in present:
            if test(s):
                return _finding(claim, key, index, status, r, s, ids)
    for offset in sorted(range(-WRONG_DATE_WINDOW, WRONG_DATE_WINDOW + 1), key=lambda o: (abs(o), o)):
        r = d + timedelta(days=offset)
        if r in allowed:
            continue
        got = index.value(key, kind, r)
        if got is not None and got[0] == claim.value:
            return _finding(claim, key, index, "wrong_date", r, got[0], got[1])
    r, (s, ids) = present[0]
    return _finding(claim, key, index, "mismatch", r, s, ids)


def _finding(
    claim: Claim, key: SeriesKey, index: SeriesIndex, status: str, report: date, s: float, ids: list[str]
) -> Finding:
    d = claim.period.end
    assert d is not None
    lag = (report - d).days
    source, subject, name = key
    what = "daily figure" if claim.period.kind == "day" else "cumulative total"
    notes = [f"{source} {name} {what} of the report of {report.isoformat()}: {_n(s)}"]
    if status == "wrong_date":
        notes.append(f"the figure belongs to the report of {report.isoformat()}, not {d.isoformat()}")
    elif lag:
        notes.append(f"one-day publication lag (claim dated {d.isoformat()})")
    if status == "mismatch":
        notes.append(f"claim says {_n(claim.value)} ({claim.qualifier})")
    if index.category[key] != claim.category:
        notes.append(f"series counts {index.category[key]}, claim says {claim.category}")
    return Finding(
        kind="claim_series",
        status=status,
        subject=subject,
        category=claim.category,
        claim_id=claim.claim_id,
        claim_value=claim.value,
        other_id=ids[0],
        other_value=s,
        claim_date=d,
        report_date=report,
        lag_days=lag,
        ratio=_ratio(claim.value, s),
        detail="; ".join(notes),
        data={
            "series_ids": ids,
            "source": source,
            "series": name,
            "qualifier": claim.qualifier,
            "quote": claim.quote,
            "doc_id": claim.doc_id,
        },
    )


def check_claims(claims: Iterable[Claim], index: SeriesIndex) -> list[Finding]:
    return [f for c in claims if (f := check_claim(c, index)) is not None]


# -- 2. series self-consistency ---------------------------------------------------------------------------


def audit_series(index: SeriesIndex) -> list[Finding]:
    """Decreases of cumulative series, correction days, daily rows that disagree with cumulative ones."""
    out: list[Finding] = []
    for key, rows in index.cumulative.items():
        source, subject, name = key
        corr = index.corrections.get(key, {})
        prev: Claim | None = None
        for day in sorted(rows):
            cur = rows[day]
            if prev is not None and cur.value < prev.value:
                near = {d: v for d, v in corr.items() if abs((d - day).days) <= 1}
                note = "; ".join(f"correction {_n(v)} on {d.isoformat()}" for d, v in sorted(near.items()))
                out.append(
                    Finding(
                        kind="series_decrease",
                        status="decrease",
                        subject=subject,
                        category=cur.category,
                        claim_id=cur.claim_id,
                        claim_value=cur.value,
                        other_id=prev.claim_id,
                        other_value=prev.value,
                        claim_date=prev.period.end,
                        report_date=day,
                        detail=f"{source} {name} fell from {_n(prev.value)} ({prev.period.end}) to "
                        f"{_n(cur.value)}" + (f"; {note}" if note else "; no correction published"),
                        data={"source": source, "series": name},
                    )
                )
            prev = cur
        for day, v in sorted(corr.items()):
            row = rows.get(day)
            out.append(
                Finding(
                    kind="series_correction",
                    status="correction",
                    subject=subject,
                    category=index.category.get(key),
                    claim_id=row.claim_id if row else None,
                    claim_value=v,
                    report_date=day,
                    detail=f"{source} {name}: correction of {_n(v)} folded into the report of {day.isoformat()}",
                    data={"source": source, "series": name},
                )
            )
    for key, days in index.daily.items():
        source, subject, name = key
        for day, row in sorted(days.items()):
            now = index.cumulative.get(key, {}).get(day)
            before = index.cumulative.get(key, {}).get(day - timedelta(days=1))
            if now is None or before is None or now.value - before.value == row.value:
                continue
            out.append(
                Finding(
                    kind="series_daily",
                    status="mismatch",
                    subject=subject,
                    category=row.category,
                    claim_id=row.claim_id,
                    claim_value=row.value,
                    other_id=now.claim_id,
                    other_value=now.value - before.value,
                    report_date=day,
                    detail=f"{source} {name}: daily {_n(row.value)} but cumulative rose by "
                    f"{_n(now.value - before.value)}",
                    data={
                        "source": source,
                        "series": name,
                        "cumulative_ids": [now.claim_id, before.claim_id],
                    },
                )
            )
    return out


def rewrite_findings(rows: Iterable[dict[str, object]]) -> list[Finding]:
    out = []
    for r in rows:
        series = r["series"] if isinstance(r["series"], dict) else {}
        end = r["period_end"] if isinstance(r["period_end"], date) else None
        out.append(
            Finding(
                kind="series_rewrite",
                status="rewritten",
                subject=str(r["subject"]),
                category=str(r["category"]),
                claim_id=str(r["claim_id"]),
                claim_value=float(r["new_value"]),  # type: ignore[arg-type]
                other_value=float(r["old_value"]),  # type: ignore[arg-type]
                report_date=end,
                detail=f"{series.get('source')} {series.get('name')} row {end} rewritten from "
                f"{_n(float(r['old_value']))} to {_n(float(r['new_value']))} "  # type: ignore[arg-type]
                f"(import of {r['ref']})",
                data={"source": series.get("source"), "series": series.get("name")},
            )
        )
    return out


# -- 3. contradictions between claimants -------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class _Stated:
    """A figure some claimant states: one text claim, or a series' category total on a date."""

    who: str
    value: float
    low: float
    high: float
    ids: tuple[str, ...]
    origin: str


def interval(claim: Claim) -> tuple[float, float]:
    """The values a claim's wording allows (open ends as infinity)."""
    v, q = claim.value, claim.qualifier
    if q == "range":
        return v, claim.value_high if claim.value_high is not None else v
    if q == "more_than" or q == "at_least":
        return v, math.inf
    if q == "around":
        return v * (1 - AROUND_SLACK), v * (1 + AROUND_SLACK)
    if q == "almost":
        return v * (1 - QUALIFIER_SLACK), v
    if q == "up_to":
        return 0.0, v
    return v, v


def contradictions(text_claims: Iterable[Claim], series_rows: Iterable[Claim]) -> list[Finding]:
    """Pairs of claimants whose figures for one subject, category, period kind and date cannot both hold.

    A series enters with its category total on a date (General Staff field artillery + MRL make its
    artillery), so it compares with another source's category total. Claims by the same claimant
    (a series alias collapses to its source) are not compared; unattributed claims neither.
    """
    groups: dict[tuple[str, str, str, date], list[_Stated]] = defaultdict(list)
    for c in text_claims:
        who = mapping.claimant_key(c.claimant)
        if who is None or c.subject is None or c.period.kind not in CHECKED_KINDS or c.period.end is None:
            continue
        low, high = interval(c)
        groups[(c.subject.lower(), c.category, c.period.kind, c.period.end)].append(
            _Stated(who, c.value, low, high, (c.claim_id,), "text")
        )
    totals: dict[tuple[str, str, str, str, date], list[Claim]] = defaultdict(list)
    for c in series_rows:
        if c.series and c.subject and c.period.end and c.period.kind in CHECKED_KINDS:
            totals[(c.series["source"], c.subject.lower(), c.category, c.period.kind, c.period.end)].append(c)
    for (_, subject, category, kind, day), rows in totals.items():
        who = mapping.claimant_key(rows[0].claimant) or rows[0].series["source"]  # type: ignore[index]
        value = sum(r.value for r in rows)
        low, high = interval(rows[0]) if len(rows) == 1 else (value, value)
        groups[(subject, category, kind, day)].append(
            _Stated(who, value, low, high, tuple(r.claim_id for r in rows), "series")
        )
    out: list[Finding] = []
    for (subject, category, kind, day), stated in groups.items():
        for a, b in combinations(stated, 2):
            if a.who == b.who or (a.low <= b.high and b.low <= a.high):
                continue
            if a.origin == "series" and b.origin == "text":
                a, b = b, a
            out.append(
                Finding(
                    kind="contradiction",
                    status="contradicts",
                    subject=subject.title(),
                    category=category,
                    claim_id=a.ids[0],
                    claim_value=a.value,
                    other_id=b.ids[0],
                    other_value=b.value,
                    claim_date=day,
                    report_date=day,
                    ratio=_ratio(a.value, b.value),
                    detail=f"{a.who}: {_n(a.value)} vs {b.who}: {_n(b.value)} ({kind}, {day.isoformat()})",
                    data={"claim_ids": list(a.ids), "other_ids": list(b.ids), "claimants": [a.who, b.who]},
                )
            )
    return out


# -- running everything ------------------------------------------------------------------------------------


def run_checks(ledger: Ledger, *, only: str | None = None) -> list[Finding]:
    """All checks over the ledger (or one family: claims, series, contradictions)."""
    text = representatives(ledger.claims(ClaimFilter(origin="text")), cluster_map(ledger))
    rows = ledger.claims(ClaimFilter(origin="series"))
    index = SeriesIndex.build(rows, corrections(ledger))
    out: list[Finding] = []
    if only in (None, "claims"):
        out += check_claims(text, index)
    if only in (None, "series"):
        out += audit_series(index) + rewrite_findings(rewrites(ledger))
    if only in (None, "contradictions"):
        out += contradictions(text, rows)
    return out


def _ratio(a: float, b: float) -> float | None:
    lo, hi = sorted((abs(a), abs(b)))
    return hi / lo if lo else None


def _n(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"
