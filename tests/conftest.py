"""Shared fixtures: the seeds and reference data beside the checkout, fresh ledgers on SQLite and
on a real PostgreSQL server started for the session."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_server import PgServer, find_pg_bin

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
REFERENCE = SHARED / "reference"

_db_counter = itertools.count()


def need_shared(path: Path) -> Path:
    """Skip the calling test when ../shared (seeds, reference data) is not beside the checkout."""
    if not path.exists():
        pytest.skip(f"{path} not found: these tests read ../shared beside the checkout")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return need_shared(SEEDS)


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    return need_shared(REFERENCE)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL server for the whole session (skips when PostgreSQL is not installed)."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL server binaries not found: install the 'postgresql' package (make test does, as root)"
        )
    server = PgServer(bin_dir)
    try:
        server.start()
    except RuntimeError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"could not start PostgreSQL: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    return pg_server.create_database(f"t{os.getpid()}_{next(_db_counter)}")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh ledger URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return str(request.getfixturevalue("pg_url"))
