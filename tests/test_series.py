"""Series importers on the shared reference data: idempotency, rewrites, mapping, the audit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from attrition.reconcile import import_series, run_checks
from attrition.reconcile.mapping import lookup, table
from attrition.store import ClaimFilter, Ledger

REPORT = date(2024, 2, 6)


def test_general_staff_import_is_idempotent_and_audited(reference_dir: Path, sqlite_url: str) -> None:
    gs = str(reference_dir / "ukraine-general-staff")
    with Ledger(sqlite_url) as ledger:
        first = import_series(ledger, gs, "general-staff")
        again = import_series(ledger, gs, "general-staff")
        assert first.added == first.claims > 0
        assert (again.added, again.rewritten, again.unchanged) == (0, 0, first.claims)
        assert [e for e in first.errors if "oryx" not in str(e)] == []  # only the per-model snapshot
        tanks = ledger.claims(ClaimFilter(category="tanks", since=REPORT, until=REPORT))
        assert [(c.value, c.series["row"]) for c in tanks if c.series] == [(6365.0, "2024-02-06")]
        found = run_checks(ledger, only="series")
    decreases = {(f.data["series"], f.report_date.isoformat()) for f in found if f.kind == "series_decrease"}
    assert ("APC", "2022-10-13") in decreases and ("tank", "2023-05-28") in decreases
    assert ("field artillery", "2026-03-04") in decreases
    correction_days = {f.report_date for f in found if f.kind == "series_correction"}
    assert min(correction_days).isoformat() == "2022-10-13"


def test_oryx_history_copies_show_as_rewrites(reference_dir: Path, sqlite_url: str) -> None:
    with Ledger(sqlite_url) as ledger:
        first = import_series(ledger, str(reference_dir / "oryx"), "oryx")
        again = import_series(ledger, str(reference_dir / "oryx"), "oryx")
        assert first.added > 0 and again.added == 0
        assert first.rewritten == again.rewritten > 0  # the copies disagree; stored once
        found = run_checks(ledger, only="series")
        assert sum(f.kind == "series_rewrite" for f in found) == first.rewritten
        subjects = {c.subject for c in ledger.claims(ClaimFilter(origin="series"))}
    assert subjects == {"Russia", "Ukraine"}
    assert "heading not in the mapping table (totals, scraped headline text)" in first.skipped


def test_csv_rows_rewritten_between_imports_and_bad_rows_skipped(tmp_path: Path, ledger_url: str) -> None:
    path = tmp_path / "s.csv"
    path.write_text(
        "date,subject,category,value,kind,source\n"
        "2024-02-06,Russia,tanks,6365,cumulative,GS\n"
        "2024-02-06,Russia,tnks,1,cumulative,GS\n"
        "not a date,Russia,tanks,1,cumulative,GS\n"
    )
    with Ledger(ledger_url) as ledger:
        first = import_series(ledger, str(path), "csv")
        assert (first.added, sum(first.skipped.values())) == (1, 2)
        path.write_text(
            "date,subject,category,value,kind,source\n2024-02-06,Russia,tanks,6356,cumulative,GS\n"
        )
        second = import_series(ledger, str(path), "csv")
        assert (second.added, second.rewritten) == (0, 1)
        rewrite = [f for f in run_checks(ledger, only="series") if f.kind == "series_rewrite"]
        assert [(f.other_value, f.claim_value) for f in rewrite] == [(6365, 6356)]


def test_mapping_table_documents_every_general_staff_field(reference_dir: Path) -> None:
    import json

    rows = json.loads((reference_dir / "ukraine-general-staff" / "russia_losses_equipment.json").read_text())
    fields = {k for r in rows for k in r} - {"date", "day", "greatest losses direction"}
    assert all(lookup("general-staff", f) is not None for f in fields)
    assert lookup("general-staff", "MRL").category == "artillery"  # type: ignore[union-attr]
    assert lookup("general-staff", "cruise missiles").category is None  # type: ignore[union-attr]
    assert lookup("oryx", "Surface-To-Air Missile Systems\n").category == "air_defense"  # type: ignore[union-attr]
    assert len(table()) > 40
