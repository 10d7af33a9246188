"""The issue's acceptance checks on the three seed articles (skipped when ../shared is absent)."""

from __future__ import annotations

from datetime import date

import pytest

from attrition.extract import extract_document
from attrition.models import Claim
from tests.extract_devset import SEEDS, seed_documents

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")

D = date.fromisoformat
GS = "Ukrainian General Staff"


def claims_of(prefix: str) -> list[Claim]:
    doc = next(d for d in seed_documents() if d.id.startswith(prefix))
    return extract_document(doc)


def find(claims: list[Claim], category: str, value: float) -> Claim:
    hits = [c for c in claims if c.category == category and c.value == value]
    assert len(hits) == 1, [(c.category, c.value, c.quote) for c in claims]
    return hits[0]


# (category, value, subject, qualifier, period kind, start, end, claimant)
SEED_002 = [
    ("personnel_casualties", 1000, "Russia", "more_than", "day", "2024-02-06", "2024-02-06", GS),
    ("tanks", 17, "Russia", "exact", "day", "2024-02-06", "2024-02-06", GS),
    ("armored_vehicles", 35, "Russia", "exact", "day", "2024-02-06", "2024-02-06", GS),
    ("personnel_casualties", 390580, "Russia", "around", "cumulative", "2022-02-24", "2024-02-06", GS),
    ("tanks", 6365, "Russia", "exact", "cumulative", "2022-02-24", "2024-02-06", GS),
    ("armored_vehicles", 11850, "Russia", "more_than", "cumulative", "2022-02-24", "2024-02-06", GS),
    (
        "personnel_casualties",
        300000,
        "Russia",
        "more_than",
        "cumulative",
        None,
        "2023-12-31",
        "Western officials",
    ),
    (
        "personnel_casualties",
        885,
        "Ukraine",
        "around",
        "day",
        "2024-02-05",
        "2024-02-05",
        "Russian government",
    ),
    (
        "armored_vehicles",
        14908,
        "Ukraine",
        "around",
        "cumulative",
        "2022-02-01",
        "2024-02-05",
        "Russian government",
    ),
    (
        "personnel_casualties",
        300,
        "Russia",
        "almost",
        "rate",
        "2023-01-01",
        "2023-12-31",
        "UK Defence Ministry",
    ),
    (
        "personnel_casualties",
        500000,
        "Russia",
        "more_than",
        "projection",
        None,
        "2025-01-01",
        "UK government",
    ),
    ("personnel_casualties", 400, "Russia", "around", "rate", None, None, "Ukrainian Defense Ministry"),
]


@pytest.mark.parametrize("row", SEED_002, ids=[f"{r[0]}={r[1]}" for r in SEED_002])
def test_seed_002_figure(row: tuple) -> None:
    category, value, subject, qualifier, kind, start, end, claimant = row
    c = find(claims_of("002"), category, value)
    assert (c.subject, c.qualifier, c.period.kind, c.claimant) == (subject, qualifier, kind, claimant)
    assert c.period.start == (D(start) if start else None)
    assert c.period.end == (D(end) if end else None)


def test_seed_002_has_no_other_claims() -> None:
    """Headline, caption copies, dates, distances and the proportion add nothing."""
    assert len(claims_of("002")) == len(SEED_002)


def test_seed_002_headline_and_caption_merge_into_first_body_mention() -> None:
    doc = next(d for d in seed_documents() if d.id.startswith("002"))
    c = find(extract_document(doc), "personnel_casualties", 1000)
    assert c.quote == "more than 1,000 soldiers"
    assert doc.text[c.start : c.end] == c.quote
    assert len(c.mentions) >= 3  # headline, body, caption (pasted twice)
    assert c.start > doc.text.index("Post At")


def test_seed_000_tank_fire_is_unverified() -> None:
    c = find(claims_of("000"), "personnel_killed", 20)
    assert (c.subject, c.period.kind, c.verification) == ("Russia", "event", "unverified")


def test_seed_000_milley_estimate_is_hedged_cumulative() -> None:
    c = find(claims_of("000"), "personnel_casualties", 100000)
    assert c.hedged and c.period.kind == "cumulative" and c.period.start == D("2022-02-24")


def test_seed_001_surrenders_are_a_three_week_span() -> None:
    c = find(claims_of("001"), "personnel_captured", 80)
    assert (c.subject, c.qualifier, c.period.kind) == ("Russia", "around", "span")
    assert (c.period.start, c.period.end) == (D("2023-10-17"), D("2023-11-07"))
