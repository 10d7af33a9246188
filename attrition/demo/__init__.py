"""The bundled demo: a small illustrative corpus that `attrition demo` ingests on a fresh machine."""

from __future__ import annotations

from pathlib import Path

#: Folder holding the demo corpus (shipped as package data).
CORPUS_DIR = Path(__file__).parent / "corpus"


def corpus_path() -> Path:
    """Folder holding the demo corpus."""
    return CORPUS_DIR
