"""Checks on the bundled demo corpus.

The corpus is written for the project, but every figure it presents as a Ukrainian General Staff
figure must be the real one for its report date; `official_figures.json` lists them and these tests
hold each to the series in ../shared/reference (skipped when that folder is absent). The structural
checks (document format, outlet, lengths, README coverage) always run.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from text_to_num import alpha2digit

from attrition.demo.corpus import CORPUS_DIR

REPO_ROOT = Path(__file__).resolve().parents[1]
GS_DIR = REPO_ROOT.parent / "shared" / "reference" / "ukraine-general-staff"
DEMO_OUTLET = "attrition demo corpus"
REQUIRED_FIELDS = ("id", "text", "title", "url", "published", "outlet")
MIN_WORDS, MAX_WORDS = 120, 400
MIN_DOCS, MAX_DOCS = 20, 26
KINDS = ("cumulative", "daily")
PLANTED_ERRORS = ("wrong_date",)
NUMBER = re.compile(r"\d[\d,]*")
TAG = re.compile(r"<[^>]+>")


def _jsonl_docs() -> list[dict[str, Any]]:
    lines = (CORPUS_DIR / "demo.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _file_docs() -> dict[str, str]:
    """The .html and .txt documents, keyed by file stem (their id), as raw text."""
    return {
        p.stem: p.read_text(encoding="utf-8")
        for p in sorted(CORPUS_DIR.iterdir())
        if p.suffix in (".html", ".txt")
    }


def _all_texts() -> dict[str, str]:
    texts = {d["id"]: d["text"] for d in _jsonl_docs()}
    texts.update(_file_docs())
    return texts


def _figures() -> list[dict[str, Any]]:
    data = json.loads((CORPUS_DIR / "official_figures.json").read_text(encoding="utf-8"))
    figures: list[dict[str, Any]] = data["figures"]
    return figures


def test_jsonl_documents_follow_the_document_format() -> None:
    docs = _jsonl_docs()
    assert docs, "demo.jsonl is empty"
    for doc in docs:
        assert set(REQUIRED_FIELDS) <= doc.keys(), doc.get("id")
        assert doc["outlet"] == DEMO_OUTLET, doc["id"]
        assert doc["url"] is None, doc["id"]
        assert isinstance(doc["title"], str) and doc["title"], doc["id"]
        date.fromisoformat(doc["published"])
        words = len(doc["text"].split())
        assert MIN_WORDS <= words <= MAX_WORDS, (doc["id"], words)


def test_ids_are_unique_and_corpus_size_in_range() -> None:
    ids = [d["id"] for d in _jsonl_docs()] + list(_file_docs())
    assert len(ids) == len(set(ids))
    assert MIN_DOCS <= len(ids) <= MAX_DOCS
    assert {p.suffix for p in CORPUS_DIR.iterdir()} >= {".jsonl", ".html", ".txt"}


def test_file_documents_have_article_length() -> None:
    for doc_id, raw in _file_docs().items():
        words = len(TAG.sub(" ", raw).split())
        assert words >= MIN_WORDS, (doc_id, words)


def test_readme_lists_every_document() -> None:
    readme = (CORPUS_DIR / "README.md").read_text(encoding="utf-8")
    for doc_id in _all_texts():
        assert f"`{doc_id}`" in readme, doc_id


def test_syndicated_copy_repeats_its_original_body() -> None:
    docs = {d["id"]: d for d in _jsonl_docs()}
    original, copy = docs["demo-002"], docs["demo-007"]
    assert copy["text"].startswith(original["text"])
    assert copy["title"] != original["title"]


def test_official_figures_are_stated_in_their_documents() -> None:
    texts = _all_texts()
    for fig in _figures():
        assert fig["kind"] in KINDS, fig
        text = texts[fig["doc_id"]]
        assert fig["quote"] in text, fig
        digits = alpha2digit(fig["quote"], "en", threshold=0)
        values = {int(m.replace(",", "")) for m in NUMBER.findall(digits)}
        assert fig["value"] in values, fig


def _series() -> dict[str, dict[str, int]]:
    """Cumulative General Staff values by report date, personnel and equipment merged."""
    merged: dict[str, dict[str, int]] = {}
    for name in ("russia_losses_personnel.json", "russia_losses_equipment.json"):
        for row in json.loads((GS_DIR / name).read_text(encoding="utf-8")):
            merged.setdefault(row["date"], {}).update(
                {k: v for k, v in row.items() if isinstance(v, int) and k != "day"}
            )
    return merged


def _series_value(series: dict[str, dict[str, int]], day: str, key: str, kind: str) -> int:
    cumulative = series[day][key]
    if kind == "cumulative":
        return cumulative
    previous = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    return cumulative - series[previous].get(key, 0)


def test_official_figures_match_the_general_staff_series() -> None:
    if not GS_DIR.is_dir():
        pytest.skip(f"{GS_DIR} absent: cannot check planted General Staff figures against the series")
    series = _series()
    figures = _figures()
    checked_dates = set()
    for fig in figures:
        actual = _series_value(series, fig["date"], fig["key"], fig["kind"])
        if "planted_error" in fig:
            assert fig["planted_error"] in PLANTED_ERRORS, fig
            assert fig["value"] != actual, fig
            assert fig["value"] == _series_value(series, fig["actual_date"], fig["key"], fig["kind"]), fig
        else:
            assert fig["value"] == actual, fig
            checked_dates.add(fig["date"])
    assert len(checked_dates) >= 6
    assert sum("planted_error" in fig for fig in figures) == 1
