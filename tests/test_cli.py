"""The CLI as a user runs it: seeds in, claims out, exports, exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrition.cli import app
from attrition.export import FLAT_COLUMNS

runner = CliRunner()


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def test_ingest_seeds_twice_and_spans_hold(seeds_dir: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    first = run("ingest", "--db", db, str(seeds_dir))
    assert first.exit_code == 0, first.output
    assert "new" in first.output
    second = run("ingest", "--db", db, str(seeds_dir))
    assert second.exit_code == 0
    lines = {
        line.split()[0] if not line.strip().startswith("already") else "already": line
        for line in second.output.splitlines()
        if line.strip()
    }
    assert any("already present" in line and line.split()[-1] == "3" for line in second.output.splitlines())
    assert any(
        line.strip().startswith("new") and line.split()[-1] == "0" for line in second.output.splitlines()
    ), lines
    res = run("claims", "--db", db, "--format", "jsonl")
    claims = [json.loads(line) for line in res.stdout.splitlines()]
    assert claims
    texts = {p.stem: p.read_text() for p in seeds_dir.glob("*.txt")}
    for c in claims:
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"]
        assert list(c) == [
            "doc_id", "claim_id", "subject", "category", "value", "value_high", "qualifier", "period",
            "claimant", "claimant_text", "via", "hedged", "verification", "quote", "start", "end",
        ]  # fmt: skip


def test_extract_from_stdin_prints_contract_jsonl() -> None:
    res = run(
        "extract", "-", "--published", "2024-02-06", "-f", "jsonl", input="Russia lost 17 tanks in a day.\n"
    )
    assert res.exit_code == 0
    (claim,) = [json.loads(line) for line in res.stdout.splitlines()]
    assert (
        claim["doc_id"] == "stdin"
        and claim["value"] == 17
        and claim["quote"] in "Russia lost 17 tanks in a day."
    )


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_formats(fmt: str, tmp_path: Path) -> None:
    src = tmp_path / "d.jsonl"
    src.write_text(
        json.dumps(
            {
                "id": "x",
                "text": "Russia lost 17 tanks and 40 drones.",
                "published": "2024-02-06",
                "url": "https://example.org/a",
                "outlet": "Wire",
            }
        )
        + "\n"
    )
    db = f"sqlite:///{tmp_path / 'l.db'}"
    assert run("ingest", "--db", db, "-q", str(src)).exit_code == 0
    out = tmp_path / f"claims.{fmt}"
    res = run("export", "--db", db, "--format", fmt, "-o", str(out))
    assert res.exit_code == 0, res.output
    if fmt == "csv":
        rows = list(csv.DictReader(out.open()))
        assert list(rows[0]) == list(FLAT_COLUMNS)
        assert {r["best"] for r in rows} == {"17", "40"}
        assert rows[0]["source_article"] == "https://example.org/a" and rows[0]["source_office"] == "Wire"
    elif fmt == "jsonl":
        assert len(out.read_text().splitlines()) == 2
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.num_rows == 2 and table.column_names == list(FLAT_COLUMNS)


def test_exit_codes(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = run("ingest", "--db", db, str(empty))
    assert res.exit_code == 1
    assert f"{empty}: empty file" in res.output
    assert run("ingest", "--db", db, "--published", "yesterday", str(empty)).exit_code == 2
    assert run("claims", "--db", db, "--since", "2024-13-45").exit_code == 2
    assert run("frobnicate").exit_code == 2
    res = run("runs", "--db", db, "--errors")
    assert res.exit_code == 0 and f"run 1: {empty}: empty file" in res.output


def test_unreachable_database_is_one_line(tmp_path: Path) -> None:
    res = run("claims", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert res.exit_code == 1
    assert res.output.startswith("error: cannot open ledger") and len(res.output.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_incidents(fmt: str, tmp_path: Path) -> None:
    from attrition.export import INCIDENT_COLUMNS

    text = (
        "Twenty Russian soldiers died after a Russian tank fired on their own positions near Bakhmut on Monday, "
        "according to an intercepted phone call released by Ukrainian intelligence. The audio has not been independently verified."
    )
    src = tmp_path / "d.jsonl"
    src.write_text(json.dumps({"id": "ff", "text": text, "published": "2022-11-22"}) + "\n")
    db = f"sqlite:///{tmp_path / 'l.db'}"
    assert run("ingest", "--db", db, "-q", str(src)).exit_code == 0
    out = tmp_path / f"incidents.{fmt}"
    res = run("export", "--db", db, "--what", "incidents", "--format", fmt, "-o", str(out))
    assert res.exit_code == 0, res.output
    if fmt == "csv":
        rows = list(csv.DictReader(out.open()))
        assert list(rows[0]) == list(INCIDENT_COLUMNS) and rows[0]["type"] == "friendly_fire"
    elif fmt == "jsonl":
        (row,) = [json.loads(line) for line in out.read_text().splitlines()]
        assert row["type"] == "friendly_fire" and row["evidence"] == "intercepted_communication"
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(out).column("type").to_pylist() == ["friendly_fire"]


def test_demo_builds_a_checked_ledger(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    res = run("demo", "--db", db, "--no-serve")
    assert res.exit_code == 0, res.output
    assert "claims from 23 documents" in res.output
    assert "checks:" in res.output
    again = run("demo", "--db", db, "--no-serve")  # recreated, not appended to
    assert "claims from 23 documents" in again.output
