"""The sealed evaluation set: gold validity always, and the extractor's score against a recorded floor.

The set (tests/devset/sealed/) was written without looking at the grammar or running the extractor,
and is never used for tuning; its score is the honest estimate of accuracy on unseen text.
"""

from __future__ import annotations

import json
from datetime import date

from attrition.evaluate import evaluate, read_documents, read_gold
from attrition.models import CATEGORIES, PERIOD_KINDS, QUALIFIERS, VERIFICATIONS
from tests.extract_devset import DEVSET

SEALED = DEVSET / "sealed"
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


def gold_rows() -> list[dict]:
    lines = (SEALED / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_sealed_documents_are_well_formed() -> None:
    skipped: list[str] = []
    docs = read_documents(SEALED / "docs.jsonl", skipped)
    assert not skipped and len(docs) == 30
    assert len({d.id for d in docs}) == len(docs)
    for d in docs:
        assert d.published is not None and date(2022, 1, 1) <= d.published <= date(2026, 12, 31), d.id
        assert MIN_WORDS <= len(d.text.split()) <= MAX_WORDS, d.id


def test_sealed_gold_is_valid() -> None:
    """Every gold row has the contract's fields, known enums, and a quote that is its own span."""
    texts = {d.id: d.text for d in read_documents(SEALED / "docs.jsonl", [])}
    rows = gold_rows()
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
    gold = read_gold(SEALED / "gold.jsonl", skipped)
    assert not skipped and sum(map(len, gold.values())) == len(rows)


def test_sealed_set_meets_recorded_floor() -> None:
    """Regression gate only: the floor was recorded once, after the gold was final (README.md)."""
    floor = json.loads((SEALED / "baseline.json").read_text(encoding="utf-8"))["strict_f1"]
    report = evaluate(read_gold(SEALED / "gold.jsonl", []), read_documents(SEALED / "docs.jsonl", []))
    assert report.strict.f1 >= floor, (report.strict.as_dict(), floor)
