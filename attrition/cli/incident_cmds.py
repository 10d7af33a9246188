"""incidents, eval-incidents: incidents in the ledger, and their accuracy against gold."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from attrition.cli.app import DbOption, app, err, out
from attrition.cli.ledger_cmds import open_ledger
from attrition.cli.output import Format, FormatOption, parse_date, resolve_format
from attrition.export import INCIDENT_COLUMNS, incident_flat_row, write_csv
from attrition.extract import extract_document
from attrition.incidents.evaluate import evaluate, load_documents, load_gold, render_report
from attrition.incidents.model import INCIDENT_TYPES, Incident
from attrition.incidents.store import IncidentFilter, query_incidents


@app.command("incidents")
def incidents_cmd(
    db: str | None = DbOption,
    subject: Annotated[str | None, typer.Option(help="Victim side (e.g. Russia).")] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help=f"Incident type: {', '.join(INCIDENT_TYPES)}.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Incident date (else publication) on or after YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Incident date (else publication) on or before YYYY-MM-DD.")
    ] = None,
    doc: Annotated[str | None, typer.Option(help="Document id or content hash (prefix).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many incidents.")] = None,
    fmt: Format | None = FormatOption,
) -> None:
    """Query the ledger's incidents (friendly fire, killing of own troops, surrender, ...)."""
    if type_ is not None and type_ not in INCIDENT_TYPES:
        raise typer.BadParameter(
            f"unknown incident type {type_!r} (one of {', '.join(INCIDENT_TYPES)})", param_hint="--type"
        )
    flt = IncidentFilter(
        subject=subject,
        type=type_,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        doc=doc,
        limit=limit,
    )
    with open_ledger(db) as ledger:
        rows = query_incidents(ledger, flt)
    chosen = resolve_format(fmt)
    if chosen is Format.jsonl:
        for i in rows:
            sys.stdout.write(json.dumps(i.as_dict(), ensure_ascii=False) + "\n")
    elif chosen is Format.csv:
        write_csv((incident_flat_row(i) for i in rows), sys.stdout, INCIDENT_COLUMNS)
    else:
        out.print(_table(rows))


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
