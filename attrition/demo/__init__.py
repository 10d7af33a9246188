"""demo: the bundled demo corpus (illustrative documents written for the project)."""

from __future__ import annotations

from pathlib import Path


def corpus_path() -> Path:
    """Folder holding the demo corpus (shipped as package data)."""
    return Path(__file__).parent / "corpus"
