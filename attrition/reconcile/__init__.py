"""reconcile: claims against official series, series self-consistency, contradictions, clusters."""

from attrition.reconcile.checks import SeriesIndex, audit_series, check_claim, contradictions, run_checks
from attrition.reconcile.series import FORMATS, ImportResult, SeriesError, import_series, read_series
from attrition.reconcile.store import Finding, load_findings, save_findings

__all__ = [
    "FORMATS",
    "Finding",
    "ImportResult",
    "SeriesError",
    "SeriesIndex",
    "audit_series",
    "check_claim",
    "contradictions",
    "import_series",
    "load_findings",
    "read_series",
    "run_checks",
    "save_findings",
]
