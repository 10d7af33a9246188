"""incidents, eval-incidents: incidents in the ledger, and their accuracy against gold."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from attrition.cli.app import DbOption, app, db_url, err, out
from attrition.extract import extract_document
from attrition.incidents.evaluate import evaluate, load_documents, load_gold, render_report
from attrition.incidents.model import INCIDENT_TYPES, Incident
from attrition.incidents.store import IncidentFilter, iter_incidents
from attrition.store import Ledger, LedgerError

#: Columns of the CSV export: every field, lists joined (via with " > ", the chain's direction).
CSV_FIELDS: tuple[str, ...] = (
    "doc_id", "incident_id", "type", "generic", "perpetrator_side", "victim_side", "count", "claim_ids",
    "place_text", "place", "date", "date_text", "evidence", "evidence_text", "verification",
    "verification_text", "via", "quote", "start", "end", "cluster_id", "doc_hash",
)  # fmt: skip


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(f"[red]{option}: expected YYYY-MM-DD, got {value!r}[/red]")
        raise typer.Exit(2) from None


@app.command("incidents")
def incidents_cmd(
    subject: str | None = typer.Option(None, "--subject", help="Victim side, e.g. Russia."),
    type_: str | None = typer.Option(None, "--type", help=f"Incident type: {', '.join(INCIDENT_TYPES)}."),
    since: str | None = typer.Option(None, "--since", help="Incident date (else publication) on or after."),
    until: str | None = typer.Option(None, "--until", help="Incident date (else publication) on or before."),
    doc: str | None = typer.Option(None, "--doc", help="Document id, content hash or hash prefix."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many incidents."),
    fmt: Format = typer.Option(Format.table, "--format", help="Output format."),
    db: str | None = DbOption,
) -> None:
    """List incidents held in the ledger (friendly fire, killing of own troops, surrender, ...)."""
    if type_ is not None and type_ not in INCIDENT_TYPES:
        err.print(f"[red]--type: unknown incident type {type_!r} (one of {', '.join(INCIDENT_TYPES)})[/red]")
        raise typer.Exit(2)
    flt = IncidentFilter(
        subject=subject,
        type=type_,
        since=_parse_date(since, "--since"),
        until=_parse_date(until, "--until"),
        doc=doc,
        limit=limit,
    )
    try:
        with Ledger(db_url(db)) as ledger:
            rows = list(iter_incidents(ledger, flt))
    except LedgerError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from None
    if fmt is Format.jsonl:
        for i in rows:
            sys.stdout.write(json.dumps(i.as_dict(), ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(CSV_FIELDS), extrasaction="ignore")
        writer.writeheader()
        for i in rows:
            writer.writerow(_csv_row(i))
    else:
        out.print(_table(rows))
    err.print(f"{len(rows)} incident(s)")


def _csv_row(i: Incident) -> dict[str, object]:
    d = i.as_dict()
    d["claim_ids"] = " ".join(i.claim_ids)
    d["via"] = " > ".join(i.via)
    return d


def _table(rows: list[Incident]) -> Table:
    table = Table(show_lines=False)
    for name in ("doc", "type", "victim", "by", "count", "place", "date", "evidence", "verification", "via"):
        table.add_column(name, justify="right" if name == "count" else "left")
    for i in rows:
        count = "" if i.count is None else f"{i.count:g}"
        table.add_row(
            i.doc_id or (i.doc_hash or "")[:12],
            i.type + (" (practice)" if i.generic else ""),
            i.victim_side or "",
            i.perpetrator_side or "",
            count,
            i.place or "",
            i.date.isoformat() if i.date else (i.date_text or ""),
            i.evidence,
            i.verification,
            " > ".join(i.via),
        )
    return table


@app.command("eval-incidents")
def eval_incidents_cmd(
    gold: Path = typer.Argument(..., help="Gold incidents, JSON Lines (docs/incidents.md)."),
    docs: Path = typer.Argument(..., help="Documents, JSON Lines (id, text, published, ...)."),
    errors: bool = typer.Option(False, "--errors", help="Also list every wrong field and missed incident."),
) -> None:
    """Accuracy of incident extraction (type, sides, count, evidence, verification) against gold."""
    for path in (gold, docs):
        if not path.is_file():
            err.print(f"{path}: not a file", style="red", markup=False, soft_wrap=True)
            raise typer.Exit(2)
    documents, problems = load_documents(docs)
    for line in problems:
        err.print(line, markup=False, soft_wrap=True)
    report = evaluate(load_gold(gold), documents, extract_document)
    out.print(render_report(report))
    if problems:
        err.print(f"{len(problems)} document line(s) skipped")
    if errors:
        for doc_id, name, want, got in report.errors:
            out.print(f"{doc_id}\t{name}\tgold={want!r}\tgot={got!r}")
