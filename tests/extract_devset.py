"""Shared loading of the development set for the extraction tests (not a test module).

The written documents live in tests/devset/docs.jsonl; the three seed articles are read from
../shared/corpus/seeds/ when that folder is present (their gold is in tests/devset/gold.jsonl).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from attrition.evaluate import read_documents, read_gold
from attrition.models import Claim, Document

DEVSET = Path(__file__).parent / "devset"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def split() -> dict:
    return json.loads((DEVSET / "split.json").read_text(encoding="utf-8"))


def seed_documents() -> list[Document]:
    """The seeds as documents (empty when ../shared is absent)."""
    if not SEEDS.is_dir():
        return []
    return [
        Document(
            id=sid, text=(SEEDS / f"{sid}.txt").read_text(encoding="utf-8"), published=date.fromisoformat(pub)
        )
        for sid, pub in split()["seeds"].items()
    ]


def documents(part: str) -> list[Document]:
    """The documents of one part: "dev" (written dev documents + seeds when present) or "test"."""
    ids = set(split()[part])
    docs = [d for d in read_documents(DEVSET / "docs.jsonl", []) if d.id in ids]
    return docs + [d for d in seed_documents() if d.id in ids]


def gold() -> dict[str, list[Claim]]:
    return read_gold(DEVSET / "gold.jsonl", [])
