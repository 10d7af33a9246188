"""ingest, extract, claims, export, demo: the commands over documents and the ledger."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from attrition.cli.app import DbOption, app, db_url, err, out
from attrition.cli.output import (
    Format,
    FormatOption,
    emit_claims,
    parse_date,
    print_summary,
    resolve_format,
)
from attrition.export import (
    FORMATS,
    INCIDENT_COLUMNS,
    incident_flat_row,
    iter_flat,
    write_csv,
    write_jsonl,
    write_parquet,
)
from attrition.extract import extract_document
from attrition.incidents.model import Incident
from attrition.ingest import (
    DEFAULT_MAX_BYTES,
    Hooks,
    IngestSummary,
    InputError,
    ReadOptions,
    ingest,
    read_documents,
)
from attrition.models import Claim, DocumentMeta
from attrition.store import ClaimFilter, Ledger, LedgerError

PathsArg = Annotated[list[str], typer.Argument(help="Files, directories (recursive) or '-' for stdin.")]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for plain text and undated HTML."),
]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet name for plain text input.")]


def open_ledger(db: str | None) -> Ledger:
    """Open the ledger or exit with one line saying why."""
    try:
        return Ledger(db_url(db))
    except LedgerError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc


def _read_options(
    published: str | None, outlet: str | None, max_bytes: int = DEFAULT_MAX_BYTES
) -> ReadOptions:
    return ReadOptions(published=parse_date(published, "--published"), outlet=outlet, max_bytes=max_bytes)


def print_error(e: InputError) -> None:
    err.print(str(e), markup=False, highlight=False, soft_wrap=True)


def run_ingest(
    paths: list[str], ledger: Ledger, options: ReadOptions, *, batch_size: int, quiet: bool, workers: int = 1
) -> IngestSummary:
    """An ingest with a progress bar on a terminal and one line per skipped input."""
    show = err.is_terminal and not quiet
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not show,
    ) as progress:
        task = progress.add_task("ingest", total=None)
        hooks = Hooks(
            on_start=lambda n: progress.update(task, total=n),
            on_file=lambda _p: progress.advance(task),
            on_error=print_error,
        )
        return ingest(paths, ledger, options=options, batch_size=batch_size, hooks=hooks, workers=workers)


@app.command("ingest")
def ingest_cmd(
    paths: PathsArg,
    db: str | None = DbOption,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Skip files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per transaction.")] = 200,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Extraction processes (Dask).")] = 1,
) -> None:
    """Read documents, extract their claims and store both in the ledger (idempotent)."""
    options = _read_options(published, outlet, max_bytes)
    with open_ledger(db) as ledger:
        summary = run_ingest(paths, ledger, options, batch_size=batch_size, quiet=quiet, workers=workers)
    if not quiet:
        print_summary(summary)
    raise typer.Exit(summary.exit_code)


@app.command("extract")
def extract_cmd(
    paths: PathsArg,
    fmt: Format | None = FormatOption,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """Print the claims found in documents, without storing anything."""
    docs, errors = read_documents(paths, options=_read_options(published, outlet))
    for e in errors:
        print_error(e)
    claims = [c for doc in docs for c in extract_document(doc)]
    emit_claims(claims, resolve_format(fmt))
    raise typer.Exit(0 if docs else 1)


def _filter(
    subject: str | None,
    category: str | None,
    claimant: str | None,
    since: str | None,
    until: str | None,
    doc: str | None,
    origin: str | None,
    limit: int | None,
) -> ClaimFilter:
    return ClaimFilter(
        subject=subject,
        category=category,
        claimant=claimant,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        doc=doc,
        origin=origin,
        limit=limit,
    )


SubjectOpt = Annotated[str | None, typer.Option(help="Side that suffered the loss (e.g. Russia).")]
CategoryOpt = Annotated[str | None, typer.Option(help="Category (e.g. tanks, personnel_casualties).")]
ClaimantOpt = Annotated[str | None, typer.Option(help="Claimant name contains this (case-insensitive).")]
SinceOpt = Annotated[str | None, typer.Option(help="Period end on or after YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option(help="Period end on or before YYYY-MM-DD.")]
DocOpt = Annotated[str | None, typer.Option(help="Document id or content hash (prefix).")]
OriginOpt = Annotated[
    str | None, typer.Option(help="text (read from documents) or series (official series rows).")
]


@app.command("claims")
def claims_cmd(
    db: str | None = DbOption,
    subject: SubjectOpt = None,
    category: CategoryOpt = None,
    claimant: ClaimantOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    doc: DocOpt = None,
    origin: OriginOpt = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many claims.")] = None,
    fmt: Format | None = FormatOption,
) -> None:
    """Query the ledger's claims."""
    flt = _filter(subject, category, claimant, since, until, doc, origin, limit)
    with open_ledger(db) as ledger:
        claims = ledger.claims(flt)
        meta = ledger.document_meta({c.doc_hash for c in claims if c.doc_hash}) if fmt is Format.csv else {}
    emit_claims(claims, resolve_format(fmt), meta)


