"""The one category-mapping table between official series and the claim vocabulary.

The table itself is data (`categories.csv`, shipped in the package, documented in docs/reconcile.md):
one row per (source, field as the series spells it) giving the claim category, the component the
field stands for and the series it belongs to. Fields of one series are summed on a row (the
General Staff's early `military auto` + `fuel tank` continue as `vehicles and fuel tanks`; Oryx's
Infantry Fighting Vehicles, Armoured Personnel Carriers, ... add up to armored_vehicles). An empty
category means "excluded on purpose" (cruise missiles), which differs from a field the table does
not know (skipped and counted).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from attrition.models import CATEGORIES

TABLE = "categories.csv"

#: Sources with a built-in reader, and the claimant their rows carry.
SERIES_CLAIMANTS: dict[str, str] = {
    "general-staff": "Ukrainian General Staff",
    "oryx": "Oryx",
}

#: Claimant wordings (lower case, substring match) that quote a built-in series: a claim attributed
#: to one of them is checked against that series only.
CLAIMANT_ALIASES: dict[str, tuple[str, ...]] = {
    "general-staff": (
        "general staff",
        "ukrainian military",
        "ukraine's military",
        "ukrainian armed forces",
        "armed forces of ukraine",
        "ukrainian army",
        "kyiv's military",
    ),
    "oryx": ("oryx",),
}

#: A claim category that may also be checked against series of another category, with the reason
#: stated in the finding. The General Staff's personnel figure ("liquidated") counts killed, wounded
#: and captured, yet news often relays it as "killed".
COMPATIBLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "personnel_killed": ("personnel_casualties",),
}


@dataclass(slots=True, frozen=True)
class FieldMap:
    """One row of the table. category None: excluded on purpose."""

    source: str
    field: str
    category: str | None
    component: str
    series: str
    note: str


@cache
def table() -> dict[tuple[str, str], FieldMap]:
    """The mapping keyed by (source, normalised field name)."""
    text = resources.files("attrition.reconcile").joinpath(TABLE).read_text(encoding="utf-8")
    out: dict[tuple[str, str], FieldMap] = {}
    for row in csv.DictReader(text.splitlines()):
        category = row["category"] or None
        if category is not None and category not in CATEGORIES:
            raise ValueError(f"{TABLE}: unknown category {category!r} for {row['field']!r}")
        fm = FieldMap(
            source=row["source"],
            field=row["field"],
            category=category,
            component=row["component"],
            series=row["series"],
            note=row["note"],
        )
        out[(fm.source, normalise_field(fm.field))] = fm
    return out


def normalise_field(name: str) -> str:
    """Field names compare case-insensitively, whitespace collapsed (Oryx headings carry stray
    newlines and vary their capitalisation)."""
    return " ".join(name.split()).lower()


def lookup(source: str, field: str) -> FieldMap | None:
    return table().get((source, normalise_field(field)))


def series_source_for(claimant: str | None) -> str | None:
    """The built-in series a claimant quotes, if any ("Kyiv's military" -> general-staff)."""
    if not claimant:
        return None
    low = claimant.lower()
    for source, aliases in CLAIMANT_ALIASES.items():
        if any(a in low for a in aliases):
            return source
    return None


def claimant_key(claimant: str | None) -> str | None:
    """One name per claimant for comparing who says what: a series alias collapses to its source."""
    if not claimant:
        return None
    return series_source_for(claimant) or claimant.strip().lower()
