"""Helpers shared by the incident tests: claims as the claim contract defines them."""

from __future__ import annotations

from datetime import date

from attrition.extract import extract
from attrition.models import Claim, Period, content_hash


def contract_claim(
    text: str, quote: str, category: str, value: float, subject: str | None, *, qualifier: str = "exact"
) -> Claim:
    """The claim MISSION.md's contract requires for `quote` (first occurrence), bound to the text."""
    start = text.index(quote)
    return Claim(
        doc_id=None,
        claim_id="",
        subject=subject,
        category=category,
        value=value,
        qualifier=qualifier,  # type: ignore[arg-type]
        period=Period(kind="event"),
        quote=quote,
        start=start,
        end=start + len(quote),
        mentions=((start, start + len(quote)),),
    ).with_doc(None, content_hash(text))


def claims_with(text: str, published: date | None, required: list[Claim]) -> list[Claim]:
    """The extractor's claims, plus each required claim the extractor does not yet cover.

    A required claim counts as covered when the extractor yields a claim of the same value whose
    span overlaps it; the incident grammar links claims by span, so either serves.
    """
    got = extract(text, published)
    for need in required:
        covered = any(c.value == need.value and c.start < need.end and need.start < c.end for c in got)
        if not covered:
            got.append(need)
    return sorted(got, key=lambda c: c.start)
