"""Scoring extracted claims against hand-annotated gold claims.

Gold is JSON Lines in the claim contract (plus `doc_id`); documents are JSON Lines in the document
contract. Two matchings are made per document, each one-to-one and greedy in gold order:

* loose: same category and value;
* strict: same subject, category, value and period kind.

On loose-matched pairs we also report how often the claimant agrees (canonical names, case-insensitive,
both None counting as agreement) and how often the period end agrees. Every miss and spurious claim
is kept per document, because the point of a score is to find what to fix.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from attrition.extract import extract_document
from attrition.models import Claim, Document

#: Two values are the same figure when they differ by less than this.
VALUE_EPS = 1e-6


@dataclass(slots=True)
class Scores:
    """True positives, false positives and false negatives of one matching."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class DocErrors:
    """What went wrong in one document: gold missed, claims not in gold, matched pairs that disagree."""

    doc_id: str
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    disagreements: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.missed or self.spurious or self.disagreements)


@dataclass(slots=True)
class Report:
    """Scores over a set of documents, with the per-document errors behind them."""

    loose: Scores = field(default_factory=Scores)
    strict: Scores = field(default_factory=Scores)
    matched: int = 0
    claimant_agree: int = 0
    period_end_agree: int = 0
    documents: int = 0
    errors: list[DocErrors] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def claimant_agreement(self) -> float:
        return self.claimant_agree / self.matched if self.matched else 1.0

    @property
    def period_end_agreement(self) -> float:
        return self.period_end_agree / self.matched if self.matched else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "loose": self.loose.as_dict(),
            "strict": self.strict.as_dict(),
            "claimant_agreement": round(self.claimant_agreement, 4),
            "period_end_agreement": round(self.period_end_agreement, 4),
            "matched": self.matched,
            "errors": [
                {
                    "doc_id": e.doc_id,
                    "missed": e.missed,
                    "spurious": e.spurious,
                    "disagreements": e.disagreements,
                }
                for e in self.errors
                if e
            ],
            "skipped": self.skipped,
        }


def _brief(c: Claim) -> dict[str, Any]:
    """The fields a reader needs to see why a claim did or did not match."""
    return {
        "subject": c.subject,
        "category": c.category,
        "value": c.value,
        "value_high": c.value_high,
        "qualifier": c.qualifier,
        "period": c.period.as_dict(),
        "claimant": c.claimant,
        "quote": c.quote,
        "start": c.start,
    }


def _same_value(a: Claim, b: Claim) -> bool:
    return abs(a.value - b.value) < VALUE_EPS


def _match(gold: list[Claim], pred: list[Claim], strict: bool) -> list[tuple[int, int]]:
    """One-to-one greedy matching in gold order; prefer the full key, then the nearest span."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        best: tuple[int, int, int] | None = None
        for pi, p in enumerate(pred):
            if pi in used or p.category != g.category or not _same_value(p, g):
                continue
            full = p.subject == g.subject and p.period.kind == g.period.kind
            if strict and not full:
                continue
            rank = (0 if full else 1, abs(p.start - g.start), pi)
            if best is None or rank < best:
                best = rank
        if best is not None:
            used.add(best[2])
            pairs.append((gi, best[2]))
    return pairs


def _same_claimant(a: str | None, b: str | None) -> bool:
    return (a or "").casefold() == (b or "").casefold()


def score_document(doc_id: str, gold: list[Claim], pred: list[Claim], report: Report) -> None:
    """Add one document's matchings to `report`."""
    report.documents += 1
    loose = _match(gold, pred, strict=False)
    strict = _match(gold, pred, strict=True)
    report.loose.tp += len(loose)
    report.loose.fp += len(pred) - len(loose)
    report.loose.fn += len(gold) - len(loose)
    report.strict.tp += len(strict)
    report.strict.fp += len(pred) - len(strict)
    report.strict.fn += len(gold) - len(strict)
    errors = DocErrors(doc_id)
    matched_gold = {g for g, _ in loose}
    matched_pred = {p for _, p in loose}
    strict_pairs = set(strict)
    for gi, pi in loose:
        g, p = gold[gi], pred[pi]
        report.matched += 1
        claimant_ok = _same_claimant(g.claimant, p.claimant)
        end_ok = g.period.end == p.period.end
        report.claimant_agree += claimant_ok
        report.period_end_agree += end_ok
        if not (claimant_ok and end_ok and (gi, pi) in strict_pairs):
            errors.disagreements.append({"gold": _brief(g), "predicted": _brief(p)})
    errors.missed = [_brief(g) for i, g in enumerate(gold) if i not in matched_gold]
    errors.spurious = [_brief(p) for i, p in enumerate(pred) if i not in matched_pred]
    report.errors.append(errors)


def read_documents(path: Path, skipped: list[str]) -> list[Document]:
    """Documents from a JSON Lines file; a bad line is reported in `skipped` and left out."""
    docs: list[Document] = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                published = date.fromisoformat(d["published"][:10]) if d.get("published") else None
                docs.append(
                    Document(
                        id=str(d.get("id") or f"{path.stem}:{n}"),
                        text=d["text"],
                        title=d.get("title"),
                        url=d.get("url"),
                        published=published,
                        outlet=d.get("outlet"),
                        source=f"{path}:{n}",
                    )
                )
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                skipped.append(f"{path}:{n}: not a document ({type(exc).__name__}: {exc})")
    return docs


def read_gold(path: Path, skipped: list[str]) -> dict[str, list[Claim]]:
    """Gold claims by document id; a bad line is reported in `skipped` and left out."""
    gold: dict[str, list[Claim]] = {}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                claim = Claim.from_dict(d)
                if claim.doc_id is None:
                    raise ValueError("no doc_id")
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                skipped.append(f"{path}:{n}: not a gold claim ({type(exc).__name__}: {exc})")
                continue
            gold.setdefault(str(claim.doc_id), []).append(claim)
    return gold


def evaluate(gold: dict[str, list[Claim]], documents: Iterable[Document]) -> Report:
    """Extract every document and score it against its gold (a document without gold has none)."""
    report = Report()
    for doc in documents:
        pred = extract_document(doc)
        score_document(doc.id, gold.get(doc.id, []), pred, report)
    return report


def evaluate_files(gold_path: Path, docs_path: Path, only: set[str] | None = None) -> Report:
    """`evaluate` over files; `only` restricts to those document ids (a held-out split, say)."""
    skipped: list[str] = []
    gold = read_gold(gold_path, skipped)
    docs = [d for d in read_documents(docs_path, skipped) if only is None or d.id in only]
    report = evaluate(gold, docs)
    report.skipped = skipped
    return report
