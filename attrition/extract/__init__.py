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

EXTRACTOR_VERSION = "0.4.0"


def extract(text: str, published: date | None = None) -> list[Claim]:
    """Every loss claim in `text`, in order of appearance; ids are bound to the text's hash."""
    doc_hash = content_hash(text)
    return [c.with_doc(None, doc_hash) for c in extract_claims(text, published)]


def extract_document(doc: Document) -> list[Claim]:
    """Claims of one document, carrying its id and content hash."""
    doc_hash = doc.hash
    return [c.with_doc(doc.id, doc_hash) for c in extract_claims(doc.text, doc.published)]
