"""Eval gate: incident accuracy on the dev set, the held-out set and the seeds may not fall below
the floors in baseline.json.

The floors are pinned with the hash of the dev set: editing documents or gold makes this test fail
until the baseline is updated on purpose (floors are never lowered silently).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from attrition.cli import app
from attrition.extract import extract_document
from attrition.incidents.evaluate import FIELDS, IncidentReport, evaluate, load_documents, load_gold
from attrition.models import Document

DEVSET = Path(__file__).parent / "devset_incidents"
BASELINE = json.loads((DEVSET / "baseline.json").read_text("utf-8"))
SEED_PUBLISHED = {"000": date(2022, 11, 22), "001": date(2023, 11, 7)}


def _hash(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


def _meets(report: IncidentReport, floors: dict[str, Any]) -> None:
    assert report.precision >= floors["precision"], report.as_dict()
    assert report.recall >= floors["recall"], report.as_dict()
    for name in FIELDS:
        assert report.accuracy(name) >= floors["accuracy"][name], (name, report.as_dict())


@pytest.mark.parametrize("name", ["devset", "heldout"])
def test_set_is_the_one_the_floors_were_set_on(name: str) -> None:
    pinned = BASELINE[name]
    assert _hash(DEVSET / pinned["docs"], DEVSET / pinned["gold"]) == pinned["sha256"], (
        f"{name} changed: re-run `attrition eval-incidents` and update baseline.json deliberately"
    )


def test_devset_size_and_anchors() -> None:
    docs, problems = load_documents(DEVSET / "docs.jsonl")
    gold = load_gold(DEVSET / "gold.jsonl")
    assert problems == [] and len(docs) >= 30
    texts = {d.id: d.text for d in docs}
    assert all(g.anchor in texts[g.doc_id] for g in gold)


@pytest.mark.parametrize("name", ["devset", "heldout"])
def test_set_meets_floors(name: str) -> None:
    pinned = BASELINE[name]
    docs, _ = load_documents(DEVSET / pinned["docs"])
    _meets(evaluate(load_gold(DEVSET / pinned["gold"]), docs, extract_document), pinned)


def test_seeds_meet_floors(seeds_dir: Path) -> None:
    docs = [
        Document(id=p.stem, text=p.read_text("utf-8"), published=SEED_PUBLISHED[p.name[:3]])
        for p in sorted(seeds_dir.glob("00[01]_*.txt"))
    ]
    _meets(evaluate(load_gold(DEVSET / "seeds_gold.jsonl"), docs, extract_document), BASELINE["seeds"])


def test_eval_command_prints_the_table() -> None:
    result = CliRunner().invoke(
        app, ["eval-incidents", str(DEVSET / "gold.jsonl"), str(DEVSET / "docs.jsonl"), "--errors"]
    )
    assert result.exit_code == 0, result.output
    assert "type accuracy" in result.stdout and "recall" in result.stdout


@pytest.mark.parametrize("bad", ["missing.jsonl", "broken"])
def test_eval_command_reports_bad_input_in_one_line(tmp_path: Path, bad: str) -> None:
    docs = tmp_path / "docs.jsonl"
    if bad == "broken":
        docs.write_text('{"id": "x", "text": "ok"}\nnot json\n{"id": "y"}\n', "utf-8")
    result = CliRunner().invoke(app, ["eval-incidents", str(DEVSET / "gold.jsonl"), str(docs)])
    if bad == "broken":
        assert result.exit_code == 0
        assert "docs.jsonl:2: skipped" in result.output and "docs.jsonl:3: skipped" in result.output
        assert "2 document line(s) skipped" in result.output
    else:
        assert result.exit_code == 2 and "not a file" in result.output
