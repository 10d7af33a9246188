"""An independent check of the grammar: the General Staff figures planted in the demo corpus.

The demo corpus was written separately from the grammar's development set, and its answer key
(`official_figures.json`) lists every figure presented as a General Staff figure with its series key,
kind and value. Recall here is what reconciliation can match on bulletin-style reporting; the floor in
`tests/devset/baseline.json` (`official_recall`) only ever rises. A zero daily change ("(+0)") is not
a claim (docs/extraction.md, Conventions), so the key's zero rows are not counted.
"""

from __future__ import annotations

import json
from pathlib import Path

from attrition.demo import corpus_path
from attrition.extract import extract_document
from attrition.ingest import read_documents
from attrition.reconcile.mapping import lookup

BASELINE = Path(__file__).parent / "devset" / "baseline.json"


def official_recall() -> tuple[float, list[str]]:
    """Share of planted figures extracted with the right side, category, value and period kind."""
    key = json.loads((corpus_path() / "official_figures.json").read_text())
    docs, errors = read_documents([str(corpus_path())])
    assert not errors
    claims = {d.id: extract_document(d) for d in docs}
    misses: list[str] = []
    figures = [f for f in key["figures"] if not f.get("planted_error") and f["value"] != 0]
    for fig in figures:
        category = _category(fig["key"])
        if category is None:  # outside the claim vocabulary (cruise missiles)
            continue
        kind = "day" if fig["kind"] == "daily" else "cumulative"
        found = any(
            c.subject == "Russia"
            and c.category == category
            and c.value == fig["value"]
            and c.period.kind == kind
            for c in claims[fig["doc_id"]]
        )
        if not found:
            misses.append(f"{fig['doc_id']} {fig['key']} {fig['kind']} {fig['value']}: {fig['quote']!r}")
    total = sum(1 for f in figures if lookup("general-staff", f["key"]) is not None)
    return (total - len(misses)) / total, misses


def _category(series_key: str) -> str | None:
    mapped = lookup("general-staff", series_key)
    return mapped.category if mapped else None


def test_general_staff_figures_in_demo_corpus_meet_floor() -> None:
    floor = json.loads(BASELINE.read_text())["official_recall"]
    recall, misses = official_recall()
    assert recall >= floor, f"recall {recall:.3f} < floor {floor}; misses:\n" + "\n".join(misses)


if __name__ == "__main__":
    r, m = official_recall()
    print(f"official-figure recall {r:.3f}")
    print("\n".join(m))
