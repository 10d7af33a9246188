"""serve: the dashboard and JSON API over the ledger."""

from __future__ import annotations

import os

import typer

from attrition.cli.app import DbOption, app, db_url, err
from attrition.store import LedgerError


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 exposes it)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    db: str | None = DbOption,
) -> None:
    """Serve the dashboard and JSON API (read-only unless $ATTRITION_TOKEN is set)."""
    try:
        from attrition.web import serve as run_server
    except ImportError as exc:
        err.print(
            f"[red]the dashboard needs the web extra: pip install 'attrition[web]' ({exc.name} missing)[/]"
        )
        raise typer.Exit(2) from exc
    try:
        run_server(db_url(db), host, port, token=os.environ.get("ATTRITION_TOKEN") or None)
    except LedgerError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from exc
