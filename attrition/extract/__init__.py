"""extract: the claim grammar. A pure function of (text, publication date); no I/O.

Public entry points:
    extract(text, published=None) -> list[Claim]   claims with doc-independent ids
    extract_document(doc) -> list[Claim]            the same, bound to the document (doc_id, claim_id)
"""

from __future__ import annotations

from datetime import date

from attrition.extract.grammar import extract_claims
from attrition.models import Claim, Document, content_hash

__all__ = ["extract", "extract_document", "EXTRACTOR_VERSION"]

EXTRACTOR_VERSION = "0.4.4"


def extract(text: str, published: date | None = None) -> list[Claim]:
    """Every loss claim in `text`, in order of appearance; ids are bound to the text's hash."""
    return _bound(extract_claims(text, published), None, content_hash(text))


def extract_document(doc: Document) -> list[Claim]:
    """Claims of one document, carrying its id and content hash."""
    return _bound(extract_claims(doc.text, doc.published), doc.id, doc.hash)


def _bound(claims: list[Claim], doc_id: str | None, doc_hash: str) -> list[Claim]:
    """`claims`, each bound in place to the document (`Claim.bind`: the grammar has just built them)."""
    return [c.bind(doc_id, doc_hash) for c in claims]
