"""eval: score the extractor against annotated gold claims."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from attrition.cli.app import app, err, out
from attrition.evaluate import evaluate_files


class EvalFormat(StrEnum):
    """Output formats of `eval`."""

    table = "table"
    json = "json"


@app.command("eval")
def eval_cmd(
    gold: Path = typer.Argument(
        ..., exists=True, dir_okay=False, help="Gold claims, JSON Lines (claim contract + doc_id)."
    ),
    docs: Path = typer.Argument(
        ..., exists=True, dir_okay=False, help="Documents, JSON Lines (document contract)."
    ),
    fmt: EvalFormat = typer.Option(EvalFormat.table, "--format", help="table or json."),
    errors: bool = typer.Option(False, "--errors", help="Also list misses and spurious claims per document."),
) -> None:
    """Precision / recall / F1 (loose and strict), claimant and period-end agreement."""
    report = evaluate_files(gold, docs)
    for line in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {line}")
    if fmt is EvalFormat.json:
        d = report.as_dict()
        if not errors:
            d.pop("errors")
        out.print_json(json.dumps(d))
        return
    table = Table(title=f"Extraction vs gold ({report.documents} documents)")
    for col in ("match", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "match" else "left")
    for name, s in (
        ("loose (category+value)", report.loose),
        ("strict (+subject, period kind)", report.strict),
    ):
        table.add_row(
            name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp), str(s.fp), str(s.fn)
        )
    out.print(table)
    out.print(
        f"claimant agreement {report.claimant_agreement:.3f}   period-end agreement "
        f"{report.period_end_agreement:.3f}   (on {report.matched} matched pairs)"
    )
    if errors:
        for e in report.errors:
            if not e:
                continue
            out.print(f"[bold]{e.doc_id}[/bold]")
            for g in e.missed:
                out.print(f"  [red]missed[/red]   {g}")
            for p in e.spurious:
                out.print(f"  [yellow]spurious[/yellow] {p}")
            for pair in e.disagreements:
                out.print(f"  [cyan]differs[/cyan]  gold {pair['gold']}\n           got  {pair['predicted']}")
