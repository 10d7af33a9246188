"""Illustrative documents written for the project (see README.md in this folder).

A package rather than a plain folder so that its data files ship inside the wheel and are found at
run time without the source tree.
"""

from pathlib import Path

CORPUS_DIR: Path = Path(__file__).resolve().parent
"""Folder holding demo.jsonl, the .html and .txt documents, and official_figures.json."""
