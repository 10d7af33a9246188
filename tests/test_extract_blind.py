"""The blind evaluation sets: gold validity always, and the extractor's score against a recorded floor.

Each set (tests/devset/blind1/, tests/devset/sealed/) was written without looking at the grammar or
running the extractor. blind1 was the sealed set up to extractor 0.3.1 and blind12 up to 0.4.4; their
errors may be read, so they are development material with a floor. The current sealed set is never used for tuning; its
score is the estimate of accuracy on unseen text.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from attrition.evaluate import evaluate, read_documents, read_gold
from attrition.models import CATEGORIES, PERIOD_KINDS, QUALIFIERS, VERIFICATIONS
from tests.extract_devset import DEVSET

BLIND_SETS = {
    "blind1": 30,
    "blind2": 40,
    "blind3": 40,
    "blind4": 16,
    "blind5": 22,
    "blind6": 30,
    "blind7": 30,
    "blind8": 30,
    "blind9": 30,
    "blind10": 30,
    "blind11": 30,
    "blind12": 40,
    "blind13": 30,
    "blind14": 30,
    "blind15": 30,
    "blind16": 30,
}
if (DEVSET / "sealed" / "gold.jsonl").exists():
    BLIND_SETS["sealed"] = sum(1 for line in (DEVSET / "sealed" / "docs.jsonl").open() if line.strip())
GOLD_FIELDS = (
    "doc_id",
    "subject",
    "category",
    "value",
    "value_high",
    "qualifier",
    "period",
    "claimant",
    "claimant_text",
    "via",
    "hedged",
    "verification",
    "quote",
    "start",
    "end",
)
MIN_WORDS, MAX_WORDS = 120, 350


def gold_rows(folder: Path) -> list[dict]:
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("name", sorted(BLIND_SETS))
def test_blind_documents_are_well_formed(name: str) -> None:
    folder = DEVSET / name
    skipped: list[str] = []
    docs = read_documents(folder / "docs.jsonl", skipped)
    assert not skipped and len(docs) == BLIND_SETS[name] >= 15
    assert len({d.id for d in docs}) == len(docs)
    for d in docs:
        assert d.published is not None and date(2022, 1, 1) <= d.published <= date(2026, 12, 31), d.id
        assert MIN_WORDS <= len(d.text.split()) <= MAX_WORDS, d.id


@pytest.mark.parametrize("name", sorted(BLIND_SETS))
def test_blind_gold_is_valid(name: str) -> None:
    """Every gold row has the contract's fields, known enums, and a quote that is its own span."""
    folder = DEVSET / name
    texts = {d.id: d.text for d in read_documents(folder / "docs.jsonl", [])}
    rows = gold_rows(folder)
    assert rows
    for row in rows:
        assert set(GOLD_FIELDS) <= set(row), row
        assert row["doc_id"] in texts, row
        assert texts[row["doc_id"]][row["start"] : row["end"]] == row["quote"], row
        assert row["category"] in CATEGORIES and row["qualifier"] in QUALIFIERS, row
        assert row["period"]["kind"] in PERIOD_KINDS, row
        assert row["verification"] is None or row["verification"] in VERIFICATIONS, row
        assert (row["qualifier"] == "range") == (row["value_high"] is not None), row
    skipped: list[str] = []
    gold = read_gold(folder / "gold.jsonl", skipped)
    assert not skipped and sum(map(len, gold.values())) == len(rows)


@pytest.mark.parametrize("name", sorted(BLIND_SETS))
def test_blind_set_meets_recorded_floor(name: str) -> None:
    """Regression gate only: each floor is recorded from a measured run (the set's README.md)."""
    folder = DEVSET / name
    floor = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))["strict_f1"]
    report = evaluate(read_gold(folder / "gold.jsonl", []), read_documents(folder / "docs.jsonl", []))
    assert report.strict.f1 >= floor, (report.strict.as_dict(), floor)
