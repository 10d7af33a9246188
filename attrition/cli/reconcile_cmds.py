"""series import, check, documents: the reconcile and dedupe commands."""

from __future__ import annotations

import json
from collections import Counter
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from attrition.cli.app import DbOption, app, err, out
from attrition.cli.ledger_cmds import open_ledger
from attrition.dedupe import clusters
from attrition.reconcile import FORMATS, Finding, SeriesError, import_series, run_checks, save_findings

series_app = typer.Typer(help="Official series (General Staff, Oryx, CSV) as claims with provenance.")
app.add_typer(series_app, name="series")

#: Rows shown by the `check` table unless --limit says otherwise (jsonl prints everything).
TABLE_LIMIT = 200


class SeriesFormat(StrEnum):
    general_staff = "general-staff"
    oryx = "oryx"
    csv = "csv"


class CheckFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


class CheckFamily(StrEnum):
    claims = "claims"
    series = "series"
    contradictions = "contradictions"


assert {f.value for f in SeriesFormat} == set(FORMATS)


@series_app.command("import")
def series_import(
    location: Annotated[str, typer.Argument(help="A file, a directory of files, or an http(s) URL.")],
    fmt: Annotated[SeriesFormat, typer.Option("--format", "-f", help="Which reader to use.")],
    db: str | None = DbOption,
) -> None:
    """Import an official series into the ledger (idempotent; rewritten rows are reported)."""
    with open_ledger(db) as ledger:
        try:
            res = import_series(ledger, location, fmt.value)
        except SeriesError as exc:
            err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from exc
    for e in res.errors:
        err.print(f"skipped: {e}", markup=False, highlight=False, soft_wrap=True)
    for b in res.files:
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(b.skipped.items()))
        line = f"{b.ref}: {b.rows_read} rows, {len(b.claims)} series rows"
        err.print(line + (f" (skipped {why})" if why else ""), markup=False, highlight=False, soft_wrap=True)
    table = Table(title=f"series import ({res.source})", show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, value in (
        ("files", len(res.files)),
        ("rows read", res.rows_read),
        ("series rows", res.claims),
        ("added", res.added),
        ("rewritten", res.rewritten),
        ("unchanged", res.unchanged),
        ("corrections", res.corrections),
        ("rows skipped", sum(res.skipped.values())),
        ("files skipped", len(res.errors)),
        ("seconds", f"{res.seconds:.2f}"),
    ):
        table.add_row(label, str(value))
    err.print(table)
    if not res.files:
        raise typer.Exit(1)


@app.command("check")
def check(
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="table or jsonl.")] = CheckFormat.table,
    only: Annotated[CheckFamily | None, typer.Option("--only", help="Run one family of checks.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="Show only findings with this status.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Most rows in the table.")] = TABLE_LIMIT,
    db: str | None = DbOption,
) -> None:
    """Check claims against official series, series against themselves, claimants against each other."""
    with open_ledger(db) as ledger:
        found = run_checks(ledger, only=only.value if only else None)
        if only is None:
            save_findings(ledger, found)
    shown = [f for f in found if status is None or f.status == status]
    if fmt is CheckFormat.jsonl:
        for f in shown:
            out.print(
                json.dumps(f.as_dict(), ensure_ascii=False), markup=False, highlight=False, soft_wrap=True
            )
    else:
        out.print(_findings_table(shown[:limit], total=len(shown)))
    counts = Counter((f.kind, f.status) for f in found)
    err.print(
        "findings: " + ", ".join(f"{n} {kind} {st}" for (kind, st), n in sorted(counts.items()))
        if counts
        else "findings: none",
        markup=False,
        highlight=False,
    )


def _findings_table(found: list[Finding], *, total: int) -> Table:
    title = f"{total} findings" + (f" (first {len(found)})" if len(found) < total else "")
    table = Table(title=title)
    for col in (
        "kind",
        "status",
        "subject",
        "category",
        "claim",
        "compared",
        "report",
        "lag",
        "ratio",
        "detail",
    ):
        table.add_column(col, justify="right" if col in ("claim", "compared", "lag", "ratio") else "left")
    for f in found:
        d = f.as_dict()
        table.add_row(
            f.kind,
            f.status,
            f.subject or "",
            f.category or "",
            _num(d["claim_value"]),
            _num(d["other_value"]),
            d["report_date"] or "",
            "" if f.lag_days is None else str(f.lag_days),
            "" if f.ratio is None else f"{f.ratio:.2f}",
            f.detail,
        )
    return table


def _num(v: object) -> str:
    if v is None:
        return ""
    return f"{v:,}" if isinstance(v, (int, float)) else str(v)


@app.command("documents")
def documents_cmd(
    show_clusters: Annotated[
        bool, typer.Option("--clusters", help="Near-duplicate clusters (two or more documents) and members.")
    ] = False,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="table or jsonl.")] = CheckFormat.table,
    limit: Annotated[int | None, typer.Option("--limit", help="Most documents listed.")] = None,
    db: str | None = DbOption,
) -> None:
    """List stored documents, or with --clusters the syndicated copies grouped together."""
    with open_ledger(db) as ledger:
        if show_clusters:
            groups = clusters(ledger)
            if fmt is CheckFormat.jsonl:
                for cid, members in groups:
                    row = {"cluster_id": cid, "size": len(members), "members": [_member(m) for m in members]}
                    out.print(
                        json.dumps(row, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True
                    )
                return
            table = Table(title=f"{len(groups)} near-duplicate clusters")
            for col in ("cluster", "size", "document", "hash", "published", "outlet", "title"):
                table.add_column(col)
            for cid, members in groups:
                for i, m in enumerate(members):
                    first = i == 0
                    p = m["published"]
                    table.add_row(
                        cid[:12] if first else "",
                        str(len(members)) if first else "",
                        m["doc_id"],
                        m["hash"][:12],
                        p.isoformat() if p else "",
                        m["outlet"] or "",
                        m["title"] or "",
                    )
            out.print(table)
            return
        docs = ledger.documents(limit=limit)
    if fmt is CheckFormat.jsonl:
        for d in docs:
            out.print(
                json.dumps(d.as_dict(with_text=False), ensure_ascii=False),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        return
    table = Table(title=f"{len(docs)} documents")
    for col in ("document", "hash", "published", "outlet", "title", "cluster"):
        table.add_column(col)
    for d in docs:
        table.add_row(
            d.doc_id,
            d.hash[:12],
            d.published.isoformat() if d.published else "",
            d.outlet or "",
            d.title or "",
            (d.cluster_id or "")[:12],
        )
    out.print(table)


def _member(m: dict[str, object]) -> dict[str, object]:
    p = m["published"]
    return {
        "hash": m["hash"],
        "id": m["doc_id"],
        "title": m["title"],
        "outlet": m["outlet"],
        "published": p.isoformat() if hasattr(p, "isoformat") else None,
    }
