"""The evaluation library, the `eval` command, and the development-set gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrition.cli import app
from attrition.evaluate import Report, evaluate, evaluate_files, score_document
from attrition.models import Claim, Period
from tests.extract_devset import DEVSET, SEEDS, documents, gold

BASELINE = json.loads((DEVSET / "baseline.json").read_text(encoding="utf-8"))


def claim(category: str, value: float, subject: str = "Russia", kind: str = "day", start: int = 0) -> Claim:
    return Claim(
        doc_id="d",
        claim_id="",
        subject=subject,
        category=category,
        value=value,
        period=Period(kind=kind),
        start=start,
    )  # type: ignore[arg-type]


def test_loose_and_strict_matching() -> None:
    report = Report()
    gold_claims = [claim("tanks", 17), claim("personnel_casualties", 1000)]
    predicted = [
        claim("tanks", 17, subject="Ukraine"),
        claim("personnel_casualties", 1000),
        claim("drones", 3),
    ]
    score_document("d", gold_claims, predicted, report)
    assert (report.loose.tp, report.loose.fp, report.loose.fn) == (2, 1, 0)
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (1, 2, 1)
    assert report.errors[0].spurious[0]["category"] == "drones"


def test_empty_is_perfect_not_a_division_error() -> None:
    report = Report()
    score_document("d", [], [], report)
    assert (report.strict.f1, report.loose.precision) == (1.0, 1.0)


def test_dev_set_meets_recorded_floors() -> None:
    """CI gate: the development split must not score below tests/devset/baseline.json."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}; the floors include them")
    report = evaluate(gold(), documents("dev"))
    assert report.strict.f1 >= BASELINE["dev"]["strict_f1"], report.as_dict()["errors"]
    assert report.loose.f1 >= BASELINE["dev"]["loose_f1"]


def test_held_out_split_scores_are_reported() -> None:
    """The held-out split has its own, lower floor: it guards against regressions, not for tuning."""
    report = evaluate(gold(), documents("test"))
    assert report.loose.f1 >= BASELINE["test"]["loose_f1"]
    assert report.strict.f1 >= BASELINE["test"]["strict_f1"]


def run_eval(*args: str):  # noqa: ANN201
    """Invoke `attrition eval`; typer runs a lone command without its name, so name it only among several."""
    prefix = ["eval"] if len(app.registered_commands) > 1 else []
    return CliRunner().invoke(app, [*prefix, *args])


def test_eval_command_json() -> None:
    result = run_eval(str(DEVSET / "gold.jsonl"), str(DEVSET / "docs.jsonl"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    lines = (DEVSET / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    assert data["documents"] == len([line for line in lines if line.strip()])
    assert 0 < data["strict"]["f1"] <= 1


def test_eval_command_table_and_bad_lines(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        '{"id": "a", "text": "Russia lost 17 tanks in the past day, Kyiv said.", '
        '"published": "2024-02-06"}\nnot json\n',
        encoding="utf-8",
    )
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(
        '{"doc_id": "a", "category": "tanks", "value": 17, "subject": "Russia", "period": {"kind": "day"}}\n',
        encoding="utf-8",
    )
    report = evaluate_files(gold_file, docs)
    assert report.strict.f1 == 1.0 and len(report.skipped) == 1
    result = run_eval(str(gold_file), str(docs))
    assert result.exit_code == 0 and "strict" in result.output
