"""Incidents in the ledger on SQLite and PostgreSQL: round trip, filters, clusters, the command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrition.cli import app
from attrition.incidents import Incident, extract_document_incidents
from attrition.incidents.store import (
    IncidentFilter,
    count_incidents,
    query_incidents,
    recluster,
    store_incidents,
)
from attrition.models import Claim, Document
from attrition.store import Ledger
from tests.incident_helpers import contract_claim

DOC_A = Document(
    id="a",
    text=(
        "Ukrainian paratroopers captured 17 Russian soldiers near Klishchiivka on Sunday, the brigade said. "
        "Separately, there have been cases when Russian drones killed their own wounded, officials say."
    ),
    published=date(2023, 9, 5),
    outlet="Eastern Herald",
)
DOC_B = Document(
    id="b",
    text="On Sunday 17 Russian soldiers were taken prisoner near Klishchiyivka, Kyiv said, releasing photos.",
    published=date(2023, 9, 6),
)


def _bound(doc: Document, quote: str, category: str, value: float, subject: str) -> Claim:
    return contract_claim(doc.text, quote, category, value, subject).with_doc(doc.id, doc.hash)


def _batch() -> list[tuple[Document, list[Claim], list[Incident]]]:
    out = []
    for doc, quote in ((DOC_A, "17 Russian soldiers"), (DOC_B, "17 Russian soldiers")):
        claims = [_bound(doc, quote, "personnel_captured", 17, "Russia")]
        out.append((doc, claims, extract_document_incidents(doc, claims)))
    return out


def test_incidents_round_trip_in_the_ledger_transaction(ledger_url: str) -> None:
    batch = _batch()
    with Ledger(ledger_url) as ledger:
        res = ledger.store([(d, c) for d, c, _ in batch], incidents_by_doc={d.hash: i for d, _, i in batch})
        assert (res.new, res.incidents) == (2, 3)
        again = ledger.store([(d, c) for d, c, _ in batch], incidents_by_doc={d.hash: i for d, _, i in batch})
        assert (again.present, again.incidents) == (2, 0)
        stored = query_incidents(ledger)
        expected = [i for _, _, incs in batch for i in incs]
        assert stored == expected  # every field survives, dates and spans included
        assert store_incidents(ledger, expected) == 0  # idempotent
        assert count_incidents(ledger) == 3


def test_incident_filters(ledger_url: str) -> None:
    batch = _batch()
    with Ledger(ledger_url) as ledger:
        ledger.store([(d, c) for d, c, _ in batch], incidents_by_doc={d.hash: i for d, _, i in batch})
        assert len(query_incidents(ledger, IncidentFilter(type="surrender_or_capture"))) == 2
        assert len(query_incidents(ledger, IncidentFilter(subject="russia"))) == 3
        assert query_incidents(ledger, IncidentFilter(subject="Ukraine")) == []
        assert [i.doc_id for i in query_incidents(ledger, IncidentFilter(doc="b"))] == ["b"]
        assert len(query_incidents(ledger, IncidentFilter(doc=DOC_A.hash[:10]))) == 2
        # Dated incidents filter on their date (2023-09-03, a Sunday), the practice on publication.
        assert len(query_incidents(ledger, IncidentFilter(since=date(2023, 9, 4)))) == 1
        assert len(query_incidents(ledger, IncidentFilter(until=date(2023, 9, 3)))) == 2
        assert len(query_incidents(ledger, IncidentFilter(limit=1))) == 1


def test_recluster_joins_the_same_capture_reported_twice(ledger_url: str) -> None:
    batch = _batch()
    with Ledger(ledger_url) as ledger:
        ledger.store([(d, c) for d, c, _ in batch], incidents_by_doc={d.hash: i for d, _, i in batch})
        summary = recluster(ledger)
        assert summary == {"incidents": 3, "clusters": 2, "updated": 3}
        captures = query_incidents(ledger, IncidentFilter(type="surrender_or_capture"))
        assert captures[0].cluster_id == captures[1].cluster_id is not None
        assert recluster(ledger)["updated"] == 0


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_incidents_command_formats(sqlite_url: str, fmt: str) -> None:
    batch = _batch()
    with Ledger(sqlite_url) as ledger:
        ledger.store([(d, c) for d, c, _ in batch], incidents_by_doc={d.hash: i for d, _, i in batch})
    result = CliRunner().invoke(
        app, ["incidents", "--db", sqlite_url, "--type", "surrender_or_capture", "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["doc_id"] for r in rows] == ["a", "b"]
        assert rows[0]["count"] == 17 and rows[0]["victim_side"] == "Russia"
    elif fmt == "csv":
        lines = result.stdout.splitlines()
        assert lines[0].startswith("doc_id,incident_id,type,")
        assert len(lines) == 3
    else:
        body = [line for line in result.stdout.splitlines() if line.startswith("│")]
        assert [line.split("│")[1].strip() for line in body] == ["a", "b"]
        assert all("17" in line for line in body)


def test_incidents_command_rejects_bad_options(sqlite_url: str) -> None:
    runner = CliRunner()
    bad_type = runner.invoke(app, ["incidents", "--db", sqlite_url, "--type", "massacre"])
    assert bad_type.exit_code == 2 and "unknown incident type" in bad_type.output
    bad_date = runner.invoke(app, ["incidents", "--db", sqlite_url, "--since", "last week"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
    bad_db = runner.invoke(app, ["incidents", "--db", "nosuchdriver://x"])
    assert bad_db.exit_code == 1 and "error: cannot open ledger" in bad_db.output


def test_ingest_stores_and_clusters_incidents(tmp_path: Path, ledger_url: str) -> None:
    from attrition.ingest import ingest

    src = tmp_path / "docs.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"id": d.id, "text": d.text, "published": d.published.isoformat()})
            for d in (DOC_A, DOC_B)
            if d.published
        )
        + "\n",
        "utf-8",
    )
    with Ledger(ledger_url) as ledger:
        first = ingest([str(src)], ledger)
        again = ingest([str(src)], ledger)
        stored = query_incidents(ledger)
    assert (first.new, first.incidents) == (2, 3)
    assert (again.present, again.incidents) == (2, 0)
    captures = [i for i in stored if i.type == "surrender_or_capture"]
    assert len(captures) == 2 and captures[0].cluster_id == captures[1].cluster_id is not None
