"""The typer application and the options every command shares."""

from __future__ import annotations

import os

import typer
from rich.console import Console

app = typer.Typer(
    name="attrition",
    help="A ledger of war-loss claims: extract, store, reconcile, estimate, serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Table width when output is not a terminal (a pipe, a CI log): wide enough for a claims table.
PIPE_WIDTH = 140

#: Rich consoles: results go to stdout, progress and summaries to stderr.
out = Console(soft_wrap=True)
err = Console(stderr=True)
for _console in (out, err):
    if not _console.is_terminal and "COLUMNS" not in os.environ:
        _console.width = PIPE_WIDTH

DEFAULT_DB = "sqlite:///attrition.db"


def db_url(value: str | None) -> str:
    """--db, else $ATTRITION_DB, else ./attrition.db. A bare path means SQLite."""
    url = value or os.environ.get("ATTRITION_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


DbOption = typer.Option(None, "--db", help="Ledger URL (default $ATTRITION_DB or sqlite:///attrition.db).")


def main() -> None:
    """Entry point of the `attrition` script."""
    app(prog_name="attrition")  # exits via SystemExit


if __name__ == "__main__":  # pragma: no cover
    main()