@app.command("export")
def export_cmd(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or parquet.")] = "csv",
    what: Annotated[str, typer.Option("--what", help="claims or incidents.")] = "claims",
    db: str | None = DbOption,
    subject: SubjectOpt = None,
    category: CategoryOpt = None,
    claimant: ClaimantOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    doc: DocOpt = None,
    origin: OriginOpt = None,
) -> None:
    """Export claims (JSON Lines in the contract, or flat CSV/Parquet with UCDP-GED-aligned fields) or incidents."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"expected one of {', '.join(FORMATS)}", param_hint="--format")
    if what not in ("claims", "incidents"):
        raise typer.BadParameter("expected claims or incidents", param_hint="--what")
    with open_ledger(db) as ledger:
        if what == "incidents":
            from attrition.incidents.store import IncidentFilter, query_incidents

            incidents = query_incidents(
                ledger,
                IncidentFilter(
                    subject=subject,
                    since=parse_date(since, "--since"),
                    until=parse_date(until, "--until"),
                    doc=doc,
                ),
            )
            n = _export_incidents(incidents, fmt, output)
        else:
            flt = _filter(subject, category, claimant, since, until, doc, origin, None)
            claims = ledger.claims(flt)
            meta = ledger.document_meta({c.doc_hash for c in claims if c.doc_hash})
            n = _export_claims(claims, meta, fmt, output)
    err.print(f"wrote {n} {what} to {output}", markup=False, highlight=False)


def _export_claims(claims: list[Claim], meta: dict[str, DocumentMeta], fmt: str, output: Path) -> int:
    if fmt == "parquet":
        return write_parquet(iter_flat(claims, meta), output)
    with open(output, "w", encoding="utf-8", newline="") as fh:
        return write_jsonl(claims, fh) if fmt == "jsonl" else write_csv(iter_flat(claims, meta), fh)


def _export_incidents(incidents: list[Incident], fmt: str, output: Path) -> int:
    rows = (incident_flat_row(i) for i in incidents)
    if fmt == "parquet":
        return write_parquet(rows, output, INCIDENT_COLUMNS)
    with open(output, "w", encoding="utf-8", newline="") as fh:
        if fmt == "csv":
            return write_csv(rows, fh, INCIDENT_COLUMNS)
        for i in incidents:
            fh.write(json.dumps(i.as_dict(), ensure_ascii=False) + "\n")
        return len(incidents)


@app.command("runs")
def runs_cmd(
    db: str | None = DbOption,
    limit: Annotated[int, typer.Option(min=1, help="Latest runs to show.")] = 10,
    errors: Annotated[bool, typer.Option("--errors", help="List every skipped input of each run.")] = False,
) -> None:
    """Show the latest ingest runs and what they skipped."""
    from rich.table import Table

    with open_ledger(db) as ledger:
        runs = ledger.runs(limit=limit)
    table = Table(header_style="bold")
    for col in ("run", "started", "read", "new", "present", "skipped", "claims", "seconds", "inputs"):
        table.add_column(col, justify="left" if col in ("started", "inputs") else "right")
    for r in runs:
        secs = "" if r["seconds"] is None else f"{r['seconds']:.2f}"
        table.add_row(
            str(r["id"]), str(r["started_at"]), *(str(r[k]) for k in ("read", "new", "present", "skipped", "claims")),
            secs, " ".join(r["inputs"]),
        )  # fmt: skip
    out.print(table)
    if errors:
        for r in runs:
            for loc, why in r["errors"]:
                out.print(f"run {r['id']}: {loc}: {why}", markup=False, highlight=False, soft_wrap=True)


#: Rows of the claims table `attrition demo` prints (the whole ledger is one command away).
DEMO_TABLE_ROWS = 20


@app.command("demo")
def demo_cmd(
    db: Annotated[str, typer.Option("--db", help="Ledger for the demo (recreated).")] = "sqlite:///demo.db",
    series: Annotated[
        list[str] | None,
        typer.Option(
            "--series", help="Also import an official series you downloaded (path or URL; repeatable)."
        ),
    ] = None,
    series_format: Annotated[
        str, typer.Option("--series-format", help="Format of --series: general-staff, oryx or csv.")
    ] = "general-staff",
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="End by serving the dashboard.")] = True,
    host: Annotated[str, typer.Option(help="Dashboard address.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Dashboard port.")] = 8000,
) -> None:
    """Ingest the bundled demo corpus into a fresh SQLite ledger, check it, show it, serve the dashboard."""
    from collections import Counter

    from attrition.demo import corpus_path
    from attrition.reconcile import import_series, run_checks, save_findings

    url = db_url(db)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    with open_ledger(url) as ledger:
        summary = run_ingest([str(corpus_path())], ledger, ReadOptions(), batch_size=200, quiet=False)
        print_summary(summary, title="demo corpus ingested")
        for location in series or []:
            res = import_series(ledger, location, series_format)
            err.print(f"series {location}: {res.added} rows added", markup=False, highlight=False)
        findings = run_checks(ledger)
        save_findings(ledger, findings)
        claims = ledger.claims(ClaimFilter(origin="text"))
        counts = ledger.counts()
    out.print(f"[bold]{counts['claims']} claims from {counts['documents']} documents[/] in {url}")
    emit_claims(claims[:DEMO_TABLE_ROWS], Format.table)
    if len(claims) > DEMO_TABLE_ROWS:
        out.print(f"… {len(claims) - DEMO_TABLE_ROWS} more: attrition claims --db {url}")
    by_status = Counter(f"{f.kind} {f.status}" for f in findings)
    out.print("checks: " + (", ".join(f"{n} {k}" for k, n in sorted(by_status.items())) or "no findings"))
    sys.stdout.flush()
    if serve:
        from attrition.web import serve as serve_dashboard

        serve_dashboard(url, host, port, announce=sys.stdout)
