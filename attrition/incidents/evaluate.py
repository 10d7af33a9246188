"""Incident accuracy against a gold file: detection (precision, recall) and field accuracy.

Gold is JSON Lines, one incident per line:
`{"doc_id", "anchor", "type", "generic", "perpetrator_side", "victim_side", "count", "evidence",
"verification"}` where `anchor` is words of the incident's text (it must occur in the document). A
predicted incident matches a gold one in the same document when one of its mention sentences covers
the anchor; field accuracy is measured over matched pairs, so a missed incident costs recall, not
field accuracy.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rich.table import Table

from attrition.incidents.grammar import extract_document_incidents
from attrition.incidents.model import Incident
from attrition.models import Claim, Document

log = logging.getLogger(__name__)

#: Fields compared on matched pairs, in report order ("sides" = both sides right).
FIELDS: tuple[str, ...] = (
    "type",
    "generic",
    "perpetrator_side",
    "victim_side",
    "sides",
    "count",
    "evidence",
    "verification",
)

Extractor = Callable[[Document], Sequence[Claim]]


@dataclass(slots=True, kw_only=True, frozen=True)
class GoldIncident:
    """One gold incident (see the module docstring for the file format)."""

    doc_id: str
    anchor: str
    values: dict[str, Any]


@dataclass(slots=True, kw_only=True)
class IncidentReport:
    """What `evaluate` measured."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    #: (doc_id, field, gold value, predicted value) for every wrong field; (doc_id, "missed"|"extra",
    #: anchor or quote, type) for detection errors.
    errors: list[tuple[str, str, Any, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": {f: round(self.accuracy(f), 4) for f in FIELDS},
        }


def load_gold(path: Path) -> list[GoldIncident]:
    """Gold incidents from a JSON Lines file; a bad line is logged with its number and skipped."""
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            out.append(GoldIncident(doc_id=str(d.pop("doc_id")), anchor=str(d.pop("anchor")), values=d))
        except (json.JSONDecodeError, KeyError, AttributeError) as exc:
            log.warning("%s:%d: skipped gold line (%s)", path, n, exc)
    return out


def load_documents(path: Path) -> tuple[list[Document], list[str]]:
    """Documents from a JSON Lines file (the Document interchange format).

    Returns the documents and one message per skipped line ("file:line: reason").
    """
    docs, problems = [], []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            text = d["text"]
            if not isinstance(text, str):
                raise ValueError("'text' is not a string")
            published = date.fromisoformat(d["published"]) if d.get("published") else None
            docs.append(
                Document(
                    id=str(d.get("id") or f"{path.stem}:{n}"),
                    text=text,
                    title=d.get("title"),
                    url=d.get("url"),
                    published=published,
                    outlet=d.get("outlet"),
                    source=f"{path}:{n}",
                )
            )
        except (json.JSONDecodeError, KeyError, ValueError, TypeError, AttributeError) as exc:
            problems.append(f"{path}:{n}: skipped ({type(exc).__name__}: {exc})")
    return docs, problems


def evaluate(
    gold: Iterable[GoldIncident], documents: Sequence[Document], extract_claims: Extractor
) -> IncidentReport:
    """Run claim and incident extraction on `documents` and score the incidents against `gold`.

    Every document is scored: one with no gold incident counts each predicted incident as extra.
    """
    by_doc: dict[str, list[GoldIncident]] = {}
    for g in gold:
        by_doc.setdefault(g.doc_id, []).append(g)
    report = IncidentReport()
    for doc in documents:
        report.documents += 1
        predicted = extract_document_incidents(doc, extract_claims(doc))
        _score_document(doc, by_doc.get(doc.id, []), predicted, report)
    return report


def _score_document(
    doc: Document, gold: list[GoldIncident], predicted: list[Incident], report: IncidentReport
) -> None:
    report.gold += len(gold)
    report.predicted += len(predicted)
    free = list(predicted)
    for g in gold:
        at = doc.text.find(g.anchor)
        if at < 0:
            report.errors.append((doc.id, "missed", g.anchor, "anchor not in text"))
            continue
        span = (at, at + len(g.anchor))
        hits = [p for p in free if any(a < span[1] and span[0] < b for a, b in p.mentions)]
        if not hits:
            report.errors.append((doc.id, "missed", g.anchor, g.values.get("type")))
            continue
        best = next((p for p in hits if p.type == g.values.get("type")), hits[0])
        free.remove(best)
        report.matched += 1
        for name in FIELDS:
            want, got = _field(g.values, name), _predicted_field(best, name)
            if want == got:
                report.correct[name] += 1
            else:
                report.errors.append((doc.id, name, want, got))
    for p in free:
        report.errors.append((doc.id, "extra", p.quote[:80], p.type))


def _field(values: dict[str, Any], name: str) -> Any:
    if name == "sides":
        return (values.get("perpetrator_side"), values.get("victim_side"))
    if name == "count":
        return None if values.get("count") is None else float(values["count"])
    if name == "generic":
        return bool(values.get("generic"))
    return values.get(name)


def _predicted_field(p: Incident, name: str) -> Any:
    if name == "sides":
        return (p.perpetrator_side, p.victim_side)
    return getattr(p, name)


def render_report(report: IncidentReport, *, title: str = "Incident accuracy") -> Table:
    """The report as a rich table: detection first, then one row per field."""
    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("detail", justify="right")
    table.add_row("documents", str(report.documents), "")
    table.add_row("gold incidents", str(report.gold), "")
    table.add_row("predicted incidents", str(report.predicted), "")
    table.add_row("precision", f"{report.precision:.3f}", f"{report.matched}/{report.predicted}")
    table.add_row("recall", f"{report.recall:.3f}", f"{report.matched}/{report.gold}")
    table.add_row("F1", f"{report.f1:.3f}", "")
    for name in FIELDS:
        table.add_row(
            f"{name} accuracy", f"{report.accuracy(name):.3f}", f"{report.correct[name]}/{report.matched}"
        )
    return table
