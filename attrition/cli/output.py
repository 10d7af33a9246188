"""Printing claims and summaries: JSON Lines, CSV or a rich table, chosen once for every command."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from enum import StrEnum

import typer
from rich.table import Table

from attrition.cli.app import err, out
from attrition.export import iter_flat, write_csv, write_jsonl
from attrition.ingest import IngestSummary
from attrition.models import Claim, DocumentMeta

#: Width of the quote column in tables; longer quotes are cut with an ellipsis.
QUOTE_WIDTH = 60

_QUALIFIER_MARK = {
    "exact": "",
    "more_than": ">",
    "at_least": "≥",
    "around": "~",
    "almost": "<~",
    "up_to": "≤",
    "range": "",
}


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


FormatOption = typer.Option(None, "--format", "-f", help="table (default on a terminal), jsonl or csv.")


def resolve_format(fmt: Format | None) -> Format:
    """Table on a terminal, JSON Lines when piped."""
    if fmt is not None:
        return fmt
    return Format.table if sys.stdout.isatty() else Format.jsonl


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from exc


def format_value(c: Claim) -> str:
    from attrition.models import plain_number

    if c.value_high is not None:
        return f"{plain_number(c.value):,}–{plain_number(c.value_high):,}"
    return f"{_QUALIFIER_MARK.get(c.qualifier, '')}{plain_number(c.value):,}"


def format_period(c: Claim) -> str:
    p = c.period
    if p.kind == "day":
        return f"day {p.end or '?'}"
    if p.start and p.end:
        return f"{p.kind} {p.start}…{p.end}"
    if p.end:
        return f"{p.kind} →{p.end}"
    if p.start:
        return f"{p.kind} {p.start}…"
    return p.kind


def claims_table(claims: Sequence[Claim], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for name, kw in (
        ("doc", {"max_width": 16, "overflow": "ellipsis"}),
        ("subject", {}),
        ("category", {}),
        ("value", {"justify": "right"}),
        ("period", {}),
        ("claimant", {"max_width": 24, "overflow": "fold"}),
        ("flags", {}),
        ("quote", {"max_width": QUOTE_WIDTH, "overflow": "ellipsis", "no_wrap": True}),
    ):
        table.add_column(name, **kw)  # type: ignore[arg-type]
    for c in claims:
        flags = " ".join(f for f in ("hedged" if c.hedged else "", c.verification or "") if f)
        table.add_row(
            c.doc_id or "",
            c.subject or "?",
            c.category,
            format_value(c),
            format_period(c),
            c.claimant or "",
            flags,
            c.quote.replace("\n", " "),
        )
    return table


def emit_claims(claims: Sequence[Claim], fmt: Format, meta: dict[str, DocumentMeta] | None = None) -> None:
    if fmt is Format.jsonl:
        write_jsonl(claims, sys.stdout)
    elif fmt is Format.csv:
        write_csv(iter_flat(claims, meta or {}), sys.stdout)
    else:
        out.print(claims_table(claims))


def print_summary(s: IngestSummary, *, title: str = "ingest") -> None:
    table = Table(title=title, show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, value in (
        ("input files", s.files),
        ("documents read", s.read),
        ("new", s.new),
        ("already present", s.present),
        ("skipped", s.skipped),
        ("ignored (other file types)", s.ignored),
        ("claims stored", s.claims),
        ("near-duplicate clusters", s.clusters),
        ("seconds", f"{s.seconds:.2f}"),
    ):
        table.add_row(label, str(value))
    err.print(table)
    if s.errors:
        reasons: dict[str, int] = {}
        for e in s.errors:
            key = e.reason.split(" (")[0]
            reasons[key] = reasons.get(key, 0) + 1
        err.print("skipped: " + ", ".join(f"{n} {why}" for why, n in sorted(reasons.items())), markup=False)
