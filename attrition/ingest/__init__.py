"""ingest: read documents from files, directories, JSON Lines and stdin; clean HTML; store."""

from attrition.ingest.pipeline import Hooks, IngestSummary, ingest, ingest_documents, read_documents
from attrition.ingest.readers import DEFAULT_MAX_BYTES, InputError, ReadOptions, document_from_json

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Hooks",
    "IngestSummary",
    "InputError",
    "ReadOptions",
    "document_from_json",
    "ingest",
    "ingest_documents",
    "read_documents",
]
